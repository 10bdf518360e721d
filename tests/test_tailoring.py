from bot.tailoring import platform_after, question, tailor


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


def test_a_child_typing_in_danger_now_is_told_to_call_999_and_offered_childline(helplines):
    phone = helplines["CHILDLINE"].phone
    child = tailor("immediate_danger", child_typing=True)
    assert len(child) == 1 and phone in child[0] and helplines["EMERGENCY"].phone in child[0]
    assert tailor("immediate_danger") == []  # a parent: the 999 reply as it is
    assert tailor("immediate_danger", age="14") == []  # nor the teenager's Childline extra
    assert not any(phone in b for b in tailor("unknown_contact", child_typing=True))  # not an emergency
    # a parent whose words sound young but who names their child: the 999 reply as it is
    worried = "can i get in trouble for going round? my daughter is at a 30 year old's flat right now"
    assert tailor("immediate_danger", child_typing=True, text=worried) == []


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
    # a relative who is the child in the story, told with their age, is not the adult close to the writer
    assert not any(phone in b for b in tailor("other_adult", text="my brother is 13 and a man on discord offers him money"))
    assert not any(phone in b for b in tailor("other_adult", text="a man keeps messaging my cousin (14) on snapchat"))
    assert any(phone in b for b in tailor("other_adult", text="my brother is 35 and I found pictures of kids on his laptop"))
    # a partner or relative who is only the writer's company in the telling is not the adult in question
    assert not any(phone in b for b in tailor("other_adult", text="his coach texts him at midnight. my husband thinks we should have a word"))
    assert not any(phone in b for b in tailor("other_adult", text="a man in our building invites the boys in. my husband says I'm overreacting"))
    assert not any(phone in b for b in tailor("other_adult", text="my partner's friend has been staying and he messages my daughter"))
    # ...while their own words, devices or new partner still count
    assert any(phone in b for b in tailor("other_adult", text="my husband said he was only looking at them once"))
    assert any(phone in b for b in tailor("other_adult", text="there were pictures of girls on my husband's laptop"))
    assert any(phone in b for b in tailor("other_adult", text="my dad's new partner looks after the kids and has videos of children"))
    assert any(phone in b for b in tailor("other_adult", text="my husband's son is 20 and I found pictures of children on his laptop"))
    assert any(phone in b for b in tailor("other_adult", text="my husband works with kids and i found pictures of children on his laptop"))
    assert any(phone in b for b in tailor("other_adult", text="I think my dad is messaging teenage girls on facebook"))
    # ...but not when they are in contact with the writer's own child: that is grooming (CEOP or 101)
    for text in ("my husband's son is 20 and he's sending my daughter sexual messages",
                 "my ex's new boyfriend has been messaging our 14 year old on snap late at night",
                 "I found messages from my brother to her, he tells her she's prettier than her mum",
                 "my cousin keeps buying her things and says it's their little secret, our little secret he calls it"):
        assert not any(phone in b for b in tailor("other_adult", text=text)), text


def test_which_app_is_asked_after_the_block_steps_only_when_no_app_is_known():
    assert question("followup_block_report", None) == "ask_platform"
    assert question("followup_block_report", "roblox") is None
    assert question("followup_block_report", "none") is None  # skipped once: not asked again
    assert question("unknown_contact", None) is None


def test_an_app_named_in_answer_or_after_a_worry_gets_its_steps_and_out_of_the_blue_does_not():
    assert any(b.startswith("On Roblox:") for b in tailor("inform_platform", platform="roblox", asked="ask_platform"))
    assert any(b.startswith("On Roblox:") for b in tailor("inform_platform", platform="roblox", context="gifts_money"))
    assert tailor("inform_platform", platform="roblox") == []


def test_a_follow_up_question_naming_an_app_gets_its_steps():
    out = tailor("followup_again", platform="discord", named_now=["discord"])
    assert [b.split(":")[0] for b in out] == ["On Discord"]
    assert tailor("followup_again", platform="discord") == []  # named earlier, not asked about


def test_skipping_the_which_app_question_stops_it_being_asked():
    assert platform_after("deny", None, "ask_platform") == "none"
    assert platform_after("deny", None, None) is None  # a plain "no" elsewhere changes nothing
    assert platform_after("unknown_contact", "roblox", "ask_platform") == "roblox"


def test_every_extra_has_exactly_the_slots_the_code_fills():
    from bot.guidance import guidance
    from bot.placeholders import PLACEHOLDER
    from bot.tailoring import EXTRA_SLOTS

    extras = guidance().extras
    assert set(extras) == set(EXTRA_SLOTS)
    for name, reply in extras.items():
        assert {n for n, _ in PLACEHOLDER.findall(" ".join(reply.bubbles))} == EXTRA_SLOTS[name], name


def test_which_routes_get_app_steps_is_content(tmp_path):
    from bot.catalogue import load_catalogue
    from bot.routing import load_routing
    from tests.conftest import edited_content

    d = edited_content(tmp_path, "routing.yaml", lambda r: r["concerns"]["own_thoughts"].update(app_steps=True))
    table = load_routing(d, load_catalogue(d))
    assert any(b.startswith("On Roblox:") for b in tailor("own_thoughts", platform="roblox", table=table))


def test_an_extra_is_offered_only_where_the_route_allows_the_helpline_it_names(helplines):
    # Childline is not among other_adult's helplines; Stop It Now is not among unknown_contact's
    assert not any(helplines["CHILDLINE"].phone in b for b in tailor("other_adult", age="15"))
    assert not any(helplines["STOP_IT_NOW"].phone in b
                   for b in tailor("unknown_contact", text="my partner keeps messaging a 14 year old"))


def test_privacy_steps_only_for_apps_with_a_private_account_to_choose():
    def privacy(app):
        return [b for b in tailor("followup_privacy", platform=app, apps=[app]) if "private account" in b]

    assert privacy("snapchat") and privacy("vrchat")
    # a dating app, a chatbot or a selling app has no private account: the general answer only
    assert privacy("tinder app") == privacy("replika") == privacy("vinted") == []


def test_a_young_person_reporting_without_their_name_is_told_of_crimestoppers(helplines):
    phone = helplines["CRIMESTOPPERS"].phone
    assert any(phone in b for b in tailor("child_user", also=["report_anonymously"], child_typing=True))
    assert not any(phone in b for b in tailor("child_user", also=["unknown_contact"], child_typing=True))
    assert not any(phone in b for b in tailor("signs_secrecy", also=["report_anonymously"]))
