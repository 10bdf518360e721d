"""Rasa's own commands, run as the README documents them after `make build`: data validation,
and the test stories (every route as a first message, mid-conversation and misspelt) through
the trained model."""
import subprocess

from apps.paths import RASA, ROOT, quiet_env
from tools.build.rasa_files import RASA_ARGS, TEST_STORIES

OUTLINES = ROOT / "tests" / "stories"


def rasa(*args, timeout=900):
    return subprocess.run([RASA, *args], cwd=ROOT, env=quiet_env(), capture_output=True, text=True,
                          timeout=timeout)


def test_data_validates_without_warnings(model):
    out = rasa("data", "validate", *RASA_ARGS, "--config", "config.yml",
               "--fail-on-warnings")
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]


def test_stories_pass(model, tmp_path):
    stories = TEST_STORIES  # written by the build from tests/stories/, as the README says
    assert sorted(p.stem for p in stories.glob("*.yml")) == sorted(p.stem for p in OUTLINES.glob("*.yaml"))
    out = rasa("test", "core", "--model", str(model), "--stories", str(stories),
               "--out", str(tmp_path), "--fail-on-prediction-errors", "--no-plot")
    failed = (tmp_path / "failed_test_stories.yml")
    detail = failed.read_text()[:4000] if failed.exists() else ""
    assert out.returncode == 0, detail + out.stdout[-2000:] + out.stderr[-2000:]
