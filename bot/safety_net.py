"""The emergency safety net: recognise a child in danger now or within hours from
patterns in content/safety_net.yaml, independently of the trained NLU."""
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Callable, Dict, Iterable, Optional, Sequence, Tuple

from bot import content_schema as schema
from bot.content_files import CONTENT_DIR, load, require
from bot.pattern_search import AnyPattern
from bot.spelling import Speller
from bot.text_input import clean_user_text, sentences

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
WINDOW_SENTENCES = 3  # a trigger's concepts must meet within this many neighbouring sentences


def worded_sentences(text: str) -> list:
    """The text's sentences that have a word: "8!!" in the lemmas is "8 ! !", and the second
    "!" would otherwise be a sentence of its own, so the words and lemmas split differently."""
    return [p for p in sentences(text) if _WORD.search(p.lower())]


def windows(text: str) -> list:
    """The text as runs of WINDOW_SENTENCES neighbouring sentences (the whole text if shorter):
    in a long story, "a man" in the first paragraph and "at the door" in the last are not one
    event."""
    parts = worded_sentences(text)
    if len(parts) <= WINDOW_SENTENCES:
        return [text]
    return [" ".join(parts[i:i + WINDOW_SENTENCES]) for i in range(len(parts) - WINDOW_SENTENCES + 1)]


@dataclass(frozen=True)
class Trigger:
    name: str
    all_of: Tuple[str, ...] = ()
    any_of: Tuple[str, ...] = ()
    none_of: Tuple[str, ...] = ()
    # silence the trigger only in the sentences that hold all its concepts and the sentence either
    # side: in a long story, "next friday" three sentences away is not the meeting's day
    none_nearby: Tuple[str, ...] = ()
    # silence the trigger only in the sentences that hold all its concepts: "every night" of the
    # chatting in the sentence before "he's meeting him at 10 today" is not the meeting's routine
    none_alongside: Tuple[str, ...] = ()
    one_sentence: bool = False  # all its concepts in one sentence ("she's meeting him tonight")


@dataclass(frozen=True)
class SafetyNet:
    textspeak: Dict[str, str]
    concepts: Dict[str, AnyPattern]  # each concept's patterns, searched as one
    triggers: Tuple[Trigger, ...]
    speller: Speller  # corrects typos towards the patterns' words
    supporting: Tuple[str, ...] = ()  # concepts that let a classifier's emergency guess stand
    keep_as_written: frozenset = frozenset()  # words whose lemma would mislead ("met")
    real_words: frozenset = frozenset()  # common words never "corrected" ("looked" is not "locked")
    as_written: frozenset = frozenset()  # concepts read in the words (text-speak and typos mended), never the lemmas
    settling: Tuple[str, ...] = ()  # concepts that say the child is safe now
    still_urgent: Tuple[str, ...] = ()  # concepts that mean something is happening now even so
    # a concept that ends some still-urgent ones: the man the police caught where he waited is
    # waiting no longer ("they waited at the end of the road... had him in cuffs")
    ended_by: Dict[str, Tuple[str, ...]] = field(default_factory=dict)
    self_harm_support: Tuple[str, ...] = ()  # words that let the self-harm reading's weaker score count
    # the last message's concepts: detect, settled and supports_emergency all ask about the
    # same message in turn (each entry replaced whole, so threads never see half of one)
    _last: dict = field(default_factory=dict, compare=False, repr=False)

    def lemmas_of(self, words: Sequence[str], lemmas: Sequence[str]) -> list:
        """Each word's lemma, or the word itself where its lemma would mislead."""
        return [w if w.lower() in self.keep_as_written else l for w, l in zip(words, lemmas)]

    def normalise(self, text: str) -> str:
        text = clean_user_text(text).lower().replace("\u2019", "'")
        words = []
        for word in _WORD.findall(text):
            word = self.textspeak.get(word, word)
            words.append(self._correct(word))
        return " ".join(words)

    def _correct(self, word: str) -> str:
        # short words are too easily another real word ("where" is one letter from "there")
        if len(word) < 6 or not word.isalpha() or word in self.real_words:
            return word
        return self.speller.closest(word)

    def matched_concepts(self, surface: str, lemma_text: str = "", names: Optional[Iterable[str]] = None) -> set:
        """The concepts in the words or in their lemmas (as_written ones: in the words only);
        names: only these concepts."""
        names = self.concepts if names is None else names
        return {name for name in names
                if self.concepts[name].search(surface)
                or (lemma_text and name not in self.as_written and self.concepts[name].search(lemma_text))}

    @cached_property
    def _windowed(self) -> frozenset:
        """The concepts a trigger looks for in part of a message (its sentences or windows): only
        these are matched part by part, the rest once over the whole message."""
        return frozenset(c for t in self.triggers for c in t.all_of + t.none_nearby + t.none_alongside)

    def _scan(self, text: str, lemmas: Optional[Sequence[str]]) -> tuple:
        """(key, concepts found, normalised words, normalised lemmas) of the message, the
        concepts kept only for the self-harm reading's support aside (`_only_support`)."""
        key = (text, tuple(lemmas or ()))
        last = self._last.get("found")
        if last and last[0] == key:
            return last
        surface = self.normalise(text)
        lemma_text = self.normalise(" ".join(lemmas)) if lemmas else ""
        entry = (key, frozenset(self.matched_concepts(surface, lemma_text, self._eager)), surface, lemma_text)
        self._last["found"] = entry
        return entry

    def _found(self, text: str, lemmas: Optional[Sequence[str]]) -> frozenset:
        return self._scan(text, lemmas)[1]

    def _support_found(self, text: str, lemmas: Optional[Sequence[str]]) -> frozenset:
        # kept for the message, like _scan's entry: the doubt check and the self-harm reading
        # may both ask for it, and its word lists are long
        key, _found, surface, lemma_text = self._scan(text, lemmas)
        last = self._last.get("support")
        if last and last[0] == key:
            return last[1]
        found = frozenset(self.matched_concepts(surface, lemma_text, self._only_support))
        self._last["support"] = (key, found)
        return found

    @cached_property
    def _only_support(self) -> frozenset:
        """Concepts that only let the self-harm reading's weaker score count: looked for only
        when that score asks (rarely), as their word lists are long."""
        used = {c for t in self.triggers for c in t.all_of + t.any_of + t.none_of + t.none_nearby + t.none_alongside}
        used |= {*self.supporting, *self.settling, *self.still_urgent, *self.ended_by}
        return frozenset(self.self_harm_support) - used

    @cached_property
    def _eager(self) -> Tuple[str, ...]:
        return tuple(c for c in self.concepts if c not in self._only_support)

    def _found_in_parts(self, text: str, lemmas: Optional[Sequence[str]], split: Callable) -> list:
        """The concepts found in each part of the message that `split` makes, from its words and
        from its lemmas alike."""
        surface = split(clean_user_text(text)) or [""]
        lemma = split(" ".join(lemmas)) if lemmas else []
        if len(lemma) != len(surface):  # split differently: pair each part with all the lemmas
            lemma = [" ".join(lemmas)] * len(surface) if lemmas else [""] * len(surface)
        return [self.matched_concepts(self.normalise(s), self.normalise(l) if l else "", self._windowed)
                for s, l in zip(surface, lemma)]

    def _found_by_window(self, text: str, lemmas: Optional[Sequence[str]]) -> list:
        return self._found_in_parts(text, lemmas, windows)

    def _found_by_sentence(self, text: str, lemmas: Optional[Sequence[str]]) -> list:
        return self._found_in_parts(text, lemmas, worded_sentences)

    def _meet_nearby(self, trigger: Trigger, text: str, lemmas: Optional[Sequence[str]]) -> bool:
        """The trigger's concepts meet in a run of up to a window's neighbouring sentences (one
        sentence for a one_sentence trigger), none of its none_alongside concepts is in that run,
        and none of its none_nearby concepts is in that run or the sentence either side."""
        by_sentence = self._found_by_sentence(text, lemmas)
        nearby, alongside = set(trigger.none_nearby), set(trigger.none_alongside)
        for size in range(1, min(1 if trigger.one_sentence else WINDOW_SENTENCES, len(by_sentence)) + 1):
            for start in range(len(by_sentence) - size + 1):
                run = set().union(*by_sentence[start:start + size])
                if not all(c in run for c in trigger.all_of) or alongside & run:
                    continue
                if not nearby & set().union(*by_sentence[max(0, start - 1):start + size + 1]):
                    return True
        return False

    def concepts_in(self, text: str, lemmas: Optional[Sequence[str]] = None) -> frozenset:
        """The concepts found anywhere in the message (its words and their lemmas)."""
        return self._found(text, lemmas) | self._support_found(text, lemmas)

    def supports_emergency(self, text: str, lemmas: Optional[Sequence[str]] = None) -> bool:
        """The message has something urgent about it, if not enough to fire on its own."""
        return bool(self._found(text, lemmas) & set(self.supporting))

    def supports_self_harm(self, text: str, lemmas: Optional[Sequence[str]] = None) -> bool:
        """The message has a word that may speak of a child ending their life."""
        return bool(self._found(text, lemmas) & set(self.self_harm_support)
                    or self._support_found(text, lemmas))

    def settled(self, text: str, lemmas: Optional[Sequence[str]] = None) -> bool:
        """The writer says the child is safe now and nothing urgent: a model's guess alone is
        not enough for 999."""
        found = self._found(text, lemmas)
        urgent = found & set(self.still_urgent)
        for ender, ended in self.ended_by.items():
            if ender in found:
                urgent -= set(ended)
        return bool(found & set(self.settling)) and not urgent

    def detect(self, text: str, lemmas: Optional[Sequence[str]] = None) -> Optional[str]:
        """The name of the first trigger that fires, or None. A trigger that needs several
        concepts fires only when they meet within one window of the message."""
        anywhere = self._found(text, lemmas)
        by_window = None  # worked out only when a trigger could fire
        for trigger in self.triggers:
            if any(c in anywhere for c in trigger.none_of):  # "not tonight" anywhere counts
                continue
            if trigger.any_of and any(c in anywhere for c in trigger.any_of):
                return trigger.name
            if trigger.all_of and all(c in anywhere for c in trigger.all_of):
                if trigger.none_nearby or trigger.none_alongside or trigger.one_sentence:
                    if self._meet_nearby(trigger, text, lemmas):
                        return trigger.name
                    continue
                by_window = by_window or self._found_by_window(text, lemmas)
                if any(all(c in found for c in trigger.all_of) for found in by_window):
                    return trigger.name
        return None


def _vocabulary(patterns: Iterable[str], textspeak: Dict[str, str], extra: Iterable[str] = ()) -> frozenset:
    words = {w.lower() for w in extra}
    for p in list(patterns) + list(textspeak.values()):
        words.update(w for w in re.findall(r"[a-z]{5,}", p.replace("\\b", " ")))
    return frozenset(words)


def _with_fragments(pattern: str, fragments: Dict[str, str], where: str, concept: str) -> str:
    """The pattern with each {name} replaced by the fragment of that name."""
    def fragment(m: "re.Match") -> str:
        require(m.group(1) in fragments, where, f"concept '{concept}': no fragment named '{m.group(1)}'")
        return fragments[m.group(1)]
    return re.sub(r"\{([a-z_]+)\}", fragment, pattern)


def load_safety_net(directory=CONTENT_DIR) -> SafetyNet:
    where = "safety_net.yaml"
    data = schema.validate(schema.SafetyNetFile, load(where, directory), where)
    textspeak = {k.lower(): v.lower() for k, v in data.textspeak.items()}
    concepts, expanded = {}, {}
    for name, patterns in data.concepts.items():
        patterns = expanded[name] = [_with_fragments(p, data.fragments, where, name) for p in patterns]
        try:  # each pattern on its own: an error names the concept, and a stray bracket
            concepts[name] = AnyPattern(patterns)  # can't pair with its neighbour's
        except re.error as exc:
            require(False, where, f"concept '{name}': bad pattern: {exc}")
    triggers = []
    for spec in data.triggers:
        t = Trigger(spec.name, tuple(spec.all), tuple(spec.any), tuple(spec.none), tuple(spec.none_nearby),
                    tuple(spec.none_alongside), spec.one_sentence)
        require(t.all_of or t.any_of, where, f"trigger '{t.name}' needs 'all' or 'any' concepts")
        for key, used in (("none_nearby", t.none_nearby), ("none_alongside", t.none_alongside),
                          ("one_sentence", t.one_sentence)):
            require(t.all_of or not used, where, f"trigger '{t.name}': '{key}' needs 'all' concepts")
        unknown = [c for c in t.all_of + t.any_of + t.none_of + t.none_nearby + t.none_alongside
                   if c not in concepts]
        require(not unknown, where, f"trigger '{t.name}' uses unknown concepts {unknown}")
        triggers.append(t)
    # the corrector learns no words from `uncorrected` concepts, so it never bends ordinary
    # words into theirs ("whispering" into "whimpering")
    taught = (p for name, ps in expanded.items() if name not in data.uncorrected for p in ps)
    speller = Speller(_vocabulary(taught, textspeak, data.vocabulary))
    for key in ("supporting", "settling", "still_urgent", "self_harm_support", "as_written", "uncorrected"):
        require(all(c in concepts for c in getattr(data, key)), where, f"'{key}' names unknown concepts")
    require(all(c in concepts for k, v in data.ended_by.items() for c in [k, *v]), where,
            "'ended_by' names unknown concepts")
    require(all(c in data.still_urgent for v in data.ended_by.values() for c in v), where,
            "'ended_by' may only end 'still_urgent' concepts")
    return SafetyNet(textspeak, concepts, tuple(triggers), speller, supporting=tuple(data.supporting),
                     keep_as_written=frozenset(w.lower() for w in data.keep_as_written),
                     real_words=frozenset(w.lower() for w in data.real_words),
                     settling=tuple(data.settling), still_urgent=tuple(data.still_urgent),
                     ended_by={k: tuple(v) for k, v in data.ended_by.items()},
                     self_harm_support=tuple(data.self_harm_support), as_written=frozenset(data.as_written))


@lru_cache(maxsize=1)
def safety_net() -> SafetyNet:
    return load_safety_net()
