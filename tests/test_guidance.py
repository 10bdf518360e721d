
import pytest

from bot.content_files import ContentError
from tests.conftest import edited_content
from bot.guidance import GENERAL_HELPLINES, guidance, load_guidance
from bot.routing import routing

G, R = guidance(), routing()


@pytest.mark.parametrize("concern", sorted(R.concerns))
def test_concern_reply_leads_with_its_route(concern, helplines):
    reply = G.concerns[concern]
    first = R.helplines_for(concern)[0]
    opening = helplines.mentions(reply.bubbles[0])
    if first == "EMERGENCY":
        assert opening[0] == "EMERGENCY"
    else:
        assert [k for k in opening if k != "EMERGENCY"][0] == first
        assert opening[0] != "EMERGENCY"
    everything = helplines.mentions("\n".join(reply.bubbles))
    assert set(everything) <= set(R.may_name(concern))


@pytest.mark.parametrize("concern", sorted(routing().concerns))
def test_a_doubted_danger_keeps_999_in_the_first_bubble_without_leading(concern, helplines):
    # routing.yaml possible_danger: the worry's first bubble, then the line naming 999
    g, first = guidance(), guidance().concerns[concern].bubbles[0]
    said = g.doubting_danger(concern) or first
    opening = helplines.mentions(said)
    assert "EMERGENCY" in opening
    assert opening[0] == routing().helplines_for(concern)[0]  # the route's own helpline still leads
    assert said.startswith(first)


def test_helpline_numbers_are_written_in_full(helplines):
    text = "\n".join(G.concerns["signs_secrecy"].bubbles)
    assert helplines["NSPCC"].phone in text


def test_guidance_talks_like_the_brief():
    secrecy = " ".join(G.concerns["signs_secrecy"].bubbles).lower()
    assert "trust your gut" in secrecy and "proof" in secrecy
    images = " ".join(G.concerns["nude_images"].bubbles).lower()
    assert "not in trouble" in images and "never forward" in images
    sext = " ".join(G.concerns["sextortion"].bubbles).lower()
    assert "don't pay" in sext and "don't delete" in sext and "not their fault" in sext


def test_general_replies_name_no_reporting_route(helplines):
    for reply in G.conversation.values():
        assert set(helplines.mentions("\n".join(reply.bubbles))) <= set(GENERAL_HELPLINES)


def test_follow_ups_answer_in_the_conversations_context(helplines):
    takedown = helplines.mentions(G.followups["followup_takedown"].bubbles[0])
    assert takedown[0] == "REPORT_REMOVE"
    anonymity = G.followups["followup_anonymity"]
    assert helplines.mentions(anonymity.bubbles[0])[0] == "CRIMESTOPPERS"
    # someone worried about their own thoughts is never pointed at the police or CEOP
    assert helplines.mentions(anonymity.in_context["own_thoughts"][0]) == ["STOP_IT_NOW"]
    assert helplines.mentions(G.followups["followup_report_order"].in_context["other_adult"][0])[0] == "POLICE"
    # ...whether they ask if it's confidential, where to start, or if they'll be reported (multi42)
    for name in ("followup_report_order", "followup_police_trouble"):
        assert helplines.mentions(G.followups[name].in_context["own_thoughts"][0]) == ["STOP_IT_NOW"]
    # a young person's first reply names 999 in its first bubble, after Childline (stop 60)
    first = G.concerns["child_user"].bubbles[0]
    assert helplines.mentions(first)[0] == "CHILDLINE" and "EMERGENCY" in helplines.mentions(first)
    # a young person asking whether to pay is never told "it's not your child's fault"
    pay = G.followups["followup_pay"].in_context["child_user"][0]
    assert helplines.mentions(pay)[0] == "CEOP" and "your child" not in pay
    # "how do I report him?" after an adult's contact with a child, or after an emergency, names
    # CEOP, not only the app
    block = G.followups["followup_block_report"]
    assert helplines.mentions(block.bubbles[0]) == []
    for concern in ("unknown_contact", "gifts_money", "meeting_planned", "disclosure", "immediate_danger"):
        assert helplines.mentions(block.in_context[concern][0])[0] == "CEOP"


def test_fallback_names_the_nspcc_and_offers_topics(helplines):
    fb = G.conversation["nlu_fallback"]
    assert "NSPCC" in helplines.mentions(fb.bubbles[0]) and len(fb.buttons) >= 3


def test_button_payloads_are_plain_sentences():
    for b in G.buttons.values():
        assert not b.payload.startswith("/")


@pytest.mark.parametrize("edit, message", [
    (lambda d: d["concerns"]["signs_secrecy"]["bubbles"].insert(0, "Call {POLICE.phone}."), "does not allow"),
    (lambda d: d["concerns"]["own_thoughts"]["bubbles"].insert(0, "Call {EMERGENCY.phone}."), "999 may lead"),
    (lambda d: d["concerns"]["gaming"].update(buttons=["nope"]), "unknown button"),
    (lambda d: d["concerns"]["gaming"]["bubbles"].append("{FAX}"), "unknown helpline"),
    (lambda d: d["concerns"].pop("sextortion"), "without guidance"),
    (lambda d: d["followups"]["followup_privacy"]["bubbles"].append("Or {CEOP.url}"), "does not allow"),
    (lambda d: d["followups"]["followup_anonymity"]["in_context"]["own_thoughts"].update(
        names=["CEOP"], bubbles=["Report at {CEOP.url}."]), "route does not allow"),
    (lambda d: d["followups"]["followup_pay"].update(in_context={"sextortion": {"bubbles": ["a", "b"]}}),
     "as many bubbles"),
    (lambda d: d["followups"]["followup_pay"].update(colour="red"), "followup_pay.colour: unknown field"),
    (lambda d: d["concerns"]["gaming"].update(colour="red"), "gaming.colour: unknown field"),
    (lambda d: d["conversation"]["deny"]["answering"].update(ask_age={"bubbles": ["How old?"]}), "unknown question"),
    (lambda d: d["conversation"]["deny"]["answering"]["ask_platform"].update(bubbles=["Call {CEOP.url}"]),
     "does not allow"),
    # the reply once a worry is raised: under each route it names only what that route allows,
    # under known routes only, never as well as an answer to the bot's question, without buttons
    (lambda d: d["conversation"]["out_of_scope"]["in_conversation"]["under"].pop("own_thoughts"),
     r"in_conversation \(own_thoughts\): names helplines its route does not allow"),
    (lambda d: d["conversation"]["out_of_scope"]["in_conversation"]["under"].update(
        bedtime={"bubbles": ["Sorry, say again?"]}), "unknown concern 'bedtime'"),
    # mid-emergency, the reply leads with 999: the general wording, which does not, is refused there
    (lambda d: d["conversation"]["out_of_scope"]["in_conversation"]["under"].pop("immediate_danger"),
     r"in_conversation \(immediate_danger\): an emergency reply must lead with 999"),
    (lambda d: d["conversation"]["deny"].update(in_conversation={"bubbles": ["Sorry, say again?"]}),
     "cannot be combined with 'answering'"),
    (lambda d: d["conversation"]["out_of_scope"]["in_conversation"]["under"]["child_user"].update(
        buttons=["topic_talk"]), "buttons: unknown field"),
    (lambda d: d["extras"]["teen_childline"].update(ages=[18, 13]), "'ages' must be"),
    (lambda d: d["extras"]["teen_childline"].update(colour="red"), "teen_childline.colour: unknown field"),
    # the line that ends a first bubble when the danger words are doubted names 999, and only 999
    (lambda d: d.update(possible_danger="If you are worried, call the NSPCC on {NSPCC.phone}."), "name 999 and no other"),
    (lambda d: d.update(possible_danger="If anyone is in danger, act now."), "name 999 and no other"),
])
def test_bad_guidance_is_rejected_on_load(tmp_path, edit, message):
    from bot.catalogue import load_catalogue
    from bot.routing import load_routing

    d = edited_content(tmp_path, "guidance.yaml", edit)
    cat = load_catalogue(d)
    with pytest.raises(ContentError, match=message):
        load_guidance(d, cat, load_routing(d, cat))
