"""Organizer forms: event settings, solve options, adjusting interviews, people signed up on their behalf."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    DateField,
    DateTimeLocalField,
    EmailField,
    FloatField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional, Regexp, ValidationError

from jobdating.core.models import EventStatus, RunStatus
from jobdating.signup.employer_forms import EmployerForm, EmployerSignupForm
from jobdating.signup.forms import CandidateSignupForm

STATUS_LABELS = {
    EventStatus.DRAFT: _l("Brouillon (invisible)"),
    EventStatus.OPEN: _l("Inscriptions ouvertes"),
    EventStatus.CLOSED: _l("Inscriptions closes"),
    EventStatus.SCHEDULED: _l("Planning en préparation"),
    EventStatus.PUBLISHED: _l("Planning publié"),
}
RUN_STATUS_LABELS = {
    RunStatus.QUEUED: _l("en attente"),
    RunStatus.RUNNING: _l("en cours"),
    RunStatus.DONE: _l("terminé"),
    RunStatus.STOPPED: _l("arrêté"),
    RunStatus.FAILED: _l("échec"),
}
WINDOWS = Regexp(r"^\s*(\d{1,2}:\d{2}\s*[-–]\s*\d{1,2}:\d{2}\s*([;,]\s*|$))*$",
                 message=_l("Écrivez les pauses ainsi : 12:30-13:30; 15:30-15:45"))


class EventForm(FlaskForm):
    name = StringField(_l("Nom de l'événement"), validators=[DataRequired(_l("Indiquez un nom.")), Length(max=200)])
    slug = StringField(_l("Adresse de la page publique"), validators=[Optional(), Length(max=80),
                       Regexp(r"^[a-z0-9-]*$", message=_l("Lettres minuscules, chiffres et tirets seulement."))])
    venue = StringField(_l("Lieu"), validators=[Optional(), Length(max=300)])
    description = TextAreaField(_l("Présentation"), validators=[Optional(), Length(max=5000)])
    date = DateField(_l("Date"), validators=[DataRequired(_l("Indiquez la date."))])
    start_time = TimeField(_l("Début des entretiens"), validators=[DataRequired(_l("Indiquez l'heure de début."))])
    end_time = TimeField(_l("Fin des entretiens"), validators=[DataRequired(_l("Indiquez l'heure de fin."))])
    slot_minutes = IntegerField(_l("Durée d'un entretien (minutes)"), default=15, validators=[
        DataRequired(_l("Indiquez la durée d'un entretien.")), NumberRange(5, 120)])
    breaks = StringField(_l("Pauses communes"), validators=[Optional(), WINDOWS])
    min_gap_slots = IntegerField(_l("Créneaux libres entre deux entretiens d'un candidat"), default=0,
                                 validators=[Optional(), NumberRange(0, 10)])
    max_wishes = IntegerField(_l("Nombre maximum de vœux par candidat"), default=5,
                              validators=[DataRequired(_l("Indiquez un nombre de vœux.")), NumberRange(1, 30)])
    max_interviews_per_candidate = IntegerField(_l("Nombre maximum d'entretiens par candidat (facultatif)"),
                                                validators=[Optional(), NumberRange(1, 30)])
    plan_priority = SelectField(_l("Priorité du planning"), default="fairness", choices=[
        ("fairness", _l("Équité : un entretien pour chacun d'abord, puis des seconds entretiens")),
        ("first_choices", _l("Premiers choix : accorder plus de premiers vœux, quitte à moins de seconds entretiens"))])
    reminder_day_before = BooleanField(_l("Rappel la veille, avec « Je confirme » et « Je ne pourrai pas venir »"))
    reminder_hours_before = IntegerField(_l("Rappel quelques heures avant (nombre d'heures, facultatif)"),
                                         validators=[Optional(), NumberRange(1, 12)])
    signup_opens = DateTimeLocalField(_l("Ouverture des inscriptions"), validators=[Optional()],
                                      format="%Y-%m-%dT%H:%M")
    signup_closes = DateTimeLocalField(_l("Clôture des inscriptions"), validators=[Optional()],
                                       format="%Y-%m-%dT%H:%M")
    moderate_employers = BooleanField(_l("Valider chaque nouvel employeur avant qu'il soit visible des candidats"),
                                      default=True)
    table_rows = IntegerField(_l("Rangées de tables dans la salle (plan imprimé)"), default=4,
                              validators=[DataRequired(_l("Indiquez un nombre de rangées.")), NumberRange(1, 50)])
    status = SelectField(_l("Statut"), choices=[(s.value, label) for s, label in STATUS_LABELS.items()])
    # The settings version the page was shown with: a save over someone else's newer save is refused.
    settings_version = HiddenField()

    def validate_end_time(self, field):
        if self.start_time.data and field.data and field.data <= self.start_time.data:
            raise ValidationError(_l("L'heure de fin doit suivre l'heure de début."))


class SolveForm(FlaskForm):
    time_limit = FloatField(_l("Durée maximale du calcul (secondes)"), validators=[Optional(), NumberRange(1, 600)])


class MoveForm(FlaskForm):
    start = SelectField(_l("Créneau"), choices=[])
    table = SelectField(_l("Table"), coerce=int, choices=[])
    # The interview's version when the form was shown: a move made meanwhile by somebody else is not overwritten.
    version = HiddenField()


class AddInterviewForm(FlaskForm):
    candidate = SelectField(_l("Candidat"), coerce=int, choices=[])
    employer = SelectField(_l("Employeur"), coerce=int, choices=[])
    table = IntegerField(_l("Table de l'employeur (1, 2…)"), default=1, validators=[NumberRange(1, 50)])
    start = SelectField(_l("Créneau"), choices=[])
    locked = BooleanField(_l("Verrouiller cet entretien"), default=True)


class SearchForm(FlaskForm):
    class Meta:
        csrf = False

    q = StringField(_l("Rechercher"), validators=[Optional(), Length(max=100)])


class OnBehalfCandidateForm(CandidateSignupForm):
    """Sign-up taken by the organizer (phone): the candidate's agreement is confirmed by the organizer."""

    consent = BooleanField(_l("La personne a donné son accord pour l'utilisation de ses données."),
                           validators=[DataRequired(_l("Confirmez l'accord de la personne."))])


class CandidateEditForm(CandidateSignupForm):
    consent = None  # given at sign-up
    max_interviews = IntegerField(_l("Nombre maximum d'entretiens (facultatif)"),
                                  validators=[Optional(), NumberRange(0, 30)])


class OnBehalfEmployerForm(EmployerSignupForm):
    consent = BooleanField(_l("L'employeur a donné son accord pour l'utilisation de ses données."),
                           validators=[DataRequired(_l("Confirmez l'accord de l'employeur."))])


class EmployerEditForm(EmployerForm):
    pass


class InviteForm(FlaskForm):
    email = EmailField(_l("Adresse e-mail"), validators=[DataRequired(_l("Indiquez une adresse e-mail.")),
                                                         Email(_l("Cette adresse e-mail n'est pas valide.")),
                                                         Length(max=254)])
    role = SelectField(_l("Rôle"), choices=[("frontdesk", _l("Accueil : arrivées, tableau, sur place, résultats")),
                                            ("organizer", _l("Organisateur·rice : tout l'événement")),
                                            ("owner", _l("Propriétaire : tout, et l'équipe"))],
                       default="frontdesk")


class RemoveMemberForm(FlaskForm):
    """Only the CSRF token: removing a member is a POST."""


class MessageForm(FlaskForm):
    """An email to a group: first previewed, then sent."""
    segment = SelectField(_l("À qui"), choices=[])
    subject = StringField(_l("Objet"), validators=[DataRequired(_l("Indiquez un objet.")), Length(max=150)])
    body = TextAreaField(_l("Message"), validators=[DataRequired(_l("Écrivez le message.")), Length(max=5000)])
    previewed = HiddenField(default="")
    preview = SubmitField(_l("Aperçu"))
    send = SubmitField(_l("Envoyer"))


class ImportForm(FlaskForm):
    """A list of candidates or employers to import (a CSV or an .xlsx file)."""

    kind = RadioField(_l("La liste contient"), default="candidats", choices=[
        ("candidats", _l("des candidats")), ("employeurs", _l("des employeurs"))],
        validators=[DataRequired(_l("Choisissez ce que contient la liste."))])
    file = FileField(_l("Fichier (.csv ou .xlsx)"), validators=[FileRequired(_l("Choisissez le fichier à importer."))])


class CandidateImportConfirmForm(FlaskForm):
    """Confirming the import of a list of candidates: the organizer vouches for the people's agreement."""

    consent = BooleanField(_l("Je confirme que les personnes de cette liste ont accepté que leurs données servent à "
                              "organiser ce job dating (l'accord a été recueilli par l'organisme qui fournit la "
                              "liste, ou par notre équipe)."),
                           validators=[DataRequired(_l("Cochez cette case : l'import n'est possible qu'avec l'accord "
                                                       "des personnes."))])
    send_links = BooleanField(_l("Envoyer à chacun son lien personnel par e-mail"))


class EmployerImportConfirmForm(CandidateImportConfirmForm):
    consent = BooleanField(_l("Je confirme que les entreprises de cette liste ont accepté que ces informations servent "
                              "à organiser ce job dating et soient montrées aux candidats (sauf l'e-mail et le "
                              "téléphone)."),
                           validators=[DataRequired(_l("Cochez cette case : l'import n'est possible qu'avec l'accord "
                                                       "des entreprises."))])
