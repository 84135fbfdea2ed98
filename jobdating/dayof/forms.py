"""Front-desk forms: the scan box, walk-ins, an employer leaving early, re-planning, interview outcomes."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TelField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import DataRequired, Email, InputRequired, Length, NumberRange, Optional, StopValidation

from jobdating.core.models import SPEEDS, Outcome


class ScanForm(FlaskForm):
    code = StringField(_l("Badge scanné ou nom"), validators=[
        DataRequired(_l("Scannez un badge ou tapez un nom.")), Length(max=500)])


class ActionForm(FlaskForm):
    """A button that changes something: only the CSRF token."""


class WalkInForm(FlaskForm):
    first_name = StringField(_l("Prénom"), validators=[DataRequired(_l("Indiquez le prénom.")), Length(max=100)])
    last_name = StringField(_l("Nom"), validators=[DataRequired(_l("Indiquez le nom.")), Length(max=100)])
    phone = TelField(_l("Téléphone"), validators=[Optional(), Length(max=40)])
    email = EmailField(_l("Adresse e-mail"), validators=[
        Optional(), Email(_l("Cette adresse e-mail n'est pas valide."), allow_smtputf8=False), Length(max=254)])
    wish1 = SelectField(_l("1er choix"), validators=[DataRequired(_l("Choisissez au moins un employeur."))])
    wish2 = SelectField(_l("2e choix (facultatif)"), validators=[Optional()])
    wish3 = SelectField(_l("3e choix (facultatif)"), validators=[Optional()])

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if not (self.email.data or "").strip() and not (self.phone.data or "").strip():
            self.email.errors = [*self.email.errors, _l("Indiquez un téléphone ou une adresse e-mail.")]
            return False
        return valid

    def wishes(self) -> list[str]:
        return [f.data for f in (self.wish1, self.wish2, self.wish3) if f.data]


class DepartureForm(FlaskForm):
    employer = SelectField(_l("Employeur"), coerce=int, validators=[DataRequired(_l("Choisissez l'employeur."))])
    leave_at = TimeField(_l("Heure de départ"), validators=[DataRequired(_l("Indiquez l'heure de départ."))])


class ReplanForm(FlaskForm):
    allow_moves = BooleanField(_l("Autoriser le déplacement des entretiens des personnes présentes ou attendues"))


OUTCOME_CHOICES = [(Outcome.HELD.value, _l("Tenu")), (Outcome.MISSED.value, _l("Manqué")),
                   (Outcome.FOLLOW_UP.value, _l("Suite souhaitée")), ("", _l("Effacer"))]


class OutcomeForm(FlaskForm):
    outcome = RadioField(_l("Résultat"), choices=OUTCOME_CHOICES, validate_choice=True,
                         validators=[Optional()])


RATING_CHOICES = [("1", "1"), ("2", "2"), ("3", "3"), ("4", "4")]
NEXT_STEP_CHOICES = [("", _l("— Suite —")), ("second_interview", _l("Second entretien")),
                     ("job_offer", _l("Offre d'emploi")), ("training", _l("Formation")), ("none", _l("Pas de suite"))]


class ScoreForm(FlaskForm):
    """Scoring at the table: one per interview on the employer's phone page."""

    rating = RadioField(_l("Note"), choices=RATING_CHOICES, validate_choice=True, validators=[Optional()])
    next_step = SelectField(_l("Suite"), choices=NEXT_STEP_CHOICES, validators=[Optional()])
    notes = TextAreaField(_l("Remarques"), validators=[Optional(), Length(max=2000)])
    absent = BooleanField(_l("Absent·e"))


class WholeNumber(IntegerField):
    """A whole number between two bounds, with one French message for anything else (text, out of bounds)."""

    def __init__(self, label=None, low: int = 0, high: int = 0, **kwargs) -> None:
        self.message = _l("Un nombre entier de %(low)d à %(high)d.", low=low, high=high)
        kwargs["validators"] = [InputRequired(self.message), NumberRange(low, high, self.message)]
        super().__init__(label, **kwargs)

    def process_formdata(self, valuelist) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(str(self.message)) from None

    def pre_validate(self, form) -> None:
        if self.process_errors:
            raise StopValidation()  # not a number: its message is said once


class RehearsalForm(FlaskForm):
    """A rehearsal's simulated start and arrivals (the bounds are dayof.clock's)."""

    origin = TimeField(_l("Heure simulée au démarrage"),
                       validators=[DataRequired(_l("Indiquez une heure du type 09:30."))])
    no_show_percent = WholeNumber(_l("Candidats absents (%)"), 0, 100)
    spread_minutes = WholeNumber(_l("Écart des arrivées (minutes, en plus ou en moins)"), 0, 120)
    walk_ins = WholeNumber(_l("Personnes qui s'inscrivent sur place"), 0, 50)
    seed = WholeNumber(_l("Graine du tirage"), 0, 999_999)


class SpeedForm(FlaskForm):
    speed = SelectField(_l("Vitesse"), choices=[(str(s), f"×{s}") for s in SPEEDS], default="10")
