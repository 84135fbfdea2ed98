"""The organizer login form."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, Email, Length


class LoginForm(FlaskForm):
    email = EmailField(_l("Adresse e-mail"), validators=[
        DataRequired(_l("Indiquez votre adresse e-mail.")),
        Email(_l("Cette adresse e-mail n'est pas valide.")),
        Length(max=254),
    ])
    password = PasswordField(_l("Mot de passe"), validators=[DataRequired(_l("Indiquez votre mot de passe."))])
