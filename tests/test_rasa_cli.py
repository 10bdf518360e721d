"""Rasa's own commands, run as the README documents them after `make build`: data validation,
and the test stories (every route as a first message, mid-conversation and misspelt) through
the trained model."""
import subprocess

from apps.paths import RASA, ROOT, quiet_env
from tools.build.rasa_files import NLU, NLU_SOURCE, RASA_ARGS, TEST_STORIES, nlu_json

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


def test_rasa_reads_from_nlu_json_exactly_the_examples_its_yaml_reader_reads_in_data_nlu():
    """build/data/nlu.json (what training reads) against Rasa's own reading of data/nlu/:
    the same texts and intents, in the same order."""
    from rasa.shared.importers.importer import TrainingDataImporter

    def read(path):  # the examples with text (Rasa adds the domain's actions as text-less ones)
        data = TrainingDataImporter.load_from_dict(training_data_paths=[str(path)]).get_nlu_data()
        return [(m.get("text"), m.get("intent")) for m in data.training_examples if m.get("text")]

    assert NLU.read_text(encoding="utf-8") == nlu_json(), "build/data/nlu.json is stale: make build"
    from_yaml = read(NLU_SOURCE)
    assert len(from_yaml) > 8000
    assert read(NLU.parent) == from_yaml
