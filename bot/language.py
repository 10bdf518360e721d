"""Is a message in English? If not, which language it looks like (bot/content/languages.yaml),
so the channel can say plainly that the bot only understands English rather than guess.
Rasa-free. Rules rather than a trained intent: adding one to the classifier moved its
answers on English messages (make eval), and these rules decide the same way every time."""
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, FrozenSet, Optional, Tuple

from bot import content_schema as schema
from bot.content_files import CONTENT_DIR, load, require

MIN_WORDS = 2  # one foreign-looking word ("diolch") is not enough to decide
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")


@dataclass(frozen=True)
class Languages:
    english: FrozenSet[str]
    latin: Dict[str, Tuple[FrozenSet[str], str]]  # name: (words, letters)
    scripts: Tuple[Tuple[str, re.Pattern], ...]

    def detect(self, text: str) -> Optional[str]:
        """The language's name if the text is clearly not English, else None."""
        if not text:
            return None
        if not text.isascii():  # other scripts only matter if there is something non-ASCII
            letters = len(_LATIN.findall(text))
            for name, rx in self.scripts:
                if len(rx.findall(text)) > letters:
                    return name
        words = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
        english = sum(w in self.english for w in words)
        best, best_score = None, 0
        for name, (vocab, special) in self.latin.items():
            score = sum(w in vocab for w in words) + (1 if special and any(c in special for c in text.lower()) else 0)
            if score > best_score:
                best, best_score = name, score
        return best if best_score >= MIN_WORDS and best_score > english else None


def load_languages(directory=CONTENT_DIR) -> Languages:
    where = "languages.yaml"
    data = schema.validate(schema.LanguagesFile, load(where, directory), where)
    english = frozenset(w.lower() for w in data.english_words)
    latin = {}
    for key, entry in data.languages.items():
        w = f"{where}: {key}"
        require(len(entry.words) >= 10, w, "needs at least 10 'words'")
        vocab = frozenset(v.lower() for v in entry.words)
        clash = sorted(vocab & english)
        require(not clash, w, f"words that are also English: {clash}")
        latin[entry.name] = (vocab, entry.letters or "")
    scripts = tuple((s.name, re.compile("[" + "".join(s.ranges) + "]")) for s in data.scripts)
    require(latin or scripts, where, "no languages")
    return Languages(english, latin, scripts)


@lru_cache(maxsize=1)
def languages() -> Languages:
    return load_languages()


def detect_language(text: str) -> Optional[str]:
    return languages().detect(text)
