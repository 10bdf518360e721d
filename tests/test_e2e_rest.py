"""End to end over Rasa's REST channel: a real trained model, a real Rasa server and a real
action server. Each route's first reply names its helplines, in order, with numbers in full."""
import socket
import time

import pytest

from bot.entities import lexicon
from bot.guidance import guidance
from bot.routing import routing
from bot.tailoring import extra
from apps.bot_client import send
from tests.conftest import bubble_texts, tracker_events

pytestmark = pytest.mark.servers
R = routing()

# one plain message per route, in a parent's (or child's) words; not training examples
ROUTES = {
    "immediate_danger": "my daughter has gone to meet a man she met on snapchat and isn't answering her phone",
    "meeting_planned": "my son says he is meeting a friend from fortnite in town next saturday, I've never met this friend",
    "sextortion": "someone is threatening to share my son's nude pictures unless he pays them £100",
    "disclosure": "my daughter has just told me a man online made her do sexual things on camera",
    "unknown_contact": "a grown man on discord keeps telling my 12 year old she's mature for her age and to keep their chats secret",
    "gifts_money": "a stranger keeps sending my son robux and V-bucks and he won't say who it is",
    "nude_images": "my 14 year old sent a nude photo to a boy at school and now it's been shared around",
    "other_adult": "I found images of children on my partner's laptop",
    "own_thoughts": "I've been having sexual thoughts about children and I want help before anything happens",
    "report_anonymously": "I saw something on a customer's phone at work and want to report it without giving my name",
    "child_user": "im 14 and a man online keeps asking me for pictures and i dont want my mum to find out",
    "signs_secrecy": "my daughter flips her phone over whenever I walk into the room",
    "signs_withdrawal": "my son has gone really quiet and withdrawn and stays in his room all the time",
    "signs_device_use": "she is on her phone all night and panics if I take it away",
    "overreacting": "am I overreacting? I just have a bad feeling about her phone",
    "gaming": "is roblox safe for my 9 year old?",
    "what_is_grooming": "what actually is grooming?",
    "talk_to_child": "how do I talk to my child about staying safe online?",
    "parental_controls": "how do I turn on parental controls on her new phone?",
    "bullying": "girls in my daughter's class keep leaving horrible comments on her videos and kicked her out of the group chat",
}


# danger words ("meeting ... tomorrow") no stretch of the message bears out (routing.yaml possible_danger)
DOUBTED_STORY = ("I'm meeting the other mums at the cafe tomorrow morning to talk about the group chat, and I want "
                 "to go in prepared. My daughter is 13 and some girls in her class have been leaving nasty comments under her "
                 "videos and left her out of the chat. She is upset but she is safe at home and talking to us. What "
                 "should I ask the school to do, and how do I help her without taking her phone away?")


def test_every_route_has_an_end_to_end_message():
    assert set(ROUTES) == set(R.concerns)


@pytest.mark.parametrize("concern", sorted(ROUTES))
def test_first_reply_gives_the_route_s_helplines(bot, helplines, concern):
    bubbles = bubble_texts(send(bot.rasa_port, ROUTES[concern]))
    assert bubbles, "no reply"
    named = helplines.mentions("\n".join(bubbles))
    first = R.helplines_for(concern)[0]
    if first == "EMERGENCY":
        assert "EMERGENCY" in helplines.mentions(bubbles[0])
    else:
        assert [k for k in named if k != "EMERGENCY"][0] == first
        assert helplines.mentions(bubbles[0])[:1] != ["EMERGENCY"]  # no false alarm
    assert set(named) <= set(R.may_name(concern))
    assert bubbles[0] == guidance().concerns[concern].bubbles[0]


@pytest.mark.parametrize("text", [
    "<b>URGENT</b><br>my son is meeting someone from roblox TONIGHT at 7, he is 11",
    "MY DAUGHTER HAS GONE TO MEET A MAN OFF INSTAGRAM AND ISNT ANSWERING",
    "theres a man at our front door saying hes here to pick up my son, they met on xbox",
    "shes meetin him 2nite",
    # heard as it happens, no word of danger (safety_net.yaml: a child heard in distress with an adult now)
    "i can hear a little girl next door screaming for her mum and a man's voice yelling at her",
])
def test_emergency_gets_999_in_the_first_bubble(bot, helplines, text):
    bubbles = bubble_texts(send(bot.rasa_port, text))
    assert helplines.mentions(bubbles[0])[:1] == ["EMERGENCY"]


def test_danger_words_the_readings_doubt_keep_999_in_the_first_bubble_without_leading(chat, helplines):
    # a long message whose danger words no stretch of it bears out (routing.yaml possible_danger):
    # the worry is answered, and 999 is still named in the first bubble, after its own helpline
    first = helplines.mentions(bubble_texts(chat.say(DOUBTED_STORY))[0])
    assert "EMERGENCY" in first and first[0] != "EMERGENCY"
    # the wording was for that message alone
    later = bubble_texts(chat.say("how do I turn on parental controls on her new phone?"))
    assert "EMERGENCY" not in helplines.mentions(later[0])


@pytest.mark.parametrize("text", [
    # a 14-year-old, blackmail and a plan: both readings score it near 0, the patterns lead
    "Hi, sorry, I'm 14 and I didn't know who else to message. A boy I was talking to on Snapchat turned out "
    "not to be who he said and now he has photos of me and says he will send them to everyone at my school "
    "on Monday unless I give him money. I can't get money. I don't want to be here anymore if people see "
    "them and I've been reading about ways to do it.",
    # an overdose in one sentence in the middle of a long, calm letter
    "Thank you so much for the advice last month about screen time, we made a family agreement and it has "
    "mostly worked, the kids are off their phones by nine and we charge them in the kitchen. Our eldest is 15 "
    "and she has taken a lot of tablets tonight because of what people are saying about her in a group chat "
    "and she says she wants to die. The younger two have been fine with the new rules, although our son still "
    "argues about his console time at weekends and I wondered whether the settings on it can be changed.",
    # stop 37's review: an overdose this evening told calmly by an adult between a settled
    # background and a settings question; both readings doubt it (0.02), the word of now leads
    "For context I'm a stepmum, I've been with my partner six years and his son lives with us full time "
    "since his mum moved abroad. He's 15, really bright, loves coding, builds his own PCs and spends most "
    "evenings on Discord with a group of lads from all over. We've never had any trouble, he's polite, does "
    "his chores, gets on with his little sister. His dad and I have been talking about whether Discord is "
    "safe and how to check it without snooping. Also he mentioned over tea that he's taken tablets this "
    "evening because he doesn't want to be alive, but he said it calmly and then went back to his game so "
    "his dad thinks it's a phase. What are the privacy settings on Discord we should look at?",
])
def test_long_messages_the_reviews_wrote_to_break_the_doubt_lead_with_999(bot, helplines, text):
    bubbles = bubble_texts(send(bot.rasa_port, text))
    assert helplines.mentions(bubbles[0])[:1] == ["EMERGENCY"]


def test_an_overdose_told_only_by_what_was_found_leads_with_999(bot, helplines):
    # no word of tablets or dying: the self-harm reading (writer 35's examples) with the signs
    # an overdose leaves (safety_net.yaml ending_life_words); stop 35's bot answered it off topic
    text = ("found three empty blister packs in the bin in my daughter's room, she's 15 and she's "
            "really drowsy and slurring, she won't tell me what she's had")
    bubbles = bubble_texts(send(bot.rasa_port, text))
    assert helplines.mentions(bubbles[0])[:1] == ["EMERGENCY"]


def test_emergency_mid_conversation(chat, helplines):
    chat.say("hello")
    chat.say("my daughter flips her phone over when I walk in")
    bubbles = bubble_texts(chat.say("oh god she's just gone out to meet him, he's outside in a car"))
    assert helplines.mentions(bubbles[0])[:1] == ["EMERGENCY"]


def test_each_message_is_read_knowing_whether_the_reply_before_it_led_with_999(chat, bot, helplines):
    # rasa_ext.conversation_context marks it; bot.understanding reads the mark (after_999)
    chat.say("hello")
    assert helplines.mentions(bubble_texts(chat.say(ROUTES["immediate_danger"]))[0])[:1] == ["EMERGENCY"]
    chat.say("the police have been round and she is home now. what should I say to her tomorrow?")
    chat.say("thank you")
    said = [e for e in tracker_events(bot, chat.sender) if e["event"] == "user"]
    marked = [e["parse_data"]["tyg"]["after_999"] for e in said]
    led_with_999 = [e["parse_data"]["intent"]["name"] == "immediate_danger" for e in said]
    assert marked == [False] + led_with_999[:-1] and marked[2]


def test_a_young_writer_stays_one_for_the_rest_of_the_conversation(chat, bot, helplines):
    # rasa_ext.conversation_context marks it; bot.understanding reads the mark (young_writer)
    assert "CHILDLINE" in helplines.mentions("\n".join(bubble_texts(chat.say(ROUTES["child_user"]))))
    later = "its got worse, he says he'll send the pics to all my followers unless i pay him 200 by monday"
    assert "CHILDLINE" in helplines.mentions("\n".join(bubble_texts(chat.say(later))))
    said = [e for e in tracker_events(bot, chat.sender) if e["event"] == "user"]
    assert [e["parse_data"]["tyg"]["child_typing"] for e in said] == [True, True]


def test_how_to_reach_a_helpline_is_answered_only_after_a_worry(chat, bot, helplines):
    question = "I'm deaf and can't use the phone, how do I report it without calling?"
    textphone = helplines["POLICE"].textphone  # said only by the answer to this question
    assert textphone not in "\n".join(bubble_texts(send(bot.rasa_port, question)))  # nothing to reach yet
    chat.say(ROUTES["unknown_contact"])
    bubbles = bubble_texts(chat.say(question))
    assert helplines.mentions("\n".join(bubbles))[:2] == ["CEOP", "POLICE"]
    assert textphone in "\n".join(bubbles)


def test_a_child_said_safe_straight_after_a_999_reply_names_999_without_leading(chat, helplines):
    assert helplines.mentions(bubble_texts(chat.say(ROUTES["immediate_danger"]))[0])[:1] == ["EMERGENCY"]
    update = ("ok she's safe. the police picked her up at the station before the train came, he'd "
              "gone to meet her there and they've arrested him. what happens next?")
    first = bubble_texts(chat.say(update))[0]
    assert "EMERGENCY" in helplines.mentions(first) and helplines.mentions(first)[:1] != ["EMERGENCY"]


def test_off_topic_mid_worry_is_not_answered_as_off_topic(chat, bot):
    off_topic_reply = guidance().conversation["out_of_scope"]
    off_topic = "what's the best recipe for banana bread"
    assert send(bot.rasa_port, off_topic)[0]["text"] == off_topic_reply.bubbles[0]
    chat.say("a man on roblox keeps sending my son robux and telling him to keep it secret")
    mid_worry = chat.say(off_topic)
    assert mid_worry[0]["text"] == off_topic_reply.in_conversation["unknown_contact"][0]  # as on every parent's route
    assert not mid_worry[0].get("buttons")  # mid-story, not choosing where to start


def test_off_topic_mid_emergency_still_leads_with_999(chat, helplines):
    chat.say("my son has gone to meet a man from fortnite and his phone is off")
    bubbles = bubble_texts(chat.say("what's the best recipe for banana bread"))
    assert helplines.mentions(bubbles[0])[:1] == ["EMERGENCY"]
    assert bubbles[0] == guidance().conversation["out_of_scope"].in_conversation["immediate_danger"][0]


def test_several_concerns_are_answered_for_the_most_serious(bot, helplines):
    text = "my son has been really secretive lately and a man on roblox keeps sending him robux"
    bubbles = bubble_texts(send(bot.rasa_port, text))
    lead = [k for k in helplines.mentions("\n".join(bubbles)) if k != "EMERGENCY"]
    assert lead[0] in ("CEOP", "POLICE")


def test_another_adult_close_to_the_parent_gets_stop_it_now_too(bot, helplines):
    named = helplines.mentions("\n".join(bubble_texts(send(bot.rasa_port, ROUTES["other_adult"]))))
    assert named[:2] == ["POLICE", "CRIMESTOPPERS"] and "STOP_IT_NOW" in named


def test_platform_named_gets_block_and_report_steps(chat):
    bubbles = bubble_texts(chat.say("a grown man on discord keeps telling my daughter to keep their chats secret"))
    assert any(b.startswith("On Discord:") for b in bubbles)
    later = bubble_texts(chat.say("How do I block and report them on the app?"))
    assert any(b.startswith("On Discord:") for b in later)


def test_a_contacts_claimed_age_is_not_taken_for_the_childs(chat):
    bubbles = bubble_texts(chat.say("my daughter is 11 and a man on snapchat says he's 17 and tells her to keep it secret"))
    snapchat = lexicon().platform_for("snapchat")
    assert extra("teen_childline", years=17) not in bubbles
    assert extra("under_age", app=snapchat.display, min_age=snapchat.min_age, years=11) in bubbles


def test_buttons_lead_to_follow_ups(chat):
    reply = chat.say("my daughter flips her phone over whenever I walk into the room")
    buttons = [b for m in reply for b in m.get("buttons") or []]
    assert {"How to talk to them", "Talk to someone now"} <= {b["title"] for b in buttons}
    talk = next(b for b in buttons if b["title"] == "How to talk to them")
    follow = bubble_texts(chat.say(talk["payload"]))
    assert follow[0] == guidance().followups["followup_talk"].bubbles[0]


def test_block_follow_up_asks_which_app_and_tailors(chat):
    chat.say("a man keeps messaging my daughter and telling her to keep it secret")
    asked = chat.say("How do I block and report them on the app?")
    apps = [b["title"] for m in asked for b in m.get("buttons") or []]
    assert "Roblox" in apps
    bubbles = bubble_texts(chat.say("It's on Roblox"))
    assert any(b.startswith("On Roblox:") for b in bubbles)


def test_emergency_while_the_bot_asks_which_app(chat, helplines):
    chat.say("How do I block and report them on the app?")
    bubbles = bubble_texts(chat.say("she's just gone to meet him, she's not answering"))
    assert helplines.mentions(bubbles[0])[:1] == ["EMERGENCY"]
    after = bubble_texts(chat.say("my daughter flips her phone over when I walk in"))
    assert "NSPCC" in helplines.mentions(after[0])  # the question was dropped, not asked again


def test_reply_shape_buttons_end_the_reply_and_later_answers_are_shorter(chat):
    """First answer: the concern's bubbles and the tailored lines (the app's steps, Childline
    for a 14-year-old), the buttons on the last bubble only. A follow-up question: shorter."""
    first = chat.say("a man on discord keeps messaging my 14 year old and tells her to keep it secret")
    concern = guidance().concerns["unknown_contact"]
    assert [bool(m.get("buttons")) for m in first] == [False] * (len(first) - 1) + [True]
    assert first[-1]["text"] == concern.bubbles[-1]
    assert len(first) == len(concern.bubbles) + 2
    later = chat.say("should I report him to the app or the police first?")
    assert 0 < len(later) < len(first)


def test_slash_commands_are_plain_text(chat):
    chat.say("my son plays roblox and someone keeps messaging him")
    chat.say("/restart")  # as a command this would wipe the conversation, platform included
    bubbles = bubble_texts(chat.say("How do I block and report them on the app?"))
    assert any(b.startswith("On Roblox:") for b in bubbles)


def test_action_server_down_still_gives_helplines(bot, helplines):
    bot.stop_actions()
    try:
        for concern in ("signs_secrecy", "sextortion", "other_adult", "immediate_danger"):
            bubbles = bubble_texts(send(bot.rasa_port, ROUTES[concern], timeout=60))
            named = helplines.mentions("\n".join(bubbles))
            assert R.helplines_for(concern)[0] in named, concern
        # the doubted danger's 999 line is in the domain's first bubble, not the action's
        first = helplines.mentions(bubble_texts(send(bot.rasa_port, DOUBTED_STORY, timeout=60))[0])
        assert "EMERGENCY" in first and first[0] != "EMERGENCY"
    finally:
        bot.start_actions()
    bubbles = bubble_texts(send(bot.rasa_port, "a man on discord keeps messaging my son and says keep it secret"))
    assert any(b.startswith("On Discord:") for b in bubbles)  # the tailored part is back


def test_action_server_hanging_still_gives_helplines_in_time(bot, helplines):
    """An action server that accepts the call and never answers: the REST reply still comes
    within the channel's time limit, with the route's helplines."""
    bot.stop_actions()
    silent = socket.socket()
    silent.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    silent.bind(("127.0.0.1", bot.action_port))
    silent.listen(16)
    try:
        started = time.monotonic()
        bubbles = bubble_texts(send(bot.rasa_port, ROUTES["gifts_money"], timeout=60))
        assert time.monotonic() - started < 20
        assert "CEOP" in helplines.mentions("\n".join(bubbles))
    finally:
        silent.close()
        bot.start_actions()
