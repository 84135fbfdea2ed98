"""Write the French catalogue from the .pot: every plural message, so that counts follow French rules.

French strings are the message ids, so French needs no translation, except for plurals: without a French
catalogue, ngettext falls back to the English rule and writes "0 personnes" where French says "0 personne".
This catalogue holds each plural message with its own two forms and the French rule `plural=(n > 1)`.
`make extract-messages` runs it after updating the .pot; `make translations` compiles it.

    python scripts/fr_catalog.py [--check]
"""
from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
POT = ROOT / "jobdating" / "translations" / "messages.pot"
PLURAL_FORMS = "nplurals=2; plural=(n > 1);"
FOLDER = ROOT / "jobdating" / "translations" / "fr" / "LC_MESSAGES"


def french_catalog(template: Catalog) -> Catalog:
    catalog = Catalog(locale="fr", project="jobdating", domain="messages", fuzzy=False,
                      creation_date=template.creation_date, revision_date=template.creation_date)
    # Recent CLDR gives French a third form for millions ("1 000 000 de personnes"), which no message here
    # needs: the classic rule keeps the catalogue to the two forms of each msgid.
    catalog.mime_headers = [("Plural-Forms", PLURAL_FORMS)]
    for message in template:
        if message.id and message.pluralizable:
            catalog.add(message.id, string=tuple(message.id), locations=(), flags=message.flags - {"fuzzy"},
                        context=message.context)
    return catalog


def render(catalog: Catalog) -> bytes:
    po = io.BytesIO()
    write_po(po, catalog, width=120, no_location=True, sort_output=True)
    return po.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the committed catalogue is out of date")
    args = parser.parse_args()
    with open(POT, "rb") as handle:
        catalog = french_catalog(read_po(handle))
    po = render(catalog)
    target = FOLDER / "messages.po"
    if args.check:
        current = target.read_bytes() if target.exists() else b""
        if _without_dates(current) != _without_dates(po):
            print(f"{target} is out of date: run `make extract-messages`", file=sys.stderr)
            return 1
        return 0
    FOLDER.mkdir(parents=True, exist_ok=True)
    target.write_bytes(po)
    print(f"{target.relative_to(ROOT)}: {len(catalog)} plural messages")
    return 0


def _without_dates(po: bytes) -> bytes:
    return b"\n".join(line for line in po.splitlines() if not line.startswith((b'"POT-Creation-Date', b'"PO-Rev')))


if __name__ == "__main__":
    sys.exit(main())
