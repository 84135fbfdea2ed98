"""The organizer login form."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length


class LoginForm(FlaskForm):
    email = EmailField(_l("Adresse e-mail"), validators=[
        DataRequired(_l("Indiquez votre adresse e-mail.")),
        Email(_l("Cette adresse e-mail n'est pas valide.")),
        Length(max=254),
    ])
    password = PasswordField(_l("Mot de passe"), validators=[DataRequired(_l("Indiquez votre mot de passe."))])


class JoinForm(FlaskForm):
    """Accepting an invitation without an account yet: a name and a password."""

    name = StringField(_l("Votre nom"), validators=[DataRequired(_l("Indiquez votre nom.")), Length(max=200)])
    password = PasswordField(_l("Mot de passe (12 caractères au moins)"), validators=[
        DataRequired(_l("Choisissez un mot de passe.")), Length(max=200)])
    confirm = PasswordField(_l("Confirmez le mot de passe"), validators=[
        DataRequired(_l("Confirmez le mot de passe.")),
        EqualTo("password", _l("Les deux mots de passe ne sont pas identiques."))])


class AcceptForm(FlaskForm):
    """Accepting an invitation when logged in: only the CSRF token."""
