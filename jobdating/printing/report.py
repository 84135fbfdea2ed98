"""The event's one-page report for funders, from its anonymous figures (those kept after the purge, or the
same figures computed now)."""
from __future__ import annotations

from jobdating import pdf
from jobdating.core.models import Event
from jobdating.printing.documents import event_info
from jobdating.privacy.stats import anonymous_statistics

OUTCOME_LABELS = {"held": "Tenus", "missed": "Manqués", "follow_up": "Avec une suite souhaitée",
                  "unknown": "Non renseignés"}


def report_pdf(event: Event) -> bytes:
    stats = event.statistics if event.purged_at is not None and event.statistics else anonymous_statistics(event)
    candidates, covered = stats.get("candidates", 0), stats.get("candidates_with_interview", 0)
    figures = (
        ("Candidat·es inscrit·es", str(candidates)),
        ("dont inscrit·es sur place", str(stats.get("walk_ins", 0))),
        ("Venu·es le jour J", str(stats.get("arrived", 0))),
        ("Avec au moins un entretien", f"{covered} ({round(100 * covered / candidates) if candidates else 0} %)"),
        ("Employeurs", str(stats.get("employers", 0))),
        ("Offres", str(stats.get("offers", 0))),
        ("Vœux exprimés", str(stats.get("wishes", 0))),
        ("Entretiens planifiés", str(stats.get("interviews", 0))),
    )
    wishes = stats.get("wishes_per_sector", {})
    sectors = tuple(sorted(((s, n, wishes.get(s, 0)) for s, n in stats.get("employers_per_sector", {}).items()),
                           key=lambda row: (-row[2], row[0])))
    outcomes = tuple((OUTCOME_LABELS[key], n) for key, n in stats.get("outcomes", {}).items() if key in OUTCOME_LABELS)
    per_candidate = tuple((k, int(v)) for k, v in stats.get("interviews_per_candidate", {}).items())
    note = ("Chiffres anonymes : aucune donnée personnelle n'entre dans ce bilan"
            + (" (données personnelles effacées, chiffres conservés)." if event.purged_at is not None else "."))
    return pdf.render_report(pdf.Report(event_info(event), figures, per_candidate, sectors, outcomes, note))
