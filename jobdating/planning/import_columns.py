"""The columns of an imported list: their French headers (and the other names accepted for them), what each one
holds, the header row matched against them, the model file, and the words accepted for a choice (situation,
diploma, sector, contract). Names are compared without case, accents or inclusive writing (core.search)."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from jobdating.core.models import CONTRACT_LABELS, EDUCATION_LABELS, SECTOR_NAMES, SITUATION_LABELS
from jobdating.core.search import word_forms
from jobdating.planning.import_files import FileProblem

CANDIDATES, EMPLOYERS = "candidates", "employers"
# The kinds as the page's addresses and the model files name them.
KIND_SLUGS = {"candidats": CANDIDATES, "employeurs": EMPLOYERS}
SLUG_OF = {kind: slug for slug, kind in KIND_SLUGS.items()}
EMAIL_NAMES = ("Email", "Courriel", "Mail", "Adresse e-mail", "Adresse mail", "Adresse électronique")
PHONE_NAMES = ("Tél", "Tel.", "Portable", "Mobile", "Numéro de téléphone", "Phone")


@dataclass(frozen=True)
class Column:
    name: str  # the field it fills
    header: str  # the header of the model file (French, whatever the language of the page)
    about: Any  # what to write in it, for the page (translated)
    required: bool = False
    synonyms: tuple[str, ...] = ()

    def names(self) -> list[str]:
        return [self.header, *self.synonyms]


CANDIDATE_COLUMNS = (
    Column("first_name", "Prénom", _l("obligatoire"), True, ("First name",)),
    Column("last_name", "Nom", _l("obligatoire"), True, ("Nom de famille", "Nom d'usage", "Last name")),
    Column("email", "E-mail", _l("obligatoire, une adresse valide ; une seule inscription par adresse"), True,
           EMAIL_NAMES),
    Column("phone", "Téléphone", _l("facultatif"), synonyms=PHONE_NAMES),
    Column("postcode", "Code postal", _l("facultatif"), synonyms=("CP",)),
    Column("town", "Ville", _l("facultatif"), synonyms=("Commune",)),
    Column("situation", "Situation", _l("facultatif (vide : demandeur·se d'emploi) ; l'une des valeurs "
                                        "ci-dessous")),
    Column("education_level", "Niveau de diplôme", _l("facultatif ; l'une des valeurs ci-dessous"),
           synonyms=("Diplôme", "Niveau", "Niveau d'études")),
    Column("wishes", "Vœux", _l("facultatif : des entreprises et/ou des offres de ce job dating, séparées par « ; » "
                                "ou « | », le premier vœu d'abord ; une offre que plusieurs entreprises proposent "
                                "s'écrit « Entreprise - Offre ». Sans vœu, la personne les choisit depuis son "
                                "lien personnel."),
           synonyms=("Voeux", "Souhaits", "Choix", "Employeurs souhaités", "Offres souhaitées")),
)
EMPLOYER_COLUMNS = (
    Column("company", "Entreprise", _l("obligatoire"), True,
           ("Société", "Nom de l'entreprise", "Raison sociale", "Employeur", "Structure", "Company")),
    Column("contact_name", "Contact", _l("facultatif : la personne à contacter"),
           synonyms=("Nom du contact", "Personne à contacter", "Interlocuteur", "Interlocutrice", "Référent")),
    Column("email", "E-mail", _l("obligatoire, une adresse valide ; une seule inscription par adresse"), True,
           EMAIL_NAMES),
    Column("phone", "Téléphone", _l("facultatif"), synonyms=PHONE_NAMES),
    Column("sector", "Secteur", _l("facultatif ; l'une des valeurs ci-dessous"),
           synonyms=("Secteur d'activité", "Activité")),
    Column("description", "Présentation", _l("facultatif : quelques lignes sur l'entreprise"),
           synonyms=("Description", "Présentation de l'entreprise")),
    Column("offers", "Offres", _l("obligatoire : les intitulés des postes, séparés par « ; » ou « | » ; chacun peut "
                                  "finir par son contrat entre parenthèses, par exemple « Cariste (CDD) »"), True,
           ("Postes", "Offres d'emploi", "Postes proposés", "Métiers")),
    Column("contract_type", "Type de contrat", _l("le contrat des offres qui n'en précisent pas ; l'une des valeurs "
                                                  "ci-dessous"),
           synonyms=("Contrat", "Contrats")),
    Column("tables", "Tables", _l("facultatif : nombre de tables, de 1 à 10 (vide : 1)"),
           synonyms=("Nombre de tables", "Nb tables")),
)
COLUMNS = {CANDIDATES: CANDIDATE_COLUMNS, EMPLOYERS: EMPLOYER_COLUMNS}


@dataclass
class Header:
    """Where each known column is in the file, and the headers that are no column of ours (ignored)."""

    positions: dict[str, int]
    ignored: list[str] = field(default_factory=list)
    width: int = 0


def match_header(cells: list[str], kind: str, *, other_kind: bool = True) -> Header:
    """The columns of a header row; a FileProblem when a required one is missing (saying so when the file is a
    list of the other kind, unless not `other_kind`) or one appears twice."""
    columns = COLUMNS[kind]
    lookup: dict[str, Column] = {}
    for known in columns:
        for name in known.names():
            for form in word_forms(name):
                lookup[form] = known
    header = Header(positions={}, width=len(cells))
    for index, cell in enumerate(cells):
        column = next((lookup[form] for form in sorted(word_forms(cell)) if form in lookup), None)
        if column is None:
            if cell:
                header.ignored.append(cell)
            continue
        if column.name in header.positions:
            raise FileProblem(_l("La colonne « %(column)s » apparaît deux fois dans la ligne d'en-tête : gardez-en "
                                 "une seule.", column=column.header))
        header.positions[column.name] = index
    missing = [known.header for known in columns if known.required and known.name not in header.positions]
    if missing and other_kind and _is_list_of(cells, EMPLOYERS if kind == CANDIDATES else CANDIDATES):
        raise FileProblem(_l("Ce fichier est une liste d'employeurs : choisissez « des employeurs » et envoyez-le à "
                             "nouveau.") if kind == CANDIDATES else
                          _l("Ce fichier est une liste de candidats : choisissez « des candidats » et envoyez-le à "
                             "nouveau."))
    if missing:
        raise FileProblem(_l("La première ligne du fichier doit donner le nom des colonnes ; il manque : "
                             "%(missing)s. Partez du fichier modèle, ou renommez vos colonnes.",
                             missing=", ".join(missing)))
    return header


def _is_list_of(cells: list[str], kind: str) -> bool:
    """Whether a header row has every required column of the other kind of list."""
    try:
        match_header(cells, kind, other_kind=False)
    except FileProblem:
        return False
    return True


def model_csv(kind: str) -> bytes:
    """The model file of a kind: the header row, separated by ';', in UTF-8 with a BOM (Excel in France opens it
    as it is)."""
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerow([column.header for column in COLUMNS[kind]])
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


# Choices -------------------------------------------------------------------------------------------------

@dataclass
class Vocabulary:
    """The values a column accepts, each under several names; `shown` lists them for an error message."""

    words: dict[str, str]
    shown: list[str]
    labels: dict[str, str] = field(default_factory=dict)  # value -> its label on the page

    def find(self, text: str) -> str | None:
        return next((self.words[form] for form in sorted(word_forms(text)) if form in self.words), None)

    def label(self, value: str) -> str:
        return self.labels.get(value, value)


def _vocabulary(labels: Mapping[Any, Any], extra: Mapping[str, Iterable[str]] | None = None) -> Vocabulary:
    """Each value under its label in French and in the page's language, its stored value, the label without its
    bracketed part, and the `extra` names."""
    words: dict[str, str] = {}
    shown = [str(label) for label in labels.values()]
    with force_locale("fr"):
        french = {str(value): str(label) for value, label in labels.items()}
    for value, label in labels.items():
        value = str(value)
        names = [french[value], str(label), value, french[value].split("(")[0], *(extra or {}).get(value, ())]
        for name in names:
            for form in word_forms(name):
                words.setdefault(form, value)
    return Vocabulary(words, shown, {str(value): str(label) for value, label in labels.items()})


def situations() -> Vocabulary:
    return _vocabulary(SITUATION_LABELS, {
        "job_seeker": ("Demandeur d'emploi", "Demandeuse d'emploi", "DE", "Chômeur", "Sans emploi"),
        "student": ("Étudiant", "Étudiante", "Alternant", "Lycéen"), "employee": ("Salarié", "En poste", "Employé"),
        "career_change": ("Reconversion", "Reconversion professionnelle")})


def education_levels() -> Vocabulary:
    return _vocabulary(EDUCATION_LABELS, {
        "none": ("Aucun", "Aucun diplôme", "Sans"), "cap_bep": ("CAP", "BEP"),
        "bac": ("Baccalauréat", "Bac pro", "Bac professionnel"), "bac2": ("Bac+2", "BTS", "DUT", "DEUG"),
        "bac3": ("Bac+3", "Licence", "BUT", "Licence pro"), "bac5": ("Bac+5", "Master", "Ingénieur"),
        "doctorate": ("Bac+8", "Doctorat")})


def sectors() -> Vocabulary:
    labels = {name: name for name in SECTOR_NAMES} | {"Autre": _l("Autre")}
    return _vocabulary(labels)


def contracts() -> Vocabulary:
    return _vocabulary(CONTRACT_LABELS, {"cdi": ("Contrat à durée indéterminée",),
                                         "cdd": ("Contrat à durée déterminée",),
                                         "alternance": ("Apprentissage", "Contrat d'apprentissage",
                                                        "Contrat de professionnalisation"),
                                         "interim": ("Intérimaire", "Mission d'intérim")})
