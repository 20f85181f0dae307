#!/usr/bin/env python3
"""Generate Linkwell's Lewisham demo directory as ORUK 3.0 / HSDS 3.0 JSON.

Writes ``services.json`` next to this script: a JSON array of complete,
nested HSDS 3.0 ``service`` objects (the shape the ORUK 3.0 ``/services/{id}``
endpoint returns).

Everything here is invented demo data.  Organisation and service names are
made up; phone numbers come from Ofcom's drama range (020 7946 0000-0999);
emails and websites are ``example.org`` subdomains.  Venues are real public
places (libraries, parks, leisure centres, churches, community centres) with
real postcodes; latitude/longitude are the ONS postcode centroid of that
postcode (4 decimal places), so they are accurate for the postcode.

Run:  python3 make_demo_data.py            (writes services.json)
      python3 make_demo_data.py --check    (also validates, see validate())

Rules kept:
* every id is ``uuid5(NAMESPACE_URL, NAMESPACE + "/<kind>/<slug>")`` so reruns
  give identical ids and identical output;
* optional fields are omitted, never null (ORUK 3.0);
* taxonomy tags travel as HSDS 3.0 ``attribute`` objects on the service:
  1-3 Linkwell activity types (taxonomy ``linkwell``) plus facets (taxonomy
  ``linkwell-facets``: delivery, cost, audience, accessibility, access_route,
  format, intensity).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "services.json"

NAMESPACE = "https://lewisham.example.org/linkwell-demo"
TAXONOMY_BASE = "https://linkwell.example.org/taxonomy/"
TAXONOMY_VERSION = "0.1"
ASSURER_EMAIL = "directory@lewisham.example.org"
# "Today" for the demo: freshness is judged against this date.
AS_OF = dt.date(2026, 11, 21)


def uid(kind: str, slug: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{NAMESPACE}/{kind}/{slug}"))


def term_id(code: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, TAXONOMY_BASE + code))


def stable_int(text: str) -> int:
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16)


# --------------------------------------------------------------------------
# Labels from domain/taxonomy.yaml (v0.1).  Kept here so the generator does
# not depend on the reference folder; --check cross-checks them.
# --------------------------------------------------------------------------

ACTIVITY_LABELS = {
    "social.drop_in_chat": "Coffee mornings, drop-ins and social clubs",
    "social.befriending": "Befriending",
    "social.games_quizzes": "Games, quizzes and hobbies clubs",
    "social.lunch_clubs": "Lunch clubs and community meals",
    "social.culture_faith": "Cultural and faith community groups",
    "social.intergenerational": "Intergenerational activities",
    "peer_support.health_condition": "Living-with-a-condition groups",
    "peer_support.mental_health": "Mental health peer support",
    "peer_support.carers": "Carers' groups",
    "peer_support.bereavement": "Bereavement and loss groups",
    "peer_support.parents": "Parent and baby / toddler groups",
    "peer_support.recovery": "Recovery and mutual aid groups",
    "peer_support.group_consultations": "Group consultations and group sessions with health staff",
    "moving_more.walking": "Walking groups",
    "moving_more.gentle": "Gentle exercise, strength and balance",
    "moving_more.dance": "Dance",
    "moving_more.swimming": "Swimming and water exercise",
    "moving_more.sport": "Sport and recreational games",
    "moving_more.running_cycling": "Running and cycling",
    "moving_more.gym_classes": "Gym and fitness classes",
    "creative.singing_music": "Singing and music-making",
    "creative.art_craft": "Art and craft",
    "creative.words": "Reading, writing and storytelling",
    "creative.performance": "Drama, comedy and film",
    "creative.making_mending": "Making, mending and sheds",
    "creative.heritage_museums": "Museums, galleries and heritage",
    "nature.gardening": "Gardening and food growing",
    "nature.conservation": "Conservation and green volunteering",
    "nature.nature_time": "Time in nature",
    "nature.water": "Water and blue spaces",
    "nature.animals_farms": "Farms and animals",
    "learning.courses": "Courses and classes for interest",
    "learning.english_languages": "English and other languages",
    "learning.digital": "Digital skills",
    "learning.cooking": "Cooking and food skills",
    "learning.wellbeing_courses": "Wellbeing and self-management courses",
    "giving.volunteering": "Volunteering",
    "giving.peer_roles": "Buddying, mentoring and peer roles",
    "giving.community_action": "Community action and having a say",
    "calm.mindfulness": "Mindfulness, meditation and relaxation",
    "calm.listening": "Listening and talking spaces",
    "practical_help.money_advice": "Money, debt and benefits advice",
    "practical_help.housing_advice": "Housing advice",
    "practical_help.legal_immigration": "Legal and immigration advice",
    "practical_help.food_support": "Food support",
    "practical_help.home_support": "Help at home",
    "practical_help.transport": "Transport and travel support",
    "practical_help.work_support": "Employment support",
    "family_youth.youth_clubs": "Youth clubs and young people's groups",
    "family_youth.family_activities": "Family activities",
}

# facet code prefix -> (taxonomy.yaml facet key, {id: label})
FACET_LABELS = {
    "delivery": {
        "in_person": "In person",
        "online": "Online (video)",
        "phone": "By phone",
        "home_visit": "At home",
    },
    "cost": {
        "free": "Free",
        "pay_what_you_can": "Pay what you can / donation",
        "low_cost": "Low cost (about the price of a bus fare or less)",
        "concessions": "Concessions available",
        "paid": "Paid",
    },
    "access_route": {
        "drop_in": "Just turn up",
        "book_self": "Book or contact them yourself",
        "referral_form": "Needs a referral (a link worker or professional can refer)",
        "eligibility_check": "Eligibility check or assessment first",
    },
    "format": {
        "one_to_one": "One-to-one",
        "small_group": "Small group (up to about 12)",
        "large_group": "Larger group or event",
    },
    "intensity": {
        "gentle": "Gentle - seated or low effort possible",
        "moderate": "Moderate",
        "energetic": "Energetic",
    },
    "audience": {
        "all_welcome": "Everyone welcome",
        "women_only": "Women only",
        "men_only": "Men only",
        "lgbtq": "LGBTQ+ people",
        "older_people": "Older people",
        "young_people": "Young people",
        "families": "Families and children",
        "carers": "Carers",
        "culturally_specific": "Specific cultural or language community",
        "faith_based": "Faith-based (all welcome unless stated)",
        "disabled_people": "Disabled people / designed for specific access needs",
    },
    "accessibility": {
        "step_free": "Step-free access",
        "accessible_toilet": "Accessible toilet",
        "hearing_loop": "Hearing loop",
        "bsl": "British Sign Language available",
        "interpreters": "Interpreters or multilingual staff",
        "easy_read": "Easy read information",
        "quiet_space": "Quiet space / low sensory",
        "dementia_friendly": "Dementia friendly",
        "autism_friendly": "Autism friendly",
        "seating": "Seating and rests available",
        "carer_free": "Carer or companion comes free",
        "near_transport": "Close to public transport",
        "parking": "Parking or blue badge parking",
    },
}
# taxonomy.yaml calls the delivery facet "delivery_mode"
FACET_YAML_KEY = {"delivery": "delivery_mode"}

LANGUAGE_NAMES = {
    "en": "English",
    "so": "Somali",
    "tr": "Turkish",
    "ku": "Kurdish",
    "pl": "Polish",
    "pt": "Portuguese",
    "es": "Spanish",
    "ur": "Urdu",
    "hi": "Hindi",
    "pa": "Punjabi",
    "yo": "Yoruba",
    "ar": "Arabic",
    "zh": "Chinese",
    "ti": "Tigrinya",
    "tw": "Twi",
    "vi": "Vietnamese",
    "ta": "Tamil",
    "bn": "Bengali",
    "fr": "French",
    # British Sign Language has no ISO 639-1 code: ISO 639-3 "bfi".
    "bfi": "British Sign Language",
}

# --------------------------------------------------------------------------
# Venues.  lat/lon = ONS postcode centroid of the postcode (4 dp).
# region = the borough the venue is in (cross-border ones say so).
# acc = accessibility facet ids that the venue supports.
# --------------------------------------------------------------------------

VENUES = {
    # --- Lewisham Central, Ladywell, Hither Green, Lee, Blackheath ---------
    "lewisham-library": dict(
        name="Lewisham Library", address_1="199-201 Lewisham High Street",
        postcode="SE13 6LG", region="Lewisham", lat=51.4593, lon=-0.0117,
        access="Step-free entrance from Lewisham High Street and a lift to the first-floor meeting rooms; accessible toilet on the ground floor; hearing loop at the front desk and in the meeting rooms.",
        acc=["step_free", "accessible_toilet", "hearing_loop", "near_transport"]),
    "glass-mill": dict(
        name="Glass Mill Leisure Centre", address_1="41 Loampit Vale",
        postcode="SE13 7FT", region="Lewisham", lat=51.4643, lon=-0.0145,
        access="Step-free entrance and lifts to every floor; accessible toilets and changing rooms; pool hoist on request; a two-minute walk from Lewisham station.",
        acc=["step_free", "accessible_toilet", "near_transport"]),
    "st-marys-lewisham": dict(
        name="St Mary's Church Hall, Lewisham", address_1="346 Lewisham High Street",
        postcode="SE13 6LE", region="Lewisham", lat=51.4561, lon=-0.0152,
        access="Ramp to the hall door from the church car park; accessible toilet; hearing loop in the hall; plenty of chairs with arms.",
        acc=["step_free", "accessible_toilet", "hearing_loop", "seating", "parking"]),
    "ladywell-fields": dict(
        name="Ladywell Fields (meet at the Ladywell Road entrance)", address_1="Ladywell Road",
        postcode="SE13 7UW", region="Lewisham", lat=51.4563, lon=-0.0158,
        access="Flat, tarmac paths along the river with benches every few hundred metres; public toilets at the café near the northern entrance; Ladywell station is next to the meeting point.",
        acc=["step_free", "seating", "near_transport"]),
    "manor-house-library": dict(
        name="Manor House Library", address_1="34 Old Road",
        postcode="SE13 5SY", region="Lewisham", lat=51.4573, lon=0.0045,
        access="The front door has four steps; step-free access is by the side ramp from the garden (ask staff to open it). The meeting room is on the ground floor. No accessible toilet on site: the nearest is in Manor House Gardens café.",
        acc=["seating"]),
    "manor-house-gardens": dict(
        name="Manor House Gardens (meet by the café)", address_1="Old Road",
        postcode="SE13 5SY", region="Lewisham", lat=51.4573, lon=0.0045,
        access="Level tarmac paths around the lake; benches throughout; accessible toilet in the park café.",
        acc=["step_free", "accessible_toilet", "seating"]),
    "st-swithuns": dict(
        name="St Swithun's Church Hall, Hither Green", address_1="Hither Green Lane",
        postcode="SE13 6QE", region="Lewisham", lat=51.4526, lon=-0.0071,
        access="Two shallow steps into the hall with a handrail (no ramp); toilets are on the same level but not adapted. Hither Green station is a ten-minute walk.",
        acc=["seating"]),
    "st-margarets-lee": dict(
        name="St Margaret's Church, Lee", address_1="Lee Terrace",
        postcode="SE13 5DL", region="Lewisham", lat=51.4634, lon=0.0007,
        access="Step-free entrance through the north door; accessible toilet in the parish room; hearing loop in the church.",
        acc=["step_free", "accessible_toilet", "hearing_loop"]),
    "lee-centre": dict(
        name="The Lee Centre", address_1="1 Aislibie Road",
        postcode="SE12 8QH", region="Lewisham", lat=51.4575, lon=0.0063,
        access="Step-free entrance and a ground-floor hall; accessible toilet; small quiet room available if you need a break; close to Lee Green bus stops.",
        acc=["step_free", "accessible_toilet", "quiet_space", "near_transport"]),
    "mountsfield-park": dict(
        name="Mountsfield Park (meet at the Stainton Road entrance)", address_1="Stainton Road",
        postcode="SE6 1AN", region="Lewisham", lat=51.4482, lon=-0.0070,
        access="Mostly tarmac paths with some slopes; benches by the playground and the community garden; public toilets open during the day.",
        acc=["seating"]),
    "all-saints-blackheath": dict(
        name="All Saints' Church Hall, Blackheath", address_1="All Saints Drive",
        postcode="SE3 0TY", region="Lewisham", lat=51.4693, lon=0.0049,
        access="Level access into the hall from the side path; accessible toilet; hearing loop. Blackheath station is a short walk through the village.",
        acc=["step_free", "accessible_toilet", "hearing_loop", "near_transport"]),
    # --- Catford, Bellingham, Downham, Grove Park -------------------------
    "broadway-theatre": dict(
        name="Broadway Theatre, Catford", address_1="Catford Road",
        postcode="SE6 4RU", region="Lewisham", lat=51.4453, lon=-0.0202,
        access="Step-free entrance from Catford Road and a lift to the studio; accessible toilet; infrared hearing system in the main theatre. Catford and Catford Bridge stations are two minutes away.",
        acc=["step_free", "accessible_toilet", "hearing_loop", "near_transport"]),
    "catford-library": dict(
        name="Catford Library, Laurence House", address_1="1 Catford Road",
        postcode="SE6 4RU", region="Lewisham", lat=51.4453, lon=-0.0202,
        access="Step-free entrance and lift; accessible toilet; hearing loop at the counter; a quiet corner away from the main floor.",
        acc=["step_free", "accessible_toilet", "hearing_loop", "quiet_space", "near_transport"]),
    "st-laurence-catford": dict(
        name="St Laurence Church Centre, Catford", address_1="37 Bromley Road",
        postcode="SE6 2TS", region="Lewisham", lat=51.4429, lon=-0.0198,
        access="Step-free entrance and a large ground-floor hall; accessible toilet; hearing loop; a few blue badge spaces in the car park.",
        acc=["step_free", "accessible_toilet", "hearing_loop", "parking"]),
    "ladywell-arena": dict(
        name="Ladywell Arena", address_1="Silvermere Road",
        postcode="SE6 4QX", region="Lewisham", lat=51.4480, lon=-0.0222,
        access="Step-free from the car park to the track and the pavilion; accessible toilet and changing room; free parking; Catford Bridge station is a short walk.",
        acc=["step_free", "accessible_toilet", "parking", "near_transport"]),
    "bellingham-leisure": dict(
        name="Bellingham Leisure and Lifestyle Centre", address_1="5 Randlesdown Road",
        postcode="SE6 3BT", region="Lewisham", lat=51.4327, lon=-0.0204,
        access="Step-free throughout with a lift to the studios; accessible toilets and changing rooms; next to Bellingham station.",
        acc=["step_free", "accessible_toilet", "near_transport"]),
    "st-dunstans-bellingham": dict(
        name="St Dunstan's Church Hall, Bellingham", address_1="Bellingham Green",
        postcode="SE6 3JB", region="Lewisham", lat=51.4304, lon=-0.0243,
        access="Ramped entrance from Bellingham Green; accessible toilet; chairs with arms and a quiet side room.",
        acc=["step_free", "accessible_toilet", "seating", "quiet_space"]),
    "downham-leisure": dict(
        name="Downham Health and Leisure Centre (and Downham Library)", address_1="7-9 Moorside Road",
        postcode="BR1 5EP", region="Lewisham", lat=51.4269, lon=0.0098,
        access="Step-free entrance, lifts to all floors and accessible toilets; hearing loop in the library; car park with blue badge spaces.",
        acc=["step_free", "accessible_toilet", "hearing_loop", "parking"]),
    "grove-park-library": dict(
        name="Grove Park Library", address_1="Somertrees Avenue",
        postcode="SE12 0BX", region="Lewisham", lat=51.4358, lon=0.0227,
        access="Single-storey building with a step-free entrance; accessible toilet; seating throughout. Grove Park station is about ten minutes' walk.",
        acc=["step_free", "accessible_toilet", "seating"]),
    "chinbrook-meadows": dict(
        name="Chinbrook Meadows (meet at the Chinbrook Road gate)", address_1="Chinbrook Road",
        postcode="SE12 9RR", region="Lewisham", lat=51.4298, lon=0.0302,
        access="Grass and gravel paths that can be muddy; the riverbank has uneven ground. No toilets on site. Wellies and gloves are lent out.",
        acc=[]),
    "beckenham-place-park": dict(
        name="Beckenham Place Park (meet outside the Mansion)", address_1="The Mansion, Beckenham Place Park",
        postcode="BR3 1SY", region="Lewisham", lat=51.4203, lon=-0.0173,
        access="Step-free to the Mansion café and its accessible toilet; woodland paths are uneven and can be muddy; parking by the Mansion.",
        acc=["accessible_toilet", "parking"]),
    # --- Forest Hill, Sydenham, Honor Oak, Crofton Park, Brockley ---------
    "forest-hill-library": dict(
        name="Forest Hill Library", address_1="2 Dartmouth Road",
        postcode="SE23 3HZ", region="Lewisham", lat=51.4353, lon=-0.0567,
        access="Step-free entrance and ground-floor community room; accessible toilet; a short walk from Forest Hill station.",
        acc=["step_free", "accessible_toilet", "near_transport"]),
    "forest-hill-pools": dict(
        name="Forest Hill Pools", address_1="Dartmouth Road",
        postcode="SE23 3HZ", region="Lewisham", lat=51.4353, lon=-0.0567,
        access="Step-free entrance; accessible changing rooms and toilets; pool hoist; steps with handrails into the learner pool.",
        acc=["step_free", "accessible_toilet", "near_transport"]),
    "horniman": dict(
        name="Horniman Museum and Gardens", address_1="100 London Road",
        postcode="SE23 3PQ", region="Lewisham", lat=51.4411, lon=-0.0608,
        access="Step-free entrance from London Road with lifts inside the museum; accessible toilets; the gardens are on a slope with step-free paths and benches; hearing loop at the information desk.",
        acc=["step_free", "accessible_toilet", "hearing_loop", "seating"]),
    "sydenham-library": dict(
        name="Sydenham Library", address_1="210 Sydenham Road",
        postcode="SE26 5SE", region="Lewisham", lat=51.4264, lon=-0.0415,
        access="Step-free entrance; the meeting room is on the ground floor; accessible toilet; bus stops outside.",
        acc=["step_free", "accessible_toilet", "near_transport"]),
    "sydenham-wells-park": dict(
        name="Sydenham Wells Park (meet by the play area)", address_1="Wells Park Road",
        postcode="SE26 6JQ", region="Lewisham", lat=51.4305, lon=-0.0631,
        access="The park is hilly; the meeting point is reached step-free from Wells Park Road. Benches nearby; toilets in the park open in daylight hours.",
        acc=["seating"]),
    "mayow-park": dict(
        name="Mayow Park (meet at the Mayow Road gate)", address_1="Mayow Road",
        postcode="SE26 4JA", region="Lewisham", lat=51.4276, lon=-0.0475,
        access="Level tarmac paths round the park with plenty of benches; toilets by the café.",
        acc=["step_free", "seating"]),
    "crofton-park-library": dict(
        name="Crofton Park Library", address_1="375 Brockley Road",
        postcode="SE4 2AG", region="Lewisham", lat=51.4558, lon=-0.0360,
        access="Three steps at the front with a handrail; step-free entrance at the side on request; toilet is not adapted. Crofton Park station is next door.",
        acc=["near_transport"]),
    "brockley-jack": dict(
        name="Brockley Jack Theatre", address_1="410 Brockley Road",
        postcode="SE4 2DH", region="Lewisham", lat=51.4534, lon=-0.0386,
        access="The studio is through the pub and up one small step; accessible toilet in the pub; buses stop outside.",
        acc=["accessible_toilet", "near_transport"]),
    "hilly-fields": dict(
        name="Hilly Fields (meet at the café)", address_1="Hilly Fields Crescent",
        postcode="SE4 1QA", region="Lewisham", lat=51.4626, lon=-0.0269,
        access="The park is steep in places; the walk keeps to tarmac paths with rests on benches. Toilets at the café.",
        acc=["seating"]),
    "st-peters-brockley": dict(
        name="St Peter's Church Hall, Brockley", address_1="Wickham Road",
        postcode="SE4 1LT", region="Lewisham", lat=51.4644, lon=-0.0314,
        access="The hall is down six steps from Wickham Road (no lift); toilets are not adapted. Brockley station is a ten-minute walk.",
        acc=[]),
    "ackroyd-centre": dict(
        name="Ackroyd Community Centre", address_1="Ackroyd Road",
        postcode="SE23 1DL", region="Lewisham", lat=51.4474, lon=-0.0437,
        access="Step-free entrance and hall; accessible toilet; small garden with seating.",
        acc=["step_free", "accessible_toilet", "seating"]),
    "honor-oak-centre": dict(
        name="Honor Oak Community Centre", address_1="50 Turnham Road",
        postcode="SE4 2JD", region="Lewisham", lat=51.4569, lon=-0.0427,
        access="Step-free entrance; accessible toilet; kitchen and hall on one level; Honor Oak Park and Crofton Park stations are both within fifteen minutes' walk.",
        acc=["step_free", "accessible_toilet"]),
    # --- Deptford, New Cross, Telegraph Hill -------------------------------
    "deptford-lounge": dict(
        name="Deptford Lounge", address_1="9 Giffin Street",
        postcode="SE8 4RJ", region="Lewisham", lat=51.4775, lon=-0.0236,
        access="Step-free entrance and lifts; accessible toilets on every floor; hearing loop at reception; a quiet study room on the first floor; Deptford station is five minutes away.",
        acc=["step_free", "accessible_toilet", "hearing_loop", "quiet_space", "near_transport"]),
    "wavelengths": dict(
        name="Wavelengths Leisure Centre", address_1="Giffin Street",
        postcode="SE8 4RJ", region="Lewisham", lat=51.4775, lon=-0.0236,
        access="Step-free entrance; accessible changing room and toilet; pool hoist; staff can show you round before your first visit.",
        acc=["step_free", "accessible_toilet", "near_transport"]),
    "the-albany": dict(
        name="The Albany", address_1="Douglas Way",
        postcode="SE8 4AG", region="Lewisham", lat=51.4779, lon=-0.0274,
        access="Step-free entrance from Douglas Way and a lift; accessible toilets; hearing loop in the café and theatre; quiet room available on request.",
        acc=["step_free", "accessible_toilet", "hearing_loop", "quiet_space", "near_transport"]),
    "st-pauls-deptford": dict(
        name="St Paul's Church Crypt, Deptford", address_1="Mary Ann Gardens",
        postcode="SE8 3DP", region="Lewisham", lat=51.4802, lon=-0.0252,
        access="Step-free entrance to the crypt by the ramp on the south side; accessible toilet; chairs with arms; Deptford High Street is a two-minute walk.",
        acc=["step_free", "accessible_toilet", "seating", "near_transport"]),
    "deptford-park": dict(
        name="Deptford Park (meet at the community garden)", address_1="Evelyn Street",
        postcode="SE8 5AD", region="Lewisham", lat=51.4865, lon=-0.0362,
        access="Flat park with tarmac paths; raised beds in the garden are at wheelchair height; toilet in the park building when the garden is open.",
        acc=["step_free", "seating"]),
    "creekside-centre": dict(
        name="Creekside Discovery Centre", address_1="14 Creekside",
        postcode="SE8 4SA", region="Lewisham", lat=51.4766, lon=-0.0219,
        access="The centre is step-free with an accessible toilet; going down into the creek needs a ladder and waders, but there is plenty to do on the bank.",
        acc=["step_free", "accessible_toilet"]),
    "new-cross-learning": dict(
        name="New Cross Learning", address_1="283-285 New Cross Road",
        postcode="SE14 6AS", region="Lewisham", lat=51.4756, lon=-0.0382,
        access="Step-free entrance and ground-floor rooms; accessible toilet; opposite New Cross Gate station.",
        acc=["step_free", "accessible_toilet", "near_transport"]),
    "telegraph-hill-centre": dict(
        name="Telegraph Hill Centre", address_1="Kitto Road",
        postcode="SE14 5TY", region="Lewisham", lat=51.4678, lon=-0.0447,
        access="Step-free entrance into the main hall and kitchen; accessible toilet; the surrounding streets are steep.",
        acc=["step_free", "accessible_toilet"]),
    # --- Just over the border ----------------------------------------------
    "island-gardens": dict(
        name="Island Gardens", address_1="Saferton Road",
        postcode="E14 3EF", region="Tower Hamlets", lat=51.4873, lon=-0.0100,
        access="Step-free route on flat riverside paths; benches along the way. From Lewisham and Greenwich, walk through the Greenwich foot tunnel (lifts at both ends) or take the DLR to Island Gardens.",
        acc=["step_free", "seating", "near_transport"],
        border_note="Shared group D: same venue, postcode and coordinates as the Tower Hamlets listing."),
    "blackheath-halls": dict(
        name="Blackheath Halls", address_1="23 Lee Road",
        postcode="SE3 9RQ", region="Greenwich", lat=51.4648, lon=0.0095,
        access="Step-free entrance and lift to the Great Hall; accessible toilets; hearing loop. Blackheath station is five minutes away.",
        acc=["step_free", "accessible_toilet", "hearing_loop", "near_transport"]),
    "greenwich-park": dict(
        name="Greenwich Park (meet at Blackheath Gate)", address_1="Blackheath Gate, Charlton Way",
        postcode="SE10 8QY", region="Greenwich", lat=51.4730, lon=0.0030,
        access="Wide tarmac paths with gentle slopes on this route; benches and accessible toilets near the Pavilion café.",
        acc=["step_free", "accessible_toilet", "seating"]),
    "sutcliffe-park": dict(
        name="Sutcliffe Park Sports Centre", address_1="Eltham Road",
        postcode="SE9 5LW", region="Greenwich", lat=51.4528, lon=0.0285,
        access="Step-free from the car park; accessible toilet in the sports centre; the park paths are flat and firm.",
        acc=["step_free", "accessible_toilet", "parking"]),
    "peckham-rye-park": dict(
        name="Peckham Rye Park (meet at the café)", address_1="Peckham Rye",
        postcode="SE15 3UA", region="Southwark", lat=51.4589, lon=-0.0627,
        access="Mostly flat tarmac paths; benches and public toilets by the café.",
        acc=["step_free", "seating"]),
    "nunhead-cemetery": dict(
        name="Nunhead Cemetery (meet at the Linden Grove gate)", address_1="Linden Grove",
        postcode="SE15 3LP", region="Southwark", lat=51.4653, lon=-0.0522,
        access="Steep, uneven woodland paths; not suitable for wheelchairs. No toilets on site.",
        acc=[]),
    "surrey-docks-farm": dict(
        name="Surrey Docks Farm", address_1="Rotherhithe Street",
        postcode="SE16 5ET", region="Southwark", lat=51.4998, lon=-0.0332,
        access="Mostly level, with some cobbles and gravel; accessible toilet in the farm café.",
        acc=["accessible_toilet"]),
    "canada-water-library": dict(
        name="Canada Water Library", address_1="21 Surrey Quays Road",
        postcode="SE16 7AR", region="Southwark", lat=51.4978, lon=-0.0492,
        access="Step-free entrance, lifts and accessible toilets; hearing loop; next to Canada Water station.",
        acc=["step_free", "accessible_toilet", "hearing_loop", "near_transport"]),
    "crystal-palace-park": dict(
        name="Crystal Palace Park (meet at the café by the Thicket Road entrance)", address_1="Thicket Road",
        postcode="SE20 8DT", region="Bromley", lat=51.4209, lon=-0.0674,
        access="Tarmac paths with some steep sections; toilets at the café; Crystal Palace and Penge West stations are nearby.",
        acc=["near_transport"]),
    "beckenham-library": dict(
        name="Beckenham Library", address_1="Beckenham Road",
        postcode="BR3 4PE", region="Bromley", lat=51.4086, lon=-0.0370,
        access="Step-free entrance and lift to the meeting room; accessible toilet; hearing loop.",
        acc=["step_free", "accessible_toilet", "hearing_loop"]),
}

# --------------------------------------------------------------------------
# Organisations (invented).  website/email are derived from the slug:
# https://<slug>.example.org/  and  hello@<slug>.example.org
# --------------------------------------------------------------------------

ORGS = {
    "lewisham-library-friends": ("Lewisham Library Friends Network",
        "Volunteers who run friendly groups and activities in Lewisham's libraries, from chat cafés to reading groups."),
    "deptford-lounge-community": ("Deptford Lounge Community Programme",
        "A small team and a big group of volunteers running free activities for local people at the Deptford Lounge."),
    "lee-manor-neighbours": ("Lee Manor Neighbours",
        "A neighbourhood group in Lee that organises coffee mornings, walks and get-togethers for anyone living nearby."),
    "sydenham-stitchers": ("Sydenham Stitchers",
        "A volunteer-run knitting, crochet and sewing group that has met in Sydenham for years."),
    "catford-warm-welcome": ("Catford Warm Welcome",
        "A partnership of churches and residents in Catford offering a warm place, a hot meal and company."),
    "bellingham-lunch-club": ("Bellingham Friday Lunch Club",
        "A volunteer-run lunch club for older people in Bellingham."),
    "grove-park-neighbours": ("Grove Park Neighbours' Association",
        "Residents in Grove Park running social activities, family days and a games club."),
    "brockley-supper-club": ("Brockley Table",
        "A community supper club in Brockley where neighbours cook and eat together."),
    "forest-hill-cuppa": ("Forest Hill Cuppa Club",
        "A small volunteer group that ran social afternoons at Forest Hill Library."),
    "hooyo-circle": ("Hooyo Circle Lewisham",
        "A Somali-led women's group in Catford offering friendship, information and support in Somali and English."),
    "lee-polish-circle": ("Lee Polish Social Circle",
        "A friendly social club for Polish-speaking neighbours in Lee, Hither Green and Catford."),
    "akwaaba-elders": ("Akwaaba Elders Deptford",
        "A Ghanaian-led elders' club in Deptford with lunch, music and conversation in Twi and English."),
    "new-cross-women-together": ("New Cross Women Together",
        "A women's group bringing together Turkish- and Kurdish-speaking women and their neighbours in New Cross."),
    "deptford-vietnamese-elders": ("Deptford Vietnamese Elders' Club",
        "A lunch and activity club for Vietnamese-speaking older people living in Deptford and Lewisham."),
    "catford-tamil-seniors": ("Catford Tamil Seniors",
        "A social group for Tamil-speaking older people in Catford and Hither Green."),
    "hither-green-breakfast": ("Hither Green Men's Breakfast",
        "A monthly breakfast for men to meet, eat and talk."),
    "rainbow-lewisham": ("Rainbow Lewisham",
        "A volunteer-led LGBTQ+ community group running socials, a youth group and online meet-ups."),
    "blackheath-all-saints-welcome": ("All Saints Welcome Blackheath",
        "Church volunteers running a weekly open morning for anyone in Blackheath and Lee; all faiths and none welcome."),
    "ladywell-grandfriends": ("Ladywell Grandfriends",
        "An intergenerational project bringing older neighbours and young families together in Ladywell."),
    "telegraph-hill-kitchen": ("Telegraph Hill Community Kitchen",
        "Volunteers cooking weekly community lunches at the Telegraph Hill Centre."),
    "catford-memory-cafe": ("Catford Memory Café",
        "A monthly café for people living with memory loss or dementia and the people who care for them."),
    "bellingham-shed": ("Bellingham Men's Shed",
        "A community workshop in Bellingham where men make, mend and chat."),
    "friendly-call-london": ("Friendly Call London",
        "A London-wide volunteer befriending charity: weekly friendly phone calls for people aged 60 and over."),
    "lewisham-good-neighbours": ("Lewisham Good Neighbours",
        "Volunteers who visit older neighbours at home for a chat, a cup of tea and help getting out."),
    "walk-and-talk-buddies": ("Deptford Walk and Talk Buddies",
        "Volunteer buddies who go for regular short walks with people who would like company getting out."),
}

# Practical-help, health and activity organisations are added further down.


def S(**kw):
    """One hand-written service record (see build_service for the fields)."""
    return kw


SERVICES = [
    # ---------------------------------------------------------------- social
    S(slug="lewisham-library-chatter-cafe", name="Chatter Café at Lewisham Library",
      org="lewisham-library-friends",
      desc="A relaxed hour and a half of tea, biscuits and conversation in the library's first-floor meeting room. "
           "It is for anyone who would like a friendly chat, whether you are new to the area, on your own more than you'd like, or just fancy company. "
           "Volunteers greet you at the door and introduce you to people, so you won't be left on your own. "
           "On the first Monday of the month a BSL interpreter joins the session.",
      venue="lewisham-library", acts=["social.drop_in_chat"],
      when=[("W", "MO", "10:30", "12:00")], cost="free", ages=(18, None),
      apply="Just turn up. No need to book.", route="drop_in", fmt="small_group",
      acc=["bsl", "dementia_friendly"], langs=["bfi"]),
    S(slug="deptford-tuesday-tea-club", name="Tuesday Tea Club",
      org="deptford-lounge-community",
      desc="An afternoon club for people aged 50 and over with tea, cake, dominoes, cards and a natter. "
           "Most weeks there's a short talk or a sing-along, and you're welcome to just sit and listen. "
           "Come along on your first visit and a volunteer will show you where everything is.",
      venue="deptford-lounge", acts=["social.drop_in_chat", "social.games_quizzes"],
      when=[("W", "TU", "14:00", "16:00")], cost="free", ages=(50, None),
      elig="People aged 50 and over", audience=["older_people"],
      apply="Just turn up at the ground-floor reception and ask for Tea Club.", route="drop_in", fmt="large_group"),
    S(slug="lee-manor-coffee-morning", name="Lee Manor Coffee Morning",
      org="lee-manor-neighbours",
      desc="A weekly coffee morning in the library's meeting room, run by neighbours for neighbours. "
           "People come to chat, swap books, hear about what's on locally and share a slice of homemade cake. "
           "Pay what you can for your coffee; nobody is turned away.",
      venue="manor-house-library", acts=["social.drop_in_chat"],
      when=[("W", "WE", "10:00", "11:30")], cost=("pwyc", "Suggested donation £1 for tea or coffee"),
      ages=(18, None), apply="Just turn up.", route="drop_in", fmt="small_group"),
    S(slug="sydenham-knit-and-natter", name="Sydenham Knit and Natter",
      org="sydenham-stitchers",
      desc="Bring your knitting, crochet or any craft project, or borrow needles and wool from the group's box. "
           "Complete beginners are very welcome and someone will always sit with you to get you started. "
           "It's a chatty, unhurried afternoon and the kettle is always on.",
      venue="sydenham-library", acts=["creative.art_craft", "social.drop_in_chat"],
      when=[("W", "TH", "13:30", "15:30")], cost="free", ages=(16, None),
      apply="Just turn up; wool and needles are provided if you need them.", route="drop_in", fmt="small_group",
      intensity="gentle", tel=False),
    S(slug="catford-warm-welcome-lunch", name="Catford Warm Welcome Lunch",
      org="catford-warm-welcome",
      desc="Every Friday the church centre opens its hall for a free hot two-course lunch, hot drinks and a warm place to sit. "
           "Everyone is welcome, of any age and any faith or none, and children can come with a parent. "
           "Volunteers from the money advice team are often there if you'd like a quiet word about bills.",
      venue="st-laurence-catford", acts=["social.lunch_clubs", "practical_help.food_support"],
      when=[("W", "FR", "12:00", "14:00")], cost="free",
      apply="Just turn up; lunch is served from 12:15.", route="drop_in", fmt="large_group",
      audience=["faith_based"]),
    S(slug="bellingham-friday-lunch-club", name="Bellingham Friday Lunch Club",
      org="bellingham-lunch-club",
      desc="A home-cooked two-course lunch for people aged 60 and over, followed by bingo or a quiz. "
           "Many members have been coming for years and newcomers are made to feel at home straight away. "
           "Please call ahead on your first week so the cook knows how many to cater for.",
      venue="st-dunstans-bellingham", acts=["social.lunch_clubs", "social.games_quizzes"],
      when=[("W", "FR", "12:00", "14:00")],
      cost=("low", 3.5, "Per lunch", "£3.50 for a two-course lunch and a hot drink"),
      ages=(60, None), elig="People aged 60 and over", audience=["older_people"],
      apply="Call to book your first lunch, then just come along each week.", route="book_self", fmt="large_group",
      acc=["dementia_friendly"]),
    S(slug="grove-park-games-afternoon", name="Grove Park Games Afternoon",
      org="grove-park-neighbours",
      desc="Scrabble, chess, dominoes, jigsaws and card games in the library every Thursday afternoon. "
           "It's aimed at people aged 50 and over but younger neighbours drop in too. "
           "If you don't know a game, someone will happily teach you.",
      venue="grove-park-library", acts=["social.games_quizzes"],
      when=[("W", "TH", "14:00", "16:00")], cost="free", ages=(50, None),
      elig="Mainly for people aged 50 and over; everyone welcome", audience=["older_people"],
      apply="Just turn up.", route="drop_in", fmt="small_group", tel=False),
    S(slug="brockley-table-supper-club", name="Brockley Table Supper Club",
      org="brockley-supper-club",
      desc="Once a month neighbours cook a big vegetarian meal together in the church hall and sit down to eat at long tables. "
           "You can come early to help chop and cook, or just come to eat. "
           "It's a good way to meet people if you've recently moved to Brockley. Pay what you can.",
      venue="st-peters-brockley", acts=["social.lunch_clubs", "learning.cooking"],
      when=[("M", "-1SA", "18:00", "20:30")],
      cost=("pwyc", "Pay what you can; suggested £5, or nothing if money is tight"),
      apply="Book a place by email so there is enough food; walk-ins welcome if there's room.",
      route="book_self", fmt="large_group", tel=False),
    S(slug="forest-hill-quiz-and-cuppa", name="Quiz and Cuppa",
      org="forest-hill-cuppa",
      desc="A gentle monthly quiz afternoon with tea and biscuits in the library's community room. "
           "Teams were made up on the day so you could come on your own. "
           "The group has stopped meeting; the library may know of similar groups.",
      venue="forest-hill-library", acts=["social.games_quizzes"],
      when=[("M", "2TU", "14:00", "15:30")], cost="free",
      apply="No longer running.", route="drop_in", fmt="small_group",
      status="inactive", assured="2024-10-08", tel=False),
    S(slug="hooyo-circle-tea", name="Hooyo Circle Saturday Tea",
      org="hooyo-circle",
      desc="A Saturday morning get-together for Somali women and their friends, with tea, food to share and plenty of conversation. "
           "Sometimes a guest comes to talk about health, schools or benefits, with Somali interpretation. "
           "Children under five can come with their mums. Come on your own or with a friend; someone will greet you in Somali or English.",
      venue="catford-library", acts=["social.culture_faith", "social.drop_in_chat"],
      when=[("W", "SA", "11:00", "13:00")], cost="free",
      elig="Women only (children under five welcome with their mothers)",
      audience=["women_only", "culturally_specific"], langs=["so"],
      apply="Just turn up, or call or text to ask questions first.", route="drop_in", fmt="small_group",
      acc=["interpreters"]),
    S(slug="lee-polish-social", name="Polish Sunday Social",
      org="lee-polish-circle",
      desc="Every Sunday afternoon Polish-speaking neighbours meet for coffee, cake, music and conversation. "
           "It's a friendly place to meet people if you are new to the area or miss speaking Polish. "
           "Partners and friends who don't speak Polish are welcome too.",
      venue="lee-centre", acts=["social.culture_faith"],
      when=[("W", "SU", "14:00", "17:00")],
      cost=("low", 2, "Per visit", "£2 towards tea, coffee and cake"),
      audience=["culturally_specific"], langs=["pl"],
      ages=(18, None), apply="Just turn up.", route="drop_in", fmt="large_group"),
    S(slug="akwaaba-elders-club", name="Akwaaba Elders' Club",
      org="akwaaba-elders",
      desc="A Wednesday club for older people with a hot Ghanaian and Caribbean lunch, music, chair exercises and good conversation. "
           "Sessions are in English and Twi, and members come from all backgrounds. "
           "First-timers are paired with a member who'll introduce them around.",
      venue="the-albany", acts=["social.culture_faith", "social.lunch_clubs", "moving_more.gentle"],
      when=[("W", "WE", "11:00", "14:00")],
      cost=("low", 2, "Per session", "£2 including lunch"),
      ages=(55, None), elig="People aged 55 and over", audience=["older_people", "culturally_specific"],
      langs=["tw"], apply="Call to say you are coming the first time, then just come along.",
      route="book_self", fmt="large_group", intensity="gentle"),
    S(slug="new-cross-womens-breakfast", name="Women's Breakfast Morning",
      org="new-cross-women-together",
      desc="A weekly breakfast for women, bringing together Turkish and Kurdish speakers and their neighbours from every background. "
           "Over breakfast there is time to chat, share news and find out about local help, with volunteers who speak Turkish and Kurdish. "
           "Bring a friend if you like.",
      venue="new-cross-learning", acts=["social.culture_faith", "social.drop_in_chat"],
      when=[("W", "TH", "10:00", "12:00")], cost="free", ages=(18, None),
      elig="Women only", audience=["women_only", "culturally_specific"], langs=["tr", "ku"],
      apply="Just turn up.", route="drop_in", fmt="small_group", acc=["interpreters"]),
    S(slug="deptford-vietnamese-elders-lunch", name="Vietnamese Elders' Lunch and Activities",
      org="deptford-vietnamese-elders",
      desc="A weekly club for Vietnamese-speaking older people with a freshly cooked lunch, tai chi, mahjong and a chance to catch up. "
           "Volunteers can help with letters and forms in Vietnamese after lunch. "
           "Ring before your first visit and someone will meet you at the door.",
      venue="st-pauls-deptford", acts=["social.culture_faith", "social.lunch_clubs"],
      when=[("W", "TU", "11:30", "14:00")],
      cost=("low", 3, "Per session", "£3 including lunch"),
      ages=(60, None), elig="People aged 60 and over", audience=["older_people", "culturally_specific"],
      langs=["vi"], apply="Call to book your first visit.", route="book_self", fmt="large_group",
      acc=["interpreters"]),
    S(slug="catford-tamil-seniors", name="Tamil Seniors' Social",
      org="catford-tamil-seniors",
      desc="A Saturday afternoon social for Tamil-speaking older people with tea, snacks, devotional songs, gentle yoga and conversation. "
           "There is a talk on health or pensions most months. "
           "New members are welcome; call the organiser, who will explain everything in Tamil or English.",
      venue="st-swithuns", acts=["social.culture_faith", "moving_more.gentle"],
      when=[("W", "SA", "14:00", "16:30")], cost="free", ages=(55, None),
      elig="People aged 55 and over", audience=["older_people", "culturally_specific"], langs=["ta"],
      apply="Call the organiser or just come along.", route="drop_in", fmt="large_group", intensity="gentle"),
    S(slug="hither-green-mens-breakfast", name="Hither Green Men's Breakfast",
      org="hither-green-breakfast",
      desc="A proper cooked breakfast (vegetarian option too) on the second Saturday of the month, with time to talk about anything and everything. "
           "It's for men of any age who'd like to meet other blokes locally without any pressure. "
           "Just come, grab a plate and sit wherever there's a space.",
      venue="st-swithuns", acts=["social.drop_in_chat"],
      when=[("M", "2SA", "09:00", "10:30")],
      cost=("low", 3, "Per breakfast", "£3 for a cooked breakfast and tea"),
      ages=(18, None), elig="Men aged 18 and over", audience=["men_only"],
      apply="Just turn up.", route="drop_in", fmt="large_group", tel=False),
    S(slug="rainbow-social-lewisham", name="Rainbow Social",
      org="rainbow-lewisham",
      desc="A monthly evening social for LGBTQ+ adults in the Albany café: board games, music and chat in a friendly, alcohol-free space. "
           "It's a relaxed way to meet people, and a volunteer host looks out for anyone coming for the first time. "
           "Trans and non-binary people are very welcome.",
      venue="the-albany", acts=["social.drop_in_chat", "social.games_quizzes"],
      when=[("M", "3TH", "18:30", "20:30")], cost="free", ages=(18, None),
      elig="LGBTQ+ adults aged 18 and over", audience=["lgbtq"],
      apply="Just turn up; you can email the host beforehand if you'd like to be met at the door.",
      route="drop_in", fmt="large_group", tel=False),
    S(slug="all-saints-tuesday-welcome", name="Tuesday Welcome",
      org="blackheath-all-saints-welcome",
      desc="A warm hall, hot drinks, toast and newspapers every Tuesday morning, with board games and a jigsaw on the go. "
           "People come for ten minutes or the whole morning; there's no programme and no pressure to join in. "
           "Run by church volunteers; people of all faiths and none are welcome.",
      venue="all-saints-blackheath", acts=["social.drop_in_chat"],
      when=[("W", "TU", "10:00", "12:00")], cost="free", audience=["faith_based"],
      ages=(18, None), apply="Just turn up.", route="drop_in", fmt="large_group", acc=["dementia_friendly"]),
    S(slug="ladywell-grandfriends", name="Grandfriends Stay and Play",
      org="ladywell-grandfriends",
      desc="Older neighbours and parents with babies and toddlers meet for songs, play, crafts and a cuppa. "
           "You don't need to be a grandparent: it's for any older person who enjoys the company of little ones, and for families who'd like to get to know older neighbours. "
           "Toys and snacks are provided.",
      venue="st-marys-lewisham", acts=["social.intergenerational", "peer_support.parents"],
      when=[("W", "WE", "10:00", "11:30")], cost="free", audience=["older_people", "families"],
      apply="Just turn up.", route="drop_in", fmt="large_group"),
    S(slug="telegraph-hill-community-lunch", name="Wednesday Community Lunch",
      org="telegraph-hill-kitchen",
      desc="Volunteers cook a hot vegetarian lunch from surplus food every Wednesday and everyone eats together. "
           "It's open to all ages and pay what you can, with no questions asked. "
           "If you'd like to help cook, arrive at 10am.",
      venue="telegraph-hill-centre", acts=["social.lunch_clubs", "practical_help.food_support"],
      when=[("W", "WE", "12:30", "14:00")],
      cost=("pwyc", "Pay what you can; suggested £3"),
      apply="Just turn up.", route="drop_in", fmt="large_group"),
    S(slug="catford-memory-cafe", name="Catford Memory Café",
      org="catford-memory-cafe",
      desc="A monthly afternoon café for people living with memory loss or dementia and their family, friends or carers. "
           "There's tea and cake, music or a reminiscence activity, and trained volunteers to chat to about what's worrying you. "
           "Come together or on your own; you don't need a diagnosis to come.",
      venue="broadway-theatre", acts=["social.drop_in_chat", "peer_support.carers", "creative.singing_music"],
      when=[("M", "1MO", "14:00", "16:00")], cost="free",
      audience=["carers", "older_people"],
      apply="Just turn up, or call for a chat first.", route="drop_in", fmt="large_group",
      acc=["dementia_friendly", "carer_free"]),
    S(slug="bellingham-mens-shed", name="Bellingham Men's Shed",
      org="bellingham-shed",
      desc="A workshop behind the church hall where men make and mend things: woodwork, bike repairs, bird boxes and small jobs for the community. "
           "No skills are needed; members share what they know and there's always tea on. "
           "Have a look round on your first visit and see if it suits you.",
      venue="st-dunstans-bellingham", acts=["creative.making_mending", "giving.volunteering"],
      when=[("W", "TU,TH", "10:00", "15:00")],
      cost=("low", 2, "Per visit", "£2 towards materials and tea"),
      ages=(18, None), elig="Men aged 18 and over", audience=["men_only"],
      apply="Drop in on a Tuesday or Thursday, or call for a chat first.", route="drop_in", fmt="small_group",
      intensity="moderate"),
    # ------------------------------------------------------------ befriending
    S(slug="friendly-call-london", name="Friendly Call London",
      org="friendly-call-london",
      desc="Free weekly phone calls from a trained volunteer for people aged 60 and over anywhere in London. "
           "Each week the same volunteer rings at a time that suits you, for a chat about whatever you like. "
           "To start, you, a family member or your link worker calls the office; a coordinator has a short chat with you and matches you with a volunteer, usually within a few weeks.",
      venue=None, delivery=["phone"], acts=["social.befriending"],
      when=[("W", "MO,TU,WE,TH,FR", "10:00", "18:00",
             "One call a week at a time you agree with your volunteer, Monday to Friday between 10am and 6pm",
             "Phone line for new referrals is staffed Monday to Friday, 10am to 4pm")],
      cost="free", ages=(60, None), elig="People aged 60 and over living anywhere in London",
      audience=["older_people"], area="London",
      apply="Call to refer yourself, or ask your link worker to refer you.", route="book_self", fmt="one_to_one",
      phone_number="020 7946 0060"),
    S(slug="lewisham-good-neighbours-visiting", name="Good Neighbours Home Visiting",
      org="lewisham-good-neighbours",
      desc="A volunteer visits you at home once a week for a cup of tea and a chat, and can help you get out to the shops, the park or a local group. "
           "It's for people aged 65 and over in Lewisham who are on their own more than they'd like. "
           "A coordinator visits first to get to know you and find a volunteer who shares your interests; some volunteers speak Yoruba or Polish.",
      venue=None, delivery=["home_visit"], acts=["social.befriending"],
      when=[("W", "MO,TU,WE,TH,FR", "10:00", "16:00", "Weekly visits at a time agreed with your volunteer, Monday to Friday")],
      cost="free", ages=(65, None), elig="People aged 65 and over living in Lewisham",
      audience=["older_people"],
      apply="Ask your link worker or GP practice to refer you, or call the coordinator.", route="referral_form",
      fmt="one_to_one", acc=["dementia_friendly"], langs=["yo", "pl"]),
    S(slug="deptford-walk-and-talk-buddies", name="Walk and Talk Buddies",
      org="walk-and-talk-buddies",
      desc="A volunteer buddy meets you near your home for a short, gentle walk and a chat once a week, at your pace. "
           "It suits people who'd like to get out more but don't feel ready for a group, including after an illness or a loss. "
           "After a few weeks your buddy can come with you to try a local walking group if you'd like.",
      venue=None, delivery=["in_person"], acts=["social.befriending", "moving_more.walking"],
      when=[("W", "MO,TU,WE,TH,FR", "10:00", "15:00", "Weekly walks at a time agreed with your buddy, Monday to Friday")],
      cost="free", ages=(18, None), elig="Adults living in Deptford, New Cross and Lewisham Central",
      apply="Call or email to refer yourself, or ask your link worker to refer you.", route="book_self",
      fmt="one_to_one", intensity="gentle"),
]

ORGS.update({
    "grief-cafe-online": ("Grief Cafe Online",
        "A volunteer-run bereavement peer support group that meets on video for adults anywhere in London."),
    "lewisham-bereavement-circle": ("Lewisham Bereavement Circle",
        "Volunteers with their own experience of loss who host friendly bereavement groups in Lewisham."),
    "quaggy-carers": ("Quaggy Carers Network",
        "A network of unpaid carers in south-east London offering peer groups, breaks and information."),
    "lewisham-young-carers": ("Lewisham Young Carers Club",
        "Youth workers and volunteers supporting young people who help look after someone at home."),
    "open-minds-lewisham": ("Open Minds Lewisham",
        "A peer-led group for adults living with mental health difficulties, run by people with lived experience."),
    "catford-mens-talk": ("Catford Men's Talk",
        "A peer support circle where men can talk openly about how life is going."),
    "deptford-mujeres": ("Mujeres de Deptford",
        "A wellbeing circle for Spanish- and Portuguese-speaking women in Deptford and New Cross."),
    "ladywell-bumps-and-babies": ("Ladywell Bumps and Babies",
        "A volunteer-run group for pregnant people and parents of babies under one."),
    "forest-hill-dads": ("Forest Hill Dads",
        "Dads, granddads and male carers of young children meeting up in Forest Hill."),
    "sugar-smart-lewisham": ("Sugar Smart Lewisham Peer Group",
        "A peer group for people living with type 2 diabetes, supported by local diabetes nurses."),
    "breathing-space-club": ("Breathing Space Club",
        "A friendly club for people living with lung conditions such as COPD and asthma."),
    "lewisham-stroke-club": ("Lewisham Stroke Club",
        "A peer support club for people who have had a stroke and their families."),
    "moving-with-parkinsons": ("Moving with Parkinson's South East London",
        "Movement and social sessions for people living with Parkinson's and their partners."),
    "deptford-recovery-cafe": ("Deptford Recovery Café",
        "A peer-run café and mutual aid community for people in recovery from alcohol or drug use."),
    "new-cross-mutual-aid": ("New Cross Mutual Aid Recovery",
        "A peer-led mutual aid meeting for people who want to change their drinking, drug use or gambling."),
    "catford-menopause-cafe": ("Catford Menopause Café",
        "A monthly café where people can talk openly about the menopause over tea and cake."),
    "lee-living-with-pain": ("Living with Pain Lee",
        "A peer group for people living with long-term pain or fatigue."),
    "healthy-hearts-lewisham": ("Healthy Hearts Lewisham",
        "A partnership of local GP practices and a community health charity running group sessions on heart health."),
    "spectrum-social": ("Spectrum Social Lewisham",
        "A social group run by and for autistic adults in Lewisham."),
    "lewisham-sight-loss": ("Lewisham Sight Loss Social",
        "A monthly social club for people living with sight loss."),
    "deaf-social-lewisham": ("Deaf Social Lewisham",
        "A monthly social evening for Deaf people and BSL users in south-east London."),
})

SERVICES += [
    # ------------------------------------------------------------ peer support
    S(slug="grief-cafe-online", name="Grief Cafe Online",
      org="grief-cafe-online",
      desc="A bereavement peer support group that meets on video on the last Thursday evening of each month. "
           "Adults who have lost someone, recently or long ago, come together to talk, listen and share what helps, with two trained volunteer hosts. "
           "You can keep your camera off and just listen the first time. Email to get the joining link.",
      venue=None, delivery=["online"], acts=["peer_support.bereavement"],
      when=[("M", "-1TH", "19:00", "20:30")], cost="free", ages=(18, None),
      elig="Adults aged 18 and over who have been bereaved", area="London",
      apply="Email to get the video link; no referral needed.", route="book_self", fmt="small_group", tel=False),
    S(slug="lewisham-bereavement-circle", name="Bereavement Circle, Lee",
      org="lewisham-bereavement-circle",
      desc="A small, gentle group for adults who have lost someone close, meeting in the library on the second Wednesday afternoon of the month. "
           "There is time to talk if you want to, and to simply be with others who understand. "
           "Before your first visit one of the hosts will phone you for a short chat about what to expect.",
      venue="manor-house-library", acts=["peer_support.bereavement", "calm.listening"],
      when=[("M", "2WE", "14:00", "16:00")], cost="free", ages=(18, None),
      elig="Adults aged 18 and over who have been bereaved",
      apply="Call or email to book; a host will phone you before your first session.", route="book_self",
      fmt="small_group"),
    S(slug="carers-coffee-catford", name="Carers' Coffee Morning, Catford",
      org="quaggy-carers",
      desc="A weekly coffee morning for unpaid carers: anyone who looks after a family member, partner or friend. "
           "It's a chance to take a breather, meet other carers and pick up tips and information, with a carers' adviser on hand. "
           "If you need cover for the person you care for so you can come, call and the team will try to help.",
      venue="catford-library", acts=["peer_support.carers"],
      when=[("W", "TU", "10:30", "12:30")], cost="free", ages=(18, None),
      elig="For unpaid carers", audience=["carers"],
      apply="Just turn up, or call for a chat first.", route="drop_in", fmt="small_group"),
    S(slug="sydenham-carers-circle", name="Sydenham Carers' Circle",
      org="quaggy-carers",
      desc="An evening group for carers who work or can't get out during the day. "
           "Members share experiences and practical tips, and a guest speaker comes every few months (on topics like power of attorney or carers' assessments). "
           "Come along for the first time without booking; there's tea and a warm welcome.",
      venue="sydenham-library", acts=["peer_support.carers"],
      when=[("M", "-1WE", "18:30", "20:00")], cost="free", ages=(18, None),
      elig="For unpaid carers", audience=["carers"],
      apply="Just turn up.", route="drop_in", fmt="small_group"),
    S(slug="carers-catch-up-online", name="Carers' Catch-up on Video",
      org="quaggy-carers",
      desc="A friendly online chat for unpaid carers on Friday evenings, for when getting out of the house isn't possible. "
           "A carer volunteer hosts the hour; you can talk, listen or just have a cup of tea with people who get it. "
           "Register once by phone or email and you'll get the link every week.",
      venue=None, delivery=["online"], acts=["peer_support.carers"],
      when=[("W", "FR", "19:30", "20:30")], cost="free", ages=(18, None),
      elig="For unpaid carers living or caring in Lewisham", audience=["carers"],
      apply="Phone or email to register and get the video link.", route="book_self", fmt="small_group"),
    S(slug="lewisham-young-carers-club", name="Young Carers Club",
      org="lewisham-young-carers",
      desc="A weekly after-school club for young people aged 11 to 17 who help look after someone at home. "
           "It's time off to have fun with others in the same boat: games, cooking, trips in the holidays, and a youth worker to talk to if things are hard. "
           "A parent, school or link worker can refer, or young people can get in touch themselves.",
      venue="deptford-lounge", acts=["peer_support.carers", "family_youth.youth_clubs"],
      when=[("W", "TH", "16:30", "18:30")], cost="free", ages=(11, 17),
      elig="Young people aged 11 to 17 who help care for someone", audience=["young_people", "carers"],
      apply="Fill in a short referral form (you, a parent, school or link worker can do it).", route="referral_form",
      fmt="small_group"),
    S(slug="beckenham-carers-pause", name="Carers' Friday Pause",
      org="quaggy-carers",
      desc="A monthly morning for carers living on the Lewisham-Bromley border, in the meeting room at Beckenham Library. "
           "A short relaxation session is followed by coffee and chat, and there's information about breaks and support in both boroughs. "
           "Just come along; it's an easy bus ride from Bellingham and Sydenham.",
      venue="beckenham-library", acts=["peer_support.carers", "calm.mindfulness"],
      when=[("M", "2FR", "10:30", "12:00")], cost="free", ages=(18, None),
      elig="For unpaid carers", audience=["carers"],
      apply="Just turn up.", route="drop_in", fmt="small_group"),
    S(slug="open-minds-peer-group", name="Open Minds Peer Group",
      org="open-minds-lewisham",
      desc="A weekly evening peer support group for adults living with mental health difficulties, led by facilitators with their own lived experience. "
           "Each session starts with a check-in, then the group talks about what's helping and what isn't. "
           "You can join in the library meeting room or on video. It's not a crisis service: if you need urgent help call NHS 111 (option 2) or 999.",
      venue="lewisham-library", delivery=["in_person", "online"], acts=["peer_support.mental_health"],
      when=[("W", "WE", "18:00", "19:30", None, None, "In person, or join on video")],
      cost="free", ages=(18, None), elig="Adults aged 18 and over",
      apply="Email or call to have a short welcome chat before your first group.", route="book_self",
      fmt="small_group", acc=["quiet_space"]),
    S(slug="catford-mens-talk", name="Catford Men's Talk Circle",
      org="catford-mens-talk",
      desc="A Monday evening circle where men sit down together and talk honestly about how life is going: work, money, family, stress, whatever is on your mind. "
           "There's no pressure to speak; plenty of men just listen for the first few weeks. "
           "It's peer-led, confidential and there's always tea and biscuits.",
      venue="broadway-theatre", acts=["peer_support.mental_health"],
      when=[("W", "MO", "19:00", "20:30")], cost="free", ages=(18, None),
      elig="Men aged 18 and over", audience=["men_only"],
      apply="Just turn up; ask at the box office for the studio.", route="drop_in", fmt="small_group"),
    S(slug="deptford-mujeres-circle", name="Mujeres Wellbeing Circle",
      org="deptford-mujeres",
      desc="A Thursday morning wellbeing circle for Spanish- and Portuguese-speaking women. "
           "Each week there's a relaxing activity (breathing, movement or art) followed by time to talk and support each other. "
           "Sessions are in Spanish and Portuguese with some English; a crèche is available if you book ahead.",
      venue="the-albany", acts=["peer_support.mental_health", "calm.listening", "social.culture_faith"],
      when=[("W", "TH", "10:30", "12:00")], cost="free", ages=(18, None),
      elig="Women only", audience=["women_only", "culturally_specific"], langs=["es", "pt"],
      apply="Just turn up, or message to book a crèche place.", route="drop_in", fmt="small_group"),
    S(slug="ladywell-bumps-and-babies", name="Bumps and Babies",
      org="ladywell-bumps-and-babies",
      desc="A relaxed Friday morning group for pregnant people and parents or carers of babies under one. "
           "Chat with other parents over a cuppa while babies play on the mats; a health visitor drops in once a month. "
           "Just bring yourself and your baby; there are changing facilities and space for buggies.",
      venue="st-marys-lewisham", acts=["peer_support.parents"],
      when=[("W", "FR", "10:00", "11:30")], cost="free",
      elig="Pregnant people and parents or carers of babies under one", audience=["families"],
      apply="Just turn up.", route="drop_in", fmt="small_group", tel=False),
    S(slug="forest-hill-dads", name="Dads and Little Ones",
      org="forest-hill-dads",
      desc="Every Saturday morning dads, granddads and male carers bring their under-fives to the library for play, stories and coffee. "
           "It's an easy way for men to meet other dads nearby. "
           "Just turn up; the children's library has toys, books and space to run around.",
      venue="forest-hill-library", acts=["peer_support.parents", "family_youth.family_activities"],
      when=[("W", "SA", "10:00", "11:30")], cost="free",
      elig="Dads and male carers with children under five", audience=["men_only", "families"],
      apply="Just turn up.", route="drop_in", fmt="small_group", tel=False),
    S(slug="sugar-smart-peer-group", name="Living Well with Diabetes Group",
      org="sugar-smart-lewisham",
      desc="A monthly afternoon group for people living with type 2 diabetes and their families. "
           "People share tips on food, exercise and keeping motivated, and a diabetes nurse answers questions every other month. "
           "Join in the library meeting room or by video; volunteers can interpret in Urdu and Bengali.",
      venue="lewisham-library", delivery=["in_person", "online"],
      acts=["peer_support.health_condition", "learning.wellbeing_courses"],
      when=[("M", "3TU", "14:00", "15:30", None, None, "In person, or join on video")],
      cost="free", ages=(18, None), elig="Adults living with type 2 diabetes, and their families",
      langs=["ur", "bn"],
      apply="Just come along, or ask your GP practice or link worker for details.", route="drop_in",
      fmt="small_group", acc=["interpreters"]),
    S(slug="breathing-space-club", name="Breathing Space Singing Club",
      org="breathing-space-club",
      desc="A weekly club for people living with COPD, asthma or other lung conditions, with singing exercises that help with breathing, followed by tea. "
           "Everything can be done sitting down, and you don't need to be able to sing. "
           "Family members are welcome too.",
      venue="st-laurence-catford", acts=["peer_support.health_condition", "creative.singing_music"],
      when=[("W", "WE", "13:30", "15:00")], cost="free", ages=(18, None),
      elig="Adults living with a lung condition, and their families",
      apply="Just turn up, or ask your respiratory nurse or link worker.", route="drop_in", fmt="large_group",
      intensity="gentle"),
    S(slug="lewisham-stroke-club", name="Stroke Club",
      org="lewisham-stroke-club",
      desc="A weekly club for people who have had a stroke and their families, with gentle exercise, games, speech-friendly conversation and lunch. "
           "Members understand what recovery is like and volunteers help anyone who needs a hand. "
           "Call first so the team can check if you need help with transport.",
      venue="glass-mill", acts=["peer_support.health_condition", "moving_more.gentle"],
      when=[("W", "FR", "11:00", "13:00")], cost="free",
      elig="People who have had a stroke, and their families", audience=["disabled_people"],
      ages=(18, None), apply="Call to book your first visit.", route="book_self", fmt="small_group", intensity="gentle",
      acc=["carer_free"]),
    S(slug="moving-with-parkinsons-sydenham", name="Moving with Parkinson's",
      org="moving-with-parkinsons",
      desc="A weekly movement class for people living with Parkinson's, with music, balance work and dance-based exercises, followed by tea and chat. "
           "It's led by a specialist instructor and can be done seated or standing. "
           "Partners and carers are welcome to join in for free.",
      venue="sydenham-library", acts=["peer_support.health_condition", "moving_more.gentle", "moving_more.dance"],
      when=[("W", "TU", "11:00", "12:00")],
      cost=("low", 3, "Per class", "£3 a class; partners and carers free"),
      elig="People living with Parkinson's and their partners or carers",
      ages=(18, None), apply="Call or email to book your first class.", route="book_self", fmt="small_group", intensity="gentle",
      acc=["carer_free"], assured="2025-04-02"),
    S(slug="deptford-recovery-cafe", name="Saturday Recovery Café",
      org="deptford-recovery-cafe",
      desc="A peer-run café in the church crypt for people in recovery from alcohol or drugs, and anyone thinking about it. "
           "There's food, music, board games and people to talk to who have been there themselves. "
           "Just come in; you don't need to be abstinent, but please don't come under the influence.",
      venue="st-pauls-deptford", acts=["peer_support.recovery", "social.drop_in_chat"],
      when=[("W", "SA", "13:00", "16:00")], cost="free", ages=(18, None),
      elig="Adults in or thinking about recovery",
      apply="Just turn up.", route="drop_in", fmt="large_group"),
    S(slug="new-cross-mutual-aid", name="Monday Mutual Aid Meeting",
      org="new-cross-mutual-aid",
      desc="A weekly peer-led meeting for anyone who wants to change their drinking, drug use or gambling, using practical tools from mutual aid recovery. "
           "Meetings are confidential and you can just listen. "
           "Arrive ten minutes early on your first visit and the facilitator will explain how it works.",
      venue="new-cross-learning", acts=["peer_support.recovery"],
      when=[("W", "MO", "18:30", "20:00")], cost="free", ages=(18, None),
      elig="Adults aged 18 and over",
      apply="Just turn up.", route="drop_in", fmt="small_group", tel=False),
    S(slug="rainbow-youth-lewisham", name="Rainbow Youth",
      org="rainbow-lewisham",
      desc="A weekly youth group for LGBTQ+ young people and those who are questioning, aged 13 to 25. "
           "Sessions mix games, art, film nights and time to talk, with trained youth workers. "
           "Email or message before your first visit and a youth worker will meet you at reception.",
      venue="deptford-lounge", acts=["family_youth.youth_clubs", "peer_support.mental_health"],
      when=[("W", "WE", "17:00", "19:00")], cost="free", ages=(13, 25),
      elig="LGBTQ+ and questioning young people aged 13 to 25", audience=["lgbtq", "young_people"],
      apply="Email or message to arrange your first visit.", route="book_self", fmt="small_group",
      acc=["quiet_space"]),
    S(slug="catford-menopause-cafe", name="Catford Menopause Café",
      org="catford-menopause-cafe",
      desc="A relaxed evening café in the theatre bar where people talk openly about the menopause over tea and cake. "
           "There are no speakers or slides, just small-group conversation. "
           "Anyone is welcome, including partners, friends and colleagues.",
      venue="broadway-theatre", acts=["peer_support.health_condition", "social.drop_in_chat"],
      when=[("M", "2TH", "18:30", "20:00")], cost="free", ages=(18, None),
      apply="Just turn up.", route="drop_in", fmt="small_group", tel=False),
    S(slug="lee-living-with-pain", name="Living with Pain Peer Group",
      org="lee-living-with-pain",
      desc="A weekly group for people living with long-term pain or fatigue, including fibromyalgia, arthritis and long COVID. "
           "People share what helps, try gentle relaxation and pacing techniques and support each other. "
           "Comfortable chairs and a place to lie down are available; come and go as you need.",
      venue="lee-centre", acts=["peer_support.health_condition", "calm.mindfulness"],
      when=[("W", "TH", "13:30", "15:00")], cost="free", ages=(18, None),
      elig="Adults living with long-term pain or fatigue",
      apply="Just turn up, or call the organiser for a chat first.", route="drop_in", fmt="small_group",
      acc=["seating"]),
    S(slug="healthy-hearts-group-sessions", name="Healthy Hearts Group Sessions",
      org="healthy-hearts-lewisham",
      desc="A six-week series of relaxed group sessions for people with high blood pressure, run with a practice nurse and a health coach. "
           "You'll check your blood pressure, learn what the numbers mean and swap ideas about food, activity and stress with others in the same position. "
           "Ask your GP practice or link worker to refer you; new groups start every couple of months.",
      venue="lewisham-library", acts=["peer_support.group_consultations", "learning.wellbeing_courses"],
      when=[("W", "TH", "14:00", "15:30", "Thursdays, 2pm to 3:30pm, for six weeks")],
      cost="free", ages=(18, None), elig="Adults registered with a Lewisham GP who have high blood pressure",
      apply="Ask your GP practice or link worker to refer you.", route="referral_form", fmt="small_group"),
    S(slug="spectrum-social-lewisham", name="Spectrum Social",
      org="spectrum-social",
      desc="A monthly Saturday afternoon meet-up run by and for autistic adults, whether or not you have a formal diagnosis. "
           "There are board games, a creative table and a quiet room, and you can chat or not as you like. "
           "Details of what will happen each month are emailed in advance so there are no surprises.",
      venue="lewisham-library", acts=["social.drop_in_chat", "social.games_quizzes"],
      when=[("M", "1SA", "14:00", "16:00")], cost="free", ages=(18, None),
      elig="Autistic adults aged 18 and over", audience=["disabled_people"],
      apply="Just turn up, or email for a photo guide to the venue before you come.", route="drop_in",
      fmt="small_group", acc=["quiet_space", "autism_friendly", "easy_read"], tel=False),
    S(slug="lewisham-sight-loss-social", name="Sight Loss Social",
      org="lewisham-sight-loss",
      desc="A weekly social club for people living with sight loss, with lunch, talking books, guest speakers and plenty of chat. "
           "Volunteers can meet you at Catford station or the bus stop and guide you to the hall. "
           "Information is available in large print and audio.",
      venue="st-laurence-catford", acts=["social.drop_in_chat", "peer_support.health_condition"],
      when=[("W", "WE", "11:00", "13:00")], cost="free",
      elig="People living with sight loss, and their families", audience=["disabled_people"],
      ages=(18, None), apply="Call to arrange to be met on your first visit, or just come along.", route="drop_in",
      fmt="small_group", acc=["carer_free"]),
    S(slug="deaf-social-lewisham", name="Deaf Social",
      org="deaf-social-lewisham",
      desc="A monthly evening social for Deaf people, BSL users and people learning BSL, in the Albany café. "
           "Everything happens in British Sign Language and new faces are always welcome. "
           "Hearing friends who sign are welcome too.",
      venue="the-albany", acts=["social.culture_faith", "social.drop_in_chat"],
      when=[("M", "2FR", "18:00", "21:00")], cost="free", ages=(18, None),
      elig="Deaf people, BSL users and learners", audience=["disabled_people", "culturally_specific"],
      langs=["bfi"], apply="Just turn up.", route="drop_in", fmt="large_group", acc=["bsl"], tel=False),
]

ORGS.update({
    "thames-side-strollers": ("Thames Side Strollers",
        "A volunteer-led health walking group on the riverside at Island Gardens, open to walkers from both sides of the Thames."),
    "lewisham-walking-together": ("Lewisham Walking Together",
        "Trained volunteer walk leaders running free, friendly health walks in parks across Lewisham and its borders."),
    "beckenham-place-rangers": ("Beckenham Place Park Volunteer Rangers",
        "Volunteers who lead walks and look after the woods, meadows and lake at Beckenham Place Park."),
    "mountsfield-buggy-walkers": ("Mountsfield Buggy Walkers",
        "Parents and carers who walk together with buggies and slings in Mountsfield Park."),
    "wells-park-tai-chi": ("Wells Park Tai Chi",
        "An outdoor tai chi group in Sydenham Wells Park, with teaching in English and Chinese."),
    "southside-move-more": ("Southside Move More",
        "A community sport and wellbeing charity running low-cost exercise sessions for older people and beginners."),
    "forest-hill-swim-sisters": ("Swim Sisters Forest Hill",
        "A women's swimming group that books private pool time so women can swim in a relaxed, women-only space."),
    "wavelengths-splash-and-chat": ("Splash and Chat Deptford",
        "A volunteer group that runs a relaxed swim and café session for people aged 50 and over."),
    "downham-walking-netball": ("Downham Walking Netball",
        "A friendly walking netball club in Downham for people who want to play again at a gentler pace."),
    "ladywell-walking-football": ("Ladywell Walking Football",
        "A walking football club for people aged 50 and over, based at Ladywell Arena."),
    "downham-mens-walks": ("Downham Men's Walking Group",
        "A walking group for men in Downham and Bellingham."),
    "catford-first-steps-running": ("Catford First Steps Running",
        "A beginners' running group that gets people from the sofa to 5K, slowly and kindly."),
    "deptford-ride-together": ("Deptford Ride Together",
        "A community cycling group that lends bikes and leads slow social rides in Deptford and Greenwich."),
    "blackheath-tea-dance": ("Blackheath Afternoon Tea Dance",
        "A volunteer-run monthly tea dance for older dancers and complete beginners."),
    "lee-bollywood-women": ("Lee Bollywood Dance for Women",
        "Fun, beginner-friendly Bollywood and bhangra dance classes for women."),
    "telegraph-hill-afrobeats": ("Afrobeats Fit Telegraph Hill",
        "Upbeat, low-cost Afrobeats dance fitness classes for adults."),
    "crofton-park-yoga": ("Crofton Park Community Yoga",
        "Pay-what-you-can yoga for beginners, run by volunteer teachers."),
    "chair-yoga-online": ("Chair Yoga at Home",
        "Free live chair yoga classes on video for older people who find it hard to get out."),
    "ackroyd-table-tennis": ("Ackroyd Table Tennis Social",
        "A social table tennis club for people aged 50 and over."),
    "crystal-palace-jog-natter": ("Jog and Natter Crystal Palace",
        "A slow, social Sunday jog and walk group in Crystal Palace Park."),
    "lee-green-nordic": ("Lee Green Nordic Walkers",
        "Nordic walking sessions with a qualified instructor; poles provided."),
    "rye-and-oak-walkers": ("Rye and Oak Walkers",
        "A friendly health walk group for people in Honor Oak, Brockley and Nunhead."),
    "bellingham-boxing-youth": ("Bellingham Youth Boxing Club",
        "Non-contact boxing fitness and mentoring for young people."),
    "inclusive-sports-lewisham": ("Inclusive Sports Lewisham",
        "Adapted and inclusive sport sessions for disabled people and their friends and families."),
})

SERVICES += [
    # ------------------------------------------------------------ moving more
    S(slug="thames-side-strollers", name="Thames Side Strollers",
      org="thames-side-strollers",
      desc="A free, gentle one-hour health walk along the river every Saturday morning, starting and finishing at Island Gardens, just across the foot tunnel from Greenwich. "
           "The route is flat and step-free, and the walk leader keeps to the pace of the slowest walker. "
           "It's open to everyone, whichever side of the river you live on; many walkers stop for a coffee afterwards. Just turn up at 10am at the park gates.",
      venue="island-gardens", acts=["moving_more.walking", "nature.water"],
      when=[("W", "SA", "10:00", "11:00")], cost="free",
      apply="Just turn up at the Island Gardens gates at 10am.", route="drop_in", fmt="small_group",
      intensity="gentle", tel=False),
    S(slug="hilly-fields-health-walk", name="Hilly Fields Health Walk",
      org="lewisham-walking-together",
      desc="A friendly 45-minute walk around Hilly Fields led by a trained volunteer, with stops to enjoy the view over London. "
           "There is a short and a longer route, so you can choose how far you go; benches are on the way if you need a rest. "
           "Wear comfortable shoes and meet outside the café. Many walkers have a cuppa together afterwards.",
      venue="hilly-fields", acts=["moving_more.walking", "nature.nature_time"],
      when=[("W", "WE", "10:30", "11:30")], cost="free",
      ages=(18, None), apply="Just turn up; the walk leader will ask you to fill in a short health form the first time.",
      route="drop_in", fmt="small_group", intensity="moderate"),
    S(slug="ladywell-fields-wander", name="Ladywell Fields Wander",
      org="lewisham-walking-together",
      desc="An easy, flat walk along the river through Ladywell Fields every Monday morning, at a chatty pace. "
           "It's ideal if you are getting back to walking after an illness or haven't been active for a while. "
           "The walk lasts about 45 minutes and finishes at the café.",
      venue="ladywell-fields", acts=["moving_more.walking", "nature.nature_time"],
      when=[("W", "MO", "11:00", "12:00")], cost="free",
      ages=(18, None), apply="Just turn up at the Ladywell Road entrance.", route="drop_in", fmt="small_group",
      intensity="gentle", acc=["dementia_friendly"]),
    S(slug="beckenham-place-nature-walk", name="Sunday Nature Walk at Beckenham Place Park",
      org="beckenham-place-rangers",
      desc="A 90-minute walk through the ancient woodland, meadows and round the lake with a volunteer ranger who points out birds, trees and the park's history. "
           "The paths are uneven in places, so wear sturdy shoes. "
           "Meet outside the Mansion; the café is open afterwards.",
      venue="beckenham-place-park", acts=["moving_more.walking", "nature.nature_time"],
      when=[("W", "SU", "10:00", "11:30")], cost="free",
      apply="Just turn up.", route="drop_in", fmt="large_group", intensity="moderate", tel=False),
    S(slug="mountsfield-buggy-walk", name="Buggy Walk and Talk",
      org="mountsfield-buggy-walkers",
      desc="Parents and carers with babies and toddlers walk a few laps of Mountsfield Park together, then stop at the playground for a chat. "
           "It's a gentle way to get out of the house, get some fresh air and meet other parents. "
           "Slings, buggies and scooters all welcome.",
      venue="mountsfield-park", acts=["moving_more.walking", "peer_support.parents"],
      when=[("W", "TH", "10:00", "11:00")], cost="free",
      elig="Parents and carers of babies and young children", audience=["families"],
      apply="Just turn up at the Stainton Road entrance.", route="drop_in", fmt="small_group",
      intensity="gentle", tel=False),
    S(slug="wells-park-tai-chi", name="Saturday Tai Chi in the Park",
      org="wells-park-tai-chi",
      desc="Slow, flowing tai chi outdoors in Sydenham Wells Park, good for balance, breathing and calm. "
           "Beginners are taught the first moves gently, and you can rest on a bench whenever you like. "
           "Classes are taught in English and Mandarin Chinese. Pay what you can.",
      venue="sydenham-wells-park", acts=["moving_more.gentle", "calm.mindfulness"],
      when=[("W", "SA", "09:30", "10:30")],
      cost=("pwyc", "Pay what you can; suggested £3"),
      langs=["zh"], ages=(16, None), apply="Just turn up in comfortable clothes.", route="drop_in", fmt="small_group",
      intensity="gentle"),
    S(slug="glass-mill-chair-exercise", name="Chair-based Exercise",
      org="southside-move-more",
      desc="A seated exercise class for people aged 50 and over who want to keep moving, improve strength and stay steady on their feet. "
           "Everything is done sitting down or holding a chair, at your own pace, with music and a friendly instructor. "
           "Let the instructor know about any health conditions when you arrive.",
      venue="glass-mill", acts=["moving_more.gentle"],
      when=[("W", "TU", "11:00", "12:00")],
      cost=("conc", 4.0, 2.5, "Per class"),
      ages=(50, None), elig="People aged 50 and over", audience=["older_people"],
      apply="Book at reception or by phone; drop in if there's space.", route="book_self", fmt="large_group",
      intensity="gentle"),
    S(slug="bellingham-strength-and-balance", name="Steady and Strong",
      org="southside-move-more",
      desc="A 24-week strength and balance programme for people aged 60 and over who have had a fall or are worried about falling. "
           "Twice a week a specialist instructor takes you through exercises that build leg strength and confidence, with tea and a chat afterwards. "
           "Your GP, physio or link worker can refer you, or you can call to check it's right for you.",
      venue="bellingham-leisure", acts=["moving_more.gentle"],
      when=[("W", "WE,FR", "11:00", "12:00")],
      cost=("low", 2, "Per class", "£2 a class; free for people on benefits"),
      ages=(60, None), elig="People aged 60 and over who have had a fall or feel unsteady",
      audience=["older_people"],
      apply="Ask your GP, physio or link worker to refer you, or call for an assessment.", route="referral_form",
      fmt="small_group", intensity="gentle", acc=["seating"]),
    S(slug="forest-hill-women-swim", name="Women-only Sunday Swim",
      org="forest-hill-swim-sisters",
      desc="A relaxed women-only swim on Sunday mornings with female lifeguards and the windows screened. "
           "Swim lengths, float or join the short swim-confidence session in the learner pool if you're nervous in the water. "
           "Modest swimwear of any kind is welcome.",
      venue="forest-hill-pools", acts=["moving_more.swimming"],
      when=[("W", "SU", "08:00", "09:30")],
      cost=("conc", 5.5, 3.0, "Per swim"),
      ages=(16, None), elig="Women and girls aged 16 and over", audience=["women_only"],
      apply="Book online or at reception.", route="book_self", fmt="large_group", intensity="moderate"),
    S(slug="wavelengths-splash-and-chat", name="Splash and Chat",
      org="wavelengths-splash-and-chat",
      desc="A gentle swim for people aged 50 and over in a quiet pool, followed by tea in the café. "
           "Volunteers help newcomers with the changing rooms and getting into the water. "
           "The session is paused while the pool is closed for repairs.",
      venue="wavelengths", acts=["moving_more.swimming", "social.drop_in_chat"],
      when=[("W", "TU", "13:00", "14:00")],
      cost=("conc", 4.5, 2.5, "Per swim"),
      ages=(50, None), elig="People aged 50 and over", audience=["older_people"],
      apply="Currently paused. Call for news of the restart date.", route="drop_in", fmt="large_group",
      intensity="gentle", status="temporarily closed",
      alert="Paused while the pool is closed for repairs; the group hopes to restart in spring 2027."),
    S(slug="downham-walking-netball", name="Walking Netball",
      org="downham-walking-netball",
      desc="Netball at walking pace: no running, no jumping, and plenty of laughter. "
           "It suits anyone who used to play and misses it, and complete beginners too. "
           "Wear trainers and bring water; the first session is free.",
      venue="downham-leisure", acts=["moving_more.sport"],
      when=[("W", "MO", "19:00", "20:00")],
      cost=("low", 3, "Per session", "£3 a session; first session free"),
      ages=(18, None), apply="Just turn up.", route="drop_in", fmt="large_group", intensity="moderate"),
    S(slug="ladywell-walking-football", name="Walking Football for Over-50s",
      org="ladywell-walking-football",
      desc="A friendly game of walking football every Wednesday morning for people aged 50 and over. "
           "No running and no slide tackles, so it's kinder on the knees; players of all abilities mix in. "
           "Wear trainers or astro boots and come ten minutes early on your first week.",
      venue="ladywell-arena", acts=["moving_more.sport"],
      when=[("W", "WE", "10:00", "11:30")],
      cost=("low", 3, "Per session", "£3 a session"),
      ages=(50, None), elig="People aged 50 and over", audience=["older_people"],
      apply="Just turn up.", route="drop_in", fmt="large_group", intensity="moderate"),
    S(slug="downham-mens-walking-group", name="Downham Men's Walking Group",
      org="downham-mens-walks",
      desc="A Thursday morning walk for men through Downham Fields and Beckenham Place Park, at an easy pace, finishing with a cuppa. "
           "It's a low-pressure way to get out, get some exercise and have a chat side by side. "
           "Meet outside the leisure centre; the walk is about 90 minutes with rests.",
      venue="downham-leisure", acts=["moving_more.walking", "social.drop_in_chat"],
      when=[("W", "TH", "10:00", "11:30")], cost="free", ages=(18, None),
      elig="Men aged 18 and over", audience=["men_only"],
      apply="Just turn up.", route="drop_in", fmt="small_group", intensity="moderate"),
    S(slug="catford-first-steps-running", name="First Steps Running Group",
      org="catford-first-steps-running",
      desc="A nine-week beginners' running course on the track at Ladywell Arena, starting with one minute of running at a time. "
           "Nobody gets left behind: coaches run with the slowest group and walking breaks are built in. "
           "New courses start every January, April and September; you can join the friendly follow-on group afterwards.",
      venue="ladywell-arena", acts=["moving_more.running_cycling"],
      when=[("W", "TU,TH", "18:30", "19:30")], cost="free", ages=(18, None),
      apply="Sign up online or by email before the course starts.", route="book_self", fmt="large_group",
      intensity="energetic", tel=False),
    S(slug="deptford-ride-together", name="Saturday Social Ride",
      org="deptford-ride-together",
      desc="A slow, social bike ride on quiet roads and cycle paths every Saturday morning, with a café stop. "
           "Bikes and helmets can be borrowed if you book ahead, and ride leaders help you build confidence. "
           "Rides are on hold while the group finds a new bike store.",
      venue="deptford-park", acts=["moving_more.running_cycling"],
      when=[("W", "SA", "10:00", "12:00")], cost="free", ages=(16, None),
      apply="Book a bike by email before you come.", route="book_self", fmt="small_group",
      intensity="moderate", status="temporarily closed",
      alert="Rides are paused until the group finds a new bike store.", tel=False),
    S(slug="blackheath-tea-dance", name="Afternoon Tea Dance",
      org="blackheath-tea-dance",
      desc="A monthly tea dance in the beautiful Great Hall at Blackheath Halls, with a live band playing waltzes, quicksteps and a bit of rock and roll. "
           "You don't need a partner or any dance experience; volunteer dance hosts will take you round the floor. "
           "Tea and cake are included, and there's plenty of seating for those who prefer to watch.",
      venue="blackheath-halls", acts=["moving_more.dance", "social.drop_in_chat"],
      when=[("M", "3TU", "14:00", "16:30")],
      cost=("low", 5, "Per dance", "£5 including tea and cake; carers free"),
      ages=(55, None), elig="Mainly for people aged 55 and over", audience=["older_people"],
      apply="Just turn up.", route="drop_in", fmt="large_group", intensity="gentle",
      acc=["carer_free", "dementia_friendly"]),
    S(slug="lee-bollywood-dance-women", name="Bollywood Dance for Women",
      org="lee-bollywood-women",
      desc="A fun hour of Bollywood and bhangra dance for women of all ages, shapes and fitness levels. "
           "Routines are broken down step by step, and the teacher explains moves in English, Hindi and Urdu. "
           "Wear comfortable clothes and bring water; the room has screened windows.",
      venue="lee-centre", acts=["moving_more.dance"],
      when=[("W", "WE", "18:00", "19:00")],
      cost=("low", 4, "Per class", "£4 a class; first class free"),
      ages=(16, None), elig="Women and girls aged 16 and over", audience=["women_only"],
      langs=["hi", "ur"], apply="Just turn up.", route="drop_in", fmt="large_group", intensity="moderate"),
    S(slug="telegraph-hill-afrobeats-fit", name="Afrobeats Fit",
      org="telegraph-hill-afrobeats",
      desc="A high-energy dance workout to Afrobeats, amapiano and dancehall first thing every Saturday morning. "
           "It's a workout, but there are lower-impact options for every move, so beginners can join in. "
           "Bring water and a towel; the first class is free.",
      venue="telegraph-hill-centre", acts=["moving_more.dance", "moving_more.gym_classes"],
      when=[("W", "SA", "09:30", "10:30")],
      cost=("low", 4, "Per class", "£4 a class; first class free"),
      ages=(16, None), apply="Just turn up.", route="drop_in", fmt="large_group", intensity="energetic"),
    S(slug="crofton-park-community-yoga", name="Community Yoga for Beginners",
      org="crofton-park-yoga",
      desc="A gentle beginners' yoga class in the library after closing time, with stretching, breathing and a relaxation at the end. "
           "Mats are provided, and every pose has an easier version or can be done on a chair. "
           "Pay what you can, from nothing upwards.",
      venue="crofton-park-library", acts=["moving_more.gentle", "calm.mindfulness"],
      when=[("W", "TH", "18:30", "19:30")],
      cost=("pwyc", "Pay what you can; suggested £5"),
      ages=(16, None), apply="Book a mat by email; walk-ins if there's space.", route="book_self",
      fmt="small_group", intensity="gentle", tel=False),
    S(slug="chair-yoga-at-home", name="Chair Yoga at Home",
      org="chair-yoga-online",
      desc="A free live chair yoga class on video every Tuesday morning, for people aged 60 and over who find it hard to get out. "
           "All you need is a sturdy chair without wheels and a phone, tablet or computer; the teacher can see you and will adapt moves for you. "
           "If you've never used video calls, a volunteer will phone you to help you get set up.",
      venue=None, delivery=["online"], acts=["moving_more.gentle", "calm.mindfulness"],
      when=[("W", "TU", "10:00", "10:45")], cost="free", ages=(60, None),
      elig="People aged 60 and over", audience=["older_people"], area="Lewisham",
      apply="Call or email to register and get the link.", route="book_self", fmt="large_group",
      intensity="gentle"),
    S(slug="ackroyd-table-tennis", name="Table Tennis Social",
      org="ackroyd-table-tennis",
      desc="Friendly, social table tennis for people aged 50 and over every Friday afternoon. "
           "Bats and balls are provided; some players are rusty, some brand new, and everyone rotates partners. "
           "Tea and biscuits between games.",
      venue="ackroyd-centre", acts=["moving_more.sport", "social.games_quizzes"],
      when=[("W", "FR", "13:00", "15:00")],
      cost=("low", 2, "Per session", "£2 a session"),
      ages=(50, None), elig="People aged 50 and over", audience=["older_people"],
      apply="Just turn up.", route="drop_in", fmt="small_group", intensity="moderate", assured="2025-02-11"),
    S(slug="crystal-palace-jog-and-natter", name="Jog and Natter",
      org="crystal-palace-jog-natter",
      desc="A relaxed Sunday morning group that jogs, walks or mixes both around Crystal Palace Park, just over the border from Sydenham. "
           "Nobody is ever last: a back marker stays with the slowest person. "
           "It finishes with coffee by the dinosaurs.",
      venue="crystal-palace-park", acts=["moving_more.running_cycling", "moving_more.walking"],
      when=[("W", "SU", "09:00", "10:00")], cost="free", ages=(16, None),
      apply="Just turn up at the café.", route="drop_in", fmt="large_group", intensity="moderate", tel=False),
    S(slug="lee-green-nordic-walking", name="Nordic Walking at Sutcliffe Park",
      org="lee-green-nordic",
      desc="Nordic walking with poles around Sutcliffe Park, just over the border from Lee. "
           "A qualified instructor teaches the technique in your first session and poles are lent free. "
           "It works the whole body but is gentle on the joints.",
      venue="sutcliffe-park", acts=["moving_more.walking"],
      when=[("W", "FR", "10:00", "11:00")],
      cost=("low", 4, "Per session", "£4 a session, poles included"),
      ages=(18, None), apply="Call or email to book your first session.", route="book_self",
      fmt="small_group", intensity="moderate"),
    S(slug="greenwich-park-heath-walk", name="Heath and Park Health Walk",
      org="lewisham-walking-together",
      desc="A free hour-long health walk from Blackheath Gate around the flower garden and the top of Greenwich Park, at a comfortable pace. "
           "Led by trained volunteers from Lewisham; handy for people living in Blackheath and Lee. "
           "Meet at the gate on Charlton Way just before 10am.",
      venue="greenwich-park", acts=["moving_more.walking", "nature.nature_time"],
      when=[("W", "TU", "10:00", "11:00")], cost="free",
      ages=(18, None), apply="Just turn up.", route="drop_in", fmt="small_group", intensity="gentle"),
    S(slug="peckham-rye-walkers", name="Rye and Oak Walkers",
      org="rye-and-oak-walkers",
      desc="A Thursday morning walk around Peckham Rye Park and Common, a short bus ride from Honor Oak and Brockley. "
           "The walk takes about an hour on flat paths, led by a volunteer who knows all the best bits. "
           "Finish with tea at the café if you like.",
      venue="peckham-rye-park", acts=["moving_more.walking", "nature.nature_time"],
      when=[("W", "TH", "10:30", "11:30")], cost="free",
      ages=(18, None), apply="Just turn up.", route="drop_in", fmt="small_group", intensity="gentle", assured="2025-07-15"),
    S(slug="bellingham-youth-boxing", name="Youth Boxing Fitness",
      org="bellingham-boxing-youth",
      desc="Non-contact boxing fitness for young people aged 11 to 18: pads, skipping, circuits and teamwork. "
           "Coaches are also mentors, and there's time to talk after training. "
           "All equipment is provided; just bring water and trainers.",
      venue="bellingham-leisure", acts=["moving_more.sport", "family_youth.youth_clubs"],
      when=[("W", "MO,WE", "17:00", "18:30")], cost="free", ages=(11, 18),
      elig="Young people aged 11 to 18", audience=["young_people"],
      apply="Just turn up; a parent or carer signs a consent form on the first visit.", route="drop_in",
      fmt="large_group", intensity="energetic"),
    S(slug="inclusive-sports-lewisham", name="Saturday Inclusive Sports Club",
      org="inclusive-sports-lewisham",
      desc="Adapted sport for disabled people of all ages and their friends and family: boccia, wheelchair basketball, new age kurling and more. "
           "Sessions are run by coaches trained in inclusive sport; personal assistants come free. "
           "Call before your first visit so the team can get any equipment you need ready.",
      venue="glass-mill", acts=["moving_more.sport"],
      when=[("W", "SA", "13:00", "15:00")],
      cost=("low", 2, "Per session", "£2 a session; personal assistants free"),
      elig="Disabled people and their friends and families", audience=["disabled_people"],
      apply="Call to book your first session.", route="book_self", fmt="large_group", intensity="moderate",
      acc=["carer_free", "autism_friendly"]),
]

ORGS.update({
    "brockley-open-voices": ("Brockley Open Voices",
        "A no-audition community choir in Brockley: everyone can sing."),
    "deptford-memory-singers": ("Deptford Memory Singers",
        "Singing sessions for people living with dementia and the people who care for them."),
    "rushey-green-strummers": ("Rushey Green Strummers",
        "A beginners' ukulele group in Catford."),
    "dartmouth-road-art-club": ("Dartmouth Road Art Club",
        "A friendly art club for adults in Forest Hill, from first-timers to keen painters."),
    "sketch-at-the-horniman": ("Sketch at the Horniman",
        "Volunteer artists running free drawing sessions among the museum's collections."),
    "horniman-memories": ("Horniman Object Memories",
        "Museum volunteers running reminiscence and object-handling sessions for older people."),
    "jack-writers": ("Jack Writers",
        "A creative writing group that meets at the Brockley Jack Theatre."),
    "deptford-book-chat": ("Deptford Book Chat",
        "A relaxed reading group at the Deptford Lounge."),
    "deptford-stage-elders": ("Deptford Stage Elders",
        "A theatre company for performers aged 50 and over, based in Deptford."),
    "catford-young-actors": ("Catford Young Actors",
        "Saturday drama workshops for young people in Catford."),
    "telegraph-hill-fixit": ("Telegraph Hill Fix-It Café",
        "Volunteer fixers who repair electricals, clothes, bikes and more for free."),
    "lee-sewing-circle": ("Lee Sewing Circle",
        "A sewing and mending group in Lee with machines to borrow."),
    "ackroyd-workshop-shed": ("Ackroyd Workshop Shed",
        "A community woodwork shed at the Ackroyd Community Centre."),
    "catford-silver-screen": ("Catford Silver Screen",
        "Monthly film screenings for older people at the Broadway Theatre."),
    "crofton-park-crafters": ("Crofton Park Crafters",
        "A calm craft afternoon at Crofton Park Library."),
    "albany-family-art": ("Deptford Family Art Makers",
        "Free messy-play and art sessions for families with young children."),
})

SERVICES += [
    # --------------------------------------------------------------- creative
    S(slug="brockley-open-voices", name="Brockley Open Voices Community Choir",
      org="brockley-open-voices",
      desc="A warm, no-audition community choir singing pop, soul, gospel and folk songs in harmony. "
           "You don't need to read music: songs are taught by ear, a line at a time. "
           "Come and try two sessions for free before deciding whether to join.",
      venue="st-peters-brockley", acts=["creative.singing_music"],
      when=[("W", "MO", "19:30", "21:00")],
      cost=("conc", 6.0, 3.0, "Per session"),
      ages=(16, None), apply="Just turn up; first two sessions free.", route="drop_in", fmt="large_group",
      tel=False),
    S(slug="deptford-memory-singers", name="Memory Singers",
      org="deptford-memory-singers",
      desc="A weekly singing session for people living with dementia and their partners, family or carers. "
           "A musician leads well-loved songs from the 1950s to the 1980s, with a warm-up and tea afterwards. "
           "Song sheets are in large print and nobody minds if you forget the words.",
      venue="st-pauls-deptford", acts=["creative.singing_music", "peer_support.carers"],
      when=[("W", "TU", "14:00", "15:30")], cost="free",
      elig="People living with dementia and the people who care for them", audience=["older_people", "carers"],
      apply="Call to book your first visit so you can be welcomed at the door.", route="book_self",
      fmt="large_group", acc=["dementia_friendly", "carer_free"]),
    S(slug="rushey-green-strummers", name="Rushey Green Strummers",
      org="rushey-green-strummers",
      desc="A beginners' ukulele group that learns simple songs together, three or four chords at a time. "
           "Ukuleles are available to borrow, and chord sheets are given out each week. "
           "It's more about fun than perfection.",
      venue="catford-library", acts=["creative.singing_music"],
      when=[("W", "WE", "18:30", "20:00")],
      cost=("low", 3, "Per session", "£3 a session; ukuleles lent free"),
      ages=(16, None), apply="Just turn up.", route="drop_in", fmt="small_group", tel=False),
    S(slug="dartmouth-road-art-club", name="Friday Art Club",
      org="dartmouth-road-art-club",
      desc="A friendly Friday morning art club for adults, working in watercolour, pastel and pencil. "
           "A volunteer artist sets an optional theme and offers tips; you can also bring your own project. "
           "Materials are provided for your first few sessions.",
      venue="forest-hill-library", acts=["creative.art_craft"],
      when=[("W", "FR", "10:00", "12:00")],
      cost=("low", 3, "Per session", "£3 a session including materials"),
      ages=(18, None), apply="Just turn up.", route="drop_in", fmt="small_group", tel=False,
      assured="2025-05-20"),
    S(slug="sketch-at-the-horniman", name="Sketch at the Horniman",
      org="sketch-at-the-horniman",
      desc="A free drawing session on the first Saturday of the month, among the museum's musical instruments, natural history and world cultures. "
           "Volunteer artists give a short demonstration, then you draw what catches your eye. "
           "Pencils, paper and stools are provided; meet at the information desk.",
      venue="horniman", acts=["creative.art_craft", "creative.heritage_museums"],
      when=[("M", "1SA", "11:00", "13:00")], cost="free",
      ages=(16, None), apply="Just turn up.", route="drop_in", fmt="large_group", tel=False),
    S(slug="horniman-object-memories", name="Object Memories",
      org="horniman-memories",
      desc="A monthly afternoon for older people to handle objects from the museum's collections and share the memories they bring back. "
           "Sessions are small, relaxed and dementia friendly, with tea and cake afterwards. "
           "Carers and family members are very welcome to come too.",
      venue="horniman", acts=["creative.heritage_museums", "social.drop_in_chat"],
      when=[("M", "3WE", "14:00", "15:30")], cost="free", ages=(60, None),
      elig="People aged 60 and over, with family or carers", audience=["older_people"],
      apply="Call or email to book a place.", route="book_self", fmt="small_group",
      acc=["dementia_friendly", "carer_free"]),
    S(slug="jack-writers", name="Jack Writers Creative Writing Group",
      org="jack-writers",
      desc="A weekly evening writing group for anyone who wants to write: stories, poems, memoir or anything else. "
           "Each session starts with a short, playful writing exercise, and then people share work if they want to. "
           "You can join in the theatre studio or on video.",
      venue="brockley-jack", delivery=["in_person", "online"], acts=["creative.words"],
      when=[("W", "MO", "19:00", "21:00", None, None, "In person, or join on video")],
      cost=("pwyc", "Pay what you can; suggested £3"),
      ages=(18, None), apply="Just turn up, or email for the video link.", route="drop_in",
      fmt="small_group", tel=False),
    S(slug="deptford-book-chat", name="Deptford Book Chat",
      org="deptford-book-chat",
      desc="A relaxed monthly reading group: you get a free copy of the book from the library, and there's no pressure to have finished it. "
           "Choices range from crime to memoir, often by local writers. "
           "Ask at reception to join and pick up the next book.",
      venue="deptford-lounge", acts=["creative.words", "social.drop_in_chat"],
      when=[("M", "1TH", "18:00", "19:30")], cost="free", ages=(18, None),
      apply="Ask at reception to join and collect the book.", route="book_self", fmt="small_group", tel=False),
    S(slug="deptford-stage-elders", name="Deptford Stage Elders",
      org="deptford-stage-elders",
      desc="A weekly theatre group for people aged 50 and over making and performing new plays from members' own stories. "
           "No experience is needed; sessions start with warm-ups and games and build up to a show each summer. "
           "Come and watch a session first if you'd rather.",
      venue="the-albany", acts=["creative.performance"],
      when=[("W", "WE", "18:30", "20:30")], cost="free", ages=(50, None),
      elig="People aged 50 and over", audience=["older_people"],
      apply="Call or email to arrange your first visit.", route="book_self", fmt="large_group",
      assured="2025-09-03"),
    S(slug="catford-young-actors", name="Saturday Youth Drama",
      org="catford-young-actors",
      desc="Drama workshops for young people aged 11 to 18 every Saturday morning in the theatre studio. "
           "Improvisation, games and scripts build confidence, and there's a show at the end of each term. "
           "Try a free taster session before signing up.",
      venue="broadway-theatre", acts=["creative.performance", "family_youth.youth_clubs"],
      when=[("W", "SA", "10:00", "12:00")],
      cost=("low", 2, "Per session", "£2 a session; free for families on a low income"),
      ages=(11, 18), elig="Young people aged 11 to 18", audience=["young_people"],
      apply="Book a free taster by email or phone.", route="book_self", fmt="large_group"),
    S(slug="telegraph-hill-fixit-cafe", name="Fix-It Café",
      org="telegraph-hill-fixit",
      desc="Bring broken things (lamps, toasters, clothes, bikes, laptops) and volunteer fixers will help you repair them for free. "
           "You sit alongside and learn how it's done while you wait, with tea and cake. "
           "Arrive early for big items; the last repair is taken at 1:30pm.",
      venue="telegraph-hill-centre", acts=["creative.making_mending", "giving.volunteering"],
      when=[("M", "2SA", "11:00", "14:00")], cost="free",
      apply="Just turn up with your item.", route="drop_in", fmt="large_group", tel=False),
    S(slug="lee-sewing-circle", name="Sewing and Mending Circle",
      org="lee-sewing-circle",
      desc="A Tuesday afternoon group for sewing, mending and upcycling clothes, with sewing machines and a fabric stash to borrow. "
           "Beginners are shown how to thread a machine and sew a straight line on the first day. "
           "A friendly, chatty group of all ages.",
      venue="lee-centre", acts=["creative.making_mending", "creative.art_craft"],
      when=[("W", "TU", "13:00", "15:00")],
      cost=("low", 2, "Per session", "£2 a session"),
      ages=(16, None), apply="Just turn up.", route="drop_in", fmt="small_group"),
    S(slug="ackroyd-workshop-shed", name="Ackroyd Workshop Shed",
      org="ackroyd-workshop-shed",
      desc="A community woodwork shed where people make furniture, planters and toys, and repair things for neighbours. "
           "Mostly men come, but everyone aged 18 and over is welcome. "
           "Experienced members show newcomers how to use the tools safely.",
      venue="ackroyd-centre", acts=["creative.making_mending"],
      when=[("W", "MO,WE", "10:00", "14:00")],
      cost=("low", 2, "Per visit", "£2 a visit towards materials"),
      ages=(18, None), apply="Call for a chat and a look round.", route="book_self", fmt="small_group",
      intensity="moderate"),
    S(slug="catford-silver-screen", name="Silver Screen Film Club",
      org="catford-silver-screen",
      desc="A weekly afternoon film for people aged 60 and over, with a cup of tea and a biscuit and a chat about the film afterwards. "
           "Films are a mix of classics and recent releases, shown with subtitles. "
           "The theatre has step-free access and a hearing system.",
      venue="broadway-theatre", acts=["creative.performance", "social.drop_in_chat"],
      when=[("W", "TU", "13:30", "16:00")],
      cost=("low", 2.5, "Per film", "£2.50 including tea; carers free"),
      ages=(60, None), elig="People aged 60 and over", audience=["older_people"],
      apply="Just turn up; tickets on the door.", route="drop_in", fmt="large_group",
      acc=["dementia_friendly", "carer_free"]),
    S(slug="crofton-park-crafters", name="Calm Crafts Afternoon",
      org="crofton-park-crafters",
      desc="A calm, quiet craft afternoon: collage, card-making, colouring and simple printmaking. "
           "It suits people who like to be with others but don't want to be put on the spot to talk. "
           "All materials are provided.",
      venue="crofton-park-library", acts=["creative.art_craft", "calm.mindfulness"],
      when=[("W", "MO", "14:00", "16:00")], cost="free", ages=(18, None),
      apply="Just turn up.", route="drop_in", fmt="small_group", acc=["quiet_space"], tel=False),
    S(slug="albany-family-art", name="Family Art Makers",
      org="albany-family-art",
      desc="Free Saturday morning art and messy-play sessions for families with children up to eight. "
           "An artist sets up a different activity each week: painting, clay, junk modelling. "
           "Wear old clothes; aprons are provided.",
      venue="the-albany", acts=["family_youth.family_activities", "creative.art_craft"],
      when=[("W", "SA", "10:30", "12:00")], cost="free",
      elig="Families with children up to eight years old", audience=["families"],
      apply="Just turn up; places are first come, first served.", route="drop_in", fmt="large_group", tel=False),
]

ORGS.update({
    "ladywell-growers": ("Ladywell Fields Growers",
        "Volunteers who run a community food-growing plot in Ladywell Fields."),
    "deptford-green-hands": ("Deptford Green Hands",
        "A community gardening and conservation group in Deptford and New Cross."),
    "creek-keepers": ("Creek Keepers",
        "Volunteers who care for the wildlife of Deptford Creek."),
    "nunhead-woodland-volunteers": ("Nunhead Woodland Volunteers",
        "A volunteer group that looks after the wildlife and woodland of Nunhead Cemetery."),
    "docklands-farm-friends": ("Docklands Farm Friends",
        "A volunteering programme for adults at a city farm in Rotherhithe."),
    "sydenham-nature-explorers": ("Sydenham Nature Explorers",
        "Family nature days in Sydenham's parks."),
    "horniman-growing-together": ("Growing Together Forest Hill",
        "Therapeutic gardening sessions for adults, run with local GP practices and link workers."),
    "manor-house-birders": ("Manor House Gardens Birders",
        "Friendly bird walks in Manor House Gardens for beginners."),
    "quaggy-river-keepers": ("Quaggy River Keepers",
        "Volunteers who clear litter and look after the River Quaggy and its banks in Grove Park and Lee."),
    "lewisham-conversation-club": ("Lewisham English Conversation Club",
        "Volunteers helping people practise everyday English in a friendly group."),
    "grove-park-english-parents": ("Grove Park English for Parents",
        "Free English classes for parents and carers of young children in Grove Park."),
    "telegraph-hill-cooks": ("Cook Together Telegraph Hill",
        "Free courses on cooking healthy meals on a budget."),
    "lewisham-wellbeing-college": ("Lewisham Wellbeing College",
        "Free short courses on wellbeing, confidence and living well, co-produced with local people."),
    "lee-mindful": ("Mindful Lee",
        "Pay-what-you-can mindfulness and meditation sessions in Lee."),
    "catford-listening-post": ("Catford Listening Post",
        "Trained volunteer listeners offering a free, confidential space to talk."),
    "sydenham-community-counselling": ("Sydenham Community Counselling",
        "Low-cost counselling with qualified and trainee counsellors, charged on a sliding scale."),
    "lewisham-volunteer-hub": ("Lewisham Volunteer Hub",
        "Helping people find volunteering roles with local groups and charities."),
    "downham-residents-forum": ("Downham Residents' Forum",
        "Residents working together to improve life on the Downham estate."),
    "lewisham-health-champions": ("Lewisham Community Health Champions",
        "Local people trained to share health information and support their neighbours."),
    "bellingham-youth-club": ("Bellingham Youth Club",
        "An open-access youth club for young people in Bellingham and Catford."),
    "new-cross-youth-space": ("New Cross Young People's Space",
        "A drop-in space for young people with youth workers, homework help and activities."),
    "grove-park-family-saturdays": ("Grove Park Family Saturdays",
        "Free Saturday activities for families in the library."),
    "lewisham-young-adults": ("Lewisham Young Adults Meetup",
        "Social evenings for young adults aged 18 to 25."),
    "hither-green-lunch-club": ("Hither Green Tuesday Lunch Club",
        "A lunch club for older people in Hither Green."),
})

SERVICES += [
    # ----------------------------------------------------------------- nature
    S(slug="ladywell-fields-growers", name="Ladywell Fields Growing Club",
      org="ladywell-growers",
      desc="A Thursday morning gardening session on the community food-growing plot, sowing, weeding, harvesting and sharing the produce. "
           "No gardening experience needed: you can do as much or as little as you like, and there are tea breaks in the shelter. "
           "Tools and gloves are provided; wear clothes you don't mind getting muddy.",
      venue="ladywell-fields", acts=["nature.gardening", "giving.volunteering"],
      when=[("W", "TH", "10:00", "13:00")], cost="free", ages=(18, None),
      apply="Just turn up; meet at the growing plot by the river.", route="drop_in", fmt="small_group",
      intensity="moderate"),
    S(slug="deptford-park-growing", name="Deptford Park Community Garden",
      org="deptford-green-hands",
      desc="Help grow fruit, vegetables and flowers in the community garden every Saturday morning. "
           "The raised beds are at wheelchair height, and jobs are shared out so everyone can take part. "
           "Volunteers take home a share of the harvest, and some of the regulars speak Portuguese and Spanish.",
      venue="deptford-park", acts=["nature.gardening"],
      when=[("W", "SA", "10:00", "13:00")], cost="free",
      apply="Just turn up.", route="drop_in", fmt="small_group", intensity="gentle",
      langs=["pt", "es"]),
    S(slug="creek-keepers", name="Creek Keepers Wildlife Volunteers",
      org="creek-keepers",
      desc="On the second Sunday of the month volunteers clear litter, survey wildlife and plant along Deptford Creek at low tide. "
           "Waders and gloves are provided for those going into the creek, and there are jobs on the bank for everyone else. "
           "Book a place so the team knows how many waders to bring.",
      venue="creekside-centre", acts=["nature.conservation", "nature.water"],
      when=[("M", "2SU", "10:00", "13:00")], cost="free", ages=(16, None),
      apply="Book a place by email or phone.", route="book_self", fmt="small_group", intensity="moderate"),
    S(slug="nunhead-woodland-volunteers", name="Nunhead Woodland Volunteers",
      org="nunhead-woodland-volunteers",
      desc="A Saturday morning of conservation work every week in the woodland at Nunhead Cemetery, a short walk from Brockley and Telegraph Hill. "
           "Tasks include clearing ivy, coppicing and building habitat piles, with a break for tea in the woods. "
           "Tools and gloves provided; the ground is steep and uneven.",
      venue="nunhead-cemetery", acts=["nature.conservation"],
      when=[("W", "SA", "10:00", "13:00")], cost="free", ages=(16, None),
      apply="Just turn up at the Linden Grove gate.", route="drop_in", fmt="small_group",
      intensity="energetic", tel=False),
    S(slug="docklands-farm-volunteering", name="Farm Volunteering Mornings",
      org="docklands-farm-friends",
      desc="Weekly volunteering mornings at Surrey Docks Farm, just over the border from Deptford: feeding the goats and chickens, mucking out and working in the gardens. "
           "Volunteers work in small teams with a farm worker, and there's a tea break in the yard. "
           "Book an induction first so the team can show you around safely.",
      venue="surrey-docks-farm", acts=["nature.animals_farms", "giving.volunteering"],
      when=[("W", "WE", "10:00", "13:00")], cost="free", ages=(18, None),
      apply="Call or email to book an induction.", route="book_self", fmt="small_group", intensity="moderate"),
    S(slug="beckenham-place-conservation", name="Woodland Conservation Days",
      org="beckenham-place-rangers",
      desc="Every Thursday volunteers help care for the ancient woodland and meadows of Beckenham Place Park: path clearing, planting and hedge laying. "
           "No experience is needed and all tools are provided. "
           "Come for the whole session or just a couple of hours.",
      venue="beckenham-place-park", acts=["nature.conservation"],
      when=[("W", "TH", "10:00", "13:00")], cost="free", ages=(16, None),
      apply="Just turn up at the Mansion; wear sturdy boots.", route="drop_in", fmt="small_group",
      intensity="energetic", tel=False),
    S(slug="sydenham-nature-explorers", name="Family Nature Explorers",
      org="sydenham-nature-explorers",
      desc="A family nature morning on the last Sunday of the month: bug hunts, den building, tree spotting and campfire stories. "
           "It's for families with children aged three to eleven, and adults stay with their children. "
           "Book a free place; wellies recommended.",
      venue="mayow-park", acts=["family_youth.family_activities", "nature.nature_time"],
      when=[("M", "-1SU", "10:00", "12:00")], cost="free",
      elig="Families with children aged three to eleven", audience=["families"],
      apply="Book online or by email.", route="book_self", fmt="large_group", intensity="moderate", tel=False),
    S(slug="horniman-growing-together", name="Growing Together Gardening Group",
      org="horniman-growing-together",
      desc="A small, supportive gardening group in the Horniman Gardens for adults who are feeling low, anxious or isolated. "
           "Sessions are led by a horticultural therapist: potting, planting and harvesting at a gentle pace, with a cuppa and a chat. "
           "Ask your link worker or GP practice to refer you; the group has space for ten people.",
      venue="horniman", acts=["nature.gardening", "peer_support.mental_health"],
      when=[("W", "TU", "10:30", "12:30")], cost="free", ages=(18, None),
      elig="Adults living with low mood, anxiety or isolation",
      apply="Ask your link worker or GP practice to refer you.", route="referral_form", fmt="small_group",
      intensity="gentle"),
    S(slug="manor-house-bird-walk", name="Beginners' Bird Walk",
      org="manor-house-birders",
      desc="A slow early-morning walk round Manor House Gardens and the river every Sunday, looking and listening for birds. "
           "Binoculars can be borrowed and you don't need to know anything about birds. "
           "The walk finishes at the café.",
      venue="manor-house-gardens", acts=["nature.nature_time", "moving_more.walking"],
      when=[("W", "SU", "08:30", "10:00")], cost="free",
      apply="Just turn up by the café.", route="drop_in", fmt="small_group", intensity="gentle", tel=False),
    S(slug="quaggy-river-keepers", name="River Quaggy Clean-up",
      org="quaggy-river-keepers",
      desc="On the last Saturday of the month volunteers clear rubbish from the River Quaggy and its banks in Chinbrook Meadows, and record the wildlife they see. "
           "Litter pickers, gloves and waders are provided, and there are dry jobs for those who don't want to get wet. "
           "Children are welcome with an adult.",
      venue="chinbrook-meadows", acts=["nature.conservation", "nature.water"],
      when=[("M", "-1SA", "10:00", "12:30")], cost="free",
      apply="Just turn up at the Chinbrook Road gate.", route="drop_in", fmt="small_group", intensity="moderate",
      assured="2025-08-19", tel=False),
    # ------------------------------------------------------- learning and calm
    S(slug="lewisham-english-conversation", name="English Conversation Club",
      org="lewisham-conversation-club",
      desc="A friendly weekly club for adults who want to practise speaking English in everyday situations, such as at the doctor's or in shops. "
           "You'll chat in small groups with volunteer helpers; no exam, no homework. "
           "Volunteers speak Arabic, Portuguese, Spanish and Somali if you need help getting started.",
      venue="lewisham-library", acts=["learning.english_languages", "social.drop_in_chat"],
      when=[("W", "TH", "10:00", "11:30")], cost="free", ages=(18, None),
      langs=["ar", "pt", "es", "so"], apply="Just turn up.", route="drop_in", fmt="small_group",
      acc=["interpreters"]),
    S(slug="grove-park-english-for-parents", name="English for Parents",
      org="grove-park-english-parents",
      desc="Free English classes for parents and carers of young children, with a crèche in the next room. "
           "Lessons cover everyday English for school, health and shopping, at beginner and improver levels. "
           "Call or come in on a Tuesday to have a short chat about your level.",
      venue="grove-park-library", acts=["learning.english_languages"],
      when=[("W", "TU", "09:30", "11:30")], cost="free", ages=(18, None),
      elig="Parents and carers of children under five", audience=["families"],
      apply="Call or come in to enrol; a short chat about your level first.", route="book_self",
      fmt="small_group"),
    S(slug="cook-together-telegraph-hill", name="Cook Together on a Budget",
      org="telegraph-hill-cooks",
      desc="A free six-week course where a small group cooks healthy, filling meals for under £1.50 a portion and then eats together. "
           "You'll pick up simple skills like batch cooking and using up leftovers, and take home recipes and a bag of ingredients each week. "
           "New courses start every two months; call to book.",
      venue="telegraph-hill-centre", acts=["learning.cooking"],
      when=[("W", "MO", "10:00", "12:30", "Mondays, 10am to 12:30pm, for six weeks")],
      cost="free", ages=(18, None),
      apply="Call or email to book a place on the next course.", route="book_self", fmt="small_group"),
    S(slug="lewisham-wellbeing-course", name="Five Ways to Wellbeing Course",
      org="lewisham-wellbeing-college",
      desc="A free five-week course for adults, exploring small, practical steps for feeling better: connecting, being active, taking notice, learning and giving. "
           "Sessions are relaxed and interactive, with no pressure to share anything personal. "
           "You can book yourself or be referred by your link worker; tell the team if you'd like a BSL interpreter.",
      venue="lewisham-library", acts=["learning.wellbeing_courses"],
      when=[("W", "MO", "13:30", "15:30", "Mondays, 1:30pm to 3:30pm, for five weeks")],
      cost="free", ages=(18, None),
      apply="Book online or by phone, or ask your link worker to refer you.", route="book_self",
      fmt="small_group", acc=["bsl"], langs=["bfi"]),
    S(slug="mindful-lee", name="Mindful Mondays",
      org="lee-mindful",
      desc="A weekly evening of guided mindfulness and meditation in the quiet of St Margaret's Church. "
           "Each session has a short talk, a guided practice on chairs or cushions, and time for questions. "
           "Complete beginners are welcome; pay what you can.",
      venue="st-margarets-lee", acts=["calm.mindfulness"],
      when=[("W", "MO", "18:30", "19:30")],
      cost=("pwyc", "Pay what you can; suggested £4"),
      ages=(18, None), apply="Just turn up.", route="drop_in", fmt="small_group", intensity="gentle", tel=False),
    S(slug="catford-listening-post", name="Listening Post",
      org="catford-listening-post",
      desc="A free, confidential one-to-one conversation with a trained volunteer listener, for anything that's on your mind. "
           "Sessions last up to 50 minutes, and you can come back for up to six sessions. "
           "It isn't counselling or a crisis service, but the listeners can tell you about other help.",
      venue="st-laurence-catford", acts=["calm.listening"],
      when=[("W", "TU,TH", "10:00", "16:00", "By appointment, Tuesdays and Thursdays, 10am to 4pm")],
      cost="free", ages=(18, None),
      apply="Call or email to book an appointment.", route="book_self", fmt="one_to_one"),
    S(slug="sydenham-community-counselling", name="Low-cost Counselling",
      org="sydenham-community-counselling",
      desc="Weekly counselling sessions with qualified or final-year trainee counsellors, charged on a sliding scale according to income. "
           "After a first assessment call you'll be offered up to 12 sessions, in person in Sydenham or on video. "
           "There is usually a waiting list of a few weeks.",
      venue="sydenham-library", delivery=["in_person", "online"], acts=["calm.listening"],
      when=[("W", "MO,TU,WE,TH", "10:00", "20:00", "By appointment, Monday to Thursday, 10am to 8pm",
             None, "In person, or on video")],
      cost=("paid", 40, "Per session", "£10 to £40 a session depending on income"),
      ages=(18, None), apply="Fill in the online form or call for an assessment.", route="eligibility_check",
      fmt="one_to_one", extra_cost_facets=["concessions"]),
    # ----------------------------------------------------------------- giving
    S(slug="lewisham-volunteer-drop-in", name="Volunteering Drop-in",
      org="lewisham-volunteer-hub",
      desc="Come and chat to an adviser about volunteering: what you enjoy, how much time you have, and which local groups need help. "
           "Advisers can help you find roles that fit around health, caring or work, and can come with you to your first visit. "
           "Held every Wednesday afternoon in the library.",
      venue="lewisham-library", acts=["giving.volunteering"],
      when=[("W", "WE", "13:30", "16:00")], cost="free", ages=(16, None),
      apply="Just turn up.", route="drop_in", fmt="one_to_one"),
    S(slug="downham-residents-forum", name="Downham Residents' Forum",
      org="downham-residents-forum",
      desc="A monthly evening meeting where residents raise local issues, plan improvements and hear from the council and housing providers. "
           "New faces are always welcome, and there's tea and biscuits. "
           "You can come just to listen.",
      venue="downham-leisure", acts=["giving.community_action"],
      when=[("M", "2MO", "18:30", "20:00")], cost="free",
      ages=(18, None), apply="Just turn up.", route="drop_in", fmt="large_group", tel=False, assured="2024-11-27"),
    S(slug="lewisham-health-champions", name="Community Health Champions",
      org="lewisham-health-champions",
      desc="A volunteer role for local people who'd like to share health information with their neighbours, faith groups or clubs. "
           "You get free training and ongoing support, and give as much time as suits you. "
           "Training has support in Somali, Turkish and Yoruba, and champions who speak other languages are especially welcome.",
      venue="lewisham-library", acts=["giving.peer_roles", "giving.volunteering"],
      when=[("W", "WE", "10:00", "12:30", "Training on Wednesday mornings; then flexible")],
      cost="free", ages=(18, None),
      apply="Call or email for an informal chat.", route="book_self", fmt="small_group",
      langs=["so", "tr", "yo"]),
    # ------------------------------------------------------ family and youth
    S(slug="bellingham-youth-club", name="Bellingham Youth Club",
      org="bellingham-youth-club",
      desc="An open-access youth club for young people aged 11 to 19, with pool, music, cooking, sports and trips. "
           "Youth workers are around to chat about anything, from school and jobs to stress. "
           "Just come along with a friend or on your own.",
      venue="bellingham-leisure", acts=["family_youth.youth_clubs"],
      when=[("W", "TU,TH", "17:00", "20:00")], cost="free", ages=(11, 19),
      elig="Young people aged 11 to 19", audience=["young_people"],
      apply="Just turn up; fill in a short registration form on your first visit.", route="drop_in",
      fmt="large_group"),
    S(slug="new-cross-young-peoples-space", name="Young People's Space",
      org="new-cross-youth-space",
      desc="An after-school drop-in for young people aged 11 to 25, with homework help, free Wi-Fi and laptops, snacks and youth workers to talk to. "
           "There are CV and job sessions for older young people and games for everyone. "
           "Just come in; it's a calm, safe space.",
      venue="new-cross-learning", acts=["family_youth.youth_clubs", "learning.digital"],
      when=[("W", "MO,TU,WE,TH", "16:00", "19:00")], cost="free", ages=(11, 25),
      elig="Young people aged 11 to 25", audience=["young_people"],
      apply="Just turn up.", route="drop_in", fmt="large_group", acc=["quiet_space"]),
    S(slug="grove-park-family-saturdays", name="Family Saturdays",
      org="grove-park-family-saturdays",
      desc="Free Saturday morning activities for families in the library: stories, crafts, Lego and games. "
           "Parents and carers stay with their children, and it's a good way to meet other families nearby. "
           "No need to book.",
      venue="grove-park-library", acts=["family_youth.family_activities"],
      when=[("W", "SA", "10:00", "12:00")], cost="free", audience=["families"],
      apply="Just turn up.", route="drop_in", fmt="large_group", tel=False),
    S(slug="lewisham-young-adults-meetup", name="Young Adults Meetup",
      org="lewisham-young-adults",
      desc="A Tuesday evening social for young adults aged 18 to 25 in the Albany café, with games, food and a relaxed atmosphere. "
           "It's for anyone who'd like to meet people their own age, especially if you've just moved here, left college or are between jobs. "
           "A host meets newcomers at the door.",
      venue="the-albany", acts=["social.drop_in_chat", "social.games_quizzes"],
      when=[("W", "TU", "18:30", "20:30")], cost="free", ages=(18, 25),
      elig="Young adults aged 18 to 25", audience=["young_people"],
      apply="Just turn up.", route="drop_in", fmt="large_group", tel=False),
    S(slug="hither-green-tuesday-lunch", name="Hither Green Tuesday Lunch Club",
      org="hither-green-lunch-club",
      desc="A lunch club for older people that met in the church hall on Tuesdays. "
           "The club closed when its volunteers retired; the Bellingham and Catford lunch clubs are the nearest alternatives.",
      venue="st-swithuns", acts=["social.lunch_clubs"],
      when=[("W", "TU", "12:00", "14:00")],
      cost=("low", 3, "Per lunch", "£3 per lunch"),
      ages=(60, None), elig="People aged 60 and over", audience=["older_people"],
      apply="This club has closed.", route="drop_in", fmt="large_group",
      status="defunct", assured="2024-06-12", tel=False),
]

ORGS.update({
    "ravensbourne-money-advice": ("Ravensbourne Money Advice",
        "An independent charity giving free, confidential advice on debt, benefits and bills to people in Lewisham."),
    "catford-community-larder": ("Catford Community Larder",
        "An emergency food bank run by local churches and volunteers in Catford."),
    "deptford-food-pantry": ("Deptford Food Pantry",
        "A membership food pantry: a weekly shop of groceries for a small fixed fee."),
    "forest-hill-fridge": ("Forest Hill Community Fridge",
        "Volunteers sharing surplus food from local shops so it gets eaten, not thrown away."),
    "downham-social-supermarket": ("Downham Social Supermarket",
        "A low-cost community shop for people on a low income, with advice on site."),
    "lewisham-housing-help": ("Lewisham Housing Help",
        "Free, independent housing advice for tenants and people at risk of losing their home."),
    "south-london-renters-line": ("South London Renters' Advice Line",
        "A phone and video advice service for private renters in south London."),
    "new-cross-law-clinic": ("New Cross Community Law Clinic",
        "Free legal and immigration advice clinics with volunteer solicitors and regulated advisers."),
    "downham-job-club": ("Downham Job Club",
        "Friendly, practical help with finding work."),
    "lewisham-50-plus-works": ("50 Plus Works Lewisham",
        "One-to-one employment support for people aged 50 and over."),
    "crofton-park-tech-help": ("Crofton Park Tech Help",
        "Volunteers helping people get online and use their phones, tablets and computers."),
    "tech-buddies-phone": ("Tech Buddies",
        "Volunteers who help older people with technology over the phone."),
    "lewisham-door-to-door": ("Lewisham Door to Door",
        "A community transport charity running accessible minibuses for people who find public transport difficult."),
    "lewisham-handy-help": ("Lewisham Handy Help",
        "A handyperson service doing small repairs and safety jobs for older and disabled people."),
    "brockley-community-kitchen": ("Brockley Community Kitchen",
        "A weekly hot meal and food share in Brockley."),
    "surrey-quays-job-club": ("Surrey Quays Job Club",
        "A job club at Canada Water Library open to people from Southwark and Lewisham."),
    "lewisham-travel-buddies": ("Lewisham Travel Buddies",
        "Volunteers who go with people to appointments and activities until they feel confident to travel alone."),
})

SERVICES += [
    # -------------------------------------------------------- practical help
    S(slug="ravensbourne-money-advice-drop-in", name="Money Advice Drop-in, Lewisham Library",
      org="ravensbourne-money-advice",
      desc="Free, confidential advice on debts, benefits, council tax and energy bills from qualified advisers. "
           "Bring any letters or bills you have; the adviser will look at your situation, check you're getting everything you're entitled to and help you make a plan. "
           "Advisers who speak Polish and Turkish are usually available on Thursdays, and a BSL interpreter can be booked for any session.",
      venue="lewisham-library", acts=["practical_help.money_advice"],
      when=[("W", "TU,TH", "10:00", "13:00")], cost="free", ages=(18, None),
      langs=["pl", "tr", "bfi"], apply="Just turn up; you'll be seen in order of arrival.", route="drop_in",
      fmt="one_to_one", acc=["interpreters", "bsl"]),
    S(slug="ravensbourne-deptford-debt-help", name="Debt Help Appointments, Deptford",
      org="ravensbourne-money-advice",
      desc="Longer one-to-one appointments for people with serious or complicated debts, including bailiff action and court letters. "
           "An adviser works with you over several appointments, can talk to creditors for you and can help with debt relief options. "
           "Appointments are in person at the Deptford Lounge or by phone.",
      venue="deptford-lounge", delivery=["in_person", "phone"], acts=["practical_help.money_advice"],
      when=[("W", "MO,WE,FR", "09:30", "16:30", "By appointment, Mondays, Wednesdays and Fridays",
             None, "In person or by phone")],
      cost="free", ages=(18, None),
      apply="Call to book an appointment, or ask your link worker to refer you.", route="book_self",
      fmt="one_to_one"),
    S(slug="ravensbourne-benefits-phone-line", name="Benefits Check Phone Line",
      org="ravensbourne-money-advice",
      desc="Call for a free benefits check over the phone: an adviser asks about your household and income and tells you what you may be able to claim, such as Pension Credit, Attendance Allowance or Universal Credit. "
           "They can help you start a claim and send you the forms you need. "
           "Advisers who speak Polish and Turkish are on the line most days; if it's busy, leave a message and you'll be called back within two working days.",
      venue=None, delivery=["phone"], acts=["practical_help.money_advice"],
      when=[("W", "MO,TU,WE,TH,FR", "10:00", "16:00", "Monday to Friday, 10am to 4pm")],
      cost="free", ages=(18, None), elig="People living in Lewisham",
      apply="Just call the line.", route="book_self", fmt="one_to_one", langs=["pl", "tr"]),
    S(slug="ravensbourne-pension-credit-visits", name="Pension Credit Home Visits",
      org="ravensbourne-money-advice",
      desc="An adviser visits people aged 66 and over at home to check their benefits and help fill in claim forms for Pension Credit, Attendance Allowance and help with council tax. "
           "A family member or friend can be there too. "
           "Call to arrange a visit, or ask your link worker to refer you.",
      venue=None, delivery=["home_visit"], acts=["practical_help.money_advice"],
      when=[("W", "MO,TU,WE,TH,FR", "09:30", "16:30", "By appointment, Monday to Friday")],
      cost="free", ages=(66, None), elig="People over State Pension age living in Lewisham",
      audience=["older_people"],
      apply="Call to arrange a home visit, or ask your link worker to refer you.", route="book_self",
      fmt="one_to_one"),
    S(slug="ravensbourne-warm-home-advice", name="Warm Home Advice Session",
      org="ravensbourne-money-advice",
      desc="A weekly drop-in where an energy adviser helps with gas and electricity bills, prepayment meters, debt to suppliers and grants for keeping warm. "
           "Bring a recent bill or your meter details if you can. "
           "You'll come away with a plan and, where possible, an application made for you.",
      venue="grove-park-library", acts=["practical_help.money_advice"],
      when=[("W", "FR", "10:00", "13:00")], cost="free", ages=(18, None),
      apply="Just turn up.", route="drop_in", fmt="one_to_one", assured="2025-10-07"),
    S(slug="ravensbourne-sydenham-outreach", name="Advice Outreach, Sydenham",
      org="ravensbourne-money-advice",
      desc="A weekly advice session in Sydenham Library covering benefits, debt, bills and form filling. "
           "Appointments are 30 minutes; if your problem needs longer, the adviser will book you a follow-up. "
           "Some walk-in slots are kept free on each day.",
      venue="sydenham-library", acts=["practical_help.money_advice"],
      when=[("W", "MO", "13:00", "16:00")], cost="free", ages=(18, None),
      apply="Call to book, or turn up early for a walk-in slot.", route="book_self", fmt="one_to_one"),
    S(slug="catford-community-larder", name="Catford Community Larder",
      org="catford-community-larder",
      desc="An emergency food bank giving three days of food to people who are struggling, with toiletries and baby items when available. "
           "You'll need a referral voucher from an agency such as your GP practice, link worker, school or advice service; call if you're unsure how to get one. "
           "Volunteers, some of whom speak Somali and Twi, offer a hot drink and a chat, and can put you in touch with money advice.",
      venue="st-laurence-catford", acts=["practical_help.food_support"],
      when=[("W", "TU,FR", "11:00", "14:00")], cost="free",
      apply="Bring a referral voucher from an agency (your link worker can give you one).", route="referral_form",
      fmt="one_to_one", langs=["so", "tw"], audience=["faith_based"]),
    S(slug="deptford-food-pantry", name="Deptford Food Pantry",
      org="deptford-food-pantry",
      desc="A membership food pantry: for £4 a week members choose at least £20 worth of groceries, including fresh fruit, vegetables and chilled food. "
           "Membership is for people living in Deptford and New Cross on a low income; sign up in person with proof of address. "
           "There's a café corner where you can have a cup of tea and meet other members.",
      venue="st-pauls-deptford", acts=["practical_help.food_support"],
      when=[("W", "WE", "14:00", "17:00")],
      cost=("low", 4, "Per weekly shop", "£4 a week for at least £20 of groceries"),
      elig="People on a low income living in Deptford and New Cross",
      ages=(18, None), apply="Come in on a Wednesday with proof of address to sign up.", route="eligibility_check",
      fmt="large_group"),
    S(slug="forest-hill-community-fridge", name="Forest Hill Community Fridge",
      org="forest-hill-fridge",
      desc="Surplus food from local shops and cafés, free for anyone to take, three afternoons a week in the library garden. "
           "There are no forms and no questions; just bring a bag. "
           "Volunteers also share recipes for making the most of what's in the fridge that day.",
      venue="forest-hill-library", acts=["practical_help.food_support"],
      when=[("W", "MO,WE,FR", "16:00", "18:00")], cost="free",
      apply="Just turn up with a bag.", route="drop_in", fmt="large_group", tel=False),
    S(slug="downham-social-supermarket", name="Downham Social Supermarket",
      org="downham-social-supermarket",
      desc="A community shop selling groceries, fresh food and household essentials at well below supermarket prices to people on a low income. "
           "Members are referred by a link worker, housing officer or advice service, and can shop weekly for up to six months. "
           "A money adviser is in the shop on Thursdays.",
      venue="downham-leisure", acts=["practical_help.food_support", "practical_help.money_advice"],
      when=[("W", "TH,SA", "12:00", "15:00")],
      cost=("low", 5, "Per shop", "Prices about a third of normal supermarket prices; a typical weekly shop costs £5 to £10"),
      elig="People on a low income living in Lewisham",
      ages=(18, None), apply="Ask your link worker, housing officer or an advice service to refer you.", route="referral_form",
      fmt="one_to_one"),
    S(slug="lewisham-housing-help-drop-in", name="Housing Advice Drop-in",
      org="lewisham-housing-help",
      desc="Free, independent advice for tenants and people at risk of losing their home: eviction notices, rent arrears, disrepair, damp and mould, and dealing with landlords. "
           "Bring any letters or your tenancy agreement. "
           "If you have a court date or are homeless tonight, tell the receptionist straight away so you can be seen first.",
      venue="catford-library", acts=["practical_help.housing_advice"],
      when=[("W", "WE", "13:00", "16:00")], cost="free", ages=(18, None),
      apply="Just turn up; urgent cases are seen first.", route="drop_in", fmt="one_to_one",
      langs=["ar", "so"], acc=["interpreters"]),
    S(slug="south-london-renters-line", name="Private Renters' Advice Line",
      org="south-london-renters-line",
      desc="Phone or video advice for private renters in Lewisham and neighbouring boroughs: deposits, repairs, rent increases, eviction notices and illegal evictions. "
           "An adviser will explain your rights and help you write to your landlord. "
           "Call to book a 30-minute appointment, usually within a week.",
      venue=None, delivery=["phone", "online"], acts=["practical_help.housing_advice"],
      when=[("W", "TU,WE,TH", "10:00", "17:00", "By appointment, Tuesday to Thursday, 10am to 5pm",
             None, "By phone or on video")],
      cost="free", ages=(18, None), elig="Private renters in south London", area="London",
      apply="Call or email to book an appointment.", route="book_self", fmt="one_to_one"),
    S(slug="new-cross-law-clinic", name="Legal and Immigration Advice Clinic",
      org="new-cross-law-clinic",
      desc="Free advice sessions with volunteer solicitors and regulated immigration advisers on immigration status, asylum, family, employment and consumer problems. "
           "Each appointment is 45 minutes; interpreters for Arabic, Tigrinya, Spanish and Portuguese can be booked. "
           "Call the week before to book a slot.",
      venue="new-cross-learning", acts=["practical_help.legal_immigration"],
      when=[("M", "2SA,4SA", "10:00", "13:00")], cost="free", ages=(18, None),
      langs=["ar", "ti", "es", "pt"],
      apply="Call the week before to book an appointment.", route="book_self", fmt="one_to_one",
      acc=["interpreters"]),
    S(slug="downham-job-club", name="Downham Job Club",
      org="downham-job-club",
      desc="A weekly job club in Downham Library with help to write a CV, search and apply for jobs online, and prepare for interviews. "
           "Computers and printing are free, and volunteers with recruitment experience work with you one-to-one. "
           "Just drop in; bring any job adverts you're interested in.",
      venue="downham-leisure", acts=["practical_help.work_support", "learning.digital"],
      when=[("W", "WE", "10:00", "12:30")], cost="free", ages=(16, None),
      apply="Just turn up.", route="drop_in", fmt="small_group"),
    S(slug="fifty-plus-works", name="50 Plus Works",
      org="lewisham-50-plus-works",
      desc="One-to-one support for people aged 50 and over who want to get back into work, change job or stay in work with a health condition. "
           "A coach meets you regularly to build a plan, update your CV and find employers who value experience. "
           "Self-refer by phone or email, or ask your link worker.",
      venue="lewisham-library", acts=["practical_help.work_support"],
      when=[("W", "TU,WE,TH", "09:30", "16:30", "By appointment, Tuesday to Thursday")],
      cost="free", ages=(50, None), elig="People aged 50 and over living in Lewisham",
      audience=["older_people"],
      apply="Call or email to book a first meeting, or ask your link worker to refer you.", route="book_self",
      fmt="one_to_one"),
    S(slug="surrey-quays-job-club", name="Surrey Quays Job Club",
      org="surrey-quays-job-club",
      desc="A Monday afternoon job club at Canada Water Library, a short walk or bus ride from north Deptford. "
           "Advisers help with CVs, online applications and interview practice, and share local vacancies and training courses. "
           "Open to people from Southwark and Lewisham.",
      venue="canada-water-library", acts=["practical_help.work_support"],
      when=[("W", "MO", "13:00", "15:30")], cost="free", ages=(16, None),
      apply="Just turn up.", route="drop_in", fmt="small_group", assured="2025-03-18"),
    S(slug="crofton-park-tech-help", name="Tech Help Drop-in",
      org="crofton-park-tech-help",
      desc="Bring your phone, tablet or laptop, or use the library's computers, and a patient volunteer will help with whatever you're stuck on: email, video calls, NHS App, online shopping or staying safe online. "
           "Complete beginners are very welcome and nobody will rush you. "
           "Free SIM cards with data are available for people who can't afford to get online.",
      venue="crofton-park-library", acts=["learning.digital"],
      when=[("W", "TH", "14:00", "16:00")], cost="free", ages=(18, None),
      apply="Just turn up.", route="drop_in", fmt="one_to_one"),
    S(slug="tech-buddies-by-phone", name="Tech Buddies by Phone",
      org="tech-buddies-phone",
      desc="A volunteer phones you each week to help you learn to use your smartphone, tablet or computer, one step at a time. "
           "It's for people aged 60 and over who'd like to video call family, order prescriptions or use online banking. "
           "Sessions last about 30 minutes and continue for as long as you find them useful.",
      venue=None, delivery=["phone"], acts=["learning.digital"],
      when=[("W", "MO,TU,WE,TH,FR", "10:00", "17:00", "A weekly call at a time that suits you, Monday to Friday")],
      cost="free", ages=(60, None), elig="People aged 60 and over living in Lewisham",
      audience=["older_people"],
      apply="Call or email to sign up, or ask your link worker to refer you.", route="book_self",
      fmt="one_to_one"),
    S(slug="lewisham-door-to-door", name="Door to Door Minibus",
      org="lewisham-door-to-door",
      desc="An accessible minibus service for people who find it hard to use buses and trains, taking you door to door to shops, lunch clubs, day centres and community groups in Lewisham. "
           "Drivers help you on and off, and wheelchair users can travel in their chair. "
           "Become a member with a short phone call, then book trips at least two days ahead.",
      venue=None, delivery=["in_person"], acts=["practical_help.transport"],
      when=[("W", "MO,TU,WE,TH,FR", "09:00", "17:00", "Booking line Monday to Friday, 9am to 5pm; trips by arrangement")],
      cost=("low", 3.5, "Per single journey", "£3.50 a single journey; companions travel free"),
      elig="People living in Lewisham who find public transport difficult",
      audience=["older_people", "disabled_people"],
      apply="Call to become a member and book trips.", route="eligibility_check", fmt="one_to_one",
      acc=["step_free", "carer_free"]),
    S(slug="lewisham-handy-help", name="Handy Help",
      org="lewisham-handy-help",
      desc="A handyperson visits your home to do small repairs and safety jobs: fitting grab rails, key safes and smoke alarms, fixing dripping taps or sticking doors. "
           "Labour is free for disabled people and people aged 65 and over; you pay only for materials. "
           "Call to book; visits are usually within two weeks.",
      venue=None, delivery=["home_visit"], acts=["practical_help.home_support"],
      when=[("W", "MO,TU,WE,TH,FR", "09:00", "16:00", "By appointment, Monday to Friday")],
      cost=("free", "Labour is free; you pay only for materials"),
      elig="People aged 65 and over, or disabled people, living in Lewisham",
      audience=["older_people", "disabled_people"],
      apply="Call to book a visit.", route="book_self", fmt="one_to_one", assured="2025-06-24"),
    S(slug="brockley-community-kitchen", name="Brockley Community Kitchen",
      org="brockley-community-kitchen",
      desc="A hot meal every Thursday lunchtime, plus a table of free bread, fruit and vegetables to take home. "
           "Everyone eats together at shared tables, and you can pay what you can or nothing at all. "
           "Please note the hall is down a flight of steps; volunteers can bring a takeaway meal up to the street for anyone who can't manage them.",
      venue="st-peters-brockley", acts=["practical_help.food_support", "social.lunch_clubs"],
      when=[("W", "TH", "12:30", "14:00")],
      cost=("pwyc", "Pay what you can, or nothing"),
      apply="Just turn up.", route="drop_in", fmt="large_group", tel=False),
    S(slug="lewisham-travel-buddies", name="Travel Buddies",
      org="lewisham-travel-buddies",
      desc="A volunteer travels with you on the bus or train to a new group, activity or appointment, until you feel confident going on your own. "
           "It helps people who are anxious about travelling, new to the area or getting back out after an illness. "
           "Your link worker can refer you, or you can call.",
      venue=None, delivery=["in_person"], acts=["practical_help.transport", "social.befriending"],
      when=[("W", "MO,TU,WE,TH,FR", "09:30", "17:00", "By arrangement, Monday to Friday")],
      cost="free", ages=(18, None), elig="Adults living in Lewisham",
      apply="Ask your link worker to refer you, or call to talk it through.", route="referral_form",
      fmt="one_to_one"),
    S(slug="rainbow-chat-online", name="Rainbow Chat Online",
      org="rainbow-lewisham",
      desc="A fortnightly online chat for LGBTQ+ adults who can't easily get to in-person events, including older people and people living with illness or disability. "
           "A volunteer host keeps things friendly and relaxed; some weeks there's a quiz or a theme. "
           "Email to get the video link; cameras on or off, as you like.",
      venue=None, delivery=["online"], acts=["social.drop_in_chat", "peer_support.mental_health"],
      when=[("W", "SU", "16:00", "17:00", "Every other Sunday, 4pm to 5pm")],
      cost="free", ages=(18, None), elig="LGBTQ+ adults aged 18 and over", audience=["lgbtq"],
      area="London", apply="Email to get the video link.", route="book_self", fmt="small_group",
      interval=2, tel=False),
]


ORGS.update({
    "bellingham-money-confidence": ("Bellingham Money Confidence",
        "Friendly budgeting sessions and one-to-one money coaching in Bellingham."),
    "deptford-digital-hub": ("Deptford Digital Hub",
        "Helping people get online with free devices, data and patient one-to-one help."),
    "hither-green-volunteer-drivers": ("Hither Green Volunteer Drivers",
        "Volunteer drivers who take people to hospital and GP appointments in their own cars."),
    "lewisham-baby-bank": ("Lewisham Baby Bank",
        "Passing on good-quality baby clothes, equipment and nappies to families who need them."),
})

SERVICES += [
    S(slug="bellingham-money-confidence", name="Money Confidence Sessions",
      org="bellingham-money-confidence",
      desc="A friendly four-week group on managing money: budgeting, cutting bills, avoiding high-cost loans and making savings go further. "
           "There's no judgement and no need to share your own figures in the group; a money coach can see you one-to-one afterwards if you'd like. "
           "Sessions run in the church hall with tea and biscuits, and the coach also speaks Yoruba.",
      venue="st-dunstans-bellingham", acts=["practical_help.money_advice", "learning.courses"],
      when=[("W", "TU", "10:00", "12:00", "Tuesdays, 10am to noon, for four weeks")],
      cost="free", ages=(18, None), langs=["yo"],
      apply="Call or email to book a place on the next group.", route="book_self", fmt="small_group"),
    S(slug="deptford-digital-hub", name="Get Online Hub",
      org="deptford-digital-hub",
      desc="Help to get online for people who don't have a device or data at home: free reconditioned laptops and tablets, free SIM cards with data, and one-to-one help to use them. "
           "Volunteers help with things like Universal Credit journals, NHS App, job searches and video calls. "
           "Volunteers who speak Bengali and Somali are there on Friday mornings.",
      venue="deptford-lounge", acts=["learning.digital"],
      when=[("W", "FR", "10:00", "13:00")], cost="free", ages=(16, None), langs=["bn", "so"],
      apply="Just turn up, or ask your link worker to refer you for a free device.", route="drop_in",
      fmt="one_to_one", acc=["interpreters"]),
    S(slug="hither-green-volunteer-drivers", name="Volunteer Drivers for Appointments",
      org="hither-green-volunteer-drivers",
      desc="Volunteer drivers take people to hospital, GP and dental appointments in their own cars when public transport is too difficult. "
           "The driver waits and brings you home again; you pay a small contribution towards petrol. "
           "Book at least three working days ahead.",
      venue=None, delivery=["in_person"], acts=["practical_help.transport"],
      when=[("W", "MO,TU,WE,TH,FR", "09:00", "16:00", "Booking line Monday to Friday, 9am to 4pm; journeys by arrangement")],
      cost=("low", 4, "Per return journey", "About £4 for a local return journey, towards petrol"),
      elig="People living in Lee, Hither Green, Catford and Grove Park who can't easily use public transport",
      ages=(18, None), apply="Call to book a journey at least three working days ahead.", route="book_self", fmt="one_to_one"),
    S(slug="lewisham-baby-bank", name="Baby Bank",
      org="lewisham-baby-bank",
      desc="Families who are struggling can get free baby clothes, nappies, prams, cots and other essentials for children up to five. "
           "A referral from a health visitor, midwife, link worker or children's centre is needed, and you can collect or choose items at the community centre. "
           "Volunteers speak Spanish and Portuguese as well as English.",
      venue="honor-oak-centre", acts=["practical_help.food_support", "peer_support.parents"],
      when=[("W", "WE", "10:00", "13:00")], cost="free",
      elig="Families with children under five who are struggling financially", audience=["families"],
      langs=["es", "pt"],
      apply="Ask your health visitor, midwife or link worker to refer you.", route="referral_form",
      fmt="one_to_one"),
]


# ==========================================================================
# Building HSDS 3.0 / ORUK 3.0 objects from the records above
# ==========================================================================

DAY_NAMES = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday",
             "FR": "Friday", "SA": "Saturday", "SU": "Sunday"}
DAY_ORDER = list(DAY_NAMES)
ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}
ATTENDING = {"in_person": "In person", "online": "Online (video)", "phone": "By phone",
             "home_visit": "At your home"}

FRESH_FROM = dt.date(2025, 12, 1)   # fresh entries: assured 2025-12-01 .. 2026-11-10
FRESH_SPAN_DAYS = 345


def fmt_time(hhmm: str) -> str:
    h, m = (int(x) for x in hhmm.split(":"))
    if (h, m) == (12, 0):
        return "noon"
    suffix = "am" if h < 12 else "pm"
    h12 = h % 12 or 12
    return f"{h12}{suffix}" if m == 0 else f"{h12}:{m:02d}{suffix}"


def join_words(words):
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def describe_days(freq: str, byday: str) -> str:
    parts = byday.split(",")
    if freq == "WEEKLY":
        idx = [DAY_ORDER.index(p) for p in parts]
        if len(idx) >= 3 and idx == list(range(idx[0], idx[-1] + 1)):
            return f"{DAY_NAMES[parts[0]]} to {DAY_NAMES[parts[-1]]}"
        return join_words([DAY_NAMES[p] + "s" for p in parts])
    # MONTHLY, e.g. "1WE", "-1FR", "2TH,4TH"
    ords, days = [], []
    for p in parts:
        n, d = int(p[:-2]), p[-2:]
        ords.append(ORDINALS[n])
        days.append(d)
    if len(set(days)) == 1:
        text = f"{join_words(ords)} {DAY_NAMES[days[0]]} of the month"
    else:
        text = join_words([f"{o} {DAY_NAMES[d]}" for o, d in zip(ords, days)]) + " of the month"
    return text[0].upper() + text[1:]


def describe_schedule(freq, byday, opens, closes):
    return f"{describe_days(freq, byday)}, {fmt_time(opens)} to {fmt_time(closes)}"


def money(amount) -> str:
    return f"£{amount:g}" if float(amount).is_integer() else f"£{amount:.2f}"


def num(x):
    return int(x) if float(x).is_integer() else x


def make_term(code: str, taxonomy: str, name: str) -> dict:
    tid = term_id(code)
    return {"id": tid, "code": code, "name": name, "description": name,
            "taxonomy": taxonomy, "version": TAXONOMY_VERSION}


def make_attribute(service_slug: str, service_id: str, code: str, taxonomy: str, name: str) -> dict:
    term = make_term(code, taxonomy, name)
    return {
        "id": uid("attribute", f"{service_slug}/{code}"),
        "link_id": service_id,
        "link_type": "service",
        "link_entity": "service",
        "value": "",
        "taxonomy_term_id": term["id"],
        "taxonomy_term": term,
    }


def allocate_phones() -> dict:
    """One drama-range number per organisation, in ORGS order (deterministic)."""
    reserved = {rec["phone_number"] for rec in SERVICES if rec.get("phone_number")}
    numbers, n = {}, 100
    for org_slug in ORGS:
        while True:
            candidate = f"020 7946 0{n:03d}"
            n += 3
            if candidate not in reserved:
                break
        numbers[org_slug] = candidate
    assert n <= 1000, "ran out of drama-range numbers"
    return numbers


def dates_for(rec) -> tuple[str, str]:
    slug = rec["slug"]
    if rec.get("assured"):
        assured = dt.date.fromisoformat(rec["assured"])
    else:
        assured = FRESH_FROM + dt.timedelta(days=stable_int("assured/" + slug) % FRESH_SPAN_DAYS)
    h = stable_int("modified/" + slug)
    modified_day = assured + dt.timedelta(days=h % 21)
    latest = AS_OF - dt.timedelta(days=1)
    if modified_day > latest:
        modified_day = max(assured, latest)
    minutes = 8 * 60 + (h // 21) % (10 * 60)          # between 08:00 and 17:59
    stamp = dt.datetime.combine(modified_day, dt.time(minutes // 60, minutes % 60))
    return assured.isoformat(), stamp.strftime("%Y-%m-%dT%H:%M:00Z")


def cost_options(rec, service_id):
    spec = rec["cost"]
    slug = rec["slug"]
    facets = []

    def opt(i, **fields):
        d = {"id": uid("cost_option", f"{slug}/{i}"), "service_id": service_id}
        d.update(fields)
        return d

    if spec == "free" or (isinstance(spec, tuple) and spec[0] == "free"):
        extra = {"amount_description": spec[1]} if isinstance(spec, tuple) else {}
        options = [opt(1, option="Free", amount=0, currency="GBP", **extra)]
        facets.append("free")
    elif spec[0] == "pwyc":
        options = [opt(1, option="Pay what you can", amount=0, currency="GBP", amount_description=spec[1])]
        facets.append("pay_what_you_can")
    elif spec[0] == "low":
        _, amount, option, descr = spec
        options = [opt(1, option=option, amount=num(amount), currency="GBP", amount_description=descr)]
        facets.append("low_cost")
    elif spec[0] == "conc":
        _, full, conc, unit = spec
        options = [
            opt(1, option=f"{unit} (standard)", amount=num(full), currency="GBP",
                amount_description=f"{money(full)} {unit.lower()}"),
            opt(2, option=f"{unit} (concession)", amount=num(conc), currency="GBP",
                amount_description=f"{money(conc)} for people aged 60 and over, students and people on means-tested benefits"),
        ]
        facets += ["low_cost" if full <= 5 else "paid", "concessions"]
    elif spec[0] == "paid":
        _, amount, option, descr = spec
        options = [opt(1, option=option, amount=num(amount), currency="GBP", amount_description=descr)]
        facets.append("paid")
    else:
        raise ValueError(f"{slug}: unknown cost spec {spec!r}")
    for f in rec.get("extra_cost_facets", []):
        if f not in facets:
            facets.append(f)
    return options, facets


def location_object(venue_slug: str) -> dict:
    v = VENUES[venue_slug]
    loc_id = uid("location", venue_slug)
    return {
        "id": loc_id,
        "location_type": "physical",
        "name": v["name"],
        "latitude": v["lat"],
        "longitude": v["lon"],
        "addresses": [{
            "id": uid("address", venue_slug),
            "location_id": loc_id,
            "address_1": v["address_1"],
            "city": "London",
            "region": v["region"],
            "state_province": "London",
            "postal_code": v["postcode"],
            "country": "GB",
            "address_type": "physical",
        }],
        "accessibility": [{
            "id": uid("accessibility", venue_slug),
            "location_id": loc_id,
            "description": v["access"],
        }],
    }


def build_service(rec: dict, phones: dict) -> dict:
    slug = rec["slug"]
    sid = uid("service", slug)
    org_slug = rec["org"]
    org_name, org_desc = ORGS[org_slug]
    website = f"https://{org_slug}.example.org/"
    venues = rec.get("venue")
    venues = [] if venues is None else ([venues] if isinstance(venues, str) else list(venues))
    delivery = rec.get("delivery") or (["in_person"] if venues else None)
    if not delivery:
        raise ValueError(f"{slug}: no venue and no delivery mode")
    assured, modified = dates_for(rec)

    svc = {
        "id": sid,
        "organization_id": uid("organization", org_slug),
        "name": rec["name"],
        "description": rec["desc"],
        "url": rec.get("url") or (website if slug == org_slug else f"{website}{slug}"),
        "email": rec.get("email") or f"hello@{org_slug}.example.org",
        "status": rec.get("status", "active"),
    }
    if rec.get("alert"):
        svc["alert"] = rec["alert"]
    ages = rec.get("ages")
    if ages:
        if ages[0] is not None:
            svc["minimum_age"] = ages[0]
        if ages[1] is not None:
            svc["maximum_age"] = ages[1]
    if rec.get("elig"):
        svc["eligibility_description"] = rec["elig"]
    svc["application_process"] = rec["apply"]
    svc["assured_date"] = assured
    svc["assurer_email"] = ASSURER_EMAIL
    svc["last_modified"] = modified

    svc["organization"] = {
        "id": uid("organization", org_slug),
        "name": org_name,
        "description": org_desc,
        "email": f"hello@{org_slug}.example.org",
        "website": website,
    }

    if rec.get("tel", True):
        svc["phones"] = [{
            "id": uid("phone", slug),
            "service_id": sid,
            "number": rec.get("phone_number") or phones[org_slug],
            "type": "voice",
        }]

    schedules = []
    for i, entry in enumerate(rec["when"], start=1):
        entry = tuple(entry) + (None,) * (7 - len(entry))
        f, byday, opens, closes, descr, notes, attending = entry
        freq = {"W": "WEEKLY", "M": "MONTHLY"}[f]
        sched = {"id": uid("schedule", f"{slug}/{i}"), "service_id": sid, "freq": freq}
        if rec.get("interval"):
            sched["interval"] = rec["interval"]
            sched["dtstart"] = "2026-01-04"
        sched.update({
            "byday": byday,
            "wkst": "MO",
            "opens_at": opens,
            "closes_at": closes,
            "description": descr or describe_schedule(freq, byday, opens, closes),
            "attending_type": attending or " or ".join(ATTENDING[d] for d in delivery),
        })
        if notes:
            sched["notes"] = notes
        schedules.append(sched)
    svc["schedules"] = schedules

    area = rec.get("area", "Lewisham")
    svc["service_areas"] = [{
        "id": uid("service_area", slug),
        "service_id": sid,
        "name": area,
        "description": "Anywhere in London" if area == "London" else "London Borough of Lewisham",
    }]

    sals = []
    for v in venues:
        loc = location_object(v)
        sals.append({
            "id": uid("service_at_location", f"{slug}/{v}"),
            "service_id": sid,
            "location_id": loc["id"],
            "location": loc,
        })
    svc["service_at_locations"] = sals

    svc["languages"] = [
        {"id": uid("language", f"{slug}/{code}"), "service_id": sid,
         "name": LANGUAGE_NAMES[code], "code": code}
        for code in ["en"] + [c for c in rec.get("langs", []) if c != "en"]
    ]

    options, cost_facets = cost_options(rec, sid)
    svc["cost_options"] = options

    # ---- taxonomy tags as attributes -----------------------------------
    attrs = []
    acts = rec["acts"]
    if not 1 <= len(acts) <= 3:
        raise ValueError(f"{slug}: needs 1-3 activity types, has {len(acts)}")
    for code in acts:
        attrs.append(make_attribute(slug, sid, code, "linkwell", ACTIVITY_LABELS[code]))

    audience = list(rec.get("audience", []))
    if ages and ages[0] is not None and ages[0] >= 50 and "older_people" not in audience:
        audience.append("older_people")
    if ages and ages[1] is not None and ages[1] <= 25 and "young_people" not in audience:
        audience.append("young_people")
    acc = set(rec.get("acc", []))
    for v in venues:
        acc.update(VENUES[v]["acc"])

    facets = [("delivery", d) for d in delivery]
    facets += [("cost", c) for c in cost_facets]
    facets += [("audience", a) for a in audience]
    facets += [("accessibility", a) for a in FACET_LABELS["accessibility"] if a in acc]
    facets.append(("access_route", rec["route"]))
    facets.append(("format", rec["fmt"]))
    if rec.get("intensity"):
        facets.append(("intensity", rec["intensity"]))
    elif any(a.startswith("moving_more.") for a in acts):
        raise ValueError(f"{slug}: physical activity without an intensity")
    for prefix, fid in facets:
        label = FACET_LABELS[prefix][fid]
        attrs.append(make_attribute(slug, sid, f"{prefix}:{fid}", "linkwell-facets", label))
    svc["attributes"] = attrs
    return svc


def build_all() -> list:
    phones = allocate_phones()
    slugs = [r["slug"] for r in SERVICES]
    dupes = {s for s in slugs if slugs.count(s) > 1}
    if dupes:
        raise ValueError(f"duplicate service slugs: {sorted(dupes)}")
    missing = {r["org"] for r in SERVICES} - set(ORGS)
    if missing:
        raise ValueError(f"unknown organisations: {sorted(missing)}")
    return [build_service(rec, phones) for rec in SERVICES]


def write(services: list) -> None:
    text = json.dumps(services, indent=2, ensure_ascii=False) + "\n"
    OUT.write_text(text, encoding="utf-8")


# ==========================================================================
# Checks (python3 make_demo_data.py --check)
# ==========================================================================

BANNED_PHRASES = ["service user", "elderly", "suffering", "suffer from", "vulnerable", "the disabled",
                  "wheelchair-bound", "wheelchair bound", "hard to reach"]
LONDON_BBOX = (51.28, 51.70, -0.51, 0.34)   # lat min/max, lon min/max


def find_reference() -> Path | None:
    """The Open Referral schemas the repository's tests keep (tests/reference)."""
    cand = HERE.parents[3] / "tests" / "reference"
    return cand if cand.is_dir() else None


def find_taxonomy() -> Path:
    """Linkwell's own taxonomy, whose labels the demo data must use."""
    return HERE.parents[3] / "src" / "linkwell" / "taxonomy" / "taxonomy.yaml"


def walk(obj, path="$"):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from walk(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from walk(v, f"{path}[{i}]")
    yield path, obj


def sentence_count(text: str) -> int:
    import re
    return len([s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s])


def check_taxonomy_labels(ref: Path, problems: list) -> None:
    try:
        import yaml
    except ImportError:
        print("  (PyYAML missing: taxonomy labels not cross-checked)")
        return
    tax = yaml.safe_load(find_taxonomy().read_text(encoding="utf-8"))
    acts = {}
    for top in tax["activity_types"]:
        for child in top.get("children", []):
            acts[child["id"]] = child["label"]
    for code, label in ACTIVITY_LABELS.items():
        if acts.get(code) != label:
            problems.append(f"activity {code}: label {label!r} != taxonomy.yaml {acts.get(code)!r}")
    for prefix, entries in FACET_LABELS.items():
        yaml_entries = {e["id"]: e["label"] for e in tax["facets"][FACET_YAML_KEY.get(prefix, prefix)]}
        for fid, label in entries.items():
            if yaml_entries.get(fid) != label:
                problems.append(f"facet {prefix}:{fid}: label {label!r} != taxonomy.yaml {yaml_entries.get(fid)!r}")
    print(f"  taxonomy.yaml: {len(ACTIVITY_LABELS)} activity labels and "
          f"{sum(len(v) for v in FACET_LABELS.values())} facet labels cross-checked")


def validate(services: list) -> int:
    import re
    problems: list[str] = []
    ref = find_reference()

    # ---- JSON Schema -----------------------------------------------------
    try:
        import jsonschema
    except ImportError:
        print("jsonschema is not installed: pip install jsonschema")
        return 2
    schemas = []
    if ref:
        for rel in ["openreferral/oruk-3.0/schema/compiled/service.json",
                    "openreferral/hsds-3.0/schema/compiled/service.json"]:
            p = ref / rel
            if p.exists():
                schemas.append((rel, json.loads(p.read_text(encoding="utf-8"))))
    if not schemas:
        print("reference schemas not found (expected tests/reference in the repository)")
        return 2
    for rel, schema in schemas:
        cls = jsonschema.validators.validator_for(schema)
        validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
        ok = 0
        for svc in services:
            errs = sorted(validator.iter_errors(svc), key=lambda e: list(e.path))
            if errs:
                for e in errs[:5]:
                    problems.append(f"{svc['name']}: {rel}: {'/'.join(map(str, e.path))}: {e.message}")
            else:
                ok += 1
        print(f"  {rel}: {ok}/{len(services)} services valid")

    # ---- ORUK rules: UUIDs, no nulls, unique ids -------------------------
    seen = {}
    for svc in services:
        for path, value in walk(svc):
            if value is None:
                problems.append(f"{svc['name']}: null at {path}")
            key = path.rsplit(".", 1)[-1]
            if (key == "id" or key.endswith("_id")) and isinstance(value, str):
                try:
                    uuid.UUID(value)
                except ValueError:
                    problems.append(f"{svc['name']}: {path} is not a UUID: {value}")
            if key == "id" and isinstance(value, str):
                # shared entities (organisation, location, address, accessibility, term) repeat
                kind = re.sub(r"\[\d+\]", "", path)
                if kind in ("$.id", "$.schedules.id", "$.cost_options.id", "$.attributes.id",
                            "$.languages.id", "$.phones.id", "$.service_areas.id",
                            "$.service_at_locations.id"):
                    if value in seen and seen[value] != svc["id"]:
                        problems.append(f"{svc['name']}: id {value} reused at {path}")
                    if (value, path) in seen:
                        problems.append(f"{svc['name']}: duplicate id {value}")
                    seen[value] = svc["id"]

    # ---- content rules ----------------------------------------------------
    drama = re.compile(r"^020 7946 0\d{3}$")
    postcode_re = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$")
    for svc in services:
        name = svc["name"]
        n = sentence_count(svc["description"])
        if not 2 <= n <= 5:
            problems.append(f"{name}: description has {n} sentences")
        text = " ".join(str(v) for _, v in walk(svc) if isinstance(v, str)).lower()
        for phrase in BANNED_PHRASES:
            if phrase in text:
                problems.append(f"{name}: uses {phrase!r}")
        for addr in [svc["email"], svc["organization"]["email"]]:
            if not addr.endswith(".example.org"):
                problems.append(f"{name}: email {addr} is not an example.org address")
        for url in [svc["url"], svc["organization"]["website"]]:
            if not re.match(r"^https://[a-z0-9-]+\.example\.org/", url):
                problems.append(f"{name}: url {url} is not an example.org address")
        for ph in svc.get("phones", []):
            if not drama.match(ph["number"]):
                problems.append(f"{name}: phone {ph['number']} is outside the drama range")
        if svc["last_modified"][:10] < svc["assured_date"]:
            problems.append(f"{name}: last_modified before assured_date")
        if svc["last_modified"][:10] >= AS_OF.isoformat():
            problems.append(f"{name}: last_modified is in the future")
        acts = [a for a in svc["attributes"] if a["taxonomy_term"]["taxonomy"] == "linkwell"]
        if not 1 <= len(acts) <= 3:
            problems.append(f"{name}: {len(acts)} activity types")
        for sal in svc["service_at_locations"]:
            loc = sal["location"]
            lat, lon = loc["latitude"], loc["longitude"]
            if not (LONDON_BBOX[0] < lat < LONDON_BBOX[1] and LONDON_BBOX[2] < lon < LONDON_BBOX[3]):
                problems.append(f"{name}: {loc['name']} is outside London")
            pc = loc["addresses"][0]["postal_code"]
            if not postcode_re.match(pc):
                problems.append(f"{name}: bad postcode {pc}")
        for sched in svc["schedules"]:
            if not (re.match(r"^\d\d:\d\d$", sched["opens_at"]) and sched["opens_at"] < sched["closes_at"]):
                problems.append(f"{name}: bad times in schedule {sched['description']}")

    if ref:
        check_taxonomy_labels(ref, problems)

    # ---- a picture of the data -------------------------------------------
    def facet(svc, prefix):
        return [a["taxonomy_term"]["code"].split(":", 1)[1] for a in svc["attributes"]
                if a["taxonomy_term"]["code"].startswith(prefix + ":")]

    total = len(services)
    no_location = [s for s in services if not s["service_at_locations"]]
    remote_only = [s for s in no_location if set(facet(s, "delivery")) <= {"online", "phone"}]
    border = [s for s in services for sal in s["service_at_locations"]
              if sal["location"]["addresses"][0]["region"] != "Lewisham"]
    practical = [s for s in services if any(a["taxonomy_term"]["code"].startswith("practical_help.")
                                            or a["taxonomy_term"]["code"] == "learning.digital"
                                            for a in s["attributes"])]
    monthly = [s for s in services if any(x["freq"] == "MONTHLY" for x in s["schedules"])]
    stale = [s for s in services
             if dt.date.fromisoformat(s["assured_date"]) < AS_OF.replace(year=AS_OF.year - 1)]
    inactive = [s for s in services if s["status"] != "active"]
    other_lang = [s for s in services if any(l["code"] not in ("en", "bfi") for l in s["languages"])]
    bsl = [s for s in services if "bsl" in facet(s, "accessibility")]
    print(f"  {total} services, {len({s['organization']['id'] for s in services})} organisations, "
          f"{len({sal['location']['id'] for s in services for sal in s['service_at_locations']})} venues")
    print(f"  in person with a venue: {total - len(no_location)}; no venue: {len(no_location)} "
          f"(online/phone only: {len(remote_only)}); cross-border venues: {len(border)}")
    print(f"  practical help/advice: {len(practical)} ({100 * len(practical) // total}%); "
          f"monthly rules: {len(monthly)} ({100 * len(monthly) // total}%)")
    print(f"  stale (assured before {AS_OF.replace(year=AS_OF.year - 1)}): {len(stale)} "
          f"({100 * len(stale) // total}%); not active: {len(inactive)} ({[s['status'] for s in inactive]})")
    print(f"  other languages: {len(other_lang)} ({100 * len(other_lang) // total}%); BSL: {len(bsl)}")
    costs = {}
    for s in services:
        for c in facet(s, "cost"):
            costs[c] = costs.get(c, 0) + 1
    auds = {}
    for s in services:
        for a in facet(s, "audience"):
            auds[a] = auds.get(a, 0) + 1
    deliv = {}
    for s in services:
        for d in facet(s, "delivery"):
            deliv[d] = deliv.get(d, 0) + 1
    print(f"  cost: {costs}")
    print(f"  audience: {auds}")
    print(f"  delivery: {deliv}")

    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  - " + p)
        return 1
    print("  all checks passed")
    return 0


def main(argv: list[str]) -> int:
    services = build_all()
    write(services)
    print(f"wrote {len(services)} services to {OUT}")
    if "--check" in argv:
        return validate(services)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
