"""`make eval`: run the shared black-box harness against the bot on every evaluation set,
and print them side by side.

    python -m tools.evaluate                 # every set
    python -m tools.evaluate real blind2     # only these sets

Sets (tests/eval/, never used for training; a test checks there is no overlap):
  sample   the harness's own 43-case sample (../shared/eval)
  heldout, dev, blind   the project's earlier sets: looked at while building, so not evidence
  real     real parents' messages gathered from public pages (source address per case)
  blind2   a fresh blind set by a writer who saw neither the training data nor other sets
  real2    a second set of real messages, from pages the first did not use
  blind3   a third blind set, by another writer, with a different list of writers to imagine
  real3    a third set of real messages (43), from pages neither earlier set used
  real4    a fourth (135), from pages no earlier set used, by two more gatherers
  real5    a fifth (111), from pages no earlier set used, by two more gatherers
  real6    a sixth (88), from pages no earlier set used, run once at the end of stop 22
  real7    a seventh (92), from pages no earlier set used, run once in stop 23
  real8    an eighth (107), from pages no earlier set used, run once in stop 24
  real9    a ninth (99), from pages no earlier set used, run once in stop 25
  real10   a tenth (64), from pages no earlier set used, run once in stop 26
  real11   an eleventh (45), from pages no earlier set used, run once at the end of stop 27
  real12   a twelfth (23), from pages no earlier set used, run once at the end of stop 28
  real13   a thirteenth (31), from pages no earlier set used, run once at the end of stop 29
  real14   a fourteenth (13), from pages no earlier set used, run once at the end of stop 32
           (about 130 searches: the public pages are nearly used up)
  real15   a fifteenth (32), from pages no earlier set used, run once at the end of stop 33
           (about 195 searches by one gatherer)
  real16   a sixteenth (94), from pages no earlier set used, run once at the start of stop 34
           (about 415 searches by two gatherers)
  real17   a seventeenth (29), from pages no earlier set used, run once at the start of stop 35
           (about 290 searches by two gatherers)
  real18   an eighteenth (39), from pages no earlier set used, run once at the start of stop 36
           (about 400 searches by two gatherers; labels checked by a third helper)
  real19   a nineteenth (56), from pages no earlier set used, run once at the start of stop 37
           (about 260 searches by two gatherers; labels checked by a third helper)
  real20   a twentieth (67), from pages no earlier set used, run once at the start of stop 38
           (about 260 searches by two gatherers; labels checked by a third helper)
  real21   a twenty-first (32), from pages no earlier set used, run once in stop 39 before any
           change (about 270 searches by two gatherers; labels checked by a third helper)
  real22   a twenty-second (40), from pages no earlier set used, run once in stop 40 before any
           change (43 pages found by two gatherers, one of them in about 186 searches; labels
           checked by a third helper)
  real23   a twenty-third (41), from pages no earlier set used, run once in stop 41 before any
           change (45 found by two gatherers in about 220 searches; both reached two of the same
           pages, and the second copies were dropped; labels checked by a third helper, who
           changed one and dropped two)
  real24   a twenty-fourth (18), from pages no earlier set used, run once in stop 42 before any
           change (24 found by two gatherers in about 150 searches; both reached one of the same
           pages, and the second copy was dropped; labels checked by a third helper, who changed
           one and dropped five)
  real25   a twenty-fifth (48), from pages no earlier set used, run once in stop 43 before any
           change it led to (49 found by two gatherers in 420 searches, 43 of them by the
           one looking for another adult's behaviour; labels checked by a third helper, who
           changed four and dropped one)
  real26   a twenty-sixth (24), from pages no earlier set used, run once in stop 44 before any
           change (25 found by two gatherers in 230 searches; labels checked by a third helper,
           who changed one and dropped one)
  real27   a twenty-seventh (23), from pages no earlier set used, run once in stop 45 before any
           change (29 found by two gatherers in 260 and 79 searches; labels checked by a third
           helper, who changed one and dropped six)
  real28   a twenty-eighth (34), from pages no earlier set used, run once in stop 46 before any
           change (38 found by two gatherers in 102 and 252 searches; labels checked
           by a third helper, who changed none and dropped four)
  real29   a twenty-ninth (25), from pages no earlier set used, run once in stop 47 on stop 46's
           model and rules (30 found by two gatherers in 122 and 205 searches; labels checked by a
           third helper, who changed four and dropped five)
  real30   a thirtieth (8), from pages no earlier set used, run once in stop 48 on its first
           safety-net change (8c79972) and stop 46's model (found by one gatherer in 80 searches:
           the public pages are all but used up)
  real31   a thirty-first (5), from pages no earlier set used, run once at the start of stop 49
           before any change (found by one gatherer in about 95 searches)
  real32   a thirty-second (5), from pages no earlier set used, run once at the start of stop 50
           before any change (found by one gatherer in 99 searches)
  real33   a thirty-third (4), from pages no earlier set used, run once at the start of stop 51
           before any change (found by one gatherer in about 90 searches)
  real34   a thirty-fourth (28, from 27 pages), from pages no earlier set used, run once at the
           start of stop 52 before any change (found by one gatherer in 157 searches)
  real35   a thirty-fifth (5), from pages no earlier set used, run once at the start of stop 53
           before any change (found by one gatherer in about 99 searches)
  real36   a thirty-sixth (11, from 11 pages), from pages no earlier set used, run once at the
           start of stop 54 before any change (found by one gatherer)
  real37   a thirty-seventh (11, from 11 pages), from pages no earlier set used, run once at the
           end of stop 55 on its final model and rules (found by one gatherer in about 113 searches)
  real38   a thirty-eighth (5, from 5 pages), from pages no earlier set used, run once in stop 56
           after its first change (found by one gatherer in about 222 searches; labels checked by
           a second helper)
  real39   a thirty-ninth (4, from 4 pages), from pages no earlier set used, run once at the
           start of stop 57 before any change (found by one gatherer in about 92 searches)
  real40   a fortieth (4, from 4 pages), from pages no earlier set used, run once at the
           start of stop 58 before any change (found by one gatherer in about 89 searches)
  real41   a forty-first (7, from 7 pages), from pages no earlier set used, run once at the
           start of stop 59 before any change (found by one gatherer in about 100 searches)
  real42   a forty-second (8, from 8 pages), from pages no earlier set used, run once at the
           end of stop 59 on its final model and rules (found by one gatherer in about 94 searches)
  real43   a forty-third (31, from 29 pages), from pages no earlier set used, run once at the
           start of stop 60 before any change (found by one gatherer in about 148 searches)
  real44   a forty-fourth (5, from 5 pages), from pages no earlier set used, run once at the
           end of stop 60 on its final model and rules (found by one gatherer in about 82 searches)
  real45   a forty-fifth (25, from 25 pages), from pages no earlier set used, run once at the
           start of stop 61 before any change (found by one gatherer in about 202 searches)
  real46   a forty-sixth (18, from 18 pages), from pages no earlier set used, run once at the
           end of stop 61 on its final model and rules
  real47   a forty-seventh (2, from 2 pages), from pages no earlier set used, run once at the
           start of stop 62 before any change (one gatherer found only these in 102 searches:
           the stored pages are nearly used up)
  real48   a forty-eighth (14, from 13 pages), from pages no earlier set used, run once at the
           start of stop 63 before any change (one gatherer, 70 searches in threads whose main
           topic is something else: co-parenting, legal, school, fostering, teen forums)
           (a forty-ninth gatherer, in stop 64, searched advice columns, Q&A sites and single
           posts 51 times and found no page that was unused and counted: no set was made)
  blind4   a fourth blind set (218), by another writer, run once at the end of stop 21
  blind5   a fifth blind set (220), by another writer, run once at the end of stop 22
  blind6   a sixth blind set (249), by another writer, run once at the end of stop 24
  blind7   a seventh blind set (240), by another writer, run once at the end of stop 25
  blind8   an eighth blind set (239), by another writer, run once in stop 26 before its changes
  blind9   a ninth blind set (240), by another writer, run once at the end of stop 27
  blind10  a tenth blind set (240), by another writer, run once in stop 28
  blind11  an eleventh blind set (240), by another writer, run once at the end of stop 28
  blind12  a twelfth blind set (240), by another writer, run once at the end of stop 29
  blind13  a thirteenth blind set (240), by another writer, run once at the start of stop 30
  blind14  a fourteenth blind set (240), by another writer, run once at the start of stop 31
  blind15  a fifteenth blind set (240), by another writer, run once at the end of stop 32
  blind16  a sixteenth blind set (240), by another writer, run once at the end of stop 33
  blind17  a seventeenth blind set (240), by another writer, run once at the start of stop 34
  blind18  an eighteenth blind set (240), by another writer, run once at the start of stop 35
  blind19  a nineteenth blind set (240), by another writer, run once at the start of stop 36
  blind20  a twentieth blind set (240), by another writer, run once at the start of stop 37
  blind21  a twenty-first blind set (240), by another writer, run once at the start of stop 38
  blind22  a twenty-second blind set (240), by another writer, run once in stop 39 before any change
  blind23  a twenty-third blind set (240), by another writer, run once in stop 40 before any change
  blind24  a twenty-fourth blind set (240), by another writer, run once in stop 41 before any change
  blind25  a twenty-fifth blind set (240), by another writer, run once in stop 42 before any change
  blind26  a twenty-sixth blind set (240), by another writer, run once in stop 43 before any change
           it led to (run on stop 42's rules and on the first two changes of stop 43: the same)
  blind27  a twenty-seventh blind set (240), by another writer, run once in stop 44 before any change
  blind28  a twenty-eighth blind set (240), by another writer, run once in stop 45 before any change
  blind29  a twenty-ninth blind set (240), by another writer, run once in stop 46 before any change
  blind30  a thirtieth blind set (240), by another writer, run once in stop 47 before any change
  blind31  a thirty-first blind set (240), by another writer, run once in stop 48 on its first
           safety-net change (8c79972), written before that change and not seen while making it
  blind32  a thirty-second blind set (240), by another writer, run once at the start of stop 49
           before any change
  blind33  a thirty-third blind set (240), by another writer, run once at the start of stop 50
           before any change
  blind34  a thirty-fourth blind set (240), by another writer, run once at the start of stop 51
           before any change
  blind35  a thirty-fifth blind set (240), by another writer, run once at the end of stop 51 on
           its final model and rules
  blind36  a thirty-sixth blind set (240), by another writer, run once at the start of stop 52
           before any change
  blind37  a thirty-seventh blind set (240), by another writer, run once at the end of stop 52 on
           its final model and rules
  blind38  a thirty-eighth blind set (240), by another writer, run once at the start of stop 53
           before any change
  blind39  a thirty-ninth blind set (240), by another writer, run once at the end of stop 53 on
           its final model and rules
  blind40  a fortieth blind set (240), by another writer, run once at the start of stop 54
           before any change
  blind41  a forty-first blind set (240), by another writer, run once at the end of stop 54 on
           its final model and rules
  blind42  a forty-second blind set (240), by another writer, run once at the end of stop 55 on
           its final model and rules
  blind43  a forty-third blind set (240), by another writer, run once in stop 56 after its
           first change
  blind44  a forty-fourth blind set (240), by another writer, run once at the end of stop 56 on
           its final model and rules
  blind45  a forty-fifth blind set (240), by another writer, run once at the start of stop 57
           before any change
  blind46  a forty-sixth blind set (240), by another writer, run once at the end of stop 57 on
           its final model and rules
  blind47  a forty-seventh blind set (240), by another writer, run once at the start of stop 58
           before any change
  blind48  a forty-eighth blind set (240), by another writer, run once at the end of stop 58 on
           its final model and rules
  blind49  a forty-ninth blind set (240), by another writer, run once at the start of stop 59
           before any change
  blind50  a fiftieth blind set (240), by another writer, run once at the end of stop 59 on its
           final model and rules
  blind51  a fifty-first blind set (240), by another writer, run once at the start of stop 60
           before any change
  blind52  a fifty-second blind set (240), by another writer, run once at the end of stop 60 on
           its final model and rules
  blind53  a fifty-third blind set (240), by another writer, run once at the start of stop 61
           before any change
  blind54  a fifty-fourth blind set (240), by another writer, run once at the end of stop 61 on
           its final model and rules
  blind55  a fifty-fifth blind set (240), by another writer, run once at the start of stop 62
           before any change
  blind56  a fifty-sixth blind set (240), by another writer, run once at the end of stop 62 on
           its final model and rules
  blind57  a fifty-seventh blind set (240), by another writer, run once at the start of stop 63
           before any change
  blind58  a fifty-eighth blind set (240), by another writer, run once at the end of stop 63 on
           its final model and rules
  blind59  a fifty-ninth blind set (240), by another writer, run once at the start of stop 64
           before any change
  blind60  a sixtieth blind set (240), by another writer, run once at the end of stop 64 on its
           final model and rules
  blind61  a sixty-first blind set (240), by another writer, run once at the start of stop 65
           before any change
  blind62  a sixty-second blind set (240), by another writer, run once at the end of stop 65 on
           its final model and rules
  blind63  a sixty-third blind set (240), by another writer, run once at the start of stop 66
           before any change
  blind64  a sixty-fourth blind set (240), by another writer, run once at the end of stop 66 on
           its final model and rules
  selfharmA, selfharmB, selfharmC   three review lists (140 each: 60 children at risk of ending
           their life told in other words, 80 everyday messages in the same words), by three
           more writers in stop 31; A and B were used to choose the self-harm reading's bars
  multi    multi-turn conversations, scored turn by turn (run_multiturn.py)
  multi2   a second multi-turn set, by a writer who saw neither the training data nor the scripts
  multi3   a third, by another such writer, written before the reply-shape and state work
  multi4   a fourth, by another such writer with a different list of people, run once
           after multi3's fixes
  multi5   a fifth, by another such writer: long turns after the first (more of the story, a
           new worry, an emergency in the last sentence, a calm update), run once in stop 23
  multi6   a sixth, by another such writer with a new list of people, run once at the start of
           stop 30
  multi7   a seventh, by another such writer with a new list of people (voice dictation,
           translation-app English, very short replies), run once at the start of stop 31
  multi8   an eighth, by another such writer with a new list of people (grandparents, forces
           and shift-working parents, learnt English, young people), run once at the end of stop 32
  multi9   a ninth, by another such writer with a new list of people (foster carers, shift
           workers, coaches, voice-to-text, young carers), run once at the end of stop 33
  multi10  a tenth, by another such writer with a new list of people (paramedics, taxi drivers,
           Brownie leaders, special guardians, a women's refuge, learnt English, 3am after a
           row, young people about themselves and a friend, an adult about their own viewing),
           run once at the start of stop 34
  multi11  an eleventh, by another such writer with a new list of people (a prison officer, a
           lorry driver, a school nurse, a scout leader, a childminder, forces families, voice
           dictation, Polish, Punjabi and Arabic speakers, young people about themselves and a
           sibling, an adult about their own urges), run once at the start of stop 35
  multi12  a twelfth, by another such writer with a new list of people (a bus driver, a night
           nurse, a football-club welfare officer, a special guardian nan, a mum in a refuge,
           parents of deaf, ADHD and learning-disabled children, Romanian, Urdu and Somali
           speakers, no capitals or full stops, young people about themselves, an 18-year-old
           about a 14-year-old in their gaming group, an adult about their own viewing), run
           once at the start of stop 36
  multi13  a thirteenth, by another such writer with a new list of people (a postwoman, a
           hospital porter, a swimming coach, a cadet instructor, a grandad, a kinship carer
           aunt, a 19-year-old sister who is her brother's guardian, an emergency foster carer,
           two dads, parents of autistic, blind and young-carer children, Polish, Bengali and
           Tigrinya speakers, voice dictation, emoji, a Welsh hill farm, young people about
           themselves and a best friend, a 20-year-old about a cousin, an adult about their own
           thoughts), run once at the start of stop 37
  multi14  a fourteenth, by another such writer (its list of people repeats many of multi10's
           and multi12's: a bus driver, a dinner lady, a scout leader, a dance-school owner, a
           great-aunt raising twins, a mum in a refuge, a navy mum abroad, a weekend dad, a
           respite carer, parents of deaf, ADHD and Down's syndrome children, Romanian, Urdu and
           Somali speakers, a cracked phone, a narrowboat, young people about themselves and a
           sister or brother, an adult asking for help before anything happens), run once at
           the start of stop 38
  multi15  a fifteenth, by another such writer (many kinds of writer repeat earlier lists: a
           swimming teacher, a school nurse, a farmer, a lorry driver, a grandad carer, a 50/50
           dad, two adoptive dads, an uncle guardian, parents of an autistic girl in a fan
           community, a wheelchair-using gamer and a refugee child, Polish, Arabic and Tigrinya
           speakers, voice-to-text, a static caravan, a boarding housemaster, young people about
           themselves and a friend, a woman worried about her own messages, a driving instructor
           and a choir master), run once in stop 39 before any change
  multi16  a sixteenth, by another such writer (a bus driver, a karate instructor, a librarian, a
           taxi driver, a football manager, a great-aunt guardian, a forces dad at sea, a new
           stepmum, a nan who is hard of hearing, foster carers of a teenage mum, parents of a
           make-up streamer, a deaf boy, twins sharing a phone and a trainer seller, Urdu,
           Romanian and Somali speakers, dictation while driving, a narrowboat, a Scottish
           island, young people about themselves, a 16-year-old about a boyfriend of 24, a man
           whose partner found his history, a scout leader, a tutor and a neighbour who gives
           lifts), run once in stop 40 before any change
  multi17  a seventeenth, by another such writer (a lollipop lady, a swimming coach, a school nurse,
           a delivery driver, a Brownie leader, a grandad raising a grandson, a mum with two jobs,
           a dad back in contact after court, foster carers of three siblings, an older sister of
           22, a mum in a refuge, a dad with MS using voice typing, parents of a chess player, a
           music maker, an anime artist and a non-verbal boy, Polish, Arabic and Tigrinya
           speakers, a caravan site, a Cumbrian farm, young people about themselves, a
           17-year-old about a man of 30, a wife who found a second account, a swimming coach,
           a mum's new boyfriend and an online music teacher), run once in stop 41 before any
           change
  multi18  an eighteenth, by another such writer (a school crossing warden, a dinner lady, a taxi
           driver on the school run, a church youth worker, a speech therapist, a weekend
           grandmother, an offshore dad, a night-shift nurse, a special guardian, an adoptive dad, a
           deaf dad, a mum with dyslexia, a separated dad, parents of a drawing streamer, a
           Minecraft server builder, a gymnast and twins sharing a phone, Urdu, Romanian and
           Somali speakers, an army base, a narrowboat, young people about themselves, a
           17-year-old being blackmailed, a mother who found her partner messaging a teenager, a
           tutor, a karate instructor and a neighbour who gives lifts), run once in stop 42
           before any change
  multi19  a nineteenth, by another such writer (a school nurse, a swimming teacher, a madrassa
           teacher, a theatre chaperone, a caravan park warden, a great-aunt, a mum in a refuge, a
           step-grandad, foster carers, a blind mum, a mum just moved from Hong Kong, a young mum
           caring for her sister, Polish, Arabic, Tigrinya and Welsh speakers, young people about
           themselves, a 16-year-old blackmailed after a video call, a nan with a lodger, an adult
           worried about his own urges, a driving instructor, a dance school owner and a
           photographer), run once in stop 43 before any change it led to
  multi20  a twentieth, by another such writer (a primary school receptionist, a cricket club
           welfare officer, a Brownies leader, a school IT technician, a soft-play attendant, a
           residential care night worker, a widowed grandad, a mum in the RAF abroad, a fishing
           dad, a foster carer of asylum-seeking teens, a deaf mum, an older brother raising his
           siblings, a mum in a B&B, parents of a chess streamer, a Discord roleplayer, a skin
           gambler, a clothes seller, a boy with Down's syndrome and a VR player, Kurdish, Farsi,
           Yoruba and Gujarati speakers, Orkney, young people about themselves, a woman who found
           her father's files, a youth pastor, a martial-arts club owner and a cousin of 24), run
           once in stop 44 before any change
  multi21  a twenty-first, by another such writer (a school crossing patrol, a swimming teacher, a
           scout explorer leader, a school nurse, a driving instructor, a youth theatre director, a
           holiday club organiser, a gym receptionist, a new step-dad, a nan on a zero-hours
           contract, an offshore dad, a lorry driver abroad, a kinship carer aunt, an adoptive
           parent, a nurse on nights, a weekend dad, a Traveller mum, a mum who dictates, a blind
           dad, parents of a cosplayer, a card trader, a Twitch streamer, a language-exchange user,
           a fan-fiction writer and an anonymous-question user, Polish, Urdu, Arabic, Somali and
           Tamil speakers, a Welsh valley, a Hebridean island, an RAF base in Cyprus, young people
           about themselves, an adult afraid of his urges, a wife who found her husband's searches,
           a swimming coach, a private tutor and a stepbrother of 19), run once in stop 45 before
           any change
  multi22  a twenty-second, by another such writer (new to this one: a great-grandmother, a dad
           just out of rehab, a mum in a refuge, a sea cadets officer, a school minibus driver, a
           sister of 19 caring for her brother, a mum in the Navy, Bengali and Turkish speakers,
           short bursts with no vowels; K-pop trading, study streams, an esports server, a
           PC-parts site, a fishing group chat, a riding-school forum; turns that change to a new
           worry, and people correcting the bot), run once in stop 46 before any change
  multi23  a twenty-third, by another such writer (new to this one: a trampoline-park supervisor,
           a deaf grandad, a dad back from prison, a mum with long Covid, a step-mum, a brother of
           20 who is legal guardian, a mum in a shelter, a police-officer dad, Romanian and
           Portuguese speakers, one breathless sentence, a train with bad signal; a slime shop, a
           drone channel, a roleplay server, a chess site, a language app; a child home or
           asleep with something still planned tonight), run once in stop 47 before any change
  multi24  a twenty-fourth, by another such writer (new to this one: a lollipop lady, a rugby-club
           welfare officer, a night-shift baker, a junior doctor on call, a roofer stepdad, a
           special guardian grandad, an army dad abroad, a foster carer of an asylum-seeking boy;
           Urdu, Bengali, Lithuanian, Farsi and Turkish speakers; a PC seller, a makeup channel,
           a card-trading group, a horse game, a coding forum, a VR game; contact told as weeks
           old and then a meeting tonight), run once in stop 48 on its first safety-net change
  multi25  a twenty-fifth, by another such writer (new to this one: a lifeguard, a Scout leader's
           assistant, a madrassa teacher, a lorry-driver dad, a deaf dad, a dad who spells by sound,
           a prison-officer mum; Polish, Romanian, Arabic, Somali, Tamil and Welsh speakers; a
           sticker-trading group, a resale app, a language-exchange app, a Nintendo Switch), run
           once at the start of stop 49 before any change
  multi26  a twenty-sixth, by another such writer (new to this one: a dinner lady, a youth pastor,
           a Brownies leader, a boxing gym owner, a riding stables owner, a widowed grandad, a mum
           in a refuge, a blind dad dictating; Urdu, Bengali, Lithuanian, Italian, Yoruba and
           Cantonese speakers; Minecraft mods, a K-pop server, VR games, trainer reselling; contact
           told as nightly or months long and then a meeting today), run once at the start of
           stop 50 before any change
  multi27  a twenty-seventh, by another such writer (new to this one: a lollipop lady, a play
           therapist, a rugby referee, a taxi driver on a school contract, a deaf mum writing in
           clipped lines, a dad with dyslexia, two dads, a navy mum at sea; Polish, Punjabi,
           Romanian, Somali, Portuguese and Tamil speakers; a roleplay Discord, a chatbot boyfriend
           app, an art stream, slime selling), run once at the start of stop 51 before any change
  multi28  a twenty-eighth, by another such writer (new to this one: a trampoline park manager, a
           Guides leader, a judo coach, a lifeboat volunteer, a paramedic mum, a great-grandmother,
           a Traveller mum, an RAF mum; Arabic, Turkish, Farsi, Hindi, Vietnamese and Ukrainian
           speakers; fan edits, a language-exchange app, PC parts, an anonymous question app), run
           once at the end of stop 51 on its final model and rules
  multi29  a twenty-ninth, by another such writer (new to this one: a school minibus driver, a
           soft-play supervisor, a synagogue youth worker, a boxing coach, a midwife mum on nights,
           a grandad with a hearing aid, a mum in a refuge, a partially sighted mum; Bengali,
           Kurdish, Lithuanian, Tigrinya, Urdu and Cantonese speakers; Minecraft mods, dance
           covers, skin trading, a "rate me" app), run once at the start of stop 52 before any
           change
  multi30  a thirtieth, by another such writer (new to this one: a school caretaker, a climbing
           wall instructor, a gurdwara volunteer, a coastguard volunteer, a cancer-ward nurse mum,
           a grandmother of 80, a deaf dad who uses BSL; Greek, Swahili, Tagalog, Pashto, Albanian
           and Gujarati speakers; chess streams, an anime server, a "secret diary" app), run once
           at the end of stop 52 on its final model and rules
  multi31  a thirty-first, by another such writer (new to this one: a school minibus driver, a
           rowing club coach, a madrasa teacher, an RNLI volunteer, a paramedic mum, a trucker
           dad, a great-grandmother of 86, a blind mum using a screen reader, a Traveller mum;
           Polish, Somali, Bengali, Turkish, Lithuanian and Romanian speakers; Minecraft builds,
           skin trading, a roleplay Discord), run once at the start of stop 53 before any change
  multi32  a thirty-second, by another such writer (new to this one: a school receptionist, a
           sailing instructor, a synagogue youth worker, a mountain rescue volunteer, a Duke of
           Edinburgh leader, a midwife mum, a fisherman dad, a grandfather of 79, a Roma dad;
           Urdu, Amharic, Vietnamese, Farsi, Latvian and Tamil speakers; football streams, slime
           sales, a fan-fiction site), run once at the end of stop 53 on its final model and rules
  multi33  a thirty-third, by another such writer (new to this one: a school librarian, a rowing
           coach, a gurdwara youth volunteer, a SENCo, a lifeboat volunteer, a paramedic mum, a
           lorry-driver dad, a grandmother of 82, a blind dad using a screen reader, two dads;
           Polish, Somali, Bengali, Portuguese, Kurdish and Cantonese speakers; art streams,
           trainer trading, a K-pop fan group), run once at the start of stop 54 before any change
  multi34  a thirty-fourth, by another such writer (new to this one: a school caretaker, a
           climbing-wall instructor, a madrassa teacher, a coastguard volunteer, a night-nurse mum,
           a ferry-worker dad, a grandfather of 85, a deaf mum, a Gypsy dad; Arabic, Tigrinya,
           Gujarati, Lithuanian, Turkish and Pashto speakers; speedrun streams, drawing
           commissions, a role-play server), run once at the end of stop 54 on its final model and
           rules
  multi35  a thirty-fifth, by another such writer (new to this one: a school minibus driver, a
           trampoline coach, a Beavers leader, an RNLI volunteer, a lorry-driver mum, an oil-rig
           dad, a great-grandmother of 90, a Traveller mum, a Navy dad; Polish, Somali, Urdu,
           Romanian, Bengali and Kurdish speakers; art streams, game mods, a K-pop fan server;
           teenagers whose later turn tells a calm plan to end their life), run once at the end
           of stop 55 on its final model and rules
  multi36  a thirty-sixth, by another such writer (new to this one: a lollipop lady, a karate
           instructor, a hospital play specialist, a taxi-driver dad, a grandmother in sheltered
           housing, a deaf mum, a Roma dad, a farmer's wife; Arabic, Tamil, Lithuanian, Turkish,
           Tigrinya and Farsi speakers; a role-play Discord, online chess, a pet-simulator game),
           run once in stop 56 after its first change
  multi37  a thirty-seventh, by another such writer (new to this one: a ferry steward, a fencing
           coach, a children's ward nurse, a respite carer, a mum who works in a prison, a bin-lorry
           dad, a grandfather who was a miner, a Gypsy grandmother; Hungarian, Malayalam, Pashto,
           Spanish, Amharic and Czech speakers; an anime fan server, a virtual-pet app), run once at
           the end of stop 56 on its final model and rules
  multi38  a thirty-eighth, by another such writer (new to this one: a ski instructor, a choir
           mistress, a school nurse, a lorry-driver dad, a grandmother who was a headteacher, a
           Traveller dad, an older sister of 24; Romanian, Tamil, Somali, Portuguese, Tigrinya and
           Slovak speakers; Minecraft mods, a K-pop fan chat, selling slime online), run once at the
           start of stop 57 before any change
  multi39  a thirty-ninth, by another such writer (new to this one: a canal-boat holiday leader, a
           drama-club director, a health visitor, a scaffolder dad, a grandmother with a special
           guardianship order, a blind dad, a Roma mum, an older brother of 19; Kurdish, Gujarati,
           Yoruba, Italian, Lithuanian and Cantonese speakers; fan art, a Harry Potter role-play
           server, reselling trainers), run once at the end of stop 57 on its final model and rules
  multi40  a fortieth, by another such writer (new to this one: a Duke of Edinburgh leader, a
           kayaking coach, a barber, a hospital school teacher, a hard-of-hearing dad, a Showman
           family mum, a sister of 26 who is her brother's guardian; Greek, Telugu, Swahili, Dutch,
           Dari and Latvian speakers; follow-ups on how to reach a helpline when deaf, in Scotland,
           Wales or Northern Ireland, abroad, or living with the person), run once at the start of
           stop 58 before any change
  multi41  a forty-first, by another such writer (new to this one: a climbing-wall instructor, a
           Sea Cadets officer, a pantomime chaperone, a madrassa teacher, a mum who is a prison
           officer, a Gypsy grandfather, a Polish grandmother; Bengali, Turkish, Yoruba, Mandarin,
           Portuguese and Farsi speakers; Pokemon card trading, a K-drama fan chat, rail forums),
           run once at the end of stop 58 on its final model and rules
  multi42  a forty-second, by another such writer (new to this one: a trampoline-park supervisor,
           a Girlguiding leader in Wales, a bell-ringing tower captain, a lollipop man, a deaf mum,
           a Roma dad, a Bangladeshi grandmother; Arabic, Punjabi, Somali, Albanian, Tamil and Twi
           speakers; Minecraft servers, an anime drawing Discord, an AI chat companion), run once
           at the start of stop 59 before any change
  multi43  a forty-third, by another such writer (new to this one: a canal-boat trip leader, a
           Brownies leader in Northern Ireland, a cricket club welfare officer, a blind grandmother,
           a soldier dad posted abroad, an Irish Traveller mum, a Ukrainian refugee mum; Urdu,
           Kurdish, Lithuanian, Igbo, Gujarati and Cantonese speakers; skin trading, a crypto
           Discord, random video chats), run once at the end of stop 59 on its final model and rules
  multi44  a forty-fourth, by another such writer (new to this one: a sea-cadets instructor, a
           school minibus driver, a madrasa teacher, a mum in a refuge, a dad just out of prison, a
           special guardian grandmother, a Somali mum, a Hong Kong dad; Arabic, Punjabi, Tamil,
           Portuguese, Turkish and Bengali speakers; VR games, Discord roleplay, skin betting), run
           once at the start of stop 60 before any change
  multi45  a forty-fifth, by another such writer (new to this one: a rugby mini-section coach, a
           riding-school instructor, a pupil-referral-unit teacher, a nan who texts in capitals, a
           dad on the rigs, an adoptive dad, an Eritrean mum, a Syrian dad; Polish, Farsi, Hindi,
           Romanian, Swahili and Welsh speakers; Roblox game selling, poker apps, an AI chatbot),
           run once at the end of stop 60 on its final model and rules
  multi46  a forty-sixth, by another such writer (new to this one: a Brownies leader, a climbing-
           wall instructor, a school bus escort, a lorry-driver dad, a deaf grandma, a foster carer
           of a teenage asylum seeker, a Ghanaian dad, a Kurdish dad; Urdu, Portuguese, Arabic,
           Somali and Turkish speakers; Twitch streaming, VRChat, K-pop fan chats), run once at
           the start of stop 61 before any change
  multi47  a forty-seventh, by another such writer (new to this one: a netball coach, a Boys'
           Brigade officer, a school nurse, a children's home night worker, a taxi-driver dad, a
           mum in the navy, a Nigerian mum, an Iraqi dad; Punjabi, Spanish, Italian, Amharic and
           Cantonese speakers; a Valorant team, sneaker trading, Harry Potter roleplay), run once
           at the end of stop 61 on its final model and rules
  multi48  a forty-eighth, by another such writer (new to this one: a rugby coach, a St John
           Ambulance cadet leader, a minibus driver, an offshore-rig dad, a paramedic mum, a blind
           dad with a screen reader, a Romanian dad, an Eritrean mum; Polish, French, Farsi, Greek
           and Bengali speakers; Rocket League, Pokemon card trading, an anime Discord), run once at
           the start of stop 62 before any change
  multi49  a forty-ninth, by another such writer (new to this one: a hockey coach, an Air Cadets
           officer, a lifeguard, a long-haul pilot dad, a deaf dad, an adoptive dad, a Sudanese
           dad, an Afghan grandmother; Arabic, Portuguese, Urdu, Somali and Latvian speakers; a
           Call of Duty clan, Vinted, Wattpad), run once at the end of stop 62 on its final model
           and rules
  multi50  a fiftieth, by another such writer (new to this one: a netball coach, a school bus
           driver, a swimming teacher, an oil-rig dad, a nan with a screen reader, a kinship carer,
           a Nigerian dad, a Syrian grandmother; Welsh, Punjabi, Pashto, Tigrinya and Spanish
           speakers; Rainbow Six Siege, a K-pop Discord, Character AI), run once at the start of
           stop 63 before any change
  multi51  a fifty-first, by another such writer (new to this one: a cricket coach, a school
           crossing patrol, a canoe club coach, a trawlerman dad, a prison-officer mum, a mum in a
           women's refuge, a Ukrainian mum, an Iraqi Kurdish grandfather; Gaelic, Gujarati, Dari,
           Amharic and French speakers; Valorant, an anime roleplay Discord, Replika), run once at
           the end of stop 63 on its final model and rules
  multi52  a fifty-second, by another such writer (new to this one: a swimming teacher, a school
           librarian, a sailing instructor, a lorry-driver dad, a paramedic mum, a deaf dad who
           uses BSL, a special guardian, a Somali dad, a Roma mum; Welsh, Punjabi, Pashto,
           Tigrinya and Spanish speakers; Rocket League, a K-pop fan Discord, Depop, AI chatbots),
           run once at the start of stop 64 before any change
  multi53  a fifty-third, by another such writer (new to this one: a rowing coach, a school
           receptionist, a SENCo, a coach-driver dad, a care-worker mum, a blind mum with a screen
           reader, a stepmum of three, an Eritrean dad, a Gypsy grandmother; Urdu, Kurdish, Somali,
           Albanian and Italian speakers; Apex Legends, a Harry Potter roleplay Discord, eBay
           card reselling, an AI boyfriend app), run once at the end of stop 64 on its final model
           and rules
  multi54  a fifty-fourth, by another such writer (new to this one: a netball coach, a school bus
           escort, a head of year, a retired-postman grandad, a grandad raising his grandson, a dad
           who works offshore, two mums, a Sudanese dad, a Syrian grandmother, an Irish Traveller
           mum; Polish, Punjabi, Tigrinya, Turkish and Farsi speakers; Valorant, Roblox limiteds,
           Wizz, train forums), run once at the start of stop 65 before any change
  multi55  a fifty-fifth, by another such writer (new to this one: a hockey coach, a Sea Cadets
           instructor, a school minibus driver, a train-driver dad, a nurse mum on nights, a dad
           with dyslexia, a dad in the RAF, two dads, a Nigerian dad, an Iraqi grandmother, a
           Ghanaian mum; Gujarati, Yoruba, Hungarian and Bengali speakers; Rocket League, an anime
           fan Discord, sneaker reselling, Lego forums), run once at the end of stop 65 on its final
           model and rules
  multi56  a fifty-sixth, by another such writer (new to this one: a netball coach, a St John
           Ambulance cadet leader, a school caretaker, a SENCo, a delivery-van dad, a grandad who
           was a miner, a dad in the Navy, a stepdad, a 19-year-old brother, two mums, a Somali dad,
           a Syrian grandmother, a Zimbabwean dad; Romanian, Urdu, Tigrinya and Welsh speakers;
           Fortnite creative maps, a K-pop group chat, football-card trading, Among Us), run once at
           the start of stop 66 before any change
  multi57  a fifty-seventh, by another such writer (new to this one: a rowing club coach, an Air
           Cadets instructor, a school librarian, a midwife mum, a grandad who was a fisherman, a
           dad on an oil rig, a stepmum of twins, an aunt raising her niece, two dads, an Eritrean
           dad, a Turkish grandmother, a Filipino mum; Lithuanian, Farsi, Tamil, Amharic and Gaelic
           speakers; Rust, a Harry Potter roleplay server, skin reselling, Genshin Impact), run once
           at the end of stop 66 on its final model and rules

Uses a bot already answering on EVAL_URL (default http://localhost:5005); otherwise starts
one for the run and stops it afterwards. Results go to results/eval/<set>/.
"""
import json
import subprocess
import sys
from pathlib import Path

import yaml

from bot import settings
from apps.paths import ROOT
from apps.bot_client import send
from apps.supervisor import Bot

HARNESS_DIR = ROOT.parent / "shared" / "eval"
EVAL = ROOT / "tests" / "eval"
SETS = {
    "sample": HARNESS_DIR / "sample_cases.yaml",
    "heldout": EVAL / "heldout_cases.yaml",
    "dev": EVAL / "dev_cases.yaml",
    "blind": EVAL / "blind_cases.yaml",
    "real": EVAL / "real_parent_cases.yaml",
    "blind2": EVAL / "fresh_blind_cases.yaml",
    "real2": EVAL / "real_parent_cases_2.yaml",
    "blind3": EVAL / "fresh_blind_cases_3.yaml",
    "real3": EVAL / "real_parent_cases_3.yaml",
    "real4": EVAL / "real_parent_cases_4.yaml",
    "real5": EVAL / "real_parent_cases_5.yaml",
    "real6": EVAL / "real_parent_cases_6.yaml",
    "real7": EVAL / "real_parent_cases_7.yaml",
    "real8": EVAL / "real_parent_cases_8.yaml",
    "real9": EVAL / "real_parent_cases_9.yaml",
    "real10": EVAL / "real_parent_cases_10.yaml",
    "real11": EVAL / "real_parent_cases_11.yaml",
    "real12": EVAL / "real_parent_cases_12.yaml",
    "real13": EVAL / "real_parent_cases_13.yaml",
    "real14": EVAL / "real_parent_cases_14.yaml",
    "real15": EVAL / "real_parent_cases_15.yaml",
    "real16": EVAL / "real_parent_cases_16.yaml",
    "real17": EVAL / "real_parent_cases_17.yaml",
    "real18": EVAL / "real_parent_cases_18.yaml",
    "real19": EVAL / "real_parent_cases_19.yaml",
    "real20": EVAL / "real_parent_cases_20.yaml",
    "real21": EVAL / "real_parent_cases_21.yaml",
    "real22": EVAL / "real_parent_cases_22.yaml",
    "real23": EVAL / "real_parent_cases_23.yaml",
    "real24": EVAL / "real_parent_cases_24.yaml",
    "real25": EVAL / "real_parent_cases_25.yaml",
    "real26": EVAL / "real_parent_cases_26.yaml",
    "real27": EVAL / "real_parent_cases_27.yaml",
    "real28": EVAL / "real_parent_cases_28.yaml",
    "real29": EVAL / "real_parent_cases_29.yaml",
    "real30": EVAL / "real_parent_cases_30.yaml",
    "real31": EVAL / "real_parent_cases_31.yaml",
    "real32": EVAL / "real_parent_cases_32.yaml",
    "real33": EVAL / "real_parent_cases_33.yaml",
    "real34": EVAL / "real_parent_cases_34.yaml",
    "real35": EVAL / "real_parent_cases_35.yaml",
    "real36": EVAL / "real_parent_cases_36.yaml",
    "real37": EVAL / "real_parent_cases_37.yaml",
    "real38": EVAL / "real_parent_cases_38.yaml",
    "real39": EVAL / "real_parent_cases_39.yaml",
    "real40": EVAL / "real_parent_cases_40.yaml",
    "real41": EVAL / "real_parent_cases_41.yaml",
    "real42": EVAL / "real_parent_cases_42.yaml",
    "real43": EVAL / "real_parent_cases_43.yaml",
    "real44": EVAL / "real_parent_cases_44.yaml",
    "real45": EVAL / "real_parent_cases_45.yaml",
    "real46": EVAL / "real_parent_cases_46.yaml",
    "real47": EVAL / "real_parent_cases_47.yaml",
    "real48": EVAL / "real_parent_cases_48.yaml",
    "blind4": EVAL / "fresh_blind_cases_4.yaml",
    "blind5": EVAL / "fresh_blind_cases_5.yaml",
    "blind6": EVAL / "fresh_blind_cases_6.yaml",
    "blind7": EVAL / "fresh_blind_cases_7.yaml",
    "blind8": EVAL / "fresh_blind_cases_8.yaml",
    "blind9": EVAL / "fresh_blind_cases_9.yaml",
    "blind10": EVAL / "fresh_blind_cases_10.yaml",
    "blind11": EVAL / "fresh_blind_cases_11.yaml",
    "blind12": EVAL / "fresh_blind_cases_12.yaml",
    "blind13": EVAL / "fresh_blind_cases_13.yaml",
    "blind14": EVAL / "fresh_blind_cases_14.yaml",
    "blind15": EVAL / "fresh_blind_cases_15.yaml",
    "blind16": EVAL / "fresh_blind_cases_16.yaml",
    "blind17": EVAL / "fresh_blind_cases_17.yaml",
    "blind18": EVAL / "fresh_blind_cases_18.yaml",
    "blind19": EVAL / "fresh_blind_cases_19.yaml",
    "blind20": EVAL / "fresh_blind_cases_20.yaml",
    "blind21": EVAL / "fresh_blind_cases_21.yaml",
    "blind22": EVAL / "fresh_blind_cases_22.yaml",
    "blind23": EVAL / "fresh_blind_cases_23.yaml",
    "blind24": EVAL / "fresh_blind_cases_24.yaml",
    "blind25": EVAL / "fresh_blind_cases_25.yaml",
    "blind26": EVAL / "fresh_blind_cases_26.yaml",
    "blind27": EVAL / "fresh_blind_cases_27.yaml",
    "blind28": EVAL / "fresh_blind_cases_28.yaml",
    "blind29": EVAL / "fresh_blind_cases_29.yaml",
    "blind30": EVAL / "fresh_blind_cases_30.yaml",
    "blind31": EVAL / "fresh_blind_cases_31.yaml",
    "blind32": EVAL / "fresh_blind_cases_32.yaml",
    "blind33": EVAL / "fresh_blind_cases_33.yaml",
    "blind34": EVAL / "fresh_blind_cases_34.yaml",
    "blind35": EVAL / "fresh_blind_cases_35.yaml",
    "blind36": EVAL / "fresh_blind_cases_36.yaml",
    "blind37": EVAL / "fresh_blind_cases_37.yaml",
    "blind38": EVAL / "fresh_blind_cases_38.yaml",
    "blind39": EVAL / "fresh_blind_cases_39.yaml",
    "blind40": EVAL / "fresh_blind_cases_40.yaml",
    "blind41": EVAL / "fresh_blind_cases_41.yaml",
    "blind42": EVAL / "fresh_blind_cases_42.yaml",
    "blind43": EVAL / "fresh_blind_cases_43.yaml",
    "blind44": EVAL / "fresh_blind_cases_44.yaml",
    "blind45": EVAL / "fresh_blind_cases_45.yaml",
    "blind46": EVAL / "fresh_blind_cases_46.yaml",
    "blind47": EVAL / "fresh_blind_cases_47.yaml",
    "blind48": EVAL / "fresh_blind_cases_48.yaml",
    "blind49": EVAL / "fresh_blind_cases_49.yaml",
    "blind50": EVAL / "fresh_blind_cases_50.yaml",
    "blind51": EVAL / "fresh_blind_cases_51.yaml",
    "blind52": EVAL / "fresh_blind_cases_52.yaml",
    "blind53": EVAL / "fresh_blind_cases_53.yaml",
    "blind54": EVAL / "fresh_blind_cases_54.yaml",
    "blind55": EVAL / "fresh_blind_cases_55.yaml",
    "blind56": EVAL / "fresh_blind_cases_56.yaml",
    "blind57": EVAL / "fresh_blind_cases_57.yaml",
    "blind58": EVAL / "fresh_blind_cases_58.yaml",
    "blind59": EVAL / "fresh_blind_cases_59.yaml",
    "blind60": EVAL / "fresh_blind_cases_60.yaml",
    "blind61": EVAL / "fresh_blind_cases_61.yaml",
    "blind62": EVAL / "fresh_blind_cases_62.yaml",
    "blind63": EVAL / "fresh_blind_cases_63.yaml",
    "blind64": EVAL / "fresh_blind_cases_64.yaml",
    "selfharmA": EVAL / "selfharm_review_A.yaml",
    "selfharmB": EVAL / "selfharm_review_B.yaml",
    "selfharmC": EVAL / "selfharm_review_C.yaml",
}
CONVERSATIONS = {"multi": EVAL / "multiturn_conversations.yaml",
                 "multi2": EVAL / "multiturn_conversations_2.yaml",
                 "multi3": EVAL / "multiturn_conversations_3.yaml",
                 "multi4": EVAL / "multiturn_conversations_4.yaml",
                 "multi5": EVAL / "multiturn_conversations_5.yaml",
                 "multi6": EVAL / "multiturn_conversations_6.yaml",
                 "multi7": EVAL / "multiturn_conversations_7.yaml",
                 "multi8": EVAL / "multiturn_conversations_8.yaml",
                 "multi9": EVAL / "multiturn_conversations_9.yaml",
                 "multi10": EVAL / "multiturn_conversations_10.yaml",
                 "multi11": EVAL / "multiturn_conversations_11.yaml",
                 "multi12": EVAL / "multiturn_conversations_12.yaml",
                 "multi13": EVAL / "multiturn_conversations_13.yaml",
                 "multi14": EVAL / "multiturn_conversations_14.yaml",
                 "multi15": EVAL / "multiturn_conversations_15.yaml",
                 "multi16": EVAL / "multiturn_conversations_16.yaml",
                 "multi17": EVAL / "multiturn_conversations_17.yaml",
                 "multi18": EVAL / "multiturn_conversations_18.yaml",
                 "multi19": EVAL / "multiturn_conversations_19.yaml",
                 "multi20": EVAL / "multiturn_conversations_20.yaml",
                 "multi21": EVAL / "multiturn_conversations_21.yaml",
                 "multi22": EVAL / "multiturn_conversations_22.yaml",
                 "multi23": EVAL / "multiturn_conversations_23.yaml",
                 "multi24": EVAL / "multiturn_conversations_24.yaml",
                 "multi25": EVAL / "multiturn_conversations_25.yaml",
                 "multi26": EVAL / "multiturn_conversations_26.yaml",
                 "multi27": EVAL / "multiturn_conversations_27.yaml",
                 "multi28": EVAL / "multiturn_conversations_28.yaml",
                 "multi29": EVAL / "multiturn_conversations_29.yaml",
                 "multi30": EVAL / "multiturn_conversations_30.yaml",
                 "multi31": EVAL / "multiturn_conversations_31.yaml",
                 "multi32": EVAL / "multiturn_conversations_32.yaml",
                 "multi33": EVAL / "multiturn_conversations_33.yaml",
                 "multi34": EVAL / "multiturn_conversations_34.yaml",
                 "multi35": EVAL / "multiturn_conversations_35.yaml",
                 "multi36": EVAL / "multiturn_conversations_36.yaml",
                 "multi37": EVAL / "multiturn_conversations_37.yaml",
                 "multi38": EVAL / "multiturn_conversations_38.yaml",
                 "multi39": EVAL / "multiturn_conversations_39.yaml",
                 "multi40": EVAL / "multiturn_conversations_40.yaml",
                 "multi41": EVAL / "multiturn_conversations_41.yaml",
                 "multi42": EVAL / "multiturn_conversations_42.yaml",
                 "multi43": EVAL / "multiturn_conversations_43.yaml",
                 "multi44": EVAL / "multiturn_conversations_44.yaml",
                 "multi45": EVAL / "multiturn_conversations_45.yaml",
                 "multi46": EVAL / "multiturn_conversations_46.yaml",
                 "multi47": EVAL / "multiturn_conversations_47.yaml",
                 "multi48": EVAL / "multiturn_conversations_48.yaml",
                 "multi49": EVAL / "multiturn_conversations_49.yaml",
                 "multi50": EVAL / "multiturn_conversations_50.yaml",
                 "multi51": EVAL / "multiturn_conversations_51.yaml",
                 "multi52": EVAL / "multiturn_conversations_52.yaml",
                 "multi53": EVAL / "multiturn_conversations_53.yaml",
                 "multi54": EVAL / "multiturn_conversations_54.yaml",
                 "multi55": EVAL / "multiturn_conversations_55.yaml",
                 "multi56": EVAL / "multiturn_conversations_56.yaml",
                 "multi57": EVAL / "multiturn_conversations_57.yaml"}
COLUMNS = (("cases", "cases"), ("right", "routing_accuracy"), ("999 recall", "emergency_recall"),
           ("emerg.", "emergency_cases"), ("false alarm", "false_alarm_rate"),
           ("fallback", "fallback_rate_in_scope"), ("wrong first", "wrong_first_helpline_rate"),
           ("errors", "errors"), ("p95 ms", "latency_p95_ms"), ("police 1st", "police_first_unneeded"))
POLICE_ROUTE = ("101", "CEOP")


def running(port: int) -> bool:
    try:
        return bool(send(port, "hello", timeout=10))
    except Exception:
        return False


def run_single(cases: Path, url: str, out: Path) -> dict:
    subprocess.run([sys.executable, str(HARNESS_DIR / "run_eval.py"), str(cases), "--url", url,
                    "--out", str(out)], check=True, stdout=subprocess.DEVNULL)
    summary = json.loads((out / "summary.json").read_text())
    summary["police_first_unneeded"] = police_first_unneeded(cases, json.loads((out / "rows.json").read_text()))
    return summary


def police_first_unneeded(cases: Path, rows: list) -> float:
    """The share of messages that need no helpline (general questions, small talk) answered with
    the police route first. The harness allows CEOP and 101 on a general question, so a change
    that sends settings questions down the grooming route scores as right; this shows it."""
    needs = {c["id"]: bool(c.get("required")) or bool(c.get("emergency"))
             for c in yaml.safe_load(cases.read_text(encoding="utf-8"))}
    general = [r for r in rows if not needs.get(r["id"], True)]
    police_first = sum(bool(r["order"]) and r["order"][0] in POLICE_ROUTE for r in general)
    return round(police_first / max(1, len(general)), 4)


def run_conversations(cases: Path, url: str, out: Path) -> dict:
    done = subprocess.run([sys.executable, str(HARNESS_DIR / "run_multiturn.py"), str(cases), "--url", url,
                           "--out", str(out)], check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def table(rows: dict) -> str:
    names = list(rows)
    lines = [f"{'':12s}" + "".join(f"{n:>10s}" for n in names)]
    for label, key in COLUMNS:
        lines.append(f"{label:12s}" + "".join(f"{str(rows[n].get(key, '')):>10s}" for n in names))
    return "\n".join(lines)


def by_category(rows: dict) -> str:
    cats = sorted({c for s in rows.values() for c in s.get("by_category", {})})
    names = list(rows)
    lines = [f"{'category':24s}" + "".join(f"{n:>10s}" for n in names)]
    for c in cats:
        lines.append(f"{c:24s}" + "".join(f"{rows[n].get('by_category', {}).get(c, '-'):>10s}" for n in names))
    return "\n".join(lines)


def main(wanted=()) -> int:
    if not (HARNESS_DIR / "run_eval.py").exists():
        print(f"harness not found in {HARNESS_DIR}", file=sys.stderr)
        return 2
    port = settings.get("RASA_PORT")
    url = settings.get("EVAL_URL") or f"http://localhost:{port}"
    bot = None
    if not running(port):
        from tools.train import train

        bot = Bot(train(), port, settings.get("ACTION_PORT")).start()
    rows, convs = {}, {}
    try:
        for name, cases in SETS.items():
            if cases.exists() and (not wanted or name in wanted):
                rows[name] = run_single(cases, url, ROOT / "results" / "eval" / name)
        for name, cases in CONVERSATIONS.items():
            if cases.exists() and (not wanted or name in wanted):
                convs[name] = run_conversations(cases, url, ROOT / "results" / "eval" / name)
    finally:
        if bot:
            bot.stop()
    if rows:
        print(table(rows))
        print()
        print(by_category(rows))
    for name, s in convs.items():
        print(f"\n{name}: {s['passed']}/{s['conversations']} conversations right at every turn, "
              f"{s['turns_passed']}/{s['turns']} turns, emergency turns with 999 first "
              f"{s['emergency_hit']}/{s['emergency_turns']}, false alarms {s['false_alarms']}, "
              f"errors {s['errors']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(tuple(sys.argv[1:])))
