"""The house's boundaries, checked from the code itself: leaves import no framework, features form no cycle."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "jobdating"
FEATURES = ("core", "accounts", "signup", "planning", "printing", "dayof", "privacy", "demo", "pdf")


def _loaded_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


@pytest.mark.parametrize("statement", ["import jobdating.pdf", "import jobdating"])
def test_the_pdf_renderers_and_the_bare_package_load_no_web_framework(statement):
    assert not _loaded_after(statement) & {"flask", "sqlalchemy", "flask_sqlalchemy", "werkzeug"}


def test_the_solver_loads_neither_the_web_app_nor_its_frameworks():
    assert not _loaded_after("import solver") & {"flask", "sqlalchemy", "jobdating", "werkzeug"}


def feature_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 and parts[0] == "jobdating" and parts[1] in FEATURES else None


def feature_imports() -> dict[str, dict[str, set[str]]]:
    """feature -> imported feature -> the modules that import it (imports inside functions included)."""
    graph: dict[str, dict[str, set[str]]] = {f: {} for f in FEATURES}
    for path in PACKAGE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        source = feature_of(module + ".x") if path.name == "__init__.py" else feature_of(module)
        if source is None:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module + "." + a.name for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            for name in names:
                target = feature_of(name)
                if target and target != source:
                    graph[source].setdefault(target, set()).add(module)
    return graph


def test_features_import_each_other_without_cycles():
    graph = feature_imports()
    order: list[str] = []
    visiting: list[str] = []

    def visit(feature: str) -> None:
        if feature in order:
            return
        assert feature not in visiting, f"import cycle: {' -> '.join(visiting + [feature])} ({graph})"
        visiting.append(feature)
        for target in sorted(graph[feature]):
            visit(target)
        visiting.pop()
        order.append(feature)

    for feature in FEATURES:
        visit(feature)


def test_core_and_the_renderers_depend_on_no_feature():
    graph = feature_imports()
    assert set(graph["core"]) <= {"pdf"}, graph["core"]
    assert graph["pdf"] == {}, graph["pdf"]


def test_every_route_is_declared_public_token_protected_or_for_organizers(app, client):
    """Walk the route table: each route says who may open it, and organizer routes refuse an anonymous visitor."""
    from jobdating.core.access import ORGANIZER, PUBLIC, TOKEN, route_access

    undeclared, open_to_anybody = [], []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        kind = route_access(rule.endpoint)
        if kind not in (PUBLIC, TOKEN, ORGANIZER):
            undeclared.append(rule.rule)
            continue
        if kind == ORGANIZER:
            values = {name: 1 for name in rule.arguments}
            values.update({name: "x" for name in rule.arguments if name in ("kind", "document", "name")})
            method = "GET" if "GET" in rule.methods else "POST"
            with app.test_request_context():
                from flask import url_for
                url = url_for(rule.endpoint, **values)
            answer = client.open(url, method=method)
            if not (answer.status_code == 302 and "/login" in answer.headers.get("Location", "")):
                open_to_anybody.append((rule.rule, answer.status_code))
    assert undeclared == [] and open_to_anybody == []


def test_every_module_reads_in_one_sitting():
    """About 300 lines at most (migrations, which Alembic writes, aside)."""
    long = [(str(path.relative_to(PACKAGE.parent)), n) for folder in (PACKAGE, PACKAGE.parent / "solver")
            for path in folder.rglob("*.py") if "migrations" not in path.parts
            and (n := len(path.read_text().splitlines())) > 320]
    assert long == []
