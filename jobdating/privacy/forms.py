"""Forms of the data pages: correcting identity and contact details (and the CV), typed confirmations."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, EmailField, StringField, TelField
from wtforms.validators import DataRequired, Email, Length, Optional

from jobdating.signup.forms import PHONE, POSTCODE, strip


class IdentityForm(FlaskForm):
    first_name = StringField(_l("Prénom"), validators=[DataRequired(_l("Indiquez votre prénom.")), Length(max=100)])
    last_name = StringField(_l("Nom"), validators=[DataRequired(_l("Indiquez votre nom.")), Length(max=100)])
    email = EmailField(_l("Adresse e-mail"), filters=[strip], validators=[
        DataRequired(_l("Indiquez votre adresse e-mail.")), Email(_l("Cette adresse e-mail n'est pas valide.")),
        Length(max=254)])
    phone = TelField(_l("Téléphone"), validators=[Optional(), PHONE])
    postcode = StringField(_l("Code postal"), validators=[Optional(), POSTCODE])
    town = StringField(_l("Ville"), validators=[Optional(), Length(max=100)])
    cv = FileField(_l("Remplacer mon CV (PDF)"))
    consent = BooleanField(_l("J'ai lu la notice de confidentialité et j'accepte que mes données servent à organiser "
                              "ce job dating."))


class TypedConfirmForm(FlaskForm):
    """A dangerous action: the organizer types the event's address to confirm."""
    typed = StringField(_l("Tapez l'adresse de l'événement pour confirmer"),
                        validators=[DataRequired(_l("Tapez l'adresse de l'événement pour confirmer."))])
