#!/usr/bin/env python3
"""Write the messy tuning set's services.json, truth.json and profiles.json from the specs below.

    python3 tests/eval/messy/build.py && python3 tests/eval/messy/judge.py --check

Two made-up boroughs, Brackenford and Eastwick Vale, written in the styles real feeds use:
one-liners with no tags, SHOUTING CAPITALS, eligibility, times and costs only in prose,
inactive copies, residents-only lines, languages other than English, one-to-one beside group
options, peer support. Every listing, venue, organisation and person is fictional; the
coordinates place the boroughs at a made-up spot and the postcodes' first halves are invented.
Standard library only; deterministic (uuid5 ids).
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
NS = uuid.UUID("6f1d3c2e-9a5b-4c1e-8f00-7e55e7a11c12")
Json = dict[str, Any]

VENUES: dict[str, tuple[str, float, float, str, str, list[str]]] = {
    "millbrook_hall": ("Millbrook Community Hall", 51.5610, -0.4210, "12 Mill Lane", "BK1 2MH",
                       ["Step-free entrance", "Accessible toilet"]),
    "ashcott_library": ("Ashcott Library", 51.5655, -0.4302, "3 Ashcott Parade", "BK2 4AL",
                        ["Level access, lift to the first floor", "Hearing loop"]),
    "stjudes": ("St Jude's Church Hall", 51.5580, -0.4120, "Church Walk", "BK1 5SJ",
                ["Three steps up to the entrance, no ramp"]),
    "ferry_centre": ("Ferry Lane Centre", 51.5540, -0.4250, "40 Ferry Lane", "BK3 1FL",
                     ["Ramp at the side door"]),
    "brackenford_park": ("Brackenford Park (meet at the bandstand)", 51.5630, -0.4150,
                         "Park Road", "BK1 3BP", ["Tarmac paths, some slopes"]),
    "upper_room": ("The Upper Room", 51.5600, -0.4190, "7 High Street", "BK1 1HS",
                   ["First floor, stairs only"]),
    "leisure": ("Brackenford Leisure Centre", 51.5675, -0.4180, "Station Road", "BK2 6LC",
                ["Step-free throughout, lift to all floors, pool hoist"]),
    "allotments": ("Ashcott Road Allotments", 51.5690, -0.4330, "Ashcott Road", "BK2 7AR",
                   ["Uneven grass paths"]),
    "orchard_centre": ("Orchard Hill Neighbourhood Centre", 51.5450, -0.3800, "1 Orchard Hill",
                       "EV2 3OH", ["Level access throughout"]),
    "tanners_room": ("Tanner's Green Community Room", 51.5420, -0.3720, "22 Tanner's Green",
                     "EV2 8TG", ["Ground floor, step-free"]),
    "vale_library": ("Eastwick Vale Library", 51.5480, -0.3870, "Vale Road", "EV1 2VL",
                     ["Lift to the first floor"]),
    "trinity_crypt": ("Holy Trinity Eastwick (the crypt)", 51.5470, -0.3760, "Trinity Close",
                      "EV1 4HT", ["Down stairs to the crypt"]),
    "riverside": ("Vale Riverside Path (meet by the footbridge)", 51.5430, -0.3900,
                  "Riverside Walk", "EV2 5RP", []),
    "city_farm": ("Tanner's Green City Farm", 51.5405, -0.3740, "Farm Lane", "EV2 9CF",
                  ["Gravel yard, some mud"]),
}
VIRTUAL = {"online": ("Online (Zoom)", "virtual"), "phone": ("By phone", "virtual")}
BOROUGH_OF = {v: ("eastwick_vale" if VENUES[v][4].startswith("EV") else "brackenford")
              for v in VENUES}

OPENACTIVE = ("OpenActive", "OpenActive Activity List", "https://openactive.io/activity-list")
LOCALTAGS = ("brackenford-tags", "Brackenford community directory tags",
             "https://directory.brackenford.example.org/tags")
ESD = ("esd", "LGA service types", "https://standards.esd.org.uk/?uri=list/serviceTypes")

LANGUAGE_NAMES = {"en": "English", "so": "Somali", "bn": "Bengali", "syl": "Sylheti",
                  "pl": "Polish", "tr": "Turkish", "ku": "Kurdish", "ar": "Arabic",
                  "ti": "Tigrinya", "fa": "Persian", "bfi": "British Sign Language",
                  "ur": "Urdu"}

AUDIENCE = {"bereaved_only": False, "carers_only": False, "carers_welcome": False,
            "child_ages": None, "communities": [], "community_restricted": False,
            "conditions": [], "gender": "any", "max_age": None, "min_age": None,
            "non_binary_welcome": False, "parents_only": False, "residents_of": None,
            "situations": []}


def L(key: str, name: str, desc: str, topics: list[str], **kw: Any) -> Json:
    return {"key": key, "name": name, "desc": desc, "topics": topics, **kw}


# ----------------------------------------------------------------------------- listings
# where: a venue key, "online" or "phone"; sched: (byday, opens, closes); cost: cost_options
# (option, amount); band/amount: the hidden cost; aud: the hidden audience; tags: (scheme, name).
LISTINGS: list[Json] = [
    L("walk_tue", "Brackenford Park Tuesday Health Walk",
      "A friendly hour-long walk around Brackenford Park at a chatty pace, led by volunteer walk "
      "leaders. We go at the speed of the slowest walker and stop for a cuppa afterwards. No "
      "need to book, just comfortable shoes. Good if your GP has told you to move a bit more.",
      ["moving_more.walking", "body.move_more"], where="brackenford_park",
      sched=[("TU", "10:00", "11:00")], cost=[("Free", 0)], band="free",
      tags=[(OPENACTIVE, "Walking")], org="Brackenford Walking for Health"),
    L("walk_tue_old", "BRACKENFORD PARK HEALTH WALK (TUESDAYS)",
      "HEALTH WALK EVERY TUESDAY 10AM FROM THE BANDSTAND. FREE.", ["moving_more.walking"],
      where="brackenford_park", sched=[("TU", "10:00", "11:00")], status="inactive",
      alert="This listing is out of date: see Brackenford Walking for Health.", band="free",
      dup="walk_tue", assured="2024-03-10"),
    L("walk_thu", "Thursday riverside stroll",
      "Gentle stroll along the river, Thursdays 11am, about an hour. Free.",
      ["moving_more.walking"], where="riverside", sched=[("TH", "11:00", "12:00")],
      status="defunct", alert="Stopped in 2025: the walk leader moved away.", band="free"),
    L("river_5k", "Vale riverside walk", "Sat 10am walk along the river. 5km. Free.",
      ["moving_more.walking", "nature.nature_time"], where="riverside",
      sched=[("SA", "10:00", "11:30")], band="free", intensity="moderate"),
    L("nordic", "NORDIC WALKING FOR BEGINNERS",
      "NORDIC WALKING FOR BEGINNERS - POLES PROVIDED - £4 A SESSION - FOR OVER 50S ONLY. "
      "MEET AT THE BANDSTAND WEDNESDAY 9.30AM.",
      ["moving_more.walking", "body.move_more"], where="brackenford_park",
      sched=[("WE", "09:30", "10:30")], band="paid", amount=4, intensity="moderate",
      aud={"min_age": 50}, wheel=False),
    L("chair_yoga", "chair yoga", "Seated yoga. Gentle. Weds 2pm, Ashcott Library. £3.",
      ["moving_more.gentle", "body.pain_fatigue"], where="ashcott_library",
      sched=[("WE", "14:00", "15:00")], band="paid", amount=3),
    L("women_swim", "Sunday early swim",
      "Ladies only swimming with female lifeguards and the blinds down. Sunday 8-9am at the "
      "leisure centre. £2.50 a swim.", ["moving_more.swimming"], where="leisure",
      sched=[("SU", "08:00", "09:00")], band="paid", amount=2.5, aud={"gender": "women"},
      tags=[(OPENACTIVE, "Swimming")]),
    L("aqua", "Aqua fit",
      "Exercise in the water, easy on the joints. Mornings Mon and Thu 10-11. £4, concessions "
      "£2.", ["moving_more.swimming", "moving_more.gentle"], where="leisure",
      sched=[("MO,TH", "10:00", "11:00")], band="paid", amount=2,
      cost=[("Adult", 4), ("Concession", 2)]),
    L("walking_football", "Walking football",
      "Walking football for men aged 50 and over. Mondays 7pm, sports hall. £3 on the door.",
      ["moving_more.sport"], where="leisure", sched=[("MO", "19:00", "20:00")], band="paid",
      amount=3, aud={"gender": "men", "min_age": 50}, intensity="moderate", wheel=False),
    L("youth_football", "Ferry Lane youth football",
      "Free football coaching for young people aged 11 to 17, Fridays after school.",
      ["family_youth.youth_clubs", "moving_more.sport"], where="ferry_centre",
      sched=[("FR", "16:00", "18:00")], band="free", aud={"min_age": 11, "max_age": 17},
      intensity="energetic", wheel=False),
    L("five_a_side", "Friday night 5-a-side",
      "Casual five-a-side football for adults 18+, all abilities. Fri 7-8pm. £5.",
      ["moving_more.sport"], where="leisure", sched=[("FR", "19:00", "20:00")], band="paid",
      amount=5, aud={"min_age": 18}, intensity="energetic", wheel=False),
    L("zumba", "Zumba Gold",
      "Zumba Gold is a lower-impact dance-fitness class for active older adults and beginners. "
      "We meet on Thursday mornings from ten till eleven at the Orchard Hill Neighbourhood "
      "Centre. It costs £4 and your first class is free.", ["moving_more.dance"],
      where="orchard_centre", band="paid", amount=4, intensity="moderate",
      override={"sessions": [{"day": "thursday", "from": "10:00", "to": "11:00"}]}),
    L("steady_steps", "Steady Steps strength and balance",
      "For people who have had a fall or are worried about falling. Chair-based and standing "
      "exercises to build strength and confidence. Twelve weeks, free.",
      ["body.steady_on_feet", "moving_more.gentle", "feelings.confidence"],
      where="millbrook_hall", sched=[("MO", "11:00", "12:00")], band="free",
      tags=[(ESD, "Falls prevention")]),
    L("vale_5k", "Vale 5k Saturday run",
      "Free timed 5k run every Saturday at 9am on the riverside. Runners, joggers and walkers.",
      ["moving_more.running_cycling"], where="riverside", sched=[("SA", "09:00", "10:00")],
      band="free", intensity="energetic", wheel=False, tags=[(OPENACTIVE, "Running")]),
    L("tai_chi", "TAI CHI", "TAI CHI IN THE PARK. SUNDAYS 9AM. ALL AGES. FREE.",
      ["moving_more.gentle", "calm.mindfulness"], where="brackenford_park",
      sched=[("SU", "09:00", "10:00")], band="free"),
    L("dance_parkinsons", "Dance for Parkinson's",
      "Dance classes for people living with Parkinson's, with live music. Partners and carers "
      "are welcome to join in. Tuesdays 2-3.30pm.",
      ["moving_more.dance", "peer_support.health_condition"], where="orchard_centre",
      sched=[("TU", "14:00", "15:30")], band="free",
      aud={"conditions": ["parkinsons"], "carers_welcome": True}),
    # --------------------------------------------------------------- social and company
    L("lunch_club", "Millbrook Friendship Lunch",
      "A two-course hot lunch and good company every Wednesday for people over 60. We do a "
      "raffle, sometimes a sing-song, and there is always someone to talk to. £4 for the meal; "
      "transport can be arranged if you struggle to get here.",
      ["social.lunch_clubs", "food.meals_together", "connection.lonely"],
      where="millbrook_hall", sched=[("WE", "12:00", "14:00")], band="paid", amount=4,
      aud={"min_age": 60}, tags=[(LOCALTAGS, "Older people")]),
    L("lunch_club_copy", "Friendship lunch club (Millbrook Community Hall)",
      "Hot lunch and company, Weds 12-2. £4.",
      ["social.lunch_clubs", "food.meals_together", "connection.lonely"],
      where="millbrook_hall", sched=[("WE", "12:00", "14:00")], band="paid", amount=4,
      aud={"min_age": 60}, dup="lunch_club", assured="2025-02-01"),
    L("coffee_morning", "Ashcott Coffee Morning",
      "Drop in for a cuppa and a chat. Fridays 10-12. Everyone welcome, free.",
      ["social.drop_in_chat", "connection.lonely"], where="ashcott_library",
      sched=[("FR", "10:00", "12:00")], band="free"),
    L("widows", "Women on Their Own",
      "A friendly circle for women who have lost a husband or partner. Second Thursday of the "
      "month, 2-4pm, tea and cake.",
      ["peer_support.bereavement", "life_changes.bereavement", "connection.lonely"],
      where="orchard_centre", sched=[("2TH", "14:00", "16:00")], band="free",
      aud={"gender": "women", "bereaved_only": True}),
    L("bereavement_cafe", "Bereavement Café",
      "For anyone who has lost someone, however long ago. Come for a cup of tea with people "
      "who understand. Last Tuesday of the month, 2pm to 4pm.",
      ["peer_support.bereavement", "life_changes.bereavement"], where="stjudes",
      sched=[("-1TU", "14:00", "16:00")], band="free", aud={"bereaved_only": True}),
    L("bereavement_counselling", "Bereavement counselling",
      "Up to eight one-to-one sessions with a trained bereavement counsellor. Free. Brackenford "
      "residents only; ask your GP or call us to arrange.",
      ["life_changes.bereavement", "feelings.low"], where="ferry_centre", band="free",
      group=False, fmt="one_to_one", aud={"bereaved_only": True, "residents_of": "brackenford"},
      override={"flexible": True}, tags=[(ESD, "Counselling")]),
    L("mens_shed", "Ferry Lane Men's Shed",
      "A workshop where men come together to make and mend things: woodwork, fixing bikes, "
      "restoring furniture. Tea always on. Tues and Thurs 10am-3pm. £2 a visit if you can.",
      ["creative.making_mending", "connection.people_like_me", "connection.lonely"],
      where="ferry_centre", sched=[("TU,TH", "10:00", "15:00")], band="pay_what_you_can",
      aud={"gender": "men"}),
    L("mens_shed_closed", "FERRY LANE MENS SHED", "MENS SHED. WOODWORK. TUES & THURS.",
      ["creative.making_mending", "connection.people_like_me"], where="ferry_centre",
      sched=[("TU,TH", "10:00", "15:00")], status="temporarily closed",
      alert="Closed while the workshop roof is repaired.", aud={"gender": "men"},
      dup="mens_shed", band="unstated"),
    L("phone_befriend", "Telephone befriending",
      "A weekly friendly phone call from a trained volunteer for older people living alone. "
      "Brackenford residents over 65 only.",
      ["social.befriending", "connection.lonely"], where="phone", delivery=["phone"],
      group=False, fmt="one_to_one", band="free",
      aud={"min_age": 65, "residents_of": "brackenford"}, override={"flexible": True}),
    L("home_befriend", "Befriending visits at home",
      "A volunteer visits you at home once a week for a cup of tea and a chat. For people aged "
      "60 and over who live in Eastwick Vale and find it hard to get out.",
      ["social.befriending", "connection.lonely", "connection.getting_out"], where="phone",
      delivery=["home_visit"], group=False, fmt="one_to_one", band="free",
      aud={"min_age": 60, "residents_of": "eastwick_vale"}, override={"flexible": True}),
    L("games", "Board games & cards afternoon",
      "Scrabble, dominoes, cards. Mon 2-4pm. Free.", ["social.games_quizzes"],
      where="ashcott_library", sched=[("MO", "14:00", "16:00")], band="free"),
    L("rainbow", "Rainbow Social",
      "A relaxed monthly social for LGBTQ+ people in Eastwick Vale and around: games, music, "
      "chat. Trans and non-binary people very welcome. First Friday, 7-9pm.",
      ["connection.people_like_me", "social.games_quizzes", "social.drop_in_chat"],
      where="tanners_room", sched=[("1FR", "19:00", "21:00")], band="free",
      aud={"communities": ["lgbtq"], "community_restricted": True, "non_binary_welcome": True}),
    L("somali_women", "Somali women's coffee morning",
      "Kulan saaxiibtinimo oo loogu talagalay haweenka Soomaaliyeed: shaah, sheeko iyo "
      "taageero. Somali women's coffee morning, Saturdays 11am.",
      ["social.culture_faith", "social.drop_in_chat", "connection.lonely"],
      where="tanners_room", sched=[("SA", "11:00", "13:00")], band="free", langs=["so"],
      aud={"gender": "women", "communities": ["lang:so"], "community_restricted": True}),
    L("bengali_lunch", "Bengali elders' lunch",
      "Lunch and chat in Bengali and Sylheti for older people. Thursdays 12-2.",
      ["social.lunch_clubs", "social.culture_faith", "connection.lonely"],
      where="orchard_centre", sched=[("TH", "12:00", "14:00")], band="paid", amount=2,
      langs=["bn", "syl"], aud={"communities": ["lang:bn", "lang:syl"],
                                "community_restricted": True, "min_age": 55}),
    L("bangla_sewing", "Sewing circle",
      "Sewing and embroidery with other women. We speak Bangla and English. Tuesday mornings.",
      ["creative.making_mending", "social.drop_in_chat"], where="tanners_room",
      band="free", langs=["en", "bn"], aud={"gender": "women"},
      override={"sessions": [{"day": "tuesday", "from": "10:00", "to": "12:00"}]}),
    L("polish_club", "Klub Polski",
      "Spotkania dla polskiej społeczności: kawa, rozmowy, wycieczki. Polish-speaking social "
      "club, second Sunday of the month.",
      ["social.culture_faith", "connection.new_to_area"], where="vale_library",
      sched=[("2SU", "14:00", "16:00")], band="free", langs=["pl"],
      aud={"communities": ["lang:pl"], "community_restricted": True}),
    L("turkish_tea", "Çay ve sohbet",
      "Türkçe ve Kürtçe konuşan kadınlar için çay ve sohbet. Tea and chat for Turkish and "
      "Kurdish speaking women, Wednesdays 1pm.",
      ["social.culture_faith", "social.drop_in_chat"], where="tanners_room",
      sched=[("WE", "13:00", "15:00")], band="free", langs=["tr", "ku"],
      aud={"gender": "women", "communities": ["lang:tr", "lang:ku"],
           "community_restricted": True}),
    L("esol_cafe", "English conversation café",
      "Practise your English over tea with volunteers. For people learning English, all "
      "levels. Free.", ["learning.english_languages", "connection.new_to_area"],
      where="vale_library", sched=[("TU", "13:00", "14:30")], band="free",
      aud={"communities": ["english_learner"], "community_restricted": True}),
    L("esol_course", "ESOL courses",
      "Free English classes for adults (19+) who live in Eastwick Vale. Entry 1 to Level 1. "
      "Assessment needed first.", ["learning.english_languages", "learning.courses"],
      where="orchard_centre", sched=[("MO,WE", "09:30", "12:00")], band="free",
      aud={"min_age": 19, "residents_of": "eastwick_vale", "communities": ["english_learner"],
           "community_restricted": True}, tags=[(ESD, "Adult education")]),
    L("veterans", "Veterans' breakfast club",
      "Ex-forces? Come for a fry-up and a natter with people who served. Last Saturday of the "
      "month, 9am.", ["connection.people_like_me", "social.drop_in_chat"],
      where="millbrook_hall", sched=[("-1SA", "09:00", "11:00")], band="pay_what_you_can",
      aud={"situations": ["veteran"]}),
    L("deaf_club", "Deaf social club",
      "Social evening for Deaf people who sign. BSL only. Third Thursday.",
      ["connection.people_like_me", "social.drop_in_chat"], where="vale_library",
      sched=[("3TH", "18:00", "21:00")], band="free", langs=["bfi"],
      aud={"communities": ["lang:bfi"], "community_restricted": True}),
    L("tea_tots", "Tea and Tots",
      "Toddlers from the nursery visit the care home every Friday for songs and play with the "
      "residents. Volunteers and grandparents welcome.",
      ["social.intergenerational", "giving.volunteering"], where="millbrook_hall",
      sched=[("FR", "10:30", "11:30")], band="free"),
    # --------------------------------------------------------------- creative
    L("choir", "Vale Voices community choir",
      "A friendly community choir: no auditions and no need to read music. We sing pop, soul "
      "and a bit of everything, and have a break for tea halfway through. Thursdays 7-8.30pm. "
      "£5 a week, concessions £2.", ["creative.singing_music"], where="vale_library",
      sched=[("TH", "19:00", "20:30")], band="paid", amount=2,
      cost=[("Weekly", 5), ("Concession", 2)], tags=[(LOCALTAGS, "Arts and culture")]),
    L("choir_copy", "VALE VOICES", "COMMUNITY CHOIR. THURS EVES. ALL WELCOME.",
      ["creative.singing_music"], where="vale_library", sched=[("TH", "19:00", "20:30")],
      band="paid", amount=2, dup="choir", assured="2024-11-02"),
    L("lung_singing", "Singing for Better Breathing",
      "Singing for people living with COPD, asthma or other lung conditions. Carers welcome. "
      "Mondays 1.30pm.",
      ["creative.singing_music", "peer_support.health_condition", "body.long_term_condition"],
      where="ashcott_library", sched=[("MO", "13:30", "14:30")], band="free",
      aud={"conditions": ["copd"], "carers_welcome": True}),
    L("online_singing", "Online singing for wellbeing",
      "Sing along from your own home on Zoom, camera off if you like. Wednesdays 11am. Free.",
      ["creative.singing_music", "feelings.low"], where="online", delivery=["online"],
      sched=[("WE", "11:00", "12:00")], band="free"),
    L("art_studio", "Open art studio",
      "Bring your own project or try painting, drawing or collage with others. Materials "
      "provided. Tuesdays 1-3pm. Pay what you can.", ["creative.art_craft"],
      where="upper_room", sched=[("TU", "13:00", "15:00")], band="pay_what_you_can"),
    L("craft_group", "Crafternoon",
      "Card-making, painting and crafts in a friendly group. Thursdays 2-4pm. Free, all "
      "materials provided.", ["creative.art_craft", "creative.making_mending"],
      where="orchard_centre", sched=[("TH", "14:00", "16:00")], band="free"),
    L("pottery", "Pottery course (8 weeks)",
      "Learn to throw on the wheel. £120 for eight weeks, clay included. Saturday mornings.",
      ["creative.art_craft", "learning.courses"], where="ferry_centre",
      sched=[("SA", "10:00", "12:00")], band="paid", amount=15,
      cost=[("Eight-week course", 120)]),
    L("knit", "knit & natter",
      "knit and natter. all welcome. bring wool. wed 10-12.",
      ["creative.making_mending", "social.drop_in_chat"], where="stjudes",
      sched=[("WE", "10:00", "12:00")], band="free"),
    L("writing", "Life Stories writing group",
      "Write about your life and memories with others, at your own pace. Fridays 2-3.30pm.",
      ["creative.words"], where="ashcott_library", sched=[("FR", "14:00", "15:30")],
      band="free", assured="2024-09-15"),
    L("youth_theatre", "Stage Door youth theatre",
      "Drama, games and shows for young people aged 8-14. Wednesdays 5-6.30pm. £3.",
      ["creative.performance", "family_youth.youth_clubs"], where="ferry_centre",
      sched=[("WE", "17:00", "18:30")], band="paid", amount=3,
      aud={"min_age": 8, "max_age": 14}),
    L("teen_drama", "Teen drama company",
      "Acting, improvisation and a summer show for 13 to 18 year olds. Thursdays 6pm. Free.",
      ["creative.performance", "family_youth.youth_clubs"], where="vale_library",
      sched=[("TH", "18:00", "19:30")], band="free", aud={"min_age": 13, "max_age": 18}),
    L("ukulele", "Ukulele for beginners", "Ukes provided. Sat 2pm. £2.",
      ["creative.singing_music"], where="vale_library", sched=[("SA", "14:00", "15:00")],
      band="paid", amount=2),
    L("memory_cafe", "Memory café at the museum",
      "A relaxed afternoon for people living with dementia and the people who care for them: "
      "objects to handle, music, tea. Second Monday.",
      ["body.memory", "creative.heritage_museums", "peer_support.health_condition"],
      where="vale_library", sched=[("2MO", "14:00", "16:00")], band="free",
      aud={"conditions": ["dementia"], "carers_welcome": True}),
    # --------------------------------------------------------------- nature
    L("allotment", "Ashcott community allotment",
      "Grow fruit and veg with others, no experience needed. Wednesday and Saturday mornings. "
      "Tools provided.", ["nature.gardening"], where="allotments",
      sched=[("WE,SA", "10:00", "12:30")], band="free", wheel=False,
      tags=[(LOCALTAGS, "Environment")]),
    L("conservation", "Brackenford Park conservation volunteers",
      "Clearing scrub, planting hedges and looking after the meadow. First Saturday of the "
      "month, 10am-1pm. Gloves and tools provided.",
      ["nature.conservation", "giving.volunteering"], where="brackenford_park",
      sched=[("1SA", "10:00", "13:00")], band="free", intensity="moderate", wheel=False),
    L("green_gym", "GREEN GYM",
      "GREEN GYM - GET FIT OUTDOORS WHILE HELPING NATURE. DIGGING, PLANTING, PATH BUILDING. "
      "SUNDAYS 10AM. FREE.", ["nature.conservation", "moving_more.gym_classes"],
      where="riverside", sched=[("SU", "10:00", "12:00")], band="free",
      intensity="energetic", wheel=False),
    L("city_farm", "City farm volunteering",
      "Help feed the animals, muck out and show visitors round. Any day, just turn up between "
      "9 and 4.", ["nature.animals_farms", "giving.volunteering"], where="city_farm",
      band="free", wheel=False, override={"flexible": True}),
    L("birdwatch", "Bird walk",
      "Gentle bird-spotting walk, binoculars lent. 1st Sunday, 8am. Free.",
      ["nature.nature_time", "moving_more.walking"], where="riverside",
      sched=[("1SU", "08:00", "09:30")], band="free", wheel=False),
    L("litter_pick", "litter pick",
      "monthly litter pick, last sunday 10am, gloves & pickers provided",
      ["giving.community_action", "nature.conservation"], where="millbrook_hall",
      sched=[("-1SU", "10:00", "11:30")], band="free"),
    L("repair_cafe", "Repair Café",
      "Bring your broken lamps, clothes and bikes and fix them with our volunteer fixers, or "
      "come and be a fixer. Third Saturday, 11am-2pm.",
      ["creative.making_mending", "giving.community_action"], where="orchard_centre",
      sched=[("3SA", "11:00", "14:00")], band="free"),
    # --------------------------------------------------------------- feelings
    L("open_minds", "Open Minds peer support group",
      "A group for people living with anxiety, depression or other mental health "
      "difficulties, run by people with lived experience. Share as much or as little as you "
      "like. Mondays 6-7.30pm.",
      ["peer_support.mental_health", "feelings.living_with_mental_health"],
      where="orchard_centre", sched=[("MO", "18:00", "19:30")], band="free",
      aud={"conditions": ["mental_health"]}, tags=[(ESD, "Mental health support")]),
    L("open_minds_copy", "Peer support group (mental health) - Orchard Hill",
      "Peer-led group, Monday evenings.",
      ["peer_support.mental_health", "feelings.living_with_mental_health"],
      where="orchard_centre", sched=[("MO", "18:00", "19:30")], band="free",
      aud={"conditions": ["mental_health"]}, dup="open_minds"),
    L("worry_course", "Managing worry: a six-week course",
      "A free course from the NHS talking therapies team on understanding and managing "
      "anxiety. Online on Zoom, Tuesdays 6pm.",
      ["feelings.worry_stress", "learning.wellbeing_courses"], where="online",
      delivery=["online"], sched=[("TU", "18:00", "19:30")], band="free"),
    L("sleep_workshop", "Better sleep",
      "Online workshop: why we sleep badly and what helps. Thursdays 7pm, free.",
      ["feelings.sleep", "learning.wellbeing_courses"], where="online", delivery=["online"],
      sched=[("TH", "19:00", "20:00")], band="free"),
    L("counselling", "Low-cost counselling",
      "One-to-one counselling with a qualified counsellor, £10-£30 a session on a sliding "
      "scale. Daytime and evening appointments.",
      ["feelings.low", "feelings.worry_stress"], where="ferry_centre", band="paid", amount=10,
      group=False, fmt="one_to_one", override={"flexible": True}),
    L("peer_mentor", "Peer mentors",
      "Meet one-to-one with someone who has been through mental ill health themselves, in a "
      "café or on a walk, for six sessions. Free.",
      ["peer_support.mental_health", "feelings.low", "feelings.living_with_mental_health"],
      where="millbrook_hall", group=False, fmt="one_to_one", band="free",
      aud={"conditions": ["mental_health"]}, override={"flexible": True}),
    L("listening_line", "Vale Listening Line",
      "If you just need someone to talk to, our volunteers listen. Every evening 6pm to "
      "midnight, free.", ["calm.listening", "connection.lonely", "feelings.low"],
      where="phone", delivery=["phone"], group=False, fmt="one_to_one", band="free",
      override={"flexible": True}),
    L("crisis_cafe", "Brackenford Crisis Café",
      "A safe space in the evening for adults in mental health crisis or feeling unable to "
      "cope. Open 6pm to 11pm every day, no referral needed.",
      ["feelings.urgent", "calm.listening"], where="ferry_centre",
      sched=[("MO,TU,WE,TH,FR,SA,SU", "18:00", "23:00")], band="free",
      group=False, fmt="drop_in", aud={"min_age": 18}),
    L("mindfulness", "mindfulness drop-in",
      "Free guided meditation, Thursdays 12.30-1pm.", ["calm.mindfulness"],
      where="vale_library", sched=[("TH", "12:30", "13:00")], band="free"),
    L("women_confidence", "Confidence for women",
      "A course for women who want to feel more confident, maybe returning to work after "
      "years away. Crèche available.",
      ["feelings.confidence", "work_learning.finding_work"], where="orchard_centre",
      sched=[("WE", "10:00", "12:00")], band="free", aud={"gender": "women"}),
    # --------------------------------------------------------------- carers
    L("carers_cafe", "Carers' café",
      "For anyone looking after a family member or friend: a break, a chat and a slice of "
      "cake with other carers. Second Wednesday, 10.30-12.",
      ["peer_support.carers", "caring.looking_after_someone", "caring.break"],
      where="millbrook_hall", sched=[("2WE", "10:30", "12:00")], band="free",
      aud={"carers_only": True}),
    L("dementia_carers", "Dementia carers' support group",
      "Support for people caring for someone living with dementia. Fourth Tuesday 7pm.",
      ["peer_support.carers", "caring.looking_after_someone"], where="vale_library",
      sched=[("4TU", "19:00", "20:30")], band="free", aud={"carers_only": True}),
    L("young_carers", "Young carers' club",
      "For 8 to 17 year olds who help look after someone at home. Fun, trips and time off.",
      ["peer_support.carers", "family_youth.youth_clubs"], where="ferry_centre",
      sched=[("TH", "16:30", "18:00")], band="free",
      aud={"min_age": 8, "max_age": 17, "carers_only": True}),
    L("sitting_service", "Sitting service for carers",
      "A trained sitter stays with the person you look after for up to three hours so you can "
      "have a break. For carers living in Brackenford.", ["caring.break"], where="phone",
      delivery=["home_visit"], group=False, fmt="one_to_one", band="free",
      aud={"carers_only": True, "residents_of": "brackenford"}, override={"flexible": True}),
    # --------------------------------------------------------------- family
    L("stay_play", "Stay and play (0-4s)",
      "Songs, toys and messy play for babies and toddlers with their grown-ups. Free, "
      "Tuesday and Friday mornings.",
      ["family_youth.family_activities", "caring.parenting", "peer_support.parents"],
      where="ashcott_library", sched=[("TU,FR", "09:30", "11:00")], band="free",
      aud={"child_ages": [0, 4]}),
    L("baby_group", "new parents group",
      "meet other new mums and dads, babies under 1, thurs 10am", ["peer_support.parents",
                                                                  "caring.parenting"],
      where="orchard_centre", sched=[("TH", "10:00", "11:30")], band="free",
      aud={"child_ages": [0, 1]}),
    L("dads_club", "Dads' Saturday club",
      "For dads and male carers with children under 5: play, breakfast, chat. Saturdays 10am.",
      ["peer_support.parents", "family_youth.family_activities"], where="ferry_centre",
      sched=[("SA", "10:00", "11:30")], band="free",
      aud={"gender": "men", "child_ages": [0, 5]}),
    L("holiday_club", "Holiday activity club",
      "Sports, crafts and a hot lunch in the school holidays for children aged 5 to 16. Free "
      "for children getting benefits-related free school meals.",
      ["family_youth.youth_clubs", "family_youth.family_activities", "food.meals_together"],
      where="ferry_centre", band="free", aud={"min_age": 5, "max_age": 16},
      override={"sessions": [{"day": d, "from": "10:00", "to": "15:00"}
                             for d in ("monday", "tuesday", "wednesday", "thursday")]}),
    L("sen_parents", "Parents' circle",
      "A support group for parents of children with additional needs or autism. Coffee, "
      "understanding and tips. Term-time Fridays.",
      ["peer_support.parents", "caring.parenting"], where="vale_library",
      sched=[("FR", "09:30", "11:00")], band="free", aud={"parents_only": True}),
    L("youth_club", "Ferry Lane youth club",
      "Youth club for 11-19s: pool, music studio, cooking, trips. Tue and Thu 6-9pm.",
      ["family_youth.youth_clubs"], where="ferry_centre",
      sched=[("TU,TH", "18:00", "21:00")], band="free", aud={"min_age": 11, "max_age": 19}),
    # --------------------------------------------------------------- money and practical
    L("debt_advice", "Debt and benefits advice drop-in",
      "Free, confidential advice on debts, bills and benefit claims. We can help you open "
      "the letters and make a plan. Mon and Thu 10am-1pm.",
      ["practical_help.money_advice", "money.debt_bills", "money.benefits"],
      where="millbrook_hall", sched=[("MO,TH", "10:00", "13:00")], band="free", group=False,
      fmt="one_to_one", tags=[(ESD, "Debt advice")]),
    L("debt_clinic", "CITIZENS ADVICE BRACKENFORD - DEBT CLINIC",
      "FREE DEBT ADVICE. MONDAY AND THURSDAY MORNINGS. MILLBROOK HALL.",
      ["practical_help.money_advice", "money.debt_bills"], where="millbrook_hall",
      sched=[("MO,TH", "10:00", "13:00")], band="free", group=False, fmt="one_to_one",
      dup="debt_advice"),
    L("money_phone", "Money helpline",
      "Call for free help with debts, bills and benefits. Weekdays 9-5. Eastwick Vale "
      "residents only.", ["practical_help.money_advice", "money.debt_bills", "money.benefits"],
      where="phone", delivery=["phone"], band="free", group=False, fmt="one_to_one",
      aud={"residents_of": "eastwick_vale"}, override={"flexible": True}),
    L("food_bank", "Millbrook food bank",
      "Emergency food parcels. You need a voucher from your GP, school or an advice service. "
      "Fridays 12-2.", ["practical_help.food_support", "food.enough_to_eat"],
      where="millbrook_hall", sched=[("FR", "12:00", "14:00")], band="free", group=False,
      fmt="drop_in"),
    L("fridge", "Community fridge", "Free surplus food, no questions asked. Weekdays 4-6pm.",
      ["food.enough_to_eat", "practical_help.food_support"], where="tanners_room",
      sched=[("MO,TU,WE,TH,FR", "16:00", "18:00")], band="free", group=False, fmt="drop_in"),
    L("cook_budget", "Cook on a budget",
      "Six-week cookery course: tasty meals for less. Free for Eastwick Vale residents.",
      ["learning.cooking", "money.cost_of_living"], where="orchard_centre",
      sched=[("TU", "10:00", "12:00")], band="free", aud={"residents_of": "eastwick_vale"}),
    L("housing_advice", "Housing advice surgery",
      "Worried about losing your home, repairs, damp or your landlord? Free advice by phone or "
      "in person, Wednesdays.", ["practical_help.housing_advice", "home.problems",
                                 "home.losing_home"], where="ashcott_library",
      delivery=["in_person", "phone"], sched=[("WE", "10:00", "16:00")], band="free",
      group=False, fmt="one_to_one"),
    L("digital_help", "Get online",
      "Help with your phone, tablet or laptop, one to one. English, Bengali and Somali.",
      ["learning.digital", "work_learning.getting_online"], where="vale_library",
      sched=[("FR", "10:00", "12:00")], band="free", group=False, fmt="one_to_one",
      langs=["en", "bn", "so"]),
    L("job_club", "Job club", "CV help, job search, interview practice. Weds 1-3pm.",
      ["work_learning.finding_work", "practical_help.work_support"], where="ashcott_library",
      sched=[("WE", "13:00", "15:00")], band="free"),
    L("immigration", "Immigration advice",
      "Free advice on immigration, asylum and family reunion, by appointment. We speak "
      "English, Arabic, Tigrinya and Farsi.",
      ["practical_help.legal_immigration", "life_changes.new_to_uk"], where="orchard_centre",
      band="free", group=False, fmt="one_to_one", langs=["en", "ar", "ti", "fa"],
      override={"flexible": True}),
    L("new_neighbours", "New Neighbours",
      "A welcome group for refugees and people seeking asylum: tea, English practice, help "
      "finding your way around. Fridays 11am.",
      ["life_changes.new_to_uk", "connection.new_to_area", "learning.english_languages"],
      where="tanners_room", sched=[("FR", "11:00", "13:00")], band="free",
      aud={"situations": ["refugee"]}),
    # --------------------------------------------------------------- health conditions
    L("stroke_club", "Stroke survivors' club",
      "For people rebuilding life after a stroke, with their partners and carers. Exercise, "
      "speech practice, company. Thursdays 1pm.",
      ["peer_support.health_condition", "life_changes.after_illness"],
      where="millbrook_hall", sched=[("TH", "13:00", "15:00")], band="free",
      aud={"conditions": ["stroke"], "carers_welcome": True}),
    L("diabetes", "Living well with type 2 diabetes",
      "Monthly group to share tips on food, activity and staying well with type 2 diabetes. "
      "First Tuesday, 6pm.",
      ["body.long_term_condition", "peer_support.health_condition"], where="vale_library",
      sched=[("1TU", "18:00", "19:30")], band="free", aud={"conditions": ["diabetes"]}),
    L("pain_group", "Chronic pain support group",
      "Meet others living with long-term pain. Pacing, relaxation and understanding. "
      "Alternate Wednesdays, 2pm.",
      ["body.pain_fatigue", "peer_support.health_condition"], where="tanners_room",
      sched=[("WE", "14:00", "15:30")], band="free", aud={"conditions": ["chronic_pain"]}),
    L("pain_online", "Pain café online",
      "A monthly online get-together for people with chronic pain. Last Monday, 7pm.",
      ["body.pain_fatigue", "peer_support.health_condition"], where="online",
      delivery=["online"], sched=[("-1MO", "19:00", "20:00")], band="free",
      aud={"conditions": ["chronic_pain"]}),
    L("smart_recovery", "SMART Recovery meeting",
      "A peer group for anyone wanting to change their drinking or drug use, or stay stopped. "
      "Tuesdays 7pm.", ["peer_support.recovery", "body.cutting_down"], where="stjudes",
      sched=[("TU", "19:00", "20:30")], band="free", aud={"conditions": ["alcohol", "drugs"]}),
    L("sober_social", "Sober social",
      "Alcohol-free evenings: pool, quiz, films. For people in recovery and their friends. "
      "Fridays 7-10pm.", ["peer_support.recovery", "social.games_quizzes"],
      where="orchard_centre", sched=[("FR", "19:00", "22:00")], band="free"),
    # --------------------------------------------------------------- giving and later life
    L("volunteer_centre", "Brackenford Volunteer Centre",
      "We match you to a volunteering role that suits you: gardening, driving, befriending, "
      "shops. Chat to us by appointment.", ["giving.volunteering", "work_learning.purpose"],
      where="ashcott_library", band="free", group=False, fmt="one_to_one",
      override={"flexible": True}, tags=[(LOCALTAGS, "Volunteering")]),
    L("later_life", "Eastwick Learning in Later Life",
      "Learning groups for over 50s run by members: history, languages, walking, book club. "
      "£15 a year.", ["learning.courses", "life_changes.retirement",
                       "connection.people_like_me"], where="vale_library",
      sched=[("MO,WE", "10:00", "12:00")], band="paid", amount=0.3, aud={"min_age": 50}),
    L("walk_buddies", "Walking buddies",
      "Find it hard to get out? We match you with a volunteer to walk with, one to one, at your "
      "pace. Brackenford residents.",
      ["moving_more.walking", "getting_there.someone_with_me", "connection.getting_out"],
      where="brackenford_park", group=False, fmt="one_to_one", band="free",
      aud={"residents_of": "brackenford"}, override={"flexible": True}),
    L("safe_home", "Safe at Home",
      "Confidential support if someone you live with hurts, threatens or controls you. Call or "
      "come in; we can meet somewhere safe.", ["safety_rights.safe_at_home"],
      where="ferry_centre", delivery=["in_person", "phone"], band="free", group=False,
      fmt="one_to_one", override={"flexible": True}),
    # --------------------------------------------------------------- more communities
    L("somali_elders", "Somali elders' tea",
      "Shaah iyo sheeko waayeelka. Tea and chat in Somali for older people, Thursdays 2pm.",
      ["social.drop_in_chat", "social.culture_faith", "connection.lonely"],
      where="tanners_room", sched=[("TH", "14:00", "16:00")], band="free", langs=["so"],
      aud={"communities": ["lang:so"], "community_restricted": True}),
    L("women_walk_so", "Women's walking group",
      "A walk and a chat for women. Somali and English spoken. Mondays 10am from the "
      "footbridge.", ["moving_more.walking", "connection.lonely", "social.drop_in_chat"],
      where="riverside", sched=[("MO", "10:00", "11:00")], band="free", langs=["so", "en"],
      aud={"gender": "women"}),
    L("queer_walk", "LGBTQ+ walking group",
      "A monthly walk and pub lunch for LGBTQ+ people and friends. Non-binary folk welcome. "
      "Third Sunday.", ["moving_more.walking", "connection.people_like_me"],
      where="riverside", sched=[("3SU", "11:00", "14:00")], band="free",
      aud={"communities": ["lgbtq"], "community_restricted": True, "non_binary_welcome": True}),
    L("games_cafe", "Games café",
      "Hundreds of board games and friendly people to teach you. Tuesday evenings, £3.",
      ["social.games_quizzes", "connection.new_to_area"], where="vale_library",
      sched=[("TU", "18:30", "21:30")], band="paid", amount=3),
    L("bengali_cook", "Rannaghor: cook and eat",
      "Bengali women cook together and share a meal. Bangla and Sylheti spoken. Mondays.",
      ["food.meals_together", "social.drop_in_chat", "learning.cooking"],
      where="orchard_centre", band="free", langs=["bn", "syl"],
      aud={"gender": "women", "communities": ["lang:bn", "lang:syl"],
           "community_restricted": True},
      override={"sessions": [{"day": "monday", "from": "11:00", "to": "14:00"}]}),
    L("back_pilates", "Pilates for bad backs",
      "Slow, gentle Pilates for people with back pain or stiffness. Mats provided. Fri 11am. "
      "£4.", ["body.pain_fatigue", "moving_more.gentle"], where="tanners_room",
      sched=[("FR", "11:00", "12:00")], band="paid", amount=4),
    L("eritrean", "Eritrean community association",
      "Advice, form-filling help and community events for Eritrean families. Tigrinya and "
      "English. Saturdays.", ["life_changes.new_to_uk", "social.culture_faith",
                              "safety_rights.forms_advocacy"],
      where="orchard_centre", sched=[("SA", "10:00", "15:00")], band="free",
      langs=["ti", "en"]),
    L("playscheme", "Summer playscheme",
      "Free summer holiday play for children aged 5 to 12: games, trips, lunch.",
      ["family_youth.youth_clubs", "family_youth.family_activities"],
      where="tanners_room", band="free", aud={"min_age": 5, "max_age": 12},
      override={"sessions": [{"day": d, "from": "10:00", "to": "15:00"}
                             for d in ("monday", "wednesday", "friday")]}),
    L("futsal", "Youth futsal", "Indoor football, ages 13-19. Tues 7pm. Free.",
      ["moving_more.sport", "family_youth.youth_clubs"], where="leisure",
      sched=[("TU", "19:00", "20:30")], band="free", aud={"min_age": 13, "max_age": 19},
      intensity="energetic", wheel=False),
    L("coffee_old", "ASHCOTT COFFEE MORNING", "COFFEE MORNING FRIDAYS 10AM. ALL WELCOME.",
      ["social.drop_in_chat", "connection.lonely"], where="ashcott_library",
      sched=[("FR", "10:00", "12:00")], band="free", status="inactive", dup="coffee_morning",
      alert="Replaced by the library's own listing.", assured="2024-06-01"),
    L("swim_old", "Aqua fit (Mondays)", "Aqua fit, Monday 10am. £4.",
      ["moving_more.swimming", "moving_more.gentle"], where="leisure",
      sched=[("MO", "10:00", "11:00")], band="paid", amount=4, status="defunct", dup="aqua",
      alert="Merged into the Monday and Thursday class."),
]


# ----------------------------------------------------------------------------- profiles

def loc(venue: str, dlat: float = 0.002, dlon: float = 0.003) -> Json:
    _, lat, lon, *_ = VENUES[venue]
    return {"lat": round(lat + dlat, 4), "lon": round(lon + dlon, 4)}


PROFILES: list[Json] = [
    {"id": "m01", "request": {
        "about": "Mr K, 81, widower since March, lives alone. Daughter worried he has stopped "
                 "going out. Not keen on 'talking groups'. Likes football on the telly.",
        "location": loc("millbrook_hall"), "max_travel_km": 2},
     "intent": {"topics": ["connection.lonely", "social.lunch_clubs", "social.drop_in_chat",
                           "social.befriending", "life_changes.bereavement",
                           "peer_support.bereavement"],
                "person": {"gender": "man", "age": 81, "borough": "brackenford",
                           "situations": ["bereaved"]}}},
    {"id": "m02", "request": {
        "about": "hi im 19 n feel proper low tbh, dont wanna talk 2 a counsellor, just want "
                 "sumthing 2 do wiv ppl my age. into football n music",
        "location": loc("leisure"), "max_travel_km": 3},
     "intent": {"topics": ["moving_more.sport", "creative.singing_music", "feelings.low",
                           "connection.people_like_me"],
                "person": {"gender": "man", "age": 19, "borough": "brackenford"}}},
    {"id": "m03", "request": {
        "about": "I am from Syria, two year in England. My English is not good. I want "
                 "practise speaking and meet people. Also I have no work.",
        "location": loc("orchard_centre"), "max_travel_km": 3},
     "intent": {"topics": ["learning.english_languages", "connection.new_to_area",
                           "life_changes.new_to_uk", "work_learning.finding_work"],
                "person": {"gender": "man", "age": 38, "borough": "eastwick_vale",
                           "situations": ["refugee"], "communities": ["english_learner"],
                           "languages": ["ar"]}}},
    {"id": "m04", "request": {
        "about": "I'd like to get a bit fitter but not a big group and nothing too energetic, "
                 "my knees aren't what they were.",
        "location": loc("ashcott_library"), "max_travel_km": 2, "age": 67},
     "intent": {"topics": ["moving_more.gentle", "moving_more.walking", "body.move_more",
                           "moving_more.swimming"],
                "person": {"gender": "woman", "age": 67, "borough": "brackenford",
                           "max_intensity": "gentle"}}},
    {"id": "m05", "request": {
        "about": "My son is 14 and spends all day in his room on his phone. He used to love "
                 "football and acting. Anything for him after school?",
        "location": loc("ferry_centre"), "max_travel_km": 3, "age": 14,
        "requirements": {"gender": "man"}},
     "intent": {"topics": ["family_youth.youth_clubs", "moving_more.sport",
                           "creative.performance"],
                "person": {"gender": "man", "age": 14, "borough": "brackenford"}}},
    {"id": "m06", "request": {
        "about": "I look after my husband who has Parkinson's. I never get a minute to myself "
                 "and I really miss singing in the choir I used to go to.",
        "location": loc("orchard_centre", -0.004, -0.01), "max_travel_km": 3},
     "intent": {"topics": ["peer_support.carers", "caring.break", "caring.looking_after_someone",
                           "creative.singing_music"],
                "person": {"gender": "woman", "age": 70, "borough": "eastwick_vale",
                           "situations": ["carer"], "cares_for": ["parkinsons"]}}},
    {"id": "m07", "request": {
        "about": "Ms A, 45, Somali speaker with limited English. Isolated since moving to "
                 "Eastwick last year, wants to meet other women.",
        "location": loc("tanners_room"), "max_travel_km": 2,
        "requirements": {"languages": ["so"]}},
     "intent": {"topics": ["social.culture_faith", "social.drop_in_chat", "connection.lonely",
                           "connection.new_to_area"],
                "person": {"gender": "woman", "age": 45, "borough": "eastwick_vale",
                           "languages": ["so"], "communities": ["english_learner"]}}},
    {"id": "m08", "request": {
        "about": "I can't face opening the post anymore. The red letters keep coming and I "
                 "don't even know what I owe now.",
        "location": loc("millbrook_hall", 0.004, 0.004), "max_travel_km": 3},
     "intent": {"topics": ["money.debt_bills", "practical_help.money_advice",
                           "feelings.worry_stress"], "core": ["money.debt_bills",
                                                              "practical_help.money_advice"],
                "person": {"gender": "woman", "age": 52, "borough": "brackenford"}}},
    {"id": "m09", "request": {
        "about": "want to start swimming again. mornings. cheap as possible",
        "location": loc("leisure"), "max_travel_km": 3,
        "requirements": {"gender": "man", "cost": "low"},
        "availability": [{"day": d, "from": "07:00", "to": "12:00"}
                         for d in ("monday", "tuesday", "wednesday", "thursday", "friday",
                                   "saturday", "sunday")]},
     "intent": {"topics": ["moving_more.swimming", "moving_more.gentle"],
                "person": {"gender": "man", "age": 58, "borough": "brackenford"}}},
    {"id": "m10", "request": {
        "about": "I use a wheelchair. I'd love to do something creative with other people, "
                 "painting or crafts.",
        "location": loc("upper_room"), "max_travel_km": 4,
        "requirements": {"step_free": True}},
     "intent": {"topics": ["creative.art_craft", "creative.making_mending"],
                "person": {"gender": "woman", "age": 41, "borough": "brackenford",
                           "mobility": ["wheelchair"]}}},
    {"id": "m11", "request": {
        "about": "I can't leave the house much because of my anxiety. Is there anything I can "
                 "do from home, online?",
        "requirements": {"delivery": ["online"]}},
     "intent": {"topics": ["feelings.worry_stress", "feelings.living_with_mental_health",
                           "peer_support.mental_health", "learning.wellbeing_courses"],
                "person": {"gender": "woman", "age": 33, "borough": "eastwick_vale",
                           "conditions": ["mental_health"]}}},
    {"id": "m12", "request": {
        "about": "Anything free on a Saturday to get me out of the flat? I like being outdoors.",
        "location": loc("riverside"), "max_travel_km": 3,
        "requirements": {"cost": "free"}, "availability": [{"day": "saturday"}]},
     "intent": {"topics": ["nature.nature_time", "nature.conservation", "moving_more.walking",
                           "connection.getting_out"],
                "person": {"gender": "man", "age": 35, "borough": "eastwick_vale"}}},
    {"id": "m13", "request": {
        "about": "they/them, 28, just moved here. looking for queer-friendly social stuff, "
                 "board games maybe",
        "location": loc("tanners_room"), "max_travel_km": 3,
        "requirements": {"gender": "non_binary"}},
     "intent": {"topics": ["connection.new_to_area", "social.games_quizzes",
                           "connection.people_like_me"],
                "person": {"gender": "non_binary", "age": 28, "borough": "eastwick_vale",
                           "communities": ["lgbtq"]}}},
    {"id": "m14", "request": {
        "about": "Mum is 88 and housebound, and so lonely since Dad died. She lives in "
                 "Eastwick Vale. Could someone visit her or ring her for a chat?",
        "location": loc("orchard_centre"), "max_travel_km": 3, "age": 88},
     "intent": {"topics": ["social.befriending", "connection.lonely", "calm.listening"],
                "person": {"gender": "woman", "age": 88, "borough": "eastwick_vale",
                           "situations": ["bereaved"], "mobility": ["walking_aid"]}}},
    {"id": "m15", "request": {
        "about": "my wife has dementia and im struggling, need to talk to others in the same "
                 "boat",
        "location": loc("vale_library"), "max_travel_km": 4},
     "intent": {"topics": ["peer_support.carers", "caring.looking_after_someone",
                           "body.memory"],
                "person": {"gender": "man", "age": 76, "borough": "eastwick_vale",
                           "situations": ["carer"], "cares_for": ["dementia"]}}},
    {"id": "m16", "request": {
        "about": "Mrs B, 72. Speaks Bengali and Sylheti, very little English. Lonely since "
                 "her children moved away; loves cooking and sewing.",
        "location": loc("tanners_room"), "max_travel_km": 3, "age": 72,
        "requirements": {"languages": ["bn"]}},
     "intent": {"topics": ["social.lunch_clubs", "connection.lonely", "social.culture_faith",
                           "creative.making_mending", "social.drop_in_chat"],
                "person": {"gender": "woman", "age": 72, "borough": "eastwick_vale",
                           "languages": ["bn", "syl"]}}},
    {"id": "m17", "request": {
        "about": "6 months sober. want to stay that way and find something to do in the "
                 "evenings that isn't the pub",
        "location": loc("orchard_centre"), "max_travel_km": 4},
     "intent": {"topics": ["peer_support.recovery", "body.cutting_down",
                           "social.games_quizzes"],
                "person": {"gender": "man", "age": 44, "borough": "eastwick_vale",
                           "conditions": ["alcohol"]}}},
    {"id": "m18", "request": {
        "about": "first baby, she's 3 months old, I feel so isolated at home. would love to "
                 "meet other mums",
        "location": loc("ashcott_library"), "max_travel_km": 3},
     "intent": {"topics": ["peer_support.parents", "family_youth.family_activities",
                           "caring.parenting", "connection.lonely"],
                "person": {"gender": "woman", "age": 31, "borough": "brackenford",
                           "situations": ["parent"], "children_ages": [0]}}},
    {"id": "m19", "request": {
        "about": "Really not a group person. I'd rather talk one to one with someone about how "
                 "low I've been feeling.",
        "location": loc("ferry_centre"), "max_travel_km": 3, "prefer": {"group": False}},
     "intent": {"topics": ["feelings.low", "calm.listening", "peer_support.mental_health"],
                "person": {"gender": "man", "age": 50, "borough": "brackenford",
                           "conditions": ["mental_health"]}}},
    {"id": "m20", "request": {
        "interests": ["choir", "singing"], "location": loc("vale_library"),
        "max_travel_km": 5, "availability": [{"day": "thursday", "from": "18:00",
                                              "to": "22:00"}]},
     "intent": {"topics": ["creative.singing_music"],
                "person": {"borough": "eastwick_vale"}}},
    {"id": "m21", "request": {
        "about": "Just retired after 40 years driving buses. The wife says I'm under her feet. "
                 "I'm good with my hands.",
        "location": loc("ferry_centre"), "max_travel_km": 3, "age": 66},
     "intent": {"topics": ["creative.making_mending", "life_changes.retirement",
                           "giving.volunteering", "work_learning.purpose",
                           "connection.people_like_me"],
                "person": {"gender": "man", "age": 66, "borough": "brackenford"}}},
    {"id": "m22", "request": {
        "about": "Link worker: Mrs D, 79, two falls this year and has lost her confidence "
                 "going out. Would like gentle exercise, nothing standing up for long.",
        "location": loc("millbrook_hall"), "max_travel_km": 2},
     "intent": {"topics": ["body.steady_on_feet", "moving_more.gentle", "feelings.confidence"],
                "person": {"gender": "woman", "age": 79, "borough": "brackenford",
                           "mobility": ["walking_aid"], "max_intensity": "gentle"}}},
    {"id": "m23", "request": {
        "about": "chronic back pain for years, stuck at home a lot, would like to meet people "
                 "who get it",
        "location": loc("tanners_room"), "max_travel_km": 3},
     "intent": {"topics": ["body.pain_fatigue", "peer_support.health_condition"],
                "person": {"gender": "woman", "age": 48, "borough": "eastwick_vale",
                           "conditions": ["chronic_pain"]}}},
    {"id": "m24", "request": {
        "about": "We came from Eritrea in the summer. I have two children, 6 and 9. We need "
                 "help with papers, and somewhere for the kids in the school holidays.",
        "location": loc("orchard_centre"), "max_travel_km": 3},
     "intent": {"topics": ["practical_help.legal_immigration", "life_changes.new_to_uk",
                           "family_youth.youth_clubs", "family_youth.family_activities"],
                "person": {"gender": "woman", "age": 34, "borough": "eastwick_vale",
                           "situations": ["refugee", "parent"], "children_ages": [6, 9],
                           "languages": ["ti"]}}},
    {"id": "m25", "request": {
        "about": "I don't see the point of anything anymore. Everyone would be better off if I "
                 "wasn't here.",
        "location": loc("ferry_centre"), "max_travel_km": 5},
     "intent": {"topics": ["feelings.urgent", "calm.listening"], "crisis": True,
                "person": {"gender": "man", "age": 27, "borough": "brackenford"}}},
    {"id": "m26", "request": {
        "about": "17, want to get into football, fridays are best",
        "location": loc("leisure"), "max_travel_km": 3, "age": 17,
        "availability": [{"day": "friday"}]},
     "intent": {"topics": ["moving_more.sport"],
                "person": {"gender": "man", "age": 17, "borough": "brackenford"}}},
]


# ----------------------------------------------------------------------------- writing

def uid(*parts: str) -> str:
    return str(uuid.uuid5(NS, "/".join(parts)))


def location_of(spec: Json, sid: str) -> list[Json]:
    where = spec.get("where", "millbrook_hall")
    if where in VIRTUAL:
        name, kind = VIRTUAL[where]
        lid = uid("loc", where)
        loc: Json = {"id": lid, "location_type": kind, "name": name}
        if where == "online":
            loc["url"] = "https://join.brackenford.example.org/online"
    else:
        name, lat, lon, street, postcode, access = VENUES[where]
        lid = uid("loc", where)
        loc = {"id": lid, "location_type": "physical", "name": name, "latitude": lat,
               "longitude": lon,
               "addresses": [{"id": uid("addr", where), "location_id": lid,
                              "address_1": street, "city": "London",
                              "state_province": "Greater London", "postal_code": postcode,
                              "country": "GB", "address_type": "physical"}],
               "accessibility": [{"id": uid("acc", where, str(i)), "location_id": lid,
                                  "description": a} for i, a in enumerate(access)]}
    return [{"id": uid("sal", sid, where), "service_id": sid, "location_id": lid,
             "location": loc}]


def schedules_of(spec: Json, sid: str) -> list[Json]:
    out = []
    for i, (byday, opens, closes) in enumerate(spec.get("sched", [])):
        monthly = byday[0].isdigit() or byday[0] == "-"
        out.append({"id": uid("sch", sid, str(i)), "service_id": sid,
                    "freq": "MONTHLY" if monthly else "WEEKLY", "byday": byday,
                    "opens_at": opens, "closes_at": closes})
    return out


def attributes_of(spec: Json, sid: str) -> list[Json]:
    out = []
    for (scheme, scheme_name, uri), term in spec.get("tags", []):
        tid, sch = uid("term", scheme, term), uid("taxonomy", scheme)
        out.append({"id": uid("attr", sid, term), "link_id": sid, "link_type": "service",
                    "link_entity": "service", "taxonomy_term_id": tid,
                    "taxonomy_term": {"id": tid, "name": term,
                                      "description": f"{term} ({scheme_name})",
                                      "taxonomy": scheme, "taxonomy_id": sch,
                                      "taxonomy_detail": {"id": sch, "name": scheme_name,
                                                          "description": f"Terms from "
                                                                         f"{scheme_name}.",
                                                          "uri": uri}}})
    return out


def service_of(spec: Json) -> Json:
    sid = uid("service", spec["key"])
    org = spec.get("org") or spec["name"]  # most small groups are their own organisation
    oid = uid("org", org)
    slug = spec["key"].replace("_", "-")
    assured = spec.get("assured", "2026-09-15")
    s: Json = {"id": sid, "organization_id": oid, "name": spec["name"],
               "description": spec["desc"], "status": spec.get("status", "active"),
               "url": f"https://{slug}.example.org", "email": f"hello@{slug}.example.org",
               "assured_date": assured, "assurer_email": "directory@brackenford.example.org",
               "last_modified": f"{assured}T09:00:00Z",
               "schedules": schedules_of(spec, sid),
               "service_at_locations": location_of(spec, sid),
               "attributes": attributes_of(spec, sid),
               "organization": {"id": oid, "name": org, "description": f"{org}.",
                                "website": f"https://{slug}.example.org"}}
    if spec.get("alert"):
        s["alert"] = spec["alert"]
    if spec.get("cost"):
        s["cost_options"] = [{"id": uid("cost", sid, o), "service_id": sid, "option": o,
                              "amount": a, "currency": "GBP"} for o, a in spec["cost"]]
    if spec.get("langs"):
        s["languages"] = [{"id": uid("lang", sid, c), "service_id": sid,
                           "name": LANGUAGE_NAMES[c], "code": c} for c in spec["langs"]]
    return s


def truth_of(spec: Json) -> Json:
    where = spec.get("where", "millbrook_hall")
    group = spec.get("group", True)
    return {"audience": {**AUDIENCE, **spec.get("aud", {})},
            "borough": BOROUGH_OF.get(where, "brackenford"),
            "cost": {"amount": spec.get("amount", 0 if spec.get("band") == "free" else None),
                     "band": spec.get("band", "unstated")},
            "delivery": spec.get("delivery", ["in_person"]),
            "duplicate_of": uid("service", spec["dup"]) if spec.get("dup") else None,
            "format": spec.get("fmt", "group" if group else "one_to_one"),
            "group_setting": group, "intensity": spec.get("intensity", "gentle"),
            "key": spec["key"], "name": spec["name"],
            "schedule_override": spec.get("override"), "source": "messy",
            "topics": spec["topics"], "wheelchair_suitable": spec.get("wheel", True)}


def main() -> None:
    services = [service_of(spec) for spec in LISTINGS]
    truth = {uid("service", spec["key"]): truth_of(spec) for spec in LISTINGS}
    for name, data in (("services.json", services), ("truth.json", truth),
                       ("profiles.json", PROFILES)):
        with open(HERE / name, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=1, ensure_ascii=False, sort_keys=name == "truth.json")
            f.write("\n")
    print(f"wrote {len(services)} listings and {len(PROFILES)} profiles")


if __name__ == "__main__":
    main()
