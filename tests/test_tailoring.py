from bot.tailoring import tailor


def test_platform_steps_for_a_named_platform():
    out = tailor("unknown_contact", platform="snap")
    assert any(b.startswith("On Snapchat:") for b in out)


def test_no_platform_steps_for_an_emergency_or_own_thoughts():
    assert tailor("immediate_danger", platform="roblox") == []
    assert tailor("own_thoughts", platform="roblox") == []


def test_teenager_is_offered_childline_only_where_the_route_allows(helplines):
    phone = helplines["CHILDLINE"].phone
    assert any(phone in b for b in tailor("signs_secrecy", age="14"))
    assert not any(phone in b for b in tailor("other_adult", age="14"))  # not for this route
    assert not any(phone in b for b in tailor("signs_secrecy", age="9"))


def test_younger_child_on_a_13_plus_app():
    out = tailor("unknown_contact", platform="tiktok", age="year 6")
    assert any("aged 13 and over" in b for b in out)


def test_other_concerns_are_acknowledged_by_name():
    out = tailor("gifts_money", also=["signs_secrecy"])
    assert "secretive behaviour" in out[0]


def test_block_followup_uses_the_platform_from_earlier():
    assert any("Roblox" in b for b in tailor("followup_block_report", platform="roblox"))
    assert tailor("followup_talk", platform="roblox") == []


def test_stop_it_now_is_offered_about_someone_close(helplines):
    phone = helplines["STOP_IT_NOW"].phone
    assert any(phone in b for b in tailor("other_adult", text="I found images of children on my partner's laptop"))
    assert not any(phone in b for b in tailor("other_adult", text="the football coach messages the boys at night"))
    assert not any(phone in b for b in tailor("unknown_contact", text="my husband says a man messages her"))


def test_skipping_the_which_app_question_still_gets_an_answer(helplines):
    bubbles = tailor("deny", platform="none")
    assert bubbles and helplines.mentions(" ".join(bubbles)) == ["NSPCC"]
    assert tailor("deny", platform=None) == []  # a plain "no" elsewhere is answered by its own reply


def test_every_extra_has_exactly_the_slots_the_code_fills():
    import re

    from bot.guidance import guidance
    from bot.tailoring import EXTRA_SLOTS

    extras = guidance().extras
    assert set(extras) == set(EXTRA_SLOTS)
    for name, reply in extras.items():
        assert set(re.findall(r"\[([a-z_]+)\]", " ".join(reply.bubbles))) == EXTRA_SLOTS[name], name
