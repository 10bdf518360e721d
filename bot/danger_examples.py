"""The danger-now model's own examples (data/danger_now/*.yml): emergencies, and near-misses
told in the same words (over, later, feared, or another sense of the word). They train that
model alone, so it learns where the line is without pulling the concern classifier's
readings of everyday worries towards the emergency."""
import re
from pathlib import Path
from typing import List, Sequence, Tuple

from bot import content_schema as schema
from bot.content_files import ContentError, load as load_file

FOLDER = Path(__file__).resolve().parents[1] / "data" / "danger_now"
# a child at risk of ending their life now, told in other words, and near-misses in the same
# words: they train the self-harm reading alone (bot.danger_model: DangerModel.self_harm)
SELF_HARM_FOLDER = FOLDER.parent / "self_harm_now"
# a near-miss is written to mark where the line is, and a few hundred of them stand against
# thousands of everyday examples that share none of the emergency's words: each counts as this
# many (measured at stop 28: fewer false alarms for the same emergencies caught)
NEAR_MISS_WEIGHT = 4.0


def weight(in_danger: bool) -> float:
    """How much one of these examples counts in training (an NLU example counts 1)."""
    return 1.0 if in_danger else NEAR_MISS_WEIGHT


def load(folder: Path = FOLDER) -> List[Tuple[str, bool]]:
    """(text, in danger) for every example in the folder's .yml and .yaml files, in file order;
    a missing folder is no examples. A malformed file, one without 'version: 1', or a text given
    twice (ignoring case and punctuation) is a ContentError."""
    examples, seen = [], {}
    folder = Path(folder)
    names = sorted(p.name for p in folder.iterdir() if p.suffix in (".yml", ".yaml")) if folder.is_dir() else []
    for name in names:
        data = schema.validate(schema.DangerExamplesFile, load_file(name, folder), name)
        for text, in_danger in [(t, True) for t in data.in_danger] + [(t, False) for t in data.not_in_danger]:
            key = re.sub(r"[\W_]+", " ", text.lower()).strip()  # "He is outside now!" is "he is outside now"
            if key in seen:
                raise ContentError(f"{name}: given twice (also in {seen[key]}): {text[:60]!r}")
            seen[key] = name
            examples.append((text.strip(), in_danger))
    return examples


def _same_length(texts: Sequence[str], in_danger: Sequence[bool]) -> None:
    if len(texts) != len(in_danger):
        raise ValueError(f"{len(texts)} texts but {len(in_danger)} labels")


def training_set(texts: Sequence[str], in_danger: Sequence[bool], folder: Path = FOLDER
                 ) -> Tuple[List[str], List[bool], List[float]]:
    """The danger-now model's training set: the NLU examples given (each counting 1) followed by
    the folder's own examples (each counting weight()), as (texts, labels, weights)."""
    _same_length(texts, in_danger)
    own = load(folder)
    return (list(texts) + [t for t, _ in own],
            [bool(d) for d in in_danger] + [d for _, d in own],
            [1.0] * len(texts) + [weight(d) for _, d in own])


def self_harm_training_set(texts: Sequence[str], in_danger: Sequence[bool], folder: Path = SELF_HARM_FOLDER,
                           near_misses: Path = FOLDER) -> Tuple[List[str], List[bool], List[float]]:
    """The self-harm reading's training set: the NLU examples that are not emergencies and the
    danger-now model's near-misses, all as everyday (each counting 1), followed by the folder's
    own examples (each counting weight()). Emergencies of other kinds are left out: a child
    missing or a man at the door is neither this danger nor everyday, and taking them as either
    would teach the reading the words of a home at night rather than a child's words about
    ending their life."""
    _same_length(texts, in_danger)
    everyday = [t for t, d in zip(texts, in_danger) if not d] + [t for t, d in load(near_misses) if not d]
    own = load(folder)
    return (everyday + [t for t, _ in own],
            [False] * len(everyday) + [d for _, d in own],
            [1.0] * len(everyday) + [weight(d) for _, d in own])
