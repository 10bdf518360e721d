import pytest

from bot.routing import routing
from bot.safety_net import safety_net
from bot.understanding import SELF_HARM_WEAK, understand

R = routing()
NET = safety_net()


def test_every_concern_names_its_first_helpline_first_and_emergency_is_most_serious():
    assert R.helplines_for("immediate_danger")[0] == "EMERGENCY"
    assert R.helplines_for("own_thoughts") == ("STOP_IT_NOW",)  # never a police referral
    assert R.helplines_for("report_anonymously")[0] == "CRIMESTOPPERS"
    assert R.helplines_for("child_user")[0] == "CHILDLINE"
    assert R.helplines_for("signs_secrecy")[0] == "NSPCC"
    assert R.helplines_for("sextortion")[0] in ("POLICE", "CEOP")
    worst = max(R.concerns.values(), key=lambda c: c.severity)
    assert worst.intent == "immediate_danger"


def test_the_brief_s_order_of_seriousness():
    s = {k: c.severity for k, c in R.concerns.items()}
    assert s["immediate_danger"] > s["sextortion"] >= s["meeting_planned"] > s["unknown_contact"]
    assert s["disclosure"] > s["nude_images"] > s["other_adult"] > s["signs_secrecy"] > s["talk_to_child"]


def test_most_serious_concern_wins_and_the_rest_are_acknowledged():
    d = R.decide([("signs_secrecy", 0.55), ("gifts_money", 0.35), ("greet", 0.1)],
                 text="she is so secretive and someone keeps buying her robux")
    assert d.concern == "gifts_money" and d.also == ("signs_secrecy",)


def test_weak_runner_up_is_not_raised():
    d = R.decide([("signs_secrecy", 0.85), ("gifts_money", 0.05)])
    assert d.concern == "signs_secrecy" and d.also == ()


def test_chit_chat_is_not_a_concern():
    assert R.decide([("greet", 0.9), ("signs_secrecy", 0.05)]) is None


def test_emergency_overrides_everything():
    d = R.decide([("greet", 0.9)], emergency="meeting within hours")
    assert d.concern == "immediate_danger"


@pytest.mark.parametrize("text, ranking, intent", [
    ("he is meeting a man from roblox tonight", [("gaming", 0.6)], "immediate_danger"),
    ("xqzv blorpt", [("greet", 0.2)], "nlu_fallback"),
    ("im 14 and a man keeps asking me for pics", [("unknown_contact", 0.8)], "child_user"),
    ("my son is 14 and a man keeps asking him for pics", [("unknown_contact", 0.8)], "unknown_contact"),
    ("hello", [("greet", 0.95)], "greet"),
])
def test_understand(text, ranking, intent):
    fell_back = ranking[0][1] < 0.3
    assert understand(text, ranking, fell_back=fell_back).intent == intent


def test_classifier_emergency_needs_confidence_when_the_safety_net_is_silent():
    sure = understand("please help he's not answering", [("immediate_danger", 0.7), ("greet", 0.2)])
    unsure = understand("please help he's not answering", [("immediate_danger", 0.3), ("signs_withdrawal", 0.28)])
    calm = understand("he used to barely use it, now he's on it all evening", [("immediate_danger", 0.7),
                                                                            ("signs_device_use", 0.2)])
    assert sure.intent == "immediate_danger"
    assert unsure.intent == "signs_withdrawal"
    assert calm.intent == "signs_device_use"  # nothing urgent in the words: no false 999


def test_a_concern_without_its_evidence_is_not_chosen():
    # the classifier's sextortion guess needs a threat in the words; otherwise the next fits
    ranking = [("sextortion", 0.6), ("unknown_contact", 0.3)]
    assert R.decide(ranking, text="a man keeps messaging him and said not to tell me").concern == "unknown_contact"
    assert R.decide(ranking, text="they'll post it unless he pays").concern == "sextortion"
    # the threat quoted as it was written to the child, in a second language (multi7, stop 31)
    quoted = "a person has her private photos and write to her 'if you do not send more I will publish to your school'"
    assert R.decide(ranking, text=quoted).concern == "sextortion"


def test_getting_a_picture_off_wherever_it_went_is_about_the_picture():
    ranking = [("nude_images", 0.54), ("overreacting", 0.3)]
    assert R.decide(ranking, text="how do we get it taken off everywhere its been sent").concern == "nude_images"
    assert R.decide(ranking, text="how do we stop her worrying so much").concern == "overreacting"


@pytest.mark.parametrize("text, concern", [
    # an older boyfriend or an older gaming mate is a contact worry, whatever the question
    ("one of our girls, 14, is on her phone til 3am most nights with an 'older boyfriend' she met on "
     "instagram", "unknown_contact"),
    ("our son spends all night on his headset with an older gamer mate who coaches him", "unknown_contact"),
    ("she is on her phone til 3am most nights and older boys at school tease her", "signs_device_use"),
    ("she's on her phone at every break and told another girl she has an 'older boyfriend'", "signs_device_use"),
])
def test_an_older_boyfriend_or_gaming_mate_is_a_contact_worry(text, concern):
    assert R.decide([("signs_device_use", 0.7), ("unknown_contact", 0.05)], text=text).concern == concern


@pytest.mark.parametrize("text, concern", [
    # a fake account posting unkind things as the child is other children's unkindness (blind53)
    ("someone made a fake account of my daughter and is posting embarrassing things as her. how do we "
     "get it taken down?", "bullying"),
    ("someone made a fake account with her nudes on it, how do we get it taken down", "nude_images"),
    ("a fake instagram is posting ai pictures of her, how do I get them taken down", "nude_images"),
])
def test_a_fake_account_is_an_image_to_take_down_only_with_an_image_of_that_kind(text, concern):
    assert R.decide([("nude_images", 0.6), ("bullying", 0.36)], text=text).concern == concern


@pytest.mark.parametrize("text, threat", [
    # a threat quoted in plain or second-language English, in the present tense (multi46, stop 61)
    ("tonight he write to her: send a video without clothes or I put your photos on the internet", True),
    ("message say give me 100 pound or we show your video to your mother", True),
    ("the man says he sends your pictures to school if she not pay", True),
    # the same words with no threat in them
    ("he asked for a video and she said tidy your room or I take your phone, as a joke", False),
    ("a man keeps asking her for a video without clothes and she says no every time", False),
    ("how do I stop people who upload your pictures from seeing where you live", False),
])
def test_a_threat_told_in_plain_words_is_a_threat(text, threat):
    ranking = [("sextortion", 0.6), ("unknown_contact", 0.3)]
    assert (R.decide(ranking, text=text).concern == "sextortion") is threat


@pytest.mark.parametrize("text, threat", [
    # money or gifts given to the child are grooming, whatever else is asked for
    ("a man on snapchat has been sending him money and asking for videos", False),
    ("a 'girl' who says she's 17 keeps sending him money for sweets and asking for pictures", False),
    ("he offered her a gift card if she sent a photo", False),
    # ...told as what the child receives (blind19, stop 66)
    ("my son 12 years receives gift cards for steam from person in chat, person ask to send photos of him", False),
    ("she's been getting robux off a man who now wants pictures of her", False),
    # a threat makes it blackmail, however the money went
    ("he sent her money for pics and now says he'll post them unless she sends more", True),
    ("he paid him for a video and now he's threatening to show his school", True),
    ("he got gift cards from someone who now says he'll post the video unless he pays them back", True),
    # "got" something else, and money demanded: not money received
    ("someone says they've got pictures and wants money", True),
    ("a man has been sending her money and now he wrote 'I will send your pics to your school friends'", True),
])
def test_money_given_to_the_child_is_grooming_unless_there_is_a_threat(text, threat):
    ranking = [("sextortion", 0.6), ("gifts_money", 0.3)]
    assert (R.decide(ranking, text=text).concern == "sextortion") is threat


@pytest.mark.parametrize("text, gift", [
    # gems, diamonds and tokens given, sent or bought are what an adult gives a child in a game
    ("a man in brawl stars keeps giving my boy gems and asked for a photo with no top on", True),
    ("someone he met in free fire sent him 500 diamonds and wants to video call", True),
    ("someone in his clan keeps sending him tokens and asked for his number", True),
    # lost, taken or talked about, they are the game's own business
    ("she lost all her gems on clash royale and won't stop crying", False),
    ("his friend took his diamonds on our minecraft server", False),
    ("he keeps talking about tokens and gems, what age is brawl stars for", False),
])
def test_a_games_own_currency_counts_only_when_given(text, gift):
    decided = R.decide([("gaming", 0.45), ("gifts_money", 0.44)], text=text).concern
    assert decided == ("gifts_money" if gift else "gaming")


def test_a_parent_writing_about_their_child_is_not_a_child_typing():
    ranking = [("child_user", 0.5), ("unknown_contact", 0.4)]
    assert R.decide(ranking, text="my son is 13 and a man keeps messaging him").concern == "unknown_contact"
    assert R.decide(ranking, text="a man keeps messaging me and im scared").concern == "child_user"


def test_an_unsure_classifier_still_answers_a_clear_worry():
    ranking = [("gifts_money", 0.24), ("signs_secrecy", 0.2), ("unknown_contact", 0.15), ("greet", 0.1)]
    assert understand("a stranger paid for his game pass", ranking, fell_back=True).intent == "gifts_money"
    chatty = [("out_of_scope", 0.2), ("greet", 0.18), ("gifts_money", 0.1)]
    assert understand("kzzt oomph", chatty, fell_back=True).intent == "nlu_fallback"


def test_a_long_worry_is_never_met_with_sorry_i_did_not_understand():
    # most of the unsure classifier's belief is off the concerns, but a parent who wrote this
    # much is telling a worry: the best concern its words bear out, never the fallback
    ranking = [("followup_evidence", 0.2), ("followup_talk", 0.17), ("signs_secrecy", 0.13), ("out_of_scope", 0.1)]
    story = ("she has gone very quiet lately and takes the tablet up to bed every night, and when I "
             "asked who she was messaging she went red and said nobody, which is not like her at all")
    assert len(story.split()) >= R.rescue_words
    assert understand(story, ranking, fell_back=True).intent == "signs_secrecy"
    assert understand("kzzt oomph blorp", ranking, fell_back=True).intent == "nlu_fallback"


def test_a_long_story_ending_in_a_question_is_a_worry_not_a_follow_up():
    ranking = [("followup_evidence", 0.5), ("unknown_contact", 0.3), ("gaming", 0.1)]
    story = ("my mum was minding him and sent me two screenshots from the game he plays, a player "
             "with no name had been following his character round for weeks and asking where he "
             "lives and whether his mum was home, I rang her straight away, what do I do now?")
    assert understand(story, ranking).intent == "unknown_contact"
    # a follow-up question of ordinary length is answered as one
    assert understand("how do I keep the messages as evidence?", ranking).intent == "followup_evidence"


def test_rejected_top_guess_falls_to_a_real_contender_only():
    # sextortion lacks a threat; nude_images is a real contender and fits
    ranking = [("sextortion", 0.6), ("nude_images", 0.3), ("signs_withdrawal", 0.01)]
    assert R.decide(ranking, text="someone sent him a photo of a girl").concern == "nude_images"
    # no real contender: general advice and the NSPCC, not a specific route the words don't bear out
    ranking = [("sextortion", 0.9), ("signs_withdrawal", 0.01)]
    assert R.decide(ranking, text="someone has got something on him").concern == R.when_unsure


def test_a_very_sure_guess_stands_for_a_story_told_in_words_no_pattern_knows():
    story = ("we go to see his grandparents every summer and a man there has been chatting to my "
             "15 year old on instagram, he has offered to show him around without us while we are away")
    assert len(story.split()) >= R.sure_guess.min_words and not R.concerns["meeting_planned"].fits(story)
    assert R.decide([("meeting_planned", 0.99), ("gaming", 0.01)], text=story).concern == "meeting_planned"
    # less sure, or a short message: general advice, as before
    assert R.decide([("meeting_planned", 0.9), ("gaming", 0.01)], text=story).concern == R.when_unsure
    assert R.decide([("meeting_planned", 0.99)], text="he offered to show him around").concern == R.when_unsure


@pytest.mark.parametrize("guess", ["own_thoughts", "sextortion", "report_anonymously"])
def test_a_sure_guess_at_the_writers_urges_a_threat_or_anonymity_needs_its_words(guess):
    # a parent's story without the words these routes need (first person, a threat, not being
    # named) never gets them, however sure the classifier: never Stop It Now alone for a parent
    story = ("our 17 year old has admitted he has been having urges towards his little cousins and "
             "is scared of himself, we love him and need to know where to get him help before anything happens")
    assert len(story.split()) >= R.sure_guess.min_words and guess not in R.sure_guess.concerns
    assert R.decide([(guess, 1.0)], text=story).concern != guess


def test_a_guess_the_words_rule_out_is_never_chosen():
    ranking = [("child_user", 0.7), ("nude_images", 0.2)]
    assert R.decide(ranking, text="someone airdropped a rude pic to my 12yo").concern == "nude_images"


def test_a_young_persons_boyfriend_or_mums_work_is_not_a_parents_child_or_job():
    """'my boyfriend' is not 'my boy', 'my girlfriend' not 'my girl', and someone else being
    at work is not the writer's job: none of them rules out a young person writing."""
    ranking = [("child_user", 0.7), ("disclosure", 0.2)]
    for text in ("my uncle came in when i was asleep and i want to tell my boyfriend",
                 "my teacher is like a dad to me and my girlfriend is jealous",
                 "mum is at work all day and i feel like it's my fault"):
        assert R.decide(ranking, text=text).concern == "child_user", text
    for text in ("my boy has been going quiet", "my grandchildren see things online", "i work nights"):
        decision = R.decide(ranking, text=text)
        assert decision is None or decision.concern != "child_user", text


@pytest.mark.parametrize("text", [
    "im a school nurse and a year 7 came to me about a man who messages her on a game",
    "I'm a family support worker. One of the mums on my caseload says her 12 year old has a new online friend of 30",
    "i am a lunchtime supervisor, a boy told me a man at the gates gave him sweets and asked for his snapchat",
    "i'm a form tutor and one of my year 8s says a man online wants to meet him at half term",
])
def test_a_writer_who_gives_an_adults_job_is_not_a_child_typing(text):
    # work only an adult does: the message is about a child, not from one
    assert R.concerns["child_user"].contradicted(text)
    assert R.decide([("child_user", 0.6), ("unknown_contact", 0.3)], text=text).concern == "unknown_contact"


@pytest.mark.parametrize("text", [
    "im deputy head girl and a man keeps messaging me on insta",
    "i'm a gp's daughter and i cant tell my parents about the pictures",
    "im a junior swimming teacher at my club and one of the dads snaps me at night",
    "i'm a student dance teacher and the owner sends me weird messages",
    "im a keyworker kid so i was in school all lockdown and a teacher there still messages me",
])
def test_a_young_person_who_names_a_job_is_still_a_young_person(text):
    # a parent's job, a pupil's title or a junior role is not the writer's own adult work
    assert not R.concerns["child_user"].contradicted(text)


def test_a_short_answer_naming_an_app_is_an_answer_not_a_new_worry():
    u = understand("on his ps5", [("parental_controls", 0.6), ("gaming", 0.3)], names_platform=True)
    assert u.intent == "inform_platform"
    long = "my son is on his ps5 all night and won't stop"
    assert understand(long, [("signs_device_use", 0.9)], names_platform=True).intent == "signs_device_use"


def test_a_short_question_naming_an_app_is_still_the_question():
    # "snap report first or police" asks which comes first: it is answered, not taken as the app
    asked = understand("snap report first or police", [("followup_report_order", 0.95), ("inform_platform", 0.04)],
                       names_platform=True)
    assert asked.intent == "followup_report_order"
    assert understand("tiktok block how", [("followup_block_report", 0.7), ("inform_platform", 0.3)],
                      names_platform=True).intent == "followup_block_report"
    assert understand("snapchat", [("inform_platform", 0.99)], names_platform=True).intent == "inform_platform"
    # an answer to "which app?" with a few words after it is still the answer
    for answer in ("insta but he deleted it", "tiktok, she already reported it", "snapchat i think"):
        assert understand(answer, [("followup_block_report", 0.5), ("inform_platform", 0.45)],
                          names_platform=True).intent == "inform_platform", answer


def test_a_short_answer_giving_an_age_is_an_answer_not_out_of_scope():
    assert understand("8", [("out_of_scope", 0.5)], gives_age=True).intent == "inform_age"
    assert understand("she's 13", [("nlu_fallback", 0.3), ("greet", 0.2)], gives_age=True).intent == "inform_age"
    # a young person introducing themselves is a child typing, and a worry stays a worry
    assert understand("im 14", [("child_user", 0.6)], gives_age=True).intent == "child_user"
    assert understand("she's 13 and on snap", [("gaming", 0.6)], gives_age=True, names_platform=True).intent != "inform_age"


@pytest.mark.parametrize("intent, names_platform, gives_age", [
    ("inform_platform", True, False), ("inform_age", False, True)])
def test_a_long_message_read_as_an_answer_is_read_by_the_rest_of_its_reading(intent, names_platform, gives_age):
    def read(text, ranking, **kw):
        return understand(text, ranking, names_platform=names_platform, gives_age=gives_age, **kw).intent

    # spelt by sound, an app and an age are the only words the classifier knows
    worry = ("ma gurl is 12 an sum1 on tik tok sez hes 14 but wen i lissend 2 the voys noats he sownds like a "
             "growen man n he keeps askin her wot shes werin")
    assert read(worry, [(intent, 0.37), ("unknown_contact", 0.25), ("greet", 0.1)]) == "unknown_contact"
    assert read(worry, [(intent, 0.9), ("greet", 0.05)]) == R.when_unsure  # nothing likely enough
    # what is left is read as it would be: a question stays a question, off topic stays off topic
    question = ("she is on snapchat most nights and there is a boy from another school who keeps adding her "
                "again after she blocks him, how do I stop that")
    assert read(question, [(intent, 0.4), ("followup_block_report", 0.35)]) == "followup_block_report"
    bakery = ("I want to set up a tiktok account for my bakery so people can see the cakes we make, "
              "can you tell me how to start one please")
    assert read(bakery, [(intent, 0.35), ("out_of_scope", 0.3), ("nude_images", 0.11)]) == "out_of_scope"
    # a weak threat reading still counts: both readings doubting the danger words do not take 999
    # out of the lead while a threat over pictures is read at 0.05 or more (possible_danger)
    threat = ("he has been messaging our daughter on snapchat for weeks and he says he will send the pictures "
              "of her to everyone in her year at school unless she sends him more of them, and she keeps "
              "saying she does not want to be here anymore")
    weak_threat = [(intent, 0.6), ("nude_images", 0.2), ("sextortion", 0.08)]
    assert understand(threat, weak_threat, names_platform=names_platform, gives_age=gives_age,
                      peak=0.01).intent == "immediate_danger"
    # up to 24 words it is still the answer it reads as; from 25 it is not
    words = "it's snapchat and instagram mostly and sometimes whatsapp with his cousins on the old ipad that his dad gave him last christmas".split()
    assert len(words) == 22
    ranking = [(intent, 0.6), ("parental_controls", 0.3)]
    assert read(" ".join(words + ["at", "home"]), ranking) == intent
    assert read(" ".join(words + ["at", "his", "home"]), ranking) == "parental_controls"


def test_a_bare_age_is_recognised_and_nothing_else_is():
    from bot.entities import lexicon

    assert all(lexicon().is_bare_age(t) for t in ("8", "thirteen", "year 7", "14!"))
    assert not any(lexicon().is_bare_age(t) for t in ("ok", "2024", "snap", "no", "8 hours a day"))


@pytest.mark.parametrize("text, ranking, intent", [
    ("hi there, sorry to bother you, my daughter is 14 and someone she met on a game keeps messaging her",
     [("greet", 0.6), ("unknown_contact", 0.3)], "unknown_contact"),
    ("thanks so much, bye", [("goodbye", 0.9), ("thanks", 0.05)], "goodbye"),
    ("yes", [("affirm", 0.95)], "affirm"),
    # a long message never gets the goodbye reply: general advice when no concern fits
    ("ok thanks I will have a proper think about everything you have said and maybe come back later on",
     [("goodbye", 0.8), ("thanks", 0.15)], R.when_unsure),
    ("thank you, but my son is still talking to him", [("thanks", 0.7), ("unknown_contact", 0.2)], "unknown_contact"),
    # a greeting asking for help, with no concern the classifier believes: general advice
    ("hi i need some help", [("greet", 0.95), ("own_thoughts", 0.05)], R.when_unsure),
    # a question after the thanks is the follow-up read next (multi42), or general advice
    ("ok thank you. how i stop him doing the live", [("thanks", 0.85), ("followup_block_report", 0.07)],
     "followup_block_report"),
    ("thanks, what if he does it again", [("thanks", 0.9), ("greet", 0.05), ("followup_again", 0.03)], "followup_again"),
    ("thanks, what do i do", [("thanks", 0.9), ("out_of_scope", 0.05), ("followup_again", 0.03)], R.when_unsure),
    ("Thank you, that actually really helped. I feel a bit calmer now.",
     [("thanks", 0.6), ("followup_takedown", 0.2)], R.when_unsure),
    ("hi there, can i ask something", [("greet", 0.9), ("followup_talk", 0.05)], "greet"),
])
def test_small_talk_is_only_believed_of_short_messages_without_a_worry(text, ranking, intent):
    assert understand(text, ranking).intent == intent


def test_the_danger_model_alone_or_with_an_urgent_word_leads_with_999():
    calm = [("signs_withdrawal", 0.7), ("overreacting", 0.2)]
    text = "she said she'd be back from her mates by six and it's half nine"
    assert understand(text, calm, danger=R.danger_model.alone).intent == "immediate_danger"
    assert understand(text, calm, danger=R.danger_model.alone - 0.01).intent != "immediate_danger"
    # the concern classifier's own guess agreeing is enough from with_support
    guess = [("immediate_danger", R.classifier_emergency_confidence), ("signs_withdrawal", 0.2)]
    assert understand(text, guess, danger=R.danger_model.with_support).intent == "immediate_danger"
    assert understand(text, guess, danger=R.danger_model.with_support - 0.01).intent != "immediate_danger"
    urgent = "her phone is off and she's not answering"
    assert understand(urgent, calm, danger=R.danger_model.with_support).intent == "immediate_danger"
    quiet = "she has been quiet and sad since the summer"
    assert understand(quiet, calm, danger=R.danger_model.with_support).intent == "signs_withdrawal"


def test_a_middling_danger_score_alone_beside_a_sure_concern_names_999_without_leading():
    dm = R.danger_model
    middling = (dm.alone + dm.doubt_below) / 2
    sure = [("disclosure", dm.doubt_beside), ("other_adult", 0.05)]
    text = "my daughter told her teacher today that her step-brother showed her things on his phone"
    doubted = understand(text, sure, danger=middling)
    assert doubted.intent == "disclosure" and doubted.possible_danger
    # a higher score, a less sure classifier, or an urgent word: 999 leads
    assert understand(text, sure, danger=dm.doubt_below).intent == "immediate_danger"
    unsure = [("disclosure", dm.doubt_beside - 0.01), ("other_adult", 0.05)]
    assert understand(text, unsure, danger=middling).intent == "immediate_danger"
    urgent = text + " and now she's not answering her phone"
    assert understand(urgent, sure, danger=middling).intent == "immediate_danger"


def test_straight_after_a_999_reply_the_danger_model_alone_names_999_without_leading():
    assert R.danger_model.doubt_alone_after_999
    calm = [("signs_withdrawal", 0.7), ("overreacting", 0.2)]
    update = "they arrested the man at the car park and the officer took a statement from me"
    assert understand(update, calm, danger=0.99).intent == "immediate_danger"
    after = understand(update, calm, danger=0.99, after_999=True)
    assert after.intent != "immediate_danger" and after.possible_danger
    # the classifier's own emergency guess, or an urgent word, still leads
    guess = [("immediate_danger", R.classifier_emergency_confidence), ("signs_withdrawal", 0.2)]
    assert understand(update, guess, danger=0.99, after_999=True).intent == "immediate_danger"
    again = "he's outside the house right now in a grey car"
    assert understand(again, calm, danger=R.danger_model.with_support, after_999=True).intent == "immediate_danger"


@pytest.mark.parametrize("fell_back", [True, False])
def test_the_child_safe_told_after_a_999_reply_in_unknown_words_is_general_advice_naming_999(fell_back):
    # multi50's update: "the police came... they stopped him at the junction... everyone's home"
    unknown = [("out_of_scope", 0.25), ("followup_evidence", 0.08)]
    update = "the police stopped him at the junction and took his phone. everyone's home now, what happens next"
    after = understand(update, unknown, fell_back=fell_back, after_999=True)
    assert after.concern == R.when_unsure and after.possible_danger
    # not before any 999 reply, nor when the child is not said to be safe
    assert understand(update, unknown, fell_back=fell_back).concern is None
    unsettled = "the police stopped a car at the junction, what happens next"
    assert understand(unsettled, unknown, fell_back=fell_back, after_999=True).concern is None


def test_a_follow_up_that_needs_an_answer_is_not_read_before_one():
    assert "followup_reach" in R.after_an_answer
    asked = [("followup_reach", 0.7), ("out_of_scope", 0.25)]
    text = "do you speak welsh?"
    assert understand(text, asked, answered_before=True).intent == "followup_reach"
    assert understand(text, asked, answered_before=False).intent != "followup_reach"



def test_a_first_message_asking_about_being_known_is_not_a_follow_up():
    assert {"followup_anonymity", "followup_takedown", "followup_pay"} <= set(R.after_an_answer)
    asked = [("followup_takedown", 0.5), ("followup_anonymity", 0.3), ("bot_challenge", 0.15)]
    text = "Before I say anything, does this get saved anywhere? Will anyone know I used this?"
    assert understand(text, asked, answered_before=True).intent == "followup_takedown"
    assert understand(text, asked, answered_before=False).intent not in R.after_an_answer


def test_a_young_writer_earlier_in_the_conversation_is_answered_as_one():
    threat = [("sextortion", 0.9), ("nude_images", 0.05)]
    text = "its worse than i said. he wants 300 in steam cards by monday or he sends the pics to my followers"
    assert not understand(text, threat).child_typing
    later = understand(text, threat, young_writer=True)
    assert later.child_typing and later.intent == "child_user" and "sextortion" in later.also
    # unless this message is someone else's: a parent who takes over the chat
    parent = "I'm his mum, he showed me this. " + text
    assert not understand(parent, threat, young_writer=True).child_typing


def test_straight_after_a_999_reply_a_child_said_safe_names_999_without_leading():
    assert R.settled_after_999
    calm = [("followup_report_order", 0.4), ("other_adult", 0.3)]
    update = "ok hes safe. the police picked him up on the platform, he'd gone to meet a man of 26"
    assert understand(update, calm, danger=0.2).intent == "immediate_danger"  # a first message
    after = understand(update, calm, danger=0.2, after_999=True)
    assert after.intent != "immediate_danger" and after.possible_danger
    # something still urgent leads, safe or not
    still = "ok she's safe but the man is still outside the house right now"
    assert understand(still, calm, danger=R.danger_model.with_support, after_999=True).intent == "immediate_danger"


# a long message whose danger words both readings doubt: most often a scare told after it ended
DOUBTED = ("I'm meeting the other mums at the cafe tomorrow morning to talk about the group chat, and I want "
           "to go in prepared. My daughter is 13 and some girls in her class have been leaving nasty comments "
           "under her videos and left her out of the chat. She is upset but she is safe at home and talking "
           "to us. What should I ask the school to do, and how do I help her without taking her phone away?")
SELF_HARM_STORY = ("Our son is 12. A few months ago he told us kids at school said he should kill himself, and "
                   "we sorted it out with the school and it stopped. He is happy again now. He wants to start "
                   "playing Fortnite with his friends online and I'd like to know what the chat settings are "
                   "and what I should keep an eye on.")


def test_danger_words_both_readings_doubt_in_a_long_message_get_the_worry_answered():
    doubt, calm = R.possible_danger, [("bullying", 0.7), ("parental_controls", 0.2)]
    assert len(DOUBTED.split()) >= doubt.min_words
    read = understand(DOUBTED, calm, peak=doubt.below - 0.01)
    assert read.intent == "bullying" and read.safety_net is None
    assert read.possible_danger == "meeting within hours"  # named, so the reply still gives 999


CHILD_SELF_HARM = ("im 14 and i dont really know why im writing this. a few months ago people in my year kept "
                   "telling me to kill myself in the group chat and it got sorted by school, but i still think "
                   "about it a lot at night and i dont know who to talk to. my mum thinks im fine now and i dont "
                   "want to worry her")


def test_self_harm_words_a_young_person_tells_at_length_with_no_plan_keep_999_without_leading():
    # a past or managed episode, told by the young person: their own line (Childline) leads, and
    # 999 is still named in the first bubble
    assert not R.possible_danger.never_from_a_child
    assert len(CHILD_SELF_HARM.split()) >= R.possible_danger.min_words
    read = understand(CHILD_SELF_HARM, [("child_user", 0.9)], peak=0.0)
    assert read.intent == "child_user" and read.child_typing
    assert read.possible_danger == "risk of self-harm"
    # a stretch either reading bears out still leads with 999
    bar = R.possible_danger.below_for["risk of self-harm"]
    read = understand(CHILD_SELF_HARM, [("child_user", 0.9)], peak=bar)
    assert read.intent == "immediate_danger" and read.possible_danger is None


CHILD_PLAN = ("im 14 and i dont really know why im writing this. people in my year keep telling me to kill "
              "myself in the group chat and school hasnt done anything. i wont be a problem for anyone after "
              "this weekend, ive worked out how and when. my mum thinks im fine")


def test_a_plan_to_end_a_life_is_never_doubted():
    # an intent beside a plan or the means: both readings can score it under every bar
    assert "a plan to end their life" in R.possible_danger.never
    assert len(CHILD_PLAN.split()) >= R.possible_danger.min_words
    for ranking in ([("child_user", 0.9)], [("bullying", 0.8)]):
        read = understand(CHILD_PLAN, ranking, peak=0.0)
        assert read.intent == "immediate_danger" and read.possible_danger is None
        assert read.safety_net == "a plan to end their life"


def test_a_young_person_in_danger_who_gives_no_age_is_still_spoken_to_as_a_child():
    # no age and no "my mum will kill me": the classifier's best reading after the emergency is a
    # young person's own worry, so the 999 reply carries the child's line (Childline) as well
    text = ("people online keep calling me fat and ugly and if i block them it gets worse at school. "
            "i don't want to tell anyone, i've been cutting to get through it and i just want to die")
    assert not understand(text, [("immediate_danger", 0.9), ("bullying", 0.6)]).child_typing
    read = understand(text, [("immediate_danger", 0.9), ("child_user", 0.6)])
    assert read.intent == "immediate_danger" and read.child_typing
    # a weaker reading is not enough (a parent's emergency can carry one), nor one that is not the best
    assert not understand(text, [("immediate_danger", 0.9), ("child_user", 0.5), ("bullying", 0.1)]).child_typing
    assert not understand(text, [("immediate_danger", 0.9), ("bullying", 0.6), ("child_user", 0.3)]).child_typing


def test_self_harm_words_an_adult_retells_at_length_keep_999_without_leading():
    # both readings doubt every stretch: mostly a past episode; 999 stays in the first bubble
    read = understand(SELF_HARM_STORY, [("gaming", 0.7)], peak=0.0)
    assert read.intent == "gaming" and read.possible_danger == "risk of self-harm"
    # the same story with a stretch either reading bears out leads with 999
    bar = R.possible_danger.below_for.get("risk of self-harm", R.possible_danger.below)
    read = understand(SELF_HARM_STORY, [("gaming", 0.7)], peak=bar)
    assert read.intent == "immediate_danger" and read.possible_danger is None


def test_self_harm_words_an_adult_retells_at_length_are_doubted_from_their_own_higher_bar():
    # a past episode scores a little on the readings (a stretch at 0.1 is no emergency's): the
    # trigger's own bar, above the general one, still doubts it
    doubt = R.possible_danger
    bar = doubt.below_for["risk of self-harm"]
    assert bar > doubt.below
    between = (doubt.below + bar) / 2
    read = understand(SELF_HARM_STORY, [("gaming", 0.7)], peak=between)
    assert read.intent == "gaming" and read.possible_danger == "risk of self-harm"
    # (at the bar itself 999 leads: the test above)
    # the higher bar is that trigger's alone: other danger words between the bars lead with 999
    read = understand(DOUBTED, [("bullying", 0.7)], peak=between)
    assert read.intent == "immediate_danger" and read.possible_danger is None
    # ...and so is a young person's own, told with no plan
    read = understand(CHILD_SELF_HARM, [("child_user", 0.9)], peak=between)
    assert read.intent == "child_user" and read.possible_danger == "risk of self-harm"


@pytest.mark.parametrize("now", [
    "He mentioned over tea that he took tablets this evening and then went back to his game.",  # soon
    "He told us he has a stash of paracetamol saved up and he won't be here by the weekend.",  # his plan
    "She is self harming right now in the bathroom with the door locked.",  # right now
])
def test_self_harm_words_beside_a_word_of_now_or_a_plan_are_never_doubted(now):
    # told calmly by an adult before a settings question, both readings can doubt them
    text = SELF_HARM_STORY.replace("He is happy again now.", now)
    assert len(text.split()) >= R.possible_danger.min_words
    read = understand(text, [("gaming", 0.7)], peak=0.0)
    assert read.intent == "immediate_danger" and read.possible_danger is None


def test_the_triggers_named_in_the_doubt_are_the_safety_nets():
    from bot.safety_net import safety_net
    net = safety_net()
    never = {*R.possible_danger.never, *R.possible_danger.never_from_a_child,
             *R.possible_danger.never_beside, *R.possible_danger.below_for}
    assert never and never <= {t.name for t in net.triggers}
    beside = {c for words in R.possible_danger.never_beside.values() for c in words}
    assert beside and beside <= set(net.concepts)


@pytest.mark.parametrize("peak", [
    R.possible_danger.below,  # any stretch of the message at the bar, from either reading
    None,  # no readings (no danger-now model or self-harm reading): the patterns alone decide
])
def test_a_reading_at_the_bar_or_none_keeps_999_first(peak):
    read = understand(DOUBTED, [("bullying", 0.7)], peak=peak)
    assert read.intent == "immediate_danger" and read.possible_danger is None


def test_danger_words_beside_a_threat_over_images_are_never_doubted():
    # a threat over images beside danger words is danger now, whatever the scores
    doubt = R.possible_danger
    threat = [("bullying", 0.8), ("sextortion", doubt.beside)]
    read = understand(DOUBTED, threat, peak=0.0)
    assert "sextortion" in doubt.not_beside and read.intent == "immediate_danger"
    faint = [("bullying", 0.8), ("sextortion", doubt.beside - 0.01)]
    assert understand(DOUBTED, faint, peak=0.0).possible_danger


def test_a_short_message_is_never_doubted():
    short = "my daughter has gone to meet a man from her game and is not answering her phone"
    read = understand(short, [("gaming", 0.7)], peak=0.0)
    assert len(short.split()) < R.possible_danger.min_words and read.intent == "immediate_danger"


def test_the_classifiers_own_emergency_guess_still_leads_when_the_patterns_are_doubted():
    guess = [("immediate_danger", R.classifier_emergency_confidence), ("bullying", 0.1)]
    urgent = ("I'm meeting her head of year tomorrow morning about the group chat, where some girls in her "
              "class have been leaving nasty comments under her videos. She went out after tea saying she "
              "needed some air. Now she is not answering her phone and her location is off.")
    assert len(urgent.split()) >= R.possible_danger.min_words
    read = understand(urgent, guess, peak=0.0)
    assert read.intent == "immediate_danger" and read.possible_danger is None


@pytest.mark.parametrize("ranking, fell_back", [
    ([("goodbye", 0.6), ("thanks", 0.3)], False),
    ([("out_of_scope", 0.9)], False),
    ([("deny", 0.3), ("goodbye", 0.2)], True),
])
def test_a_doubted_message_is_always_answered_as_a_worry(ranking, fell_back):
    # never the goodbye reply or "sorry, I can only help with...": the worry's reply carries the 999 line
    read = understand(DOUBTED, ranking, fell_back=fell_back, peak=0.0)
    assert R.is_concern(read.concern) and read.possible_danger


def test_the_self_harm_reading_leads_with_999_alone_or_with_a_word_of_ending_a_life():
    reading = R.self_harm_model
    calm = [("signs_withdrawal", 0.7), ("overreacting", 0.2)]
    # "here with me" settles the danger-now model's guess, never this reading's
    quiet = "she's here with me now, she has been tidying her room all week and is suddenly very calm"
    assert understand(quiet, calm, self_harm=reading.alone).intent == "immediate_danger"
    assert understand(quiet, calm, self_harm=reading.alone).safety_net == "self-harm reading"
    assert understand(quiet, calm, self_harm=reading.alone - 0.01).intent == "signs_withdrawal"
    # from lead_with_support when a word may speak of ending a life ("letters" to her friends)
    letters = "she's here with me now, she has been writing letters to her friends all week"
    assert understand(letters, calm, self_harm=reading.lead_with_support).intent == "immediate_danger"
    assert understand(letters, calm, self_harm=reading.with_support - 0.01).intent == "signs_withdrawal"
    assert understand(quiet, calm, self_harm=reading.with_support).intent == "signs_withdrawal"
    # from with_support up to that bar: 999 named in the first bubble, the worry answered
    assert reading.with_support < reading.lead_with_support
    weak = understand(letters, calm, self_harm=reading.with_support)
    assert (weak.intent, weak.safety_net, weak.possible_danger) == ("signs_withdrawal", None, SELF_HARM_WEAK)
    # unless the danger-now model says so too
    both = understand(letters, calm, self_harm=reading.with_support, danger=R.danger_model.alone)
    assert (both.intent, both.safety_net) == ("immediate_danger", "danger model")


@pytest.mark.parametrize("text", [
    "we're on our way to the fair and a lad from his game says he'll find him there",
    "she's already inside the cinema and a man from the app says he's there too",
])
def test_a_child_on_the_way_there_now_supports_the_danger_model(text):
    calm = [("unknown_contact", 0.6), ("meeting_planned", 0.2)]
    assert understand(text, calm, danger=R.danger_model.with_support).intent == "immediate_danger"
    assert understand(text, calm, danger=R.danger_model.with_support - 0.01).intent == "unknown_contact"


@pytest.mark.parametrize("text, still_danger", [
    # a scare that is over is not answered 999-first on a model's guess alone
    ("she didn't come home till 2am after meeting a lad from snap. she's home now, fast asleep. what next?", False),
    ("last friday he went missing for an evening and the police found him in town with a man from a game", False),
    ("someone is threatening to post his pictures. he's at home with his mum and safe, I'm at work", False),
    # but safe at home does not hide what is happening now
    ("the police came last week about him but she's gone off with him again tonight", True),
    ("she's home now but the man from snapchat is outside our house right now", True),
    ("he is at home with me but the man from the game is on his way here", True),
    ("she's back home now and she says she wants to die", True),
    # nor a child's own words that she may not be alive tomorrow, or fresh self-harm
    ("she's sitting with me now. she just said that if he posts them she won't be here tomorrow", True),
    ("he's home and in his room but I've found fresh cuts on his arms after those messages", True),
    ("she's in the kitchen with me and keeps saying everyone would be better off without her", True),
    ("he's home with me now. this week he's given away all his things to his mates", True),
    # the same words in their everyday sense settle as before
    ("the man was arrested last week and she's home now. she won't be here tomorrow, she's at her dad's", False),
    ("he went missing last week but he's home now. he won't be here by the morning, he's off on a sleepover", False),
])
def test_safe_now_settles_a_models_guess_unless_something_is_happening_now(text, still_danger):
    worried = [("immediate_danger", 0.9), ("unknown_contact", 0.1)]
    assert (understand(text, worried, danger=0.95).intent == "immediate_danger") is still_danger


@pytest.mark.parametrize("text", [
    "she's been messaging a 28-year-old man from the library computer and won't say who he is",
    "the lad she talks to every night is in his late twenties",
    "my son's new gaming friend turns out to be a man of 34",
])
def test_an_adults_age_turns_a_reading_of_signs_into_a_contact_worry(text):
    decision = routing().decide([("signs_secrecy", 0.5), ("unknown_contact", 0.2)], text=text)
    assert decision.concern == "unknown_contact" and "signs_secrecy" in decision.also


@pytest.mark.parametrize("text, ranking", [
    ("my 19 year old is on his phone all night", [("signs_device_use", 0.8)]),  # no: 19 is the child
    ("she hides her phone and is secretive", [("signs_secrecy", 0.8)]),
    ("my partner, 35, has pictures of kids on his laptop", [("other_adult", 0.8)]),  # more serious already
])
def test_without_a_contacts_adult_age_the_reading_stands(text, ranking):
    assert routing().decide(ranking, text=text).concern == ranking[0][0]


@pytest.mark.parametrize("text", [
    "man on tiktok keeps messaging her, says he's 17, asks for pics",
    "someone on roblox asked him for a photo in his pants",
    "my daughter was asked to send nudes by a boy she met on a game",
    "a man in her game chat wrote send me a picture in your uniform, she hasn't sent anything",
    # asked for in other words (stop 66)
    "he gave her skins and now says she owes him, he'd like a photo of her as a thank you. she hasn't sent one",
    "a person in the chat ask in return to send photos of him in sports clothes",
    "a man on discord asking my son (10) for pics of himself in his pants, told him not to tell me",
])
def test_pictures_asked_for_and_none_sent_are_a_contact_worry(text):
    decision = routing().decide([("nude_images", 0.6), ("unknown_contact", 0.3)], text=text)
    assert decision.concern == "unknown_contact" and decision.reason == "redirect: pictures_asked_for"


@pytest.mark.parametrize("text", [
    "he asked for pics and she sent them",
    "a photo of her has been shared round the school",
    "how do I get the picture he asked for taken down",
    "one girl's mum wants the photo of her daughter wiped off everything",
])
def test_once_a_picture_is_sent_or_out_there_it_stays_an_images_worry(text):
    assert routing().decide([("nude_images", 0.6), ("unknown_contact", 0.3)], text=text).concern == "nude_images"


@pytest.mark.parametrize("text, ranking", [
    ("i found chats on her ipad with men asking where she lives and what school she goes to",
     [("talk_to_child", 0.5), ("unknown_contact", 0.2)]),
    ("someone pretending to be a 10 year old girl on the game told him to keep it a secret, how do I talk to him",
     [("what_is_grooming", 0.6)]),
    ("a man in the group kept pushing her to get kik and carry on there. what settings should i change?",
     [("parental_controls", 0.7)]),
    ("she's been really quiet, and I found an older guy had been sending her rude messages",
     [("signs_withdrawal", 0.6)]),
    # stop 57: pictures asked for with no "for"; a boy known only from an app; a man from an app
    # met in person
    ("my daughter have 13 years. a boy on instagram talk with her every day, he ask her photo in pyjama",
     [("signs_secrecy", 0.4)]),
    ("last saturday he met a man he knew from snapchat, he came home fine but he is very quiet since",
     [("signs_withdrawal", 0.5)]),
    # stop 65: an account or a "friend" known only from an app
    ("an instagram account has been messaging a girl in year 6, pushing her to get skype. how do we talk to the class?",
     [("talk_to_child", 0.6)]),
    ("he's been on calls with a twitter account that said they were a 15 year old, what settings do I change?",
     [("parental_controls", 0.6)]),
])
def test_what_an_adult_does_to_groom_a_child_is_a_contact_worry_whatever_the_question(text, ranking):
    decision = routing().decide(ranking, text=text)
    assert decision.concern == "unknown_contact" and decision.reason == "redirect: contact_acts"


@pytest.mark.parametrize("text, ranking", [
    # the act with no adult or unknown person doing it: a friend from school, the child
    ("her best friend from school told her to keep it a secret from me, should I ask her?",
     [("talk_to_child", 0.6)]),
    # an adult with no act: the question stands
    ("a man at the football club said the app is fine for kids, what settings should I use?",
     [("parental_controls", 0.7)]),
    # more serious already: the reading stands
    ("a man asked her for pictures and she sent them", [("nude_images", 0.7)]),
    # someone else's story, the news, or "what would I do if": the question asked is answered
    ("saw a documentary about a man pretending to be a 13 year old on a game, how do I explain it to her?",
     [("talk_to_child", 0.6)]),
    ("what would I do if a grown man ever asked him for pictures? I want a plan", [("talk_to_child", 0.6)]),
    ("a friend's daughter was messaged by a man who told her to keep it secret, how do I warn mine?",
     [("talk_to_child", 0.6)]),
    ("I saw a story about an 11-year-old who met a man she knew from a game. How common is this?",
     [("what_is_grooming", 0.6)]),
    # a boy from school, met in person: no one unknown
    ("she met a boy from her class at the park and now she's quiet, should I ask her?",
     [("signs_withdrawal", 0.6)]),
    # an app's account with no act: the question stands
    ("a fake instagram account keeps posting pictures of her friends, how do I talk to her about it?",
     [("talk_to_child", 0.6)]),
])
def test_without_both_the_act_and_the_adult_the_reading_stands(text, ranking):
    assert routing().decide(ranking, text=text).reason != "redirect: contact_acts"


@pytest.mark.parametrize("text", [
    "I caught my 13 year old son on porn websites. He denied it. How do I talk to him?",
    "my nephew, who's 12, is hooked on hardcore porn and my sister doesn't know what to do",
    "turns out his classmates have been sharing porn videos at school",
])
def test_a_childs_own_looking_at_pornography_is_not_another_adults_behaviour(text):
    decision = routing().decide([("other_adult", 0.5), ("talk_to_child", 0.3)], text=text)
    assert decision.concern == "talk_to_child"
    assert routing().decide([("unknown_contact", 0.5), ("talk_to_child", 0.3)], text=text).concern == "talk_to_child"


@pytest.mark.parametrize("text", [
    # an adult showed it to the child, or an adult is in the story
    "my brother-in-law showed my son porn on his phone at the barbecue",
    "a man on the game sent my 11 year old daughter porn videos",
    "my son has been watching porn with an older lad from the estate",
])
def test_pornography_an_adult_showed_or_shared_stays_a_worry_about_that_person(text):
    # an adult the writer knows, or one they don't ("an older lad"): never a talk with the child alone
    concern = routing().decide([("other_adult", 0.5), ("talk_to_child", 0.3)], text=text).concern
    assert concern in ("other_adult", "unknown_contact")


@pytest.mark.parametrize("text", [
    "a man from his football game says he'll take him to a tournament in the summer and they'll share a caravan",
    "a seller online said he can have the trainers if he comes to his flat",
])
def test_a_trip_or_a_visit_to_someone_bears_out_a_planned_meeting(text):
    assert routing().decide([("meeting_planned", 0.6)], text=text).concern == "meeting_planned"


@pytest.mark.parametrize("edit, message", [
    (lambda d: d["redirects"]["pictures_asked_for"].update(to="signs_secrecy"), "no more serious"),
    (lambda d: d["redirects"]["pictures_asked_for"].update(colour="red"), "pictures_asked_for.colour: unknown field"),
    (lambda d: d["redirects"]["pictures_asked_for"].update(unless=["(unclosed"]), "bad 'unless' pattern"),
    (lambda d: d["redirects"]["contact_acts"].update(alongside=["(unclosed"]), "bad 'alongside' pattern"),
    (lambda d: d.update(rescue_words=0), "'rescue_words' must be a number of words above 0"),
    (lambda d: d["concerns"]["other_adult"].update(otherwise="colour"), "'otherwise' must name another concern"),
    # a screen-time worry the classifier calls off topic gets general advice, never a route that
    # needs its evidence (a contact, an image) nor the emergency
    (lambda d: d["in_area"].update(answer_from=["unknown_contact"]), "must be general-advice concerns"),
    (lambda d: d["in_area"].update(answer_from=["immediate_danger"]), "must be general-advice concerns"),
    (lambda d: d["in_area"].update(max_confidence=1.5), "'max_confidence' must be between 0 and 1"),
    (lambda d: d["in_area"].update(others_below=0), "'others_below' must be between 0 and 1"),
    # a sure guess never stands in for the safety net
    (lambda d: d["sure_guess"].update(concerns=["immediate_danger"]), "other than the emergency"),
    (lambda d: d["sure_guess"].update(above=0), "'above' must be between 0 and 1"),
    (lambda d: d["sure_guess"].update(min_words=0), "'min_words' must be a number of words above 0"),
    (lambda d: d["self_harm_model"].update(with_support=0.9, alone=0.6), "self_harm_model: 'with_support' cannot be above"),
    (lambda d: d["self_harm_model"].update(alone=0), "self_harm_model: 'alone' must be between 0 and 1"),
    (lambda d: d["self_harm_model"].update(lead_with_support=0.1), "'lead_with_support' must be from 'with_support'"),
    (lambda d: d["danger_model"].update(lead_with_support=0.9), "read for the self-harm reading only"),
    (lambda d: d["danger_model"].pop("doubt_beside"), "'doubt_below' and 'doubt_beside' go together"),
    (lambda d: d["danger_model"].update(doubt_below=0.2), "'doubt_below' cannot be under 'alone'"),
    (lambda d: d["danger_model"].update(doubt_beside=2), "'doubt_beside' must be between 0 and 1"),
    (lambda d: d["self_harm_model"].update(doubt_below=0.9, doubt_beside=0.8), "danger-now model only"),
    (lambda d: d["self_harm_model"].update(lead_with_support=0.99), "'lead_with_support' must be from 'with_support'"),
    (lambda d: d["possible_danger"].update(below=0), "possible_danger: 'below' must be between 0 and 1"),
    (lambda d: d["possible_danger"].update(min_words=0), "possible_danger: 'min_words' must be a number"),
    (lambda d: d["possible_danger"].update(not_beside=["colour"]), "'not_beside' must list known concerns"),
    (lambda d: d["possible_danger"].update(below_for={"risk of self-harm": 2}),
     "possible_danger: 'below_for 'risk of self-harm'' must be between 0 and 1"),
])
def test_bad_redirects_and_limits_are_rejected_on_load(tmp_path, edit, message):
    from bot.catalogue import load_catalogue
    from bot.content_files import ContentError
    from bot.routing import load_routing
    from tests.conftest import edited_content

    d = edited_content(tmp_path, "routing.yaml", edit)
    with pytest.raises(ContentError, match=message):
        load_routing(d, load_catalogue(d))


def test_without_a_self_harm_reading_its_score_is_ignored(tmp_path):
    from bot.catalogue import load_catalogue
    from bot.routing import load_routing
    from tests.conftest import edited_content

    d = edited_content(tmp_path, "routing.yaml", lambda data: data.pop("self_harm_model"))
    table = load_routing(d, load_catalogue(d))
    text = "she's here with me now, she has been writing letters to her friends all week"
    calm = [("signs_withdrawal", 0.7), ("overreacting", 0.2)]
    assert table.self_harm_model is None
    assert understand(text, calm, self_harm=1.0, table=table).intent == "signs_withdrawal"


def test_a_young_person_s_long_story_is_never_out_of_scope():
    story = ("im 16 and theres this man at church who is 48 and married, we have been seeing each other "
             "in secret since last autumn and he says i cant tell anyone about us")
    assert len(story.split()) >= R.child_story_words
    assert R.decide([("out_of_scope", 0.6), ("other_adult", 0.2)], child_typing=True, text=story).concern == "child_user"
    # a short off-topic line from a child is still out of scope; an adult's long one too
    assert R.decide([("out_of_scope", 0.9)], child_typing=True, text="im 13 whats the weather tomorrow") is None
    assert R.decide([("out_of_scope", 0.9)], child_typing=False, text=story) is None


@pytest.mark.parametrize("text, ranking", [
    ("i need help", [("own_thoughts", 0.99), ("greet", 0.01)]),
    ("hi i need some help", [("greet", 0.88), ("own_thoughts", 0.12)]),
])
def test_asking_for_help_is_not_a_confession(text, ranking):
    # "help" alone is anyone's first words; Stop It Now is for someone who says what worries them
    assert understand(text, ranking).concern == R.when_unsure


def test_a_parent_going_through_a_childs_phone_is_not_a_confession():
    ranking = [("own_thoughts", 0.8), ("nude_images", 0.1), ("signs_secrecy", 0.05)]
    parent = "I went through my son's phone last night and found photos he and an older girl had swapped"
    assert understand(parent, ranking).concern != "own_thoughts"
    own = "I keep looking at photos of girls far too young online and I want to stop before it gets worse"
    assert understand(own, ranking).concern == "own_thoughts"


@pytest.mark.parametrize("text", [
    "i'm 40 and i've been messaging a 15 year old from a game more than i should and want help",
    "i run a youth club and i keep thinking about one of the girls in a way i shouldn't, nothing has happened",
    # typed in a rush, or told as not trusting oneself, wanting to stop, or what is viewed
    "keep havin thoghts about my neighbours girl and i dont trust myself round her",
    "i coach under 12s and lately i'm scared of myself around one of the players. nothing happened",
    "the things i click on when i'm on adult sites keep getting younger and it frightens me",
    "i messaged a lad on a game who turned out to be 13 and it went too far. should i hand myself in",
    "i notice my stepdaughter in ways i shouldn't and i want help to stop before anything happens",
    # told as having stopped, as not wanting to be a danger, or asking how to stop
    "a chat with someone who said they were 15 went sexual. i stopped myself. i'm 40",
    "i'm married with kids and i don't want to be a danger to anyone, who can i talk to",
    "i keep going back to those chat rooms where the girls say they're 14, how to stop",
])
def test_an_adult_owning_up_to_their_own_contact_with_a_child_is_their_own_worry(text):
    # no word like "urges" or "attracted": the writer is the one chatting to the child
    assert R.decide([("own_thoughts", 0.95), ("overreacting", 0.05)], text=text).concern == "own_thoughts"


@pytest.mark.parametrize("text", [
    "my dad has been crossing lines with my daughter and i know it's wrong, i want to help him stop",
    "worried about my partner. i know it's wrong but i've been covering for him, he messages young girls online. help me to stop this",
    "i know it was wrong but i let my 14 year old go to a party at an older lad's flat, help me to understand what to do now",
    "i keep thinking about what that man said to my daughter",
    "i've been talking to a girl's mum about the man at the park",
    "i found messages from a man on her phone and i don't trust myself to stay calm when i talk to her",
    # a parent's son on adult sites, a parent's rage, a partner's viewing: not the writer's own urges
    "my lad is 14 and hooked on adult sites, where can i get help to stop him",
    "im scared of myself, if i see the man who messaged my daughter i will hurt him",
    "my husband goes on adult sites and some of the girls look far too young",
    "my brother in law texts my niece in ways i shouldn't have to put up with",
    "my son is 13 and on adult sites, how to stop him",
    "how to stop my daughter chatting to strangers in the game",
])
def test_someone_else_doing_it_is_never_the_writers_own_worry(text):
    # a parent, or someone worried about another adult, is never sent to Stop It Now alone,
    # however sure the classifier
    assert R.decide([("own_thoughts", 0.95), ("overreacting", 0.05)], text=text).concern != "own_thoughts"


@pytest.mark.parametrize("route", ["meeting_planned", "unknown_contact", "gifts_money"])
def test_an_adults_contact_names_the_police_before_ceop(route):
    # 101 fits whether the adult is online or known to the family; CEOP's form is for online abuse
    assert R.helplines_for(route)[:2] == ("POLICE", "CEOP")


def test_another_adult_with_no_adult_the_writer_knows_is_a_contact_worry():
    # the classifier may read "keeps messaging her, asking for photos" as another adult's
    # behaviour; with nobody the writer knows in the words, it is an unknown contact
    ranking = [("other_adult", 0.95), ("unknown_contact", 0.04), ("sextortion", 0.01)]
    assert R.decide(ranking, text="A stranger keeps messaging my daughter and asking for photos of her"
                    ).concern == "unknown_contact"
    assert R.decide(ranking, text="my brother in law keeps messaging my daughter late at night").concern == "other_adult"
    # a woman, an employer or the writer's own friend is someone the writer knows of, too
    for text in ("a woman from our church keeps buying my son presents and messaging him",
                 "i found pictures of young children in the company president's folder",
                 "my best friend keeps sending my daughter messages and says it's their secret"):
        assert R.decide(ranking, text=text).concern == "other_adult", text
    # whole words only: "explicit" is not an ex, "mentioned" is not men
    for text in ("someone sent her explicit messages and mentioned meeting up",):
        assert R.decide(ranking, text=text).concern == "unknown_contact", text
    for text in ("the teaching assistant follows pupils on tiktok and sends them messages",
                 "our lodger's screen had a picture of a young girl on it"):
        assert R.decide(ranking, text=text).concern == "other_adult", text


def test_reporting_is_only_anonymous_when_the_writer_says_why_they_cant_be_named():
    ranking = [("report_anonymously", 0.7), ("unknown_contact", 0.2)]  # the contact too unsure to be "also raised"
    asked_where = "a player keeps telling my son how special he is, is this something to report and where?"
    assert R.decide(ranking, text=asked_where).concern == "unknown_contact"
    for text in ("can i report him without giving my name", "i dont want him knowing it was me who reported it",
                 "if i report it the family will turn on me"):
        assert R.decide(ranking, text=text).concern == "report_anonymously", text


def test_another_adult_the_child_has_told_about_is_a_disclosure():
    ranking = [("other_adult", 0.8), ("disclosure", 0.1)]
    told = "my ex's nephew was babysitting and touching her, our 7 year old finally told me last week"
    decision = R.decide(ranking, text=told)
    assert decision.concern == "disclosure" and decision.reason == "redirect: child_told"
    # up to three words between "my" and the child, such as an age ("15 yr old"), or two children telling
    for text in ("my 15 yr old daughter told me her uncle had tried to touch her",
                 "both girls told me their stepdad had been saying sexual things to them"):
        assert R.decide(ranking, text=text).concern == "disclosure", text
    # found out another way: still another adult's behaviour
    assert R.decide(ranking, text="my ex's nephew has pictures of kids on his phone").concern == "other_adult"


def test_the_child_telling_is_the_child_not_the_adult():
    ranking = [("other_adult", 0.8), ("disclosure", 0.1)]
    assert R.decide(ranking, text="my 13-year-old told me her uncle has been touching her").concern == "disclosure"
    for text in ("my brother in law came round and last night he told me he finds my 13 year old attractive",
                 "my daughter never told me, I found the messages from my brother in law myself"):
        assert R.decide(ranking, text=text).concern == "other_adult", text


def test_worry_or_secrecy_alone_is_not_a_wish_to_stay_anonymous():
    ranking = [("report_anonymously", 0.7), ("unknown_contact", 0.2)]
    for text in ("I'm worried about a man messaging my son, where do I report it?",
                 "he told her to keep it secret, where can I report this?"):
        assert R.decide(ranking, text=text).concern == "unknown_contact", text


@pytest.mark.parametrize("text", [
    "kids in her class are threatening to post her photo unless she pays them",
    "the boys keep joking about nudes of her",
    "an adult in the game lobby keeps swearing at my son",
])
def test_bullying_is_never_chosen_over_a_threat_an_image_or_an_adult(text):
    assert not R.concerns["bullying"].fits(text)


def test_a_curly_apostrophe_reads_like_a_straight_one():
    ranking = [("nude_images", 0.6), ("unknown_contact", 0.3)]
    text = "a man in her game wrote send me a picture, she hasn\u2019t sent anything"
    assert R.decide(ranking, text=text).concern == "unknown_contact"


def test_a_young_person_at_school_today_is_still_a_young_person():
    assert R.concerns["child_user"].fits("when i was at school today this guy from snapchat kept messaging me")


def test_a_writer_who_says_they_are_attracted_to_children_gets_stop_it_now():
    cases = [("bullying", "I'm 24, I study and work part time, and since my teens I've been attracted to younger kids"),
             ("overreacting", "nobody in my life knows about my attraction to little girls and I've never acted on it"),
             ("talk_to_child", "i am a non-offending paedophile and my therapist has left, who else can I talk to"),
             ("other_adult", "my mates think I'm normal but I'm attracted to pre-teen girls, even their little sisters"),
             ("other_adult", "my wife has no idea that since last year I'm sexually attracted to her eldest, who is 13")]
    for top, text in cases:
        decision = R.decide([(top, 0.6), ("own_thoughts", 0.1)], text=text)
        assert decision.concern == "own_thoughts" and decision.reason == "redirect: own_attraction", text
    # an adult telling it in a young person's words is still the adult: never Childline's reply
    text = "I'm not giving my real name. I'm attracted to children, and I wasn't allowed to date till 18"
    decision = R.decide([("child_user", 0.21), ("bullying", 0.2), ("own_thoughts", 0.1)], text=text)
    assert decision.concern == "own_thoughts" and decision.reason == "redirect: own_attraction"
    # someone else's attraction, or their words quoted, or a teenager's ordinary one: not the writer's urges
    ranking = [("other_adult", 0.6), ("own_thoughts", 0.1)]
    for text in ("my brother-in-law told me he is attracted to children, what do I do",
                 "my husband said 'I'm attracted to young girls' when he was drunk, we have a 12 year old",
                 "I found messages on my partner's phone saying i am attracted to young girls",
                 "I've always been attracted to girls but my stepdad keeps commenting on my friends"):
        assert R.decide(ranking, text=text).concern == "other_adult", text


def test_an_adult_the_writer_knows_arrested_over_children_is_another_adults_behaviour():
    for top in ("talk_to_child", "own_thoughts", "overreacting"):
        ranking = [(top, 0.6), ("other_adult", 0.1)]
        for text in ("my partner was arrested in march for indecent images and I don't know how to face anyone",
                     "years ago my grandad got convicted of abusing a girl from his church, now he wants to see my kids",
                     "my brother in law was arrested last year for indecent images of children and wants to babysit",
                     # stop 57: the offence in other words
                     "my husband had been arrested for downloading pornographic pictures of children",
                     "my ex partner got arrested (IIOC) and now the court is deciding contact"):
            assert R.decide(ranking, text=text).concern == "other_adult", (top, text)
    # the writer's own arrest, or an arrest for something else: not this redirect
    ranking = [("own_thoughts", 0.6), ("other_adult", 0.1)]
    for text in ("I was arrested for child porn and my wife has left, I need help to stop",
                 "my 15 year old son was caught with indecent images of children, how do I talk to him",
                 "my brother was arrested for drink driving and my son keeps asking about it"):
        assert R.decide(ranking, text=text).reason != "redirect: known_adult_offence", text


def redirected(name, to, tops, texts, runner_up=0.1):
    """Each text, read first as each of `tops`, is answered as `to` by the redirect `name`."""
    for top in tops:
        for text in texts:
            decision = R.decide([(top, 0.6), (to, runner_up)], text=text)
            assert (decision.concern, decision.reason) == (to, f"redirect: {name}"), (top, text)


def not_redirected(name, ranking, texts):
    for text in texts:
        assert R.decide(ranking, text=text).reason != f"redirect: {name}", text


def test_an_adult_the_writer_knows_looking_at_children_is_another_adults_behaviour():
    redirected("adult_viewing_children", "other_adult", ("talk_to_child", "parental_controls", "what_is_grooming"), (
        "found out my boyfriend is into teen porn, we have a girl of 11, how do I talk to her",
        "my husband has been searching for young girls on the family laptop, what do I tell the kids",
        "I found indecent images on my partner's phone last night, how do I set up the ipad for my son",
        "my dad keeps looking at pictures of little girls online and my daughter stays there weekends"))
    # a story in the news, or the writer's own child: not this redirect
    not_redirected("adult_viewing_children", [("talk_to_child", 0.6), ("other_adult", 0.1)], (
        "saw a documentary where a dad was watching child porn, how do I talk to my kids about it",
        "my son has been watching porn on his phone, how do I talk to him"))


def test_a_child_the_writer_says_was_groomed_is_a_contact_worry():
    redirected("groomed_child", "unknown_contact", ("what_is_grooming", "talk_to_child", "signs_withdrawal"), (
        "the police rang to say a man had groomed our son through a game, what do I say to him",
        "i think my girl is being groomed by someone she plays with online",
        "my nephew was groomed on discord last year and now he won't talk to anyone"))
    # how to tell, the signs in general, or a drama: the question asked is the one answered
    not_redirected("groomed_child", [("what_is_grooming", 0.9), ("unknown_contact", 0.05)], (
        "how can I tell if my child is being groomed online?",
        "what are the signs that a child has been groomed?",
        "we watched a drama about a girl who was groomed, how do I raise it with my 12 year old"))


def test_sexual_pictures_sent_to_a_child_are_contact_not_a_takedown():
    redirected("pictures_sent_to_child", "unknown_contact", ("nude_images",), (
        "a man on snapchat sent my 13 year old son a picture of his privates last night",
        "grown men in her discord are posting porn videos in the group the girls are in",
        "someone keeps sending my daughter dick pics on instagram"))
    # a picture of the child exists: Report Remove can help take it down
    for text in ("a man sent her a dick pic and she sent one back, now he's sharing it",
                 "he has photos of her and is sharing them round the school"):
        assert R.decide([("nude_images", 0.7), ("unknown_contact", 0.1)], text=text).concern == "nude_images", text


def test_a_long_message_keeps_the_specific_question_it_ends_with():
    story = ("thanks. more background: he was in her class, they split up last month and now it is in a "
             "group chat with most of year ten in it, she won't go to school and cries every night, the "
             "school say they are dealing with it but nothing has happened yet so what can we do")
    long_ask = story + " to get the picture taken down everywhere?"
    read = understand(long_ask, [("followup_takedown", 0.6), ("nude_images", 0.3)])
    assert read.concern == "nude_images" and read.follow_up == "followup_takedown"
    # also when the worry itself ranks first, if the question is a likely reading too
    assert understand(long_ask, [("nude_images", 0.5), ("followup_takedown", 0.2)]).follow_up == "followup_takedown"
    assert understand(long_ask, [("nude_images", 0.8), ("followup_takedown", 0.1)]).follow_up is None
    # an open question ("what now?") is what the worry's own reply answers; a short one is only a question
    assert understand(long_ask, [("followup_talk_now", 0.6), ("nude_images", 0.3)]).follow_up is None
    short = understand("how do we get it taken down?", [("followup_takedown", 0.8), ("nude_images", 0.1)])
    assert short.intent == "followup_takedown" and short.follow_up is None
    # an emergency is answered alone
    assert understand(story + " she has just gone to meet him now", [("followup_takedown", 0.6)]).follow_up is None


def test_the_writers_own_thoughts_are_answered_only_as_the_first_reading():
    story = ("I sat my girls down with their phones, they're growing into very attractive young women and "
             "I looked at every chat with them, how do I keep talking to them about who they add?")
    # a second reading of the writer's own urges does not outrank a parent's question
    decision = R.decide([("talk_to_child", 0.5), ("own_thoughts", 0.3)], text=story)
    assert decision.concern == "talk_to_child" and "own_thoughts" not in decision.also
    # as the first reading it is answered, and as a runner-up nearly as likely
    assert R.decide([("own_thoughts", 0.5), ("talk_to_child", 0.3)], text=story).concern == "own_thoughts"
    worried = "can I get help for my thoughts about kids without my name being passed to the police"
    assert R.decide([("report_anonymously", 0.45), ("own_thoughts", 0.4)], text=worried).concern == "own_thoughts"


def test_the_neighbourhood_is_a_place_not_an_adult():
    ranking = [("other_adult", 0.5), ("talk_to_child", 0.3)]
    kids = "the neighbourhood kids were showing her videos on a phone, what do I say to her about it?"
    assert R.decide(ranking, text=kids).concern != "other_adult"
    assert R.decide(ranking, text="our neighbour keeps messaging the girls on snapchat").concern == "other_adult"


def test_every_question_answered_after_a_story_has_an_answer():
    from bot.guidance import guidance

    assert R.story_follow_ups and set(R.story_follow_ups) <= set(guidance().followups)


@pytest.mark.parametrize("text", [
    "A man on the sex offender register has moved into our close and my two play out front. What can I do?",
    # a second review's cases: how parents hear of it, other words for it, over two lines
    "Hi,\na registered sex offender has moved in next door. Should I be worried?",
    "I was talking to my neighbour and she said a sex offender moved into number 12",
    "A man convicted of sex offences against children has moved onto our street",
    "My ex's new partner is a registered sex offender and my kids stay there every weekend",
])
def test_a_sex_offender_living_nearby_is_another_adults_behaviour(text):
    assert understand(text, [("what_is_grooming", 0.6), ("overreacting", 0.2)]).intent == "other_adult"


def test_a_contact_who_turns_out_to_be_an_offender_is_still_a_contact_worry():
    contact = "the man messaging her on snapchat turned out to be a registered sex offender"
    assert understand(contact, [("unknown_contact", 0.7), ("other_adult", 0.2)]).intent == "unknown_contact"


@pytest.mark.parametrize("text", [
    # two reviews' cases: in contact with the child, the writer, the child's abuser, name-calling,
    # not one, a general question, another register
    "She's been so secretive and hiding her phone, and now I've found out the lad she talks to on snapchat is on the sex offender register",
    "The registered sex offender next door keeps giving my son sweets and talks to him over the fence",
    "I'm on the sex offender register and I'm scared of how I feel around my grandkids, how do I talk to my family?",
    "im on the sex offenders register and we moved near a school, how do i stay safe around kids",
    "The man who abused my daughter is now on the sex offender register and lives in our town. She's so withdrawn, how do I help her?",
    "kids at school are calling my son a sex offender because he lives next door to one",
    "I checked with Sarah's law and the man next door is not a registered sex offender",
    "Does Roblox let registered sex offenders make accounts? What settings should I use?",
    "My son is on the register at his new school since we moved",
])
def test_other_mentions_of_a_sex_offender_are_not_redirected(text):
    assert understand(text, [("signs_secrecy", 0.6), ("overreacting", 0.2)]).intent != "other_adult"


@pytest.mark.parametrize("text", [
    "My grandchildren stay with me most weekends and honestly they can't drag themselves off their "
    "tablets and the Xbox, even at the dinner table. I worry about their schoolwork. What do you think?",
    "I'm a dad of two and my ex and I share custody. She wants to get them both iPhones for Christmas, "
    "they're 10 and 13. I think they're far too young for it. Am I being unreasonable?",
    "our eldest is 14 and she will not stop texting, at school, at meals, when she should be asleep, "
    "and every time I ask her to put the phone down it turns into a screaming row",
])
def test_a_long_worry_about_a_childs_screen_time_is_never_out_of_scope(text):
    got = understand(text, [("out_of_scope", 0.45), ("parental_controls", 0.1), ("unknown_contact", 0.08)])
    assert got.concern == "parental_controls"  # general advice, never a route that needs evidence
    assert understand(text, [("out_of_scope", 0.5), ("gaming", 0.2)]).concern == "gaming"
    # a classifier sure it is off topic is believed
    assert understand(text, [("out_of_scope", 0.95), ("parental_controls", 0.01)]).concern is None


@pytest.mark.parametrize("text", [
    "what's the best way to clean a laptop keyboard? mine is sticky",  # short, no child
    "My husband spends every evening on his phone playing games and I feel like a single parent. "
    "How do I raise it without a row? I've tried everything I can think of.",  # long, no child
    "my son is 12 and wants to learn the guitar, is it worth paying for lessons or will he get bored "
    "after a few weeks like he did with football and swimming and karate",  # long, no device
])
def test_other_off_topic_messages_stay_out_of_scope(text):
    assert understand(text, [("out_of_scope", 0.45), ("parental_controls", 0.05)]).concern is None


def test_a_young_person_on_their_own_screen_time_is_answered_as_a_young_person():
    text = ("im 14 and my mum took my phone off me for a week because i was on it till 3am, is that fair, "
            "everyone else in my class gets to keep theirs at night")
    assert understand(text, [("out_of_scope", 0.45), ("parental_controls", 0.05)]).concern == "child_user"


def test_an_emergency_about_a_phone_still_leads_with_999():
    text = ("my daughter is 13 and she has turned her phone off and isn't home, she was meant to be back "
            "at 6 and it's now 10pm and her friends say she went to meet someone from instagram")
    assert understand(text, [("out_of_scope", 0.45), ("parental_controls", 0.05)]).concern == "immediate_danger"


@pytest.mark.parametrize("ranking", [
    [("out_of_scope", 0.45), ("unknown_contact", 0.2), ("parental_controls", 0.1)],  # a contact
    [("out_of_scope", 0.45), ("sextortion", 0.2), ("signs_device_use", 0.1)],  # a threat
    [("out_of_scope", 0.45), ("parental_controls", 0.02)],  # general advice, but hardly
    # a second review's cases: another reading close behind the general one
    [("out_of_scope", 0.40), ("signs_device_use", 0.30), ("other_adult", 0.28)],
    [("out_of_scope", 0.40), ("parental_controls", 0.30), ("child_user", 0.20)],
    [("out_of_scope", 0.40), ("parental_controls", 0.30), ("own_thoughts", 0.19)],
])
def test_a_screen_time_story_with_another_reading_is_not_turned_into_general_advice(ranking):
    text = ("my lad is 14 and he's glued to his phone every night, last week a man he plays fortnite with "
            "told him to keep their chats secret and I don't know what to think about any of it")
    assert understand(text, ranking).concern not in R.in_area.answer_from


@pytest.mark.parametrize("text", [
    "my son caught me watching porn and i think there were young girls in it, i need help to stop",
    "I keep looking at pictures of kids I shouldn't and my son is 14, I'm scared of myself",
    # a review's cases: the child's viewing and the writer's own in one message
    "my son is 14 and he's been watching porn, and honestly so have I, but the stuff I've been "
    "looking at has younger and younger girls in it and it scares me",
    "Since my daughter turned 12 ive been watching porn with girls her age and I hate myself",
])
def test_the_writers_own_viewing_still_gets_stop_it_now(text):
    assert understand(text, [("own_thoughts", 0.8), ("talk_to_child", 0.15)]).concern == "own_thoughts"


@pytest.mark.parametrize("text, unnamed", [
    ("my ex has pictures of children on his laptop. if he finds out it was me he'll make my life hell", True),
    ("my brother-in-law messages young girls online and I need to report it anonymously", True),
    ("a man at work shows pictures of kids round the office. i'm scared he'll find out i reported him", True),
    ("my partner has been looking at pictures of children, what do I do?", False),
    ("my ex has images of children on his phone. I'm happy to give my name, I just want him stopped", False),
])
def test_another_adult_told_by_someone_who_cant_be_named_goes_to_crimestoppers_first(text, unnamed):
    ranking = [("other_adult", 0.7), ("report_anonymously", 0.1)]
    decision = R.decide(ranking, text=text)
    assert (decision.concern == "report_anonymously") is unnamed
    assert R.helplines_for(decision.concern)[0] == ("CRIMESTOPPERS" if unnamed else "POLICE")


@pytest.mark.parametrize("text, meeting", [
    ("a photographer on instagram wants her at a shoot in his studio next month, just her", True),
    ("a man who says he's a talent agent has offered him an audition in london in the holidays", True),
    ("he says she's beautiful and keeps asking what she's doing at the weekend", False),
    # going to the place already told (multi50: "he's going there saturday", after the man's flat)
    ("he says he's going there on saturday", True),
    ("she wants to go back there next week to see him", True),
    ("we saw a story about a girl taken abroad and we're going there on holiday in the summer", False),
    ("a streamer wants to film a video with him at the shopping centre on sunday, just the two of them", True),
    ("is there anything I can do?", False),
])
def test_a_meeting_by_another_name_is_a_planned_meeting(text, meeting):
    decision = R.decide([("meeting_planned", 0.6), ("parental_controls", 0.6)], text=text)
    assert (decision.concern == "meeting_planned") is meeting


# a story of `long_words` or more, told after it ended (stop 62: most of the real messages' false
# alarms): the long tier's bar, above the general one
LONG_STORY = ("This is a long one, sorry. Two winters ago our eldest, who was fifteen then, started chatting "
              "to a lad on a gaming app who said he was seventeen. We didn't think much of it at first. Over "
              "a couple of months she got quieter, stopped eating with us and spent every evening in her room. "
              "One Friday she told us she was at her friend's, but she had gone to meet him at the retail park "
              "and she was not answering her phone. We rang round, then rang the police, and they found her "
              "within the hour sitting in a car with a man in his thirties. He was charged and later convicted. "
              "She had counselling and she is doing well now, at college and back to her old self. Our younger "
              "one is eleven and has just asked for the same gaming app, and honestly I panic at the thought of "
              "going through any of that again with her, because it took all of us a long time to recover. "
              "How do other parents decide what to allow, and what settings should I look at first?")
SHORT_STORY = ("Two winters ago our eldest had gone to meet a lad from a gaming app and was not answering her "
               "phone; the police found her. Our younger one is eleven and wants the same app. What settings "
               "should I look at first?")


def test_a_long_story_told_after_it_ended_is_doubted_from_the_long_tiers_bar():
    doubt, calm = R.possible_danger, [("parental_controls", 0.7), ("gaming", 0.2)]
    assert len(LONG_STORY.split()) >= doubt.long_words > doubt.min_words
    assert doubt.long_below > doubt.below
    between = (doubt.below + doubt.long_below) / 2
    read = understand(LONG_STORY, calm, peak=between)
    assert read.intent != "immediate_danger" and read.safety_net is None
    assert read.possible_danger  # named, so the reply still gives 999 in its first bubble
    # a stretch at the long bar leads with 999, and so does a shorter story between the bars
    assert understand(LONG_STORY, calm, peak=doubt.long_below).intent == "immediate_danger"
    assert doubt.min_words <= len(SHORT_STORY.split()) < doubt.long_words
    assert understand(SHORT_STORY, calm, peak=between).intent == "immediate_danger"


def test_the_danger_now_models_supported_score_in_a_long_story_is_doubted_too():
    doubt, calm = R.possible_danger, [("parental_controls", 0.7), ("gaming", 0.2)]
    story = (LONG_STORY.replace("she had gone to meet him at the retail park and ", "")
             .replace("they found her within the hour sitting in a car with", "it came out she had been talking to")
             .replace("she is doing well now, at college and back to her old self", "these days she is at college"))
    assert not NET.settled(story) and NET.supports_emergency(story) and NET.detect(story) is None
    assert len(story.split()) >= doubt.long_words
    model = R.danger_model
    score = (model.with_support + min(model.alone, doubt.long_below)) / 2  # supported, not alone
    read = understand(story, calm, danger=score, peak=score)
    assert read.intent != "immediate_danger" and read.possible_danger
    read = understand(story, calm, danger=score, peak=doubt.long_below)
    assert read.intent == "immediate_danger" and read.possible_danger is None


def test_a_long_story_beside_a_threat_over_images_is_never_doubted():
    doubt = R.possible_danger
    threat = [("parental_controls", 0.7), ("sextortion", doubt.beside)]
    assert understand(LONG_STORY, threat, peak=0.0).intent == "immediate_danger"


@pytest.mark.parametrize("text", [
    "asdfgh lol test test 123 ok anyway the dog ate a sock, oh and my lad (13) has got £300 of game credit "
    "from a bloke he plays with who's asked him to keep it quiet, anyway what's the weather doing",
    "milk, eggs, bin bags, ring the plumber, my daughter is 12 and a man on roblox keeps asking her for "
    "photos, dog food, sellotape",
])
def test_a_contact_worry_hidden_in_noise_is_answered_as_that_worry(text):
    # stop 65: nine blind sets' worries hidden in keyboard noise or a shopping list had the "sorry,
    # I didn't follow" reply, whether the classifier fell back or read them as off the subject
    assert understand(text, [("out_of_scope", 0.94), ("gifts_money", 0.04)]).concern == "unknown_contact"
    assert understand(text, [("out_of_scope", 0.3)], fell_back=True).concern == "unknown_contact"


@pytest.mark.parametrize("text", [
    "asdfgh lol test test 123 is this thing on?? what's the weather doing this weekend",
    # an act with no adult or unknown person doing it
    "shopping list: milk, eggs, bread. her best friend asked her to keep it quiet about the party",
    # a news story
    "saw a documentary last night about a man pretending to be a 13 year old, anyway what's for tea",
])
def test_noise_without_a_contact_worry_in_it_stays_off_the_subject(text):
    assert understand(text, [("out_of_scope", 0.94)]).concern is None


@pytest.mark.parametrize("text, reading", [
    # a short worry naming an app, read as only naming it (stop 66)
    ("son 12. man on xbox. wants pics.", [("inform_platform", 0.33), ("nude_images", 0.15)]),
    ("man on xbox wants pics", [("inform_platform", 0.9)]),
    # a first message read as a question about a worry not yet told (multi54: "forgive me if this
    # sends twice" read as "is it my fault?")
    ("We're on a farm and the signal's bad so forgive me if this sends twice. A dealer who buys our "
     "lambs has given my son, 13, a phone and told him to keep it to himself.", [("followup_fault", 0.72)]),
])
def test_a_contact_worry_misread_as_an_answer_or_a_follow_up_is_answered_as_that_worry(text, reading):
    read = understand(text, reading, names_platform=True, answered_before=False)
    assert read.concern == "unknown_contact"


@pytest.mark.parametrize("text, reading, intent", [
    ("it's on his xbox", [("inform_platform", 0.98)], "inform_platform"),
    ("snapchat, he deleted it though", [("inform_platform", 0.9)], "inform_platform"),
    ("forgive me for asking, is it my fault? I let him have the xbox in his room", [("followup_fault", 0.99)],
     "followup_fault"),
])
def test_answers_and_questions_without_a_contact_act_keep_their_reading(text, reading, intent):
    assert understand(text, reading, names_platform="xbox" in text or "snapchat" in text,
                      answered_before=False).intent == intent


def test_a_follow_up_after_an_answer_keeps_its_reading_whatever_it_retells():
    text = "he told her to keep it secret and a man on snapchat, is it my fault?"
    assert understand(text, [("followup_fault", 0.9)], answered_before=True).intent == "followup_fault"


@pytest.mark.parametrize("text", [
    "I'm 23 and I play online games with a lot of younger players. I've been chatting with some of the 14 "
    "year olds in a way I know isn't right. I need to stop.",
    "at first I told myself it was an accident but I keep going back to the same forums. I'm disgusted with "
    "myself after every time. is there anywhere I can talk?",
    "I'm a teacher and I've been worrying that the way I think about one of my pupils isn't right. I've not "
    "acted on it but I'm frightened of myself.",
])
def test_a_writer_telling_of_their_own_conduct_with_unease_is_answered_as_their_own_thoughts(text):
    for reading in ("overreacting", "talk_to_child", "signs_secrecy"):
        decision = R.decide([(reading, 0.6), ("own_thoughts", 0.2)], text=text)
        assert decision.concern == "own_thoughts" and decision.reason == "redirect: own_conduct", reading


@pytest.mark.parametrize("text", [
    # a parent looking at someone else's messages
    "I've been looking at my son's phone and he's chatting with girls of 14, I know it's wrong to snoop",
    # conduct with no unease, or unease with no conduct
    "I've been chatting to other parents about the kids' screen time",
    "I know it's wrong but I read her diary and she's been talking to an older boy",
])
def test_other_stories_in_the_first_person_keep_their_reading(text):
    assert R.decide([("overreacting", 0.6)], text=text).concern == "overreacting"
