"""The wheel is a complete install: built from the checkout, installed in a new virtual environment elsewhere,
it upgrades a database, loads the demo, serves the home page in French and English, and prints a PDF."""
from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import textwrap
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(ROOT)],
                   check=True, timeout=600)
    (built,) = out.glob("jobdating-*.whl")
    return built


def test_the_wheel_carries_templates_static_files_migrations_and_translations(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("jobdating/core/templates/base.html", "jobdating/signup/templates/public/event.html",
                   "jobdating/dayof/templates/frontdesk/checkin.html", "jobdating/static/css/app.css",
                   "jobdating/migrations/env.py", "jobdating/migrations/alembic.ini",
                   "jobdating/migrations/versions/0001_initial_schema.py",
                   "jobdating/translations/en/LC_MESSAGES/messages.mo",
                   "jobdating/translations/fr/LC_MESSAGES/messages.mo", "jobdating/pdf/fonts/DejaVuSans.ttf",
                   "solver/__init__.py"):
        assert needed in names, needed


def test_the_installed_wheel_runs_outside_the_checkout(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    # The dependencies come from the test environment (read-only, appended after the new site-packages), so
    # that the test needs no download; jobdating itself comes only from the wheel.
    site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    Path(site, "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)], check=True)
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "FLASK"))}
    env.update(DATABASE_URL=f"sqlite:///{work / 'jobdating.sqlite3'}", SECRET_KEY="wheel-test-secret-key",
               PUBLIC_BASE_URL="https://jobdating.example.org", SESSION_COOKIE_SECURE="false")

    def run(*args: str) -> str:
        result = subprocess.run([python, *args], cwd=work, env=env, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    located = run("-c", "import jobdating; print(jobdating.__file__)")
    assert str(ROOT) not in located and str(venv) in located
    run("-m", "flask", "--app", "jobdating", "db", "upgrade")
    assert "Compte organisateur de démonstration" in run("-m", "flask", "--app", "jobdating", "setup")
    probe = textwrap.dedent("""
        import re
        from jobdating import create_app
        app = create_app()
        client = app.test_client()
        home = client.get("/")
        assert home.status_code == 200 and "Connec" in home.text, home.status_code
        english = client.get("/?lang=en")
        assert english.status_code == 200 and 'lang="en"' in english.text
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', client.get("/login").text).group(1)
        client.post("/login", data={"csrf_token": token, "email": "organisateur@exemple.fr",
                                    "password": "jobdating-demo"})
        pdf = client.get("/organisateur/evenements/1/impression/signs.pdf")
        assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF"), pdf.status_code
        print("ok", len(pdf.data))
    """)
    assert run("-c", probe).startswith("ok")


def test_the_committed_english_catalogue_is_compiled_from_its_po_file():
    """The .mo file ships in the wheel, so it is committed; it must say what the .po file says."""
    from babel.messages.mofile import read_mo
    from babel.messages.pofile import read_po

    folder = ROOT / "jobdating" / "translations" / "en" / "LC_MESSAGES"
    with open(folder / "messages.po", "rb") as po, open(folder / "messages.mo", "rb") as mo:
        source, compiled = read_po(po), read_mo(mo)

    def as_key(value: object) -> object:
        return tuple(value) if isinstance(value, list | tuple) else value

    # `make translations` compiles with --use-fuzzy: fuzzy entries count too.
    expected = {as_key(m.id): as_key(m.string) for m in source if m.id and m.string}
    actual = {as_key(m.id): as_key(m.string) for m in compiled if m.id}
    assert actual == expected, "run `make translations` and commit jobdating/translations/en/LC_MESSAGES/messages.mo"
