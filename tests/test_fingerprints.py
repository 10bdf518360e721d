"""A model or spaCy pipeline is rebuilt whenever anything that made it changes: every file of
the project's that training or the pipeline build runs, not only the ones named by hand."""
import shutil

import pytest

from tools.build import spacy_pipeline
from tools import train

COPIED = ("config.yml", "domain.yml", "data", "build/domain", "build/data", "bot", "rasa_ext", "stores", "apps", "tools",
          "build/spacy_en_tyg/tyg_fingerprint.json")


@pytest.fixture
def project(tmp_path):
    from apps.paths import ROOT

    for name in COPIED:
        source, target = ROOT / name, tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target)
    return tmp_path


def _touch(path):
    path.write_text(path.read_text() + "\n# changed\n")


@pytest.mark.parametrize("changed", [
    "bot/text_features.py",  # the classifiers' features
    "bot/intent_model.py",  # the concern classifier
    "bot/danger_model.py",  # the danger-now model
    "rasa_ext/intent_classifier.py",  # a component config.yml names
    "data/nlu/greet.yml",
    "data/danger_now/writer_22.yml",  # the danger-now model's own examples
    "domain.yml",
])
def test_a_change_to_what_training_runs_or_reads_retrains(project, changed):
    before = train.fingerprint(project)
    _touch(project / changed)
    assert train.fingerprint(project) != before


def test_code_training_never_runs_does_not_retrain(project):
    before = train.fingerprint(project)
    _touch(project / "apps" / "web" / "views.py")
    assert train.fingerprint(project) == before


@pytest.mark.parametrize("changed", ["bot/entities.py", "bot/content/platforms.yaml", "tools/build/spacy_pipeline.py"])
def test_a_change_to_the_ruler_patterns_code_or_content_rebuilds_the_pipeline(project, changed):
    before = spacy_pipeline.fingerprint(project)
    _touch(project / changed)
    assert spacy_pipeline.fingerprint(project) != before


def _read_from(project, component, monkeypatch):
    """The component reads the copied project's files, not the real ones."""
    from apps.paths import ROOT

    monkeypatch.setattr(component, "reads", tuple(project / p.relative_to(ROOT) for p in component.reads))


@pytest.mark.parametrize("component, changed", [
    ("rasa_ext.intent_classifier.LinearIntentClassifier", "bot/text_features.py"),
    ("rasa_ext.intent_classifier.LinearIntentClassifier", "bot/intent_model.py"),
    ("rasa_ext.danger_now.DangerNowClassifier", "bot/danger_model.py"),
])
def test_rasas_cache_does_not_restore_a_component_fitted_by_older_code(project, monkeypatch, component, changed):
    # Rasa keys its training cache by a component's config and inputs; the code is the addon
    import importlib

    from rasa.engine.training.fingerprinting import calculate_fingerprint_key

    import rasa_ext.sklearn_component as adapter
    from rasa_ext.source_fingerprint import digest, imported_files

    module, name = component.rsplit(".", 1)
    cls = getattr(importlib.import_module(module), name)
    _read_from(project, cls, monkeypatch)
    monkeypatch.setattr(adapter, "imported_files", lambda modules: imported_files(modules, project))
    monkeypatch.setattr(adapter, "digest", lambda paths: digest(paths, project))
    before = calculate_fingerprint_key(cls, {"random_seed": 2026}, {})
    assert calculate_fingerprint_key(cls, {"random_seed": 2026}, {}) == before
    _touch(project / changed)
    assert calculate_fingerprint_key(cls, {"random_seed": 2026}, {}) != before


def test_rasas_cache_does_not_restore_a_danger_model_fitted_before_its_own_examples_changed(project, monkeypatch):
    # the danger-now model's own examples (data/danger_now/) are files Rasa does not read
    from rasa.engine.training.fingerprinting import calculate_fingerprint_key

    import rasa_ext.sklearn_component as adapter
    from rasa_ext.danger_now import DangerNowClassifier
    from rasa_ext.source_fingerprint import digest, imported_files

    _read_from(project, DangerNowClassifier, monkeypatch)
    monkeypatch.setattr(adapter, "imported_files", lambda modules: imported_files(modules, project))
    monkeypatch.setattr(adapter, "digest", lambda paths: digest(paths, project))
    before = calculate_fingerprint_key(DangerNowClassifier, {"random_seed": 2026}, {})
    _touch(next((project / "data" / "danger_now").glob("*.yml")))
    assert calculate_fingerprint_key(DangerNowClassifier, {"random_seed": 2026}, {}) != before
