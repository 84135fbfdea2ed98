"""WTForms (Flask-WTF) forms: fields and validators only."""
