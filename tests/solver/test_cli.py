"""python -m solver solve|check|bench from the command line."""
import json
import subprocess
import sys
from pathlib import Path

from plans import candidate, employer, instance

ROOT = Path(__file__).resolve().parents[2]


def cli(*args):
    return subprocess.run([sys.executable, "-m", "solver", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def _write(tmp_path, data, name="instance.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_solve_writes_a_plan_that_check_accepts(tmp_path):
    inst = _write(tmp_path, instance([employer("E1")], [candidate("C1", "E1"), candidate("C2", "E1")]))
    plan = tmp_path / "plan.json"
    assert cli("solve", inst, "-o", plan, "--time-limit", "5", "--workers", "1").returncode == 0
    assert len(json.loads(plan.read_text())["interviews"]) == 2
    out = cli("check", inst, plan)
    assert out.returncode == 0 and '"covered": 2' in out.stdout


def test_check_exits_1_and_names_the_broken_rule(tmp_path):
    inst = _write(tmp_path, instance([employer("E1")], [candidate("C1", "E1"), candidate("C2", "E1")]))
    clash = [{"candidate": c, "employer": "E1", "table": 1, "start": "09:00", "end": "09:15"} for c in ("C1", "C2")]
    plan = _write(tmp_path, {"format": "jobdating-schedule/1", "interviews": clash}, "plan.json")
    out = cli("check", inst, plan)
    assert out.returncode == 1 and "rule 5" in out.stdout


def test_bad_instance_prints_one_clear_message_and_exits_2(tmp_path):
    inst = _write(tmp_path, instance([employer("E1", tables=-2)], []))
    out = cli("solve", inst)
    assert out.returncode == 2
    assert out.stderr.strip() == "error: employer E1: tables must be an integer >= 0, got -2"


def test_file_that_is_not_json_exits_2(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("nope", encoding="utf-8")
    out = cli("check", path, path)
    assert out.returncode == 2 and "not valid JSON" in out.stderr


def test_bench_prints_one_row_per_method_and_size():
    out = cli("bench", "--sizes", "small", "--time-limit", "5")
    lines = out.stdout.strip().splitlines()
    assert out.returncode == 0 and len(lines) == 4
    assert lines[0].split(" | ")[9] == "two_plus"
    assert [line.split(" | ")[:2] for line in lines[1:]] == [
        ["small", "solver"], ["small", "first_choices"], ["small", "baseline"]]
    assert "INVALID" not in out.stdout


def test_bench_with_an_unknown_size_exits_2():
    out = cli("bench", "--sizes", "huge")
    assert out.returncode == 2 and "unknown size 'huge'" in out.stderr


def test_a_time_limit_or_worker_count_below_one_exits_2(tmp_path):
    inst = _write(tmp_path, instance([employer("E1")], [candidate("C1", "E1")]))
    for option, value in (("--time-limit", "-1"), ("--workers", "0")):
        out = cli("solve", inst, option, value)
        assert out.returncode == 2 and "must be above zero" in out.stderr
