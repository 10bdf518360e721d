from bot.conversation_state import MAX_APPS, apps_so_far, concerns_so_far, context_concern


def test_concerns_are_kept_most_serious_first_without_repeats():
    assert concerns_so_far([], ["signs_secrecy"]) == ["signs_secrecy"]
    assert concerns_so_far(["signs_secrecy"], ["sextortion", "signs_secrecy"]) == ["sextortion", "signs_secrecy"]
    assert concerns_so_far(["sextortion"], [None, "followup_pay", "greet"]) == ["sextortion"]  # not concerns


def test_a_child_typing_stays_the_context():
    assert context_concern(["sextortion", "child_user"]) == "child_user"
    assert context_concern(["sextortion", "signs_secrecy"]) == "sextortion"
    assert context_concern([]) is None


def test_apps_are_kept_by_key_most_recent_last():
    assert apps_so_far([], ["snap", "Insta"]) == ["snapchat", "instagram"]
    assert apps_so_far(["snapchat", "instagram"], ["snapchat"]) == ["instagram", "snapchat"]
    assert apps_so_far(["roblox"], [None, "none", "not an app"]) == ["roblox"]
    assert len(apps_so_far(["roblox", "discord", "tiktok"], ["snap"])) == MAX_APPS
