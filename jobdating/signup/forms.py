"""Candidate forms: sign-up, wishes and availability, resending the private link, withdrawal."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    EmailField,
    FieldList,
    Form,
    FormField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TelField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import DataRequired, Email, Length, Optional, Regexp
from wtforms.widgets import CheckboxInput, ListWidget

from jobdating.core.models import CONTRACT_LABELS, EDUCATION_LABELS, QUESTION_KIND_LABELS, SITUATION_LABELS

PHONE = Regexp(r"^[0-9+(). -]{6,25}$", message=_l("Indiquez un numéro de téléphone, par exemple 06 12 34 56 78."))


def strip(value):
    return value.strip() if isinstance(value, str) else value


POSTCODE = Regexp(r"^[0-9A-Za-z -]{4,10}$", message=_l("Indiquez un code postal, par exemple 62300."))


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class WindowForm(Form):
    """When someone is there: the whole day, a half day, or a custom window."""

    kind = RadioField(_l("Disponibilité"), default="day", choices=[
        ("day", _l("Toute la journée")), ("morning", _l("Le matin")), ("afternoon", _l("L'après-midi")),
        ("custom", _l("Une plage horaire précise")),
    ])
    start = TimeField(_l("De"), validators=[Optional()], format="%H:%M")
    end = TimeField(_l("À"), validators=[Optional()], format="%H:%M")

    def validate(self, extra_validators=None) -> bool:
        """The times are needed only for a custom window (an inline validator would never run on an empty
        field: Optional() stops the chain first)."""
        valid = super().validate(extra_validators)
        if self.kind.data != "custom" or self.start.errors or self.end.errors:
            return valid
        if self.start.data is None:
            self.start.errors.append(_l("Indiquez l'heure de début de la plage."))
        if self.end.data is None:
            self.end.errors.append(_l("Indiquez l'heure de fin de la plage."))
        elif self.start.data is not None and self.end.data <= self.start.data:
            self.end.errors.append(_l("L'heure de fin doit être après l'heure de début."))
        return valid and not self.start.errors and not self.end.errors


class PreferenceForm(WindowForm):
    """An employer's preferred time, if any."""

    kind = RadioField(_l("Préférence"), default="day", choices=[
        ("day", _l("Pas de préférence")), ("morning", _l("Plutôt le matin")),
        ("afternoon", _l("Plutôt l'après-midi")), ("custom", _l("Une plage horaire précise")),
    ])


class WishesForm(FlaskForm):
    """Ranked wishes (the view adds one row per allowed wish and sets their choices) and availability."""

    # validate_choice=False: the sign-up rules say in French what is wrong with a wish (rules.build_wishes).
    wishes = FieldList(SelectField(_l("Vœu"), choices=[("", "")], validate_choice=False), label=_l("Vœux"),
                       min_entries=1)
    availability = FormField(WindowForm, label=_l("Quand pouvez-vous venir ?"))
    # Shown on the private page only when the privacy notice changed since the candidate consented.
    consent = BooleanField(_l("J'ai lu la notice de confidentialité (elle a changé) et j'accepte que mes données "
                              "servent à organiser ce job dating."))


class CandidateSignupForm(WishesForm):
    first_name = StringField(_l("Prénom"), validators=[
        DataRequired(_l("Indiquez votre prénom.")), Length(max=100)])
    last_name = StringField(_l("Nom"), validators=[DataRequired(_l("Indiquez votre nom.")), Length(max=100)])
    email = EmailField(_l("Adresse e-mail"), filters=[strip], validators=[
        DataRequired(_l("Indiquez votre adresse e-mail.")),
        Email(_l("Cette adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr)."), allow_smtputf8=False),
        Length(max=254)])
    phone = TelField(_l("Téléphone"), validators=[Optional(), PHONE])
    postcode = StringField(_l("Code postal"), validators=[Optional(), POSTCODE])
    town = StringField(_l("Ville"), validators=[Optional(), Length(max=100)])
    situation = SelectField(_l("Votre situation"), default="job_seeker",
                            choices=[(key.value, label) for key, label in SITUATION_LABELS.items()])
    education_level = SelectField(_l("Niveau de diplôme"), validators=[Optional()], choices=[
        ("", _l("— Choisir —")), *[(key.value, label) for key, label in EDUCATION_LABELS.items()]])
    wanted_contracts = MultiCheckboxField(_l("Contrats recherchés"), validators=[Optional()],
                                          choices=[(key.value, label) for key, label in CONTRACT_LABELS.items()])
    accessibility_needs = TextAreaField(_l("Besoins d'accessibilité (facultatif)"),
                                        validators=[Optional(), Length(max=1000)])
    cv = FileField(_l("Votre CV (PDF, facultatif)"))
    consent = BooleanField(
        _l("J'accepte que mes données et mon CV soient utilisés pour organiser ce job dating et transmis "
           "aux employeurs que je choisis."),
        validators=[DataRequired(_l("Cochez cette case pour pouvoir vous inscrire."))])


class ResendLinkForm(FlaskForm):
    email = EmailField(_l("Adresse e-mail utilisée à l'inscription"), filters=[strip], validators=[
        DataRequired(_l("Indiquez votre adresse e-mail.")),
        Email(_l("Cette adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr)."), allow_smtputf8=False),
        Length(max=254)])


class ConfirmForm(FlaskForm):
    """A form with nothing but its CSRF token, for buttons such as 'withdraw'."""


class QuestionForm(FlaskForm):
    """A custom question, by the organizer (the event's) or an employer (an offer's); core.questions checks it."""

    label = StringField(_l("Question"), validators=[DataRequired(_l("Écrivez la question.")), Length(max=300)])
    kind = RadioField(_l("Type de réponse"), default="text", validate_choice=False,
                      choices=[(key.value, label) for key, label in QUESTION_KIND_LABELS.items()])
    choices = TextAreaField(_l("Réponses proposées, une par ligne (pour « Un choix dans une liste »)"),
                            validators=[Optional(), Length(max=3500)])
    help_text = StringField(_l("Aide sous la question (facultatif)"), validators=[Optional(), Length(max=500)])
    required = BooleanField(_l("Réponse obligatoire"))

    def values(self) -> dict:
        return dict(kind=self.kind.data or "", label=self.label.data or "", help_text=self.help_text.data or "",
                    choices=self.choices.data or "", required=bool(self.required.data))

    def fill(self, question) -> None:
        self.label.data, self.kind.data, self.help_text.data = question.label, question.kind.value, question.help_text
        self.choices.data, self.required.data = "\n".join(question.choices or []), question.required
