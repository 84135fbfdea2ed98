"""What every browser test checks on a page it shows: screenshots on a desktop and on a phone, no serious
accessibility violation (axe), nothing wider than the phone."""
from __future__ import annotations

from pathlib import Path

DESKTOP = {"width": 1280, "height": 900}


def check_page(page, artifacts: Path, name: str, phone: dict[str, int]) -> None:
    """Screenshot the page as `name`.png on a desktop and `name`-<width>.png on the `phone`; no serious axe
    violation, nothing wider than the phone."""
    from axe_playwright_python.sync_playwright import Axe

    page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a",
                                                                              "wcag21aa"]}})
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, f"{name}: " + results.generate_report()
    page.set_viewport_size(phone)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    page.screenshot(path=str(artifacts / f"{name}-{phone['width']}.png"), full_page=True)
    page.set_viewport_size(DESKTOP)
    assert overflow <= 0, f"{name}: {overflow}px wider than a {phone['width']}px screen"
