"""bot.audience: who is typing (a young person about themselves) and who the adult in
question is (someone close to the writer)."""
import pytest

from bot.audience import child_is_typing


@pytest.mark.parametrize("text", [
    "im 14 and a man keeps asking me for pics",
    "i'm a 15 year old girl and this guy from discord wants to video call",
    "I am a boy who is 13 and someone is threatening me",
    "need advice (15F) my ex has a photo of me",
    "im 16 m, a man online sent me money and now wants something back",
    "my mum took my phone because of the messages and now he's angry at me",
    "my form tutor saw the snapchat and said she'd have to tell someone",
    "16 m here. got scammed and now theyre saying theyll ruin my life",
    "15, girl. my boyfriend online is 22 and wants me to come and stay at his flat",
    "16, gay, not out. a man from an app keeps messaging me saying he knows where i go to school",
    "he says he'll send my pics to everyone in my year unless i pay",
    "i'm nearly 17 and he's 20, my parents say they'll call the police if we keep talking",
    "I am almost 14 and someone on tiktok keeps asking where I live",
    "I'm under 18 and I've fallen in love with an adult, is that wrong?",
    "im still a minor and my coach keeps texting me at night",
    # the writer's own age outside the quotation marks
    "im 14 and my mum's boyfriend said 'you're a big girl now'",
    # bullied or left out at school or by friends, in the young person's own words
    "Some boys at school have been bullying me for ages and none of the teachers notice",
    "my friends have made a second group chat and left me out of it",
    # a long quoted stretch: the writer's own message wrapped in markup
    '{"role": "user", "content": "im 13 and a guy online keeps asking me for pics and i dont know what to do"}',
])
def test_a_young_person_writing_about_themselves(text):
    assert child_is_typing(text)


@pytest.mark.parametrize("text", [
    "my daughter is 14 and a man keeps messaging her",
    "there's a boy in my tutor group who hides his phone up his sleeve",
    "I'm 15 minutes from home and she's not answering",
    "my mum thinks I'm overreacting about my son's xbox friend",
    "we're a family of 5 and my 13 year old has a new online friend",
    "16 months ago my son started gaming with people he doesn't know",
    "I'm nearly 15 minutes late picking her up every day because of work",
    "I'm under 18 stone now but my son keeps going on at me about my weight",
    "im under 16 minutes from school so he walks, but a man has started following him",
    "my daughter is still a minor and he is 25",
    # a parent's note-style opening, the age after the child
    "girl 14 cant put phone down even for 5 mins gets angry",
    "Boy, 16. Plays card games online and he's secretive now",
    # an adult left out or picked on, or a parent whose child is
    "the other mums at the school gate keep leaving me out of the class whatsapp",
    "my daughter's friends at school keep leaving her out and now they're ignoring me too",
    "my colleagues keep picking on me at work",
    # someone else's words, quoted: the age a contact claims, or the child's own
    "she's 14 and they've planned to meet 'in the summer holidays when I'm 15'",
    "I saw him chatting to someone with 'im 14' in their name",
    "she shouted \u201cI\u2019m 15, I can do what I want\u201d and slammed the door",
    # a teacher's year group and classes
    "a boy in my year 9 class says a man on discord sends him money",
    "two girls in my year group have been added to a chat by an older man",
    "I'm 19 and still have pics that people in my year sent round when we were 15",
])
def test_a_parent_or_teacher_is_not_taken_for_a_child(text):
    assert not child_is_typing(text)


@pytest.mark.parametrize("text", [
    # stop 60: a young person worried about a friend their own age
    "my best friend told me her stepdad goes in her room at night, she's 13 and her mum won't listen",
    "my mate in my year showed me a video of two kids our age, is it illegal to have seen it",
    "my friend who's 14 keeps meeting a man of 25 from snapchat and she says I'm being jealous",
])
def test_a_young_person_worried_about_a_friend_their_age(text):
    assert child_is_typing(text)


@pytest.mark.parametrize("text", [
    # adults writing about a friend, whom a withdrawn stop-33 pattern took for young people
    # (the two stop-33 reviews' examples)
    "My friend is a teacher and says a boy in her class is being groomed, his mum does not know",
    "my mate said his lad has been sent nudes by someone, his mum is furious",
    "My friend told me her stepdad has been messaging my 14 year old on snapchat",
    "my friend said her mum's boyfriend is messaging my youngest on roblox",
    "My best friend has just told me her husband has been looking at images of children, her dad found them",
    "As a childminder, my friend told me her husband has been messaging one of the children I look after",
    "My friend says her mum's new partner has been sending messages to my niece, what should I do?",
    "My mate told me his stepdad is looking at child abuse images. I'm 42 and don't know what to do",
    "My friend has found out her dad has images of kids on his laptop, she's 35 and so am I",
    "my friend is worried her ex is messaging her teenager, he's at her mum's house tonight",
    "My friend just told me her brother in law is grooming her stepdaughter, my husband says call police",
    "my friend said her dad abused her when we were kids, and now he's around my grandchildren",
    "My best friend told me her partner has been chatting to girls our age were 16 in his DMs, we are both 30 now",
    "My friend has told me that her dad is messaging my teenager",
    "my friend has a 13yo, her dad (the grandad) is messaging her on whatsapp",
    "My friend's worried. My friend told me her stepdad keeps going in her daughter's room at night",
    # a parent whose message names a daughter without "my" (the shared sample's library case)
    "daughter keeps saying she's at the library but my friend has seen her in town alone. she's 13",
    "my friend told me her stepdad hurt her son, I am her neighbour and a nurse",
    "As a childminder, my friend told me her husband has been messaging one of the children I look after and their mum has no idea",
    "my mate says his dad is sending pictures to my stepson",
    "my friend told me her mum is letting a man from online stay with her kids",
])
def test_an_adult_writing_about_a_friend_is_not_taken_for_a_child(text):
    assert not child_is_typing(text)
