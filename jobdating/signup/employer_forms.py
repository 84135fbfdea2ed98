"""Employer forms: sign-up and edit (company, tables, times, offers) and the preselection actions."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    SearchField,
    SelectField,
    SelectMultipleField,
    StringField,
    TelField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional, Regexp, ValidationError

from jobdating.core.models import CONTRACT_LABELS, SECTOR_NAMES
from jobdating.signup.forms import PHONE, PreferenceForm, WindowForm, strip

SECTOR_CHOICES = [("", _l("— Choisir —")), *[(name, name) for name in SECTOR_NAMES], ("Autre", _l("Autre"))]
CONTRACT_CHOICES = [("", _l("— Choisir —")), *[(key.value, label) for key, label in CONTRACT_LABELS.items()]]
DECISION_CHOICES = [("accepted", _l("Accepter")), ("favourite", _l("Favori")), ("declined", _l("Refuser")),
                    ("clear", _l("Sans avis"))]


class OfferForm(Form):
    """One job offer; a row left without a title is ignored, so empty rows can always be shown."""

    offer_id = HiddenField()
    title = StringField(_l("Intitulé du poste"), validators=[Length(max=200)])
    contract_type = SelectField(_l("Type de contrat"), choices=CONTRACT_CHOICES)
    description = TextAreaField(_l("Description courte"), validators=[Optional(), Length(max=1000)])
    tables = StringField(_l("Tables qui reçoivent pour ce poste"), validators=[
        Optional(), Regexp(r"^\s*\d+(\s*[,; ]\s*\d+)*\s*$",
                           message=_l("Indiquez des numéros de table séparés par des virgules, par exemple 1, 2."))])
    remove = BooleanField(_l("Retirer cette offre"))

    def validate_contract_type(self, field):
        if (self.title.data or "").strip() and not field.data and not self.remove.data:
            raise ValidationError(_l("Choisissez le type de contrat de cette offre."))

    def validate_title(self, field):
        filled = self.contract_type.data or (self.description.data or "").strip()
        if filled and not (field.data or "").strip() and not self.remove.data:
            raise ValidationError(_l("Indiquez l'intitulé du poste (ou videz cette ligne)."))


class EmployerForm(FlaskForm):
    company = StringField(_l("Nom de l'entreprise"), validators=[
        DataRequired(_l("Indiquez le nom de l'entreprise.")), Length(max=200)])
    sector = SelectField(_l("Secteur d'activité"), choices=SECTOR_CHOICES,
                         validators=[DataRequired(_l("Choisissez un secteur d'activité."))])
    description = TextAreaField(_l("Présentation de l'entreprise"), validators=[Optional(), Length(max=2000)])
    contact_name = StringField(_l("Nom de la personne à contacter"), validators=[
        DataRequired(_l("Indiquez le nom de la personne à contacter.")), Length(max=200)])
    email = EmailField(_l("Adresse e-mail de contact"), filters=[strip], validators=[
        DataRequired(_l("Indiquez une adresse e-mail.")),
        Email(_l("Cette adresse e-mail n'est pas valide (exemple : rh@entreprise.fr)."), allow_smtputf8=False),
        Length(max=254)])
    phone = TelField(_l("Téléphone"), validators=[DataRequired(_l("Indiquez un numéro de téléphone.")), PHONE])
    tables = IntegerField(_l("Nombre de tables"), default=1, validators=[
        DataRequired(_l("Indiquez un nombre de tables entre 1 et 10.")),
        NumberRange(1, 10, _l("Indiquez un nombre de tables entre 1 et 10."))])
    presence = FormField(WindowForm, label=_l("Présence sur le salon"))
    preferred = FormField(PreferenceForm, label=_l("Moment préféré pour les entretiens"))
    max_interviews = IntegerField(_l("Nombre maximum d'entretiens (facultatif)"), validators=[
        Optional(), NumberRange(1, 500, _l("Indiquez un nombre entre 1 et 500, ou laissez vide."))])
    max_consecutive = IntegerField(_l("Entretiens d'affilée avant une pause (facultatif)"), validators=[
        Optional(), NumberRange(1, 50, _l("Indiquez un nombre entre 1 et 50, ou laissez vide."))])
    offers = FieldList(FormField(OfferForm), _l("Offre"), min_entries=2, max_entries=30)


class EmployerSignupForm(EmployerForm):
    consent = BooleanField(
        _l("J'accepte que ces informations soient utilisées pour organiser ce job dating et montrées aux "
           "candidats (sauf l'e-mail et le téléphone)."),
        validators=[DataRequired(_l("Cochez cette case pour pouvoir inscrire l'entreprise."))])


class PreselectionForm(FlaskForm):
    """Decisions on the candidates: one at a time (a button per row) or for the ticked rows."""

    selected = SelectMultipleField(_l("Candidats sélectionnés"), coerce=int, choices=[], validate_choice=False)
    bulk_action = SelectField(_l("Pour les candidats cochés"), choices=DECISION_CHOICES, default="accepted")
    decide = StringField(validators=[Optional(), Regexp(r"^\d+:(accepted|favourite|declined|clear)$")])


class PreselectionFilterForm(FlaskForm):
    """Search, order and state of the preselection list (read from the address, or sent back with a decision)."""

    class Meta:
        csrf = False

    q = SearchField(_l("Rechercher un candidat"), validators=[Optional(), Length(max=100)])
    tri = SelectField(_l("Trier par"), default="rank", validate_choice=False, choices=[
        ("rank", _l("Rang du vœu")), ("signup", _l("Date d'inscription")), ("situation", _l("Situation")),
        ("education", _l("Niveau de diplôme"))])
    etat = HiddenField(default="all")
    # "12:yes": candidates who gave this answer to question 12 (choices set by the view).
    reponse = SelectField(_l("Réponse à une question"), default="", validate_choice=False, choices=[])

    def values(self) -> tuple[str, str, str]:
        """(search, order, state), each falling back to its default when unknown."""
        sorts, states = {value for value, _label in self.tri.choices}, {"all", "none", "accepted", "favourite",
                                                                        "declined"}
        return ((self.q.data or "").strip()[:100], self.tri.data if self.tri.data in sorts else "rank",
                self.etat.data if self.etat.data in states else "all")

    def answer(self) -> tuple[int, str] | None:
        """The answer filter as (question id, value), or None."""
        question, _sep, value = (self.reponse.data or "").partition(":")
        return (int(question), value) if question.isdigit() and value else None

    def args(self) -> dict[str, str]:
        """The non-default values, for an address that keeps the list as it was."""
        query, sort, state = self.values()
        answer = self.answer()
        return {k: v for k, v in (("q", query), ("tri", sort), ("etat", state),
                                  ("reponse", f"{answer[0]}:{answer[1]}" if answer else ""))
                if v and v not in ("rank", "all")}


class RecruiterForm(FlaskForm):
    """A recruiter added by the employer's main contact."""

    name = StringField(_l("Nom"), validators=[DataRequired(_l("Indiquez le nom de la personne.")), Length(max=200)])
    email = EmailField(_l("Adresse e-mail"), filters=[strip], validators=[
        DataRequired(_l("Indiquez une adresse e-mail.")),
        Email(_l("Cette adresse e-mail n'est pas valide (exemple : rh@entreprise.fr)."), allow_smtputf8=False),
        Length(max=254)])
