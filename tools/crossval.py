"""`make crossval`: NLU cross-validation of the intent classifier itself (3 folds), printing
per-intent F1. The fallback and the concern router are left out of the pipeline here: they
rewrite intents on purpose (most serious concern, general advice when unsure), so with
them in, the figures would measure routing rather than the classifier.
"""
import json
import subprocess
import sys

import yaml

from apps.paths import RASA, ROOT, quiet_env

OUT = ROOT / "results" / "crossval"
LEFT_OUT = ("FallbackClassifier", "rasa_ext.concern_router.ConcernRouter")


def main() -> int:
    config = yaml.safe_load((ROOT / "config.yml").read_text())
    config["pipeline"] = [c for c in config["pipeline"] if c["name"] not in LEFT_OUT]
    OUT.mkdir(parents=True, exist_ok=True)
    classifier_config = OUT / "classifier-config.yml"
    classifier_config.write_text(yaml.safe_dump(config, sort_keys=False))
    subprocess.run([RASA, "test", "nlu", "--config", str(classifier_config), "--nlu", "data/nlu",
                    "--cross-validation", "--folds", "3", "--out", str(OUT), "--no-plot"],
                   cwd=ROOT, env=quiet_env(), check=True, stdout=subprocess.DEVNULL)
    report = json.loads((OUT / "intent_report.json").read_text())
    for name, row in sorted(report.items()):
        if isinstance(row, dict) and "f1-score" in row:
            print(f"{name:24s} f1={row['f1-score']:.3f} n={row['support']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
