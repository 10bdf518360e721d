"""Build the project's own spaCy pipeline: blank English, the lookup lemmatizer from
spacy-lookups-data, and an entity ruler for PLATFORM, AGE and CHILD. Nothing is
downloaded; the result is saved to a folder Rasa's SpacyNLP loads.

    python -m tools.build.spacy_pipeline build/spacy_en_tyg
"""
import json
import sys
from pathlib import Path

from bot.content_files import CONTENT_DIR
from bot.entities import ruler_patterns
from rasa_ext.source_fingerprint import ROOT, digest, imported_files

SOURCES = ("platforms.yaml", "entities.yaml")


def fingerprint(root: Path = ROOT) -> str:
    """Changes whenever an input of the pipeline changes: its content, this file and the
    project's code it runs (bot/entities.py builds the ruler patterns), spaCy's version."""
    import spacy
    import spacy_lookups_data

    content = root / CONTENT_DIR.relative_to(ROOT)
    h = digest(imported_files(["tools.build.spacy_pipeline"], root)
               + [content / name for name in SOURCES], root)
    h.update(f"{spacy.__version__}/{getattr(spacy_lookups_data, '__version__', '')}".encode())
    return h.hexdigest()[:16]


def build_nlp():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True})
    nlp.initialize()  # loads the lemma tables; clears ruler patterns, so add them after
    ruler.add_patterns(ruler_patterns(tokenize=lambda text: [t.text for t in nlp.tokenizer(text)]))
    nlp.meta["name"] = "en_tyg"
    nlp.meta["version"] = "1.0.0"
    nlp.meta["description"] = "Trust Your Gut: blank English + lookup lemmatizer + entity ruler"
    return nlp


def build(target: Path) -> bool:
    """Build into target unless it is already up to date; True if it was built."""
    target = Path(target)
    stamp = target / "tyg_fingerprint.json"
    current = fingerprint()
    if stamp.exists() and json.loads(stamp.read_text()).get("fingerprint") == current:
        return False
    nlp = build_nlp()
    target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    stamp.write_text(json.dumps({"fingerprint": current}))
    return True


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "build/spacy_en_tyg")
    print(("built " if build(out) else "up to date: ") + str(out))
