"""What a message is about, given the NLU's intent ranking: the safety net, who is typing,
and which concern to answer for. Rasa-free; rasa_ext.concern_router adapts it."""
import re
from dataclasses import asdict, dataclass
from typing import Optional, Sequence, Tuple

from bot.audience import child_is_typing
from bot.routing import CHILD_CONCERN, EMERGENCY_CONCERN, FOLLOW_UP, OUT_OF_SCOPE, Routing, routing
from bot.safety_net import SafetyNet, safety_net

FALLBACK = "nlu_fallback"
NAMING_AN_APP = "inform_platform"
GIVING_AN_AGE = "inform_age"
SHORT_ANSWER_WORDS = 5  # "it's on his ps5": naming an app, not a new worry
STORY_QUESTION_CONFIDENCE = 0.15  # a long story ending "...how do we get it taken down?": its question
SMALL_TALK_CONCERN = 0.1  # "thanks, but he's still messaging her": a concern this likely is the worry
CHILD_IN_DANGER_READING = 0.6  # a parent's emergency can carry a weaker young person's reading
MODEL_ALONE_AFTER_999 = "danger model alone, straight after a 999 reply"
SELF_HARM_WEAK = "self-harm reading, weakly"
MODEL_BESIDE_A_SURE_CONCERN = "danger model alone, beside a concern the classifier is sure of"
DANGER_MODEL = "danger model"
SETTLED_AFTER_999 = "the child safe, told straight after a 999 reply"
ASKING = re.compile(r"\?|\b(how|what|which|who|where|when|why|should|shall|can|could|do|does|first|or)\b")


@dataclass(frozen=True)
class Understanding:
    intent: str  # the intent the dialogue should act on
    confidence: float
    concern: Optional[str]  # the concern answered for, if any
    also: Tuple[str, ...]  # other concerns the message raised
    safety_net: Optional[str]  # the emergency trigger that fired
    child_typing: bool
    reason: str
    # the question a long message mid-conversation ends with (routing.yaml story_follow_ups),
    # answered after its worry when the conversation already has one
    follow_up: Optional[str] = None
    # the emergency reading doubted: a safety-net trigger both readings doubt (routing.yaml
    # possible_danger), the danger-now model alone straight after a 999 reply (routing.yaml
    # danger_model), or the self-harm reading's weakest supported score (routing.yaml
    # self_harm_model: lead_with_support). The worry is answered, with 999 named in its first bubble but not leading it
    possible_danger: Optional[str] = None

    def as_dict(self) -> dict:
        return asdict(self)


def understand(
    text: str,
    ranking: Sequence[Tuple[str, float]],
    lemmas: Optional[Sequence[str]] = None,
    fell_back: bool = False,
    names_platform: bool = False,
    danger: float = 0.0,
    gives_age: bool = False,
    self_harm: float = 0.0,
    peak: Optional[float] = None,
    after_999: bool = False,
    young_writer: bool = False,
    answered_before: bool = True,
    table: Optional[Routing] = None,
    net: Optional[SafetyNet] = None,
) -> Understanding:
    """ranking: the classifier's (intent, confidence) pairs, best first, without the fallback.
    fell_back: the fallback classifier judged the top intent too unsure.
    names_platform: the message names an app or game (a PLATFORM entity).
    danger: the separate danger-now model's score (bot.danger_model), 0..1.
    gives_age: the message gives an age (an AGE entity, or a bare "8").
    self_harm: the self-harm reading's score (a child at risk of ending their life, told in
    other words), 0..1.
    peak: the highest score any stretch of the message gets from either model, middle stretches
    included; None: not read, and then the patterns are never doubted.
    after_999: the bot's reply to the conversation's previous message led with 999.
    young_writer: an earlier message in the conversation was a young person writing about
    themselves.
    answered_before: an earlier message in the conversation was answered for a worry; if not,
    the follow-ups that need one (routing.yaml after_an_answer) are not read."""
    table = table or routing()
    net = net or safety_net()
    ranking = [(i, float(c)) for i, c in ranking if i != FALLBACK]
    if not answered_before:
        ranking = [(i, c) for i, c in ranking if i not in table.after_an_answer]
    answers = table.short_answers
    if answers and ranking and ranking[0][0] in answers.intents and not answers.believable(text):
        # a long message with an app or an age in it is not only naming them ("ma gurl is 12 an
        # sum1 on tik tok...", spelt by sound): the rest of the reading decides, as if those two
        # readings were not there; when the best of the rest is unlikely, general advice leads,
        # and the rest still count (a weak threat reading keeps 999 leading: possible_danger)
        rest = [(i, c) for i, c in ranking if i not in answers.intents]
        ranking = rest if rest and rest[0][1] >= SMALL_TALK_CONCERN else [(table.when_unsure, 0.0)] + rest
    top, top_conf = ranking[0] if ranking else (None, 0.0)
    trigger = net.detect(text, lemmas)
    doubted = None
    doubt = table.possible_danger
    # a young person who said so earlier seldom says it again ("its way worse than i said..."),
    # unless this message says otherwise ("I'm her mum, she showed me this chat")
    child = child_is_typing(text) or (young_writer and not table.concerns[CHILD_CONCERN].contradicted(text))
    # a young person typing, by their words or by the classifier's reading
    young = child or top == CHILD_CONCERN
    if trigger and peak is not None and doubt and doubt.doubts(trigger, text, peak, ranking, young,
                                                               net.concepts_in(text, lemmas)):
        doubted, trigger = trigger, None  # a scare retold at length, most often: see below
    other = max([c for i, c in ranking if i != EMERGENCY_CONCERN and table.is_concern(i)] + [0.0])
    trigger = trigger or _model_trigger(text, lemmas, top, top_conf, danger, table, net, self_harm, after_999,
                                        other)
    if trigger in (MODEL_ALONE_AFTER_999, SELF_HARM_WEAK, MODEL_BESIDE_A_SURE_CONCERN):  # see _model_trigger
        doubted, trigger = trigger, None
    elif (trigger == DANGER_MODEL and peak is not None and doubt
          and doubt.doubts_a_long_story(text, peak, ranking)):
        doubted, trigger = trigger, None  # a long story told after it ended, as above
    elif trigger and after_999 and table.settled_after_999 and net.settled(text, lemmas):
        doubted, trigger = trigger, None  # "she's safe, the police found her at the station..."
    if trigger:
        doubted = None  # the classifier's own emergency guess, with urgent words, still leads with 999
        # a young person telling of their own danger often gives no age: the classifier's best
        # reading after the emergency says so, and the reply then speaks to them too (Childline)
        child = child or _reads_as_child(ranking, table)
    long = len(text.split()) >= table.story_words
    told_at_length = long and top and top.startswith(FOLLOW_UP)
    # the specific question a long message ends with, even when its worry ranks first
    follow_up = next((i for i, c in ranking[:3] if i in table.story_follow_ups
                      and (i == top or c >= STORY_QUESTION_CONFIDENCE)), None) if long else None
    if told_at_length or (top in table.small_talk.intents and not table.small_talk.believable(text)):
        # "hi, sorry to bother you, my son..." is a worry, not a greeting, and a long story
        # ending "what do I do now?" is not just a follow-up question: answer the concern that
        # fits best, or general advice
        # a short question after the thanks ("ok thank you. how i stop him doing the live") is
        # the follow-up the classifier reads next, when that is what it reads next; not a longer
        # message ("thank you, that really helped, I feel calmer now": general advice)
        short_question = len(text.split()) <= table.small_talk.max_words and ASKING.search(text.lower())
        asked = [r for r in ranking if r[0] not in table.small_talk.intents][:1] if short_question else []
        ranking = ([(i, c) for i, c in ranking if table.is_concern(i) and c >= SMALL_TALK_CONCERN]
                   or [r for r in asked if r[0].startswith(FOLLOW_UP)]
                   or [(table.when_unsure, 0.0)])  # "hi i need some help": general advice, not a guess
        top, top_conf = ranking[0]
        fell_back = False
    if trigger is None:  # an emergency guess the words don't support: go by the rest
        ranking = [(i, c) for i, c in ranking if i != EMERGENCY_CONCERN]
        top, top_conf = ranking[0] if ranking else (None, 0.0)
    # a worry told in words the classifier misses: read as off the subject, as only naming an app
    # ("son 12. man on xbox. wants pics."), or, before any answer, as a question about one
    # ("...forgive me if this sends twice. A dealer has given my son a phone and told him to keep
    # it to himself": "is it my fault?")
    misread = (fell_back or top == OUT_OF_SCOPE or top in (NAMING_AN_APP, GIVING_AN_AGE)
               or (not answered_before and bool(top) and top.startswith(FOLLOW_UP)))
    told = table.told_off_subject(text) if misread and not trigger and not child else None
    short = len(text.split()) <= SHORT_ANSWER_WORDS
    # "instagram report first or police?" asks, where "insta but he deleted it" answers "which app?"
    asking = bool(top) and top.startswith(FOLLOW_UP) and bool(ASKING.search(text.lower()))
    if names_platform and not trigger and short and top != NAMING_AN_APP and not asking and not told:
        return Understanding(NAMING_AN_APP, 1.0, None, (), None, child, "a short answer naming an app")
    if gives_age and not trigger and short and not child and not names_platform and not table.is_concern(top) \
            and not told:
        return Understanding(GIVING_AN_AGE, 1.0, None, (), None, False, "a short answer giving an age")
    if (after_999 and table.settled_after_999 and not trigger and not child
            and (fell_back or top in (None, OUT_OF_SCOPE)) and net.settled(text, lemmas)):
        # what happened next, told straight after a 999 reply in words the classifier does not
        # know ("the police stopped him at the junction... everyone's home"): general advice that
        # names 999 without leading with it, not "sorry, I didn't follow", whose mid-emergency
        # reply leads with 999
        ranking, fell_back, doubted = [(table.when_unsure, 0.0)], False, doubted or SETTLED_AFTER_999
        top, top_conf = ranking[0]
        told = None
    if told:
        # a worry hidden in noise or small talk ("asdfgh lol test... a bloke he plays with has asked
        # him to keep it quiet... what's the weather doing"): the words tell it, whatever the reading
        ranking, fell_back = [(told, top_conf)], False
        top = told
    if fell_back and not trigger and not child:
        if not doubted and not table.worth_rescuing(ranking, text):
            return Understanding(FALLBACK, top_conf, None, (), None, False, "classifier unsure")
        # unsure, but clearly a worry: answer the best concern that fits (general advice if none)
        ranking = sorted(((i, c) for i, c in ranking if table.is_concern(i)), key=lambda r: -r[1])
    elif top == OUT_OF_SCOPE and not trigger and not child and table.in_area:
        general = table.in_area.reading(text, ranking, table.is_concern)
        if general:  # a child's screen time is the bot's area
            ranking = [general]
    decision = table.decide(ranking, emergency=trigger, child_typing=child, text=text)
    if decision is None and doubted:  # whatever else it reads as, a reply that can name 999
        decision = table.decide([(table.when_unsure, 0.0)], child_typing=child, text=text)
    if decision is None:
        return Understanding(top or FALLBACK, top_conf, None, (), None, child, "not a concern")
    confidence = 1.0 if trigger else max([c for i, c in ranking if i == decision.concern] + [top_conf])
    return Understanding(decision.concern, confidence, decision.concern, decision.also,
                         trigger if trigger != "classifier" else None, child,
                         decision.reason + (f" (999 named, not first: {doubted})" if doubted else ""),
                         None if trigger else follow_up, doubted)


def _reads_as_child(ranking, table: Routing) -> bool:
    """The classifier's most likely concern, the emergency aside, is a young person's own, and
    clearly (a mother's "she's gone, something is really wrong" read it at 0.55)."""
    rest = [(i, c) for i, c in ranking if table.is_concern(i) and i != EMERGENCY_CONCERN]
    return bool(rest) and rest[0][0] == CHILD_CONCERN and rest[0][1] >= CHILD_IN_DANGER_READING


def _model_trigger(text, lemmas, top, top_conf, danger, table: Routing, net: SafetyNet,
                   self_harm: float = 0.0, after_999: bool = False, other: float = 0.0) -> Optional[str]:
    """An emergency the patterns did not name, from the self-harm reading, the danger-now model
    or the classifier; MODEL_ALONE_AFTER_999 for the model's score alone straight after a 999
    reply, MODEL_BESIDE_A_SURE_CONCERN for a middling score alone beside another concern the
    classifier is `other` sure of, and SELF_HARM_WEAK for the self-harm reading's weakest
    supported score, which the caller doubts."""
    reading = table.self_harm_model
    weak = None
    # before the settling check: a child at risk of ending their life is not safe for being
    # "here with me" or "in her room"
    if reading and self_harm >= reading.with_support:
        if self_harm >= reading.alone or net.supports_self_harm(text, lemmas):
            if self_harm >= reading.lead_with_support:
                return "self-harm reading"
            # as often a parent's or teacher's everyday worry as a child at risk: 999 in the
            # first bubble, leading only if the danger-now model or the classifier says so too
            weak = SELF_HARM_WEAK
    return _danger_trigger(text, lemmas, top, top_conf, danger, table, net, after_999, other) or weak


def _danger_trigger(text, lemmas, top, top_conf, danger, table: Routing, net: SafetyNet,
                    after_999: bool, other: float = 0.0) -> Optional[str]:
    """An emergency from the danger-now model or the classifier (see _model_trigger)."""
    classifier_says_so = top == EMERGENCY_CONCERN and top_conf >= table.classifier_emergency_confidence
    possible = danger >= table.danger_model.with_support
    if not (possible or classifier_says_so):
        return None  # the urgent-word lookup is only paid for when it can decide
    if net.settled(text, lemmas):  # "she's home now": a past scare, told after the event
        return None
    alone = danger >= table.danger_model.alone
    # straight after a 999 reply, the next message most often tells what happened next (the
    # police came, he was arrested) in words the model reads as danger: its score alone then
    # names 999 in the first bubble without leading it (routing.yaml danger_model)
    doubt_alone = after_999 and table.danger_model.doubt_alone_after_999
    if alone and not doubt_alone:
        # a middling score alone, while the classifier is sure of another concern, is most often a
        # worry told in alarming words (routing.yaml danger_model: doubt_below)
        if (table.danger_model.doubts(danger, other) and not classifier_says_so
                and not net.supports_emergency(text, lemmas)):
            return MODEL_BESIDE_A_SURE_CONCERN
        return DANGER_MODEL
    supported = net.supports_emergency(text, lemmas)
    if possible and (classifier_says_so or supported):  # two separate signals agree
        return DANGER_MODEL
    if alone:
        return MODEL_ALONE_AFTER_999
    return "classifier" if classifier_says_so and supported else None
