"""Rasa's own checks on the project: data validation, and the test stories (every route
as a first message, mid-conversation and misspelt) through the trained model."""
import subprocess

import yaml

from tools.build.rasa_files import stories_from_outline
from apps.paths import RASA, ROOT, quiet_env

OUTLINES = ROOT / "tests" / "stories"


def rasa(*args, timeout=900):
    return subprocess.run([RASA, *args], cwd=ROOT, env=quiet_env(), capture_output=True, text=True,
                          timeout=timeout)


def test_data_validates_without_warnings(model):
    out = rasa("data", "validate", "--domain", "domain", "--data", "data", "--config", "config.yml",
               "--fail-on-warnings")
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]


def test_stories_pass(model, tmp_path):
    stories = tmp_path / "stories"
    stories.mkdir()
    for outline in sorted(OUTLINES.glob("*.yaml")):
        text = yaml.safe_dump(stories_from_outline(yaml.safe_load(outline.read_text())), sort_keys=False, allow_unicode=True)
        (stories / f"{outline.stem}.yml").write_text(text)
    out = rasa("test", "core", "--model", str(model), "--stories", str(stories),
               "--out", str(tmp_path), "--fail-on-prediction-errors", "--no-plot")
    failed = (tmp_path / "failed_test_stories.yml")
    detail = failed.read_text()[:4000] if failed.exists() else ""
    assert out.returncode == 0, detail + out.stdout[-2000:] + out.stderr[-2000:]
