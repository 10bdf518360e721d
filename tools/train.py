"""Build derived files and train the Rasa model only when an input changed.

    python -m tools.train        # prints the path of the up-to-date model

The model's name carries a fingerprint of everything training reads (config, domain,
training data, the spaCy pipeline, and the project's code that training runs, traced from
the components config.yml names), so a stale model is never served.
"""
import subprocess
import sys
from pathlib import Path
from typing import List

import yaml

from tools.build import rasa_files, spacy_pipeline
from tools.build.rasa_files import RASA_ARGS, RASA_INPUTS
from rasa_ext.source_fingerprint import digest, imported_files
from apps.paths import MODELS, RASA, ROOT, RUN_DIR, SPACY_MODEL, quiet_env

INPUTS = ("config.yml", *RASA_INPUTS)  # the generated files in build/ carry the content
# Rasa's consistency checks read all 16,000 examples a second time (about 15 s of every
# retrain); `make validate` and `make test` run them strictly (--fail-on-warnings) instead
TRAIN_ARGS = ("--config", "config.yml", *RASA_ARGS, "--skip-validation")


def trained_code(root: Path = ROOT) -> List[Path]:
    """The project's code that training runs: the components config.yml names and all of the
    project's they import (the classifiers' features, the danger-now model...)."""
    config = yaml.safe_load((root / "config.yml").read_text(encoding="utf-8"))
    names = [c["name"] for c in (config.get("pipeline") or []) + (config.get("policies") or [])]
    return imported_files([n.rsplit(".", 1)[0] for n in names if "." in n], root)


def fingerprint(root: Path = ROOT) -> str:
    h = digest([root / name for name in INPUTS] + trained_code(root), root)
    h.update((root / SPACY_MODEL.relative_to(ROOT) / "tyg_fingerprint.json").read_bytes())
    return h.hexdigest()[:12]


def build() -> None:
    spacy_pipeline.build(SPACY_MODEL)
    rasa_files.write_all()


def model_path() -> Path:
    return MODELS / f"tyg-{fingerprint()}.tar.gz"


def train(force: bool = False) -> Path:
    build()
    target = model_path()
    if target.exists() and not force:
        print(f"model up to date: {target.relative_to(ROOT)}", file=sys.stderr)
        return target
    log = RUN_DIR / "train.log"  # Rasa's progress bars would fill the terminal
    log.parent.mkdir(parents=True, exist_ok=True)
    print(f"training {target.name} (about 2 minutes; progress in {log.relative_to(ROOT)}) ...",
          file=sys.stderr, flush=True)
    cmd = [RASA, "train", *TRAIN_ARGS,
           "--out", str(MODELS), "--fixed-model-name", target.name[: -len(".tar.gz")]]
    with open(log, "w", encoding="utf-8") as out:
        done = subprocess.run(cmd, cwd=ROOT, env=quiet_env(), stdout=out, stderr=subprocess.STDOUT)
    if done.returncode != 0:
        print(log.read_text(encoding="utf-8", errors="replace")[-4000:], file=sys.stderr)
        raise SystemExit(f"training failed (exit {done.returncode}); full log: {log}")
    for old in MODELS.glob("tyg-*.tar.gz"):
        if old != target:
            old.unlink()
    return target


if __name__ == "__main__":
    print(train(force="--force" in sys.argv))
