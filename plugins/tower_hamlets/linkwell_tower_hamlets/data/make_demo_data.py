#!/usr/bin/env python3
"""Write Tower Hamlets demo data as a legacy Open Referral UK 1.0 feed.

The output is what a v1 API returns for ``GET /services?page=N&per_page=50``: files
``services-page-1.json``, ``services-page-2.json``... each a page object with the paging
fields the ORUK 1.0 OpenAPI document defines and a ``content`` list of full v1 services
(nested organization, regular_schedules, eligibilitys, service_taxonomys, service_at_locations
with physical_addresses and accessibility_for_disabilities, languages, cost_options, contacts
with phones). It also writes ``crosswalk.json`` (council taxonomy terms -> Linkwell concepts)
and ``expected_activity_types.json`` (the Linkwell activity types each service should get).

Everything below the framework is hand-written demo content: invented organisations and
services at real Tower Hamlets venues (and a few just over the border). Ids are uuid5 in this
feed's namespace, or legacy ``thc-NNNN`` ids for about half the services, so reruns give the
same output byte for byte.

Usage::

    python make_demo_data.py          # write the files, validate them, print a summary
    python make_demo_data.py --check  # regenerate in memory and fail if the files differ
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import re
import sys
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

NAMESPACE = "https://towerhamlets.example.org/linkwell-demo"
FEED = "tower-hamlets"
HERE = Path(__file__).resolve().parent
PER_PAGE = 50
TODAY = date(2026, 11, 21)  # the demo's "now": freshness is judged against this day
FRESH_FROM = date(2025, 11, 21)  # confirmed within the 12 months before TODAY
NO_UPPER_AGE = 120  # v1 requires maximum_age; this feed writes 120 for "no upper limit"
ESD = "esdServiceTypes"
THC = "Tower Hamlets Connect tags"
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ORDINALS = {"1": "First", "2": "Second", "3": "Third", "4": "Fourth", "-1": "Last"}
Json = dict[str, Any]


def uid(kind: str, slug: str) -> str:
    """A stable id for one thing in this demo feed."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{NAMESPACE}/{kind}/{slug}"))


def text(block: str) -> str:
    """A description written over several source lines, as one paragraph."""
    return " ".join(block.split())


# --- taxonomy: LGA/esd service types and the council's own tags -----------------------------


@dataclass(frozen=True)
class Term:
    """One council taxonomy term and what Linkwell makes of it (the crosswalk)."""

    vocabulary: str
    id: str
    name: str
    activity_types: tuple[str, ...] = ()
    audience: tuple[str, ...] = ()
    parent_id: str | None = None
    esd_id_checked: bool = False  # only meaningful for esd terms: see README.md


def esd(id_: str, name: str, *acts: str, checked: bool = False) -> Term:
    return Term(ESD, id_, name, tuple(acts), esd_id_checked=checked)


THC_GROUPS = {
    "thc-tag-01": "Activities",
    "thc-tag-02": "Advice and support",
    "thc-tag-03": "Who it's for",
    "thc-tag-04": "Council services",
}


def thc(n: int, name: str, *acts: str, group: str = "thc-tag-01",
        who: tuple[str, ...] = ()) -> Term:
    return Term(THC, f"thc-tag-{n:02d}", name, tuple(acts), who, parent_id=group)


TERMS: dict[str, Term] = {
    # esd ids checked against public ORUK material (see README.md)
    "esd:carers": esd("298", "Carers support groups", "peer_support.carers", checked=True),
    "esd:carers_assessment": esd("1755", "Carers assessment", checked=True),
    "esd:day_centres": esd("296", "Day centres", "social.drop_in_chat", checked=True),
    "esd:social_clubs": esd("1806", "Social clubs and groups", "social.drop_in_chat",
                            checked=True),
    "esd:food_bank": esd("1818", "Food banks", "practical_help.food_support", checked=True),
    "esd:sport": esd("641", "Sports clubs and groups", "moving_more.sport", checked=True),
    "esd:hiv": esd("202", "HIV/AIDS support", "peer_support.health_condition", checked=True),
    "esd:mental_health": esd("1284", "Mental health support", "peer_support.mental_health",
                             checked=True),
    "esd:leaving_hospital": esd("833", "Leaving hospital", "practical_help.home_support",
                                checked=True),
    # esd-style terms whose ids are demo stand-ins (not checked against the live LGA list)
    "esd:befriending": esd("1149", "Befriending services", "social.befriending"),
    "esd:lunch": esd("1150", "Lunch clubs", "social.lunch_clubs"),
    "esd:bereavement": esd("1780", "Bereavement support", "peer_support.bereavement"),
    "esd:adult_learning": esd("1781", "Adult and community learning", "learning.courses"),
    "esd:esol": esd("1782", "English for speakers of other languages",
                    "learning.english_languages"),
    "esd:digital": esd("1783", "Digital inclusion", "learning.digital"),
    "esd:employment": esd("1784", "Employment support", "practical_help.work_support"),
    "esd:housing": esd("1785", "Housing advice", "practical_help.housing_advice"),
    "esd:transport": esd("1786", "Community transport", "practical_help.transport"),
    "esd:gardens": esd("1787", "Community gardens and allotments", "nature.gardening"),
    "esd:arts": esd("1788", "Arts and crafts groups", "creative.art_craft"),
    "esd:youth_club": esd("1790", "Youth clubs", "family_youth.youth_clubs"),
    "esd:parent_toddler": esd("1791", "Parent and toddler groups", "peer_support.parents"),
    "esd:volunteering": esd("1794", "Volunteering opportunities", "giving.volunteering"),
    "esd:immigration": esd("1795", "Immigration advice", "practical_help.legal_immigration"),
    "esd:drug_alcohol": esd("1796", "Drug and alcohol support", "peer_support.recovery"),
    "esd:debt": esd("1797", "Debt advice", "practical_help.money_advice"),
    "esd:benefits": esd("1798", "Welfare benefits advice", "practical_help.money_advice"),
    "esd:walking": esd("1799", "Walking groups", "moving_more.walking"),
    # Tower Hamlets Connect's own tags: activities
    "thc:coffee": thc(10, "Coffee mornings", "social.drop_in_chat"),
    "thc:games": thc(11, "Games and puzzles", "social.games_quizzes"),
    "thc:chess": thc(12, "Chess", "social.games_quizzes"),
    "thc:quiz": thc(13, "Quiz", "social.games_quizzes"),
    "thc:faith_culture": thc(14, "Faith and culture", "social.culture_faith"),
    "thc:intergenerational": thc(15, "Intergenerational", "social.intergenerational"),
    "thc:community_meal": thc(16, "Community meals", "social.lunch_clubs"),
    "thc:phone_befriending": thc(17, "Telephone befriending", "social.befriending"),
    "thc:memory_cafe": thc(18, "Memory cafe", "peer_support.health_condition"),
    "thc:long_term": thc(19, "Long-term conditions", "peer_support.health_condition"),
    "thc:mental_health": thc(20, "Mental health", "peer_support.mental_health"),
    "thc:parents": thc(21, "Parents and babies", "peer_support.parents"),
    "thc:group_clinic": thc(22, "Group clinics", "peer_support.group_consultations"),
    "thc:walking": thc(23, "Walking", "moving_more.walking"),
    "thc:exercise": thc(24, "Exercise", "moving_more.gentle"),
    "thc:strength_balance": thc(25, "Strength and balance", "moving_more.gentle"),
    "thc:yoga": thc(26, "Yoga", "moving_more.gentle"),
    "thc:tai_chi": thc(27, "Tai chi", "moving_more.gentle"),
    "thc:dance": thc(28, "Dance", "moving_more.dance"),
    "thc:swimming": thc(29, "Swimming", "moving_more.swimming"),
    "thc:running": thc(30, "Running", "moving_more.running_cycling"),
    "thc:cycling": thc(31, "Cycling", "moving_more.running_cycling"),
    "thc:gym": thc(32, "Gym", "moving_more.gym_classes"),
    "thc:singing": thc(33, "Singing", "creative.singing_music"),
    "thc:arts": thc(34, "Arts and crafts", "creative.art_craft"),
    "thc:sewing": thc(35, "Sewing and knitting", "creative.art_craft"),
    "thc:reading": thc(36, "Reading groups", "creative.words"),
    "thc:writing": thc(37, "Creative writing", "creative.words"),
    "thc:drama": thc(38, "Drama", "creative.performance"),
    "thc:film": thc(39, "Film", "creative.performance"),
    "thc:woodwork": thc(40, "Woodwork", "creative.making_mending"),
    "thc:repair": thc(41, "Repair cafe", "creative.making_mending"),
    "thc:local_history": thc(42, "Local history", "creative.heritage_museums"),
    "thc:gardening": thc(43, "Gardening", "nature.gardening"),
    "thc:conservation": thc(44, "Conservation", "nature.conservation"),
    "thc:nature": thc(45, "Nature", "nature.nature_time"),
    "thc:river": thc(46, "Canal and river", "nature.water"),
    "thc:city_farm": thc(47, "City farm", "nature.animals_farms"),
    "thc:cooking": thc(48, "Cooking", "learning.cooking"),
    "thc:wellbeing_course": thc(49, "Wellbeing courses", "learning.wellbeing_courses"),
    "thc:computer_help": thc(50, "Computer help", "learning.digital"),
    "thc:courses": thc(51, "Courses", "learning.courses"),
    "thc:volunteering": thc(52, "Volunteering", "giving.volunteering"),
    "thc:mentoring": thc(53, "Mentoring", "giving.peer_roles"),
    "thc:residents_voice": thc(54, "Residents' voice", "giving.community_action"),
    "thc:mindfulness": thc(55, "Mindfulness", "calm.mindfulness"),
    "thc:talking": thc(56, "Someone to talk to", "calm.listening"),
    "thc:youth_club": thc(57, "Youth club", "family_youth.youth_clubs"),
    "thc:family": thc(58, "Family activities", "family_youth.family_activities"),
    # advice and support
    "thc:food": thc(60, "Food", "practical_help.food_support", group="thc-tag-02"),
    "thc:money": thc(61, "Money advice", "practical_help.money_advice", group="thc-tag-02"),
    "thc:housing": thc(62, "Housing", "practical_help.housing_advice", group="thc-tag-02"),
    "thc:legal": thc(63, "Legal advice", "practical_help.legal_immigration", group="thc-tag-02"),
    "thc:jobs": thc(64, "Jobs and training", "practical_help.work_support", group="thc-tag-02"),
    "thc:handyperson": thc(65, "Handyperson", "practical_help.home_support", group="thc-tag-02"),
    # who it's for: these set an audience, not an activity type
    "thc:over50": thc(70, "Over 50s", group="thc-tag-03", who=("older_people",)),
    "thc:bangladeshi": thc(71, "Bangladeshi community", group="thc-tag-03",
                           who=("culturally_specific",)),
    "thc:somali": thc(72, "Somali community", group="thc-tag-03", who=("culturally_specific",)),
    "thc:chinese": thc(73, "Chinese community", group="thc-tag-03", who=("culturally_specific",)),
    "thc:women": thc(74, "Women only", group="thc-tag-03", who=("women_only",)),
    "thc:men": thc(75, "Men only", group="thc-tag-03", who=("men_only",)),
    "thc:lgbtq": thc(76, "LGBTQ+", group="thc-tag-03", who=("lgbtq",)),
    "thc:young_people": thc(77, "Young people", group="thc-tag-03", who=("young_people",)),
    "thc:carers": thc(78, "Carers", group="thc-tag-03", who=("carers",)),
    "thc:learning_disability": thc(79, "Learning disabilities", group="thc-tag-03",
                                   who=("disabled_people",)),
    "thc:deaf": thc(80, "Deaf community", group="thc-tag-03", who=("culturally_specific",)),
    # council services: no Linkwell meaning, so an importer should report them as unmapped
    "thc:council_tax": thc(90, "Council tax", group="thc-tag-04"),
    "thc:parking": thc(91, "Parking permits", group="thc-tag-04"),
    "thc:blue_badge": thc(92, "Blue badge", group="thc-tag-04"),
    "thc:cost_of_living": thc(93, "Cost of living", group="thc-tag-04"),
    "thc:warm_space": thc(94, "Warm spaces", group="thc-tag-04"),
}


# --- venues ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Venue:
    """A real place: name, street address, postcode and a point within ~300 m of it."""

    name: str
    street: str
    area: str
    postcode: str
    lat: float
    lon: float
    borough: str = "Tower Hamlets"
    access: tuple[tuple[str, str], ...] = ()
    note: str = ""  # where to go once there


STEP_FREE = ("Step-free access", "")
TOILET = ("Accessible toilet", "")
LOOP = ("Hearing loop", "")
SEATING = ("Seating and rests available", "")
QUIET = ("Quiet space", "")


def not_step_free(details: str) -> tuple[str, str]:
    return ("Not step-free", details)


VENUES: dict[str, Venue] = {
    "idea-whitechapel": Venue(
        "Idea Store Whitechapel", "321 Whitechapel Road", "Whitechapel", "E1 1BU",
        51.5193, -0.0612,
        access=(("Step-free access", "Lifts to all floors"), TOILET,
                ("Hearing loop", "At the front desk and in the studio"))),
    "idea-bow": Venue(
        "Idea Store Bow", "1 Gladstone Place, Roman Road", "Bow", "E3 5ES", 51.5309, -0.0336,
        access=(STEP_FREE, TOILET)),
    "idea-canary": Venue(
        "Idea Store Canary Wharf", "Churchill Place", "Canary Wharf", "E14 5RB",
        51.5047, -0.0151, access=(STEP_FREE, TOILET, LOOP)),
    "idea-watney": Venue(
        "Idea Store Watney Market", "260 Commercial Road", "Shadwell", "E1 2FB",
        51.5136, -0.0556, access=(STEP_FREE, TOILET)),
    "idea-chrisp": Venue(
        "Idea Store Chrisp Street", "1 Vesey Path, East India Dock Road", "Poplar", "E14 6BT",
        51.5112, -0.0160, access=(STEP_FREE, TOILET, LOOP)),
    "bethnal-library": Venue(
        "Bethnal Green Library", "Cambridge Heath Road", "Bethnal Green", "E2 0HL",
        51.5271, -0.0557,
        access=(("Step-free access", "Ramp at the side entrance"), TOILET, SEATING)),
    "st-johns-bg": Venue(
        "St John on Bethnal Green", "200 Cambridge Heath Road", "Bethnal Green", "E2 9PA",
        51.5272, -0.0553, access=(STEP_FREE, TOILET),
        note="Use the hall entrance on the Roman Road side"),
    "young-va": Venue(
        "Young V&A", "Cambridge Heath Road", "Bethnal Green", "E2 9PA", 51.5291, -0.0555,
        access=(STEP_FREE, TOILET, ("Quiet space", "A quiet room is available on request"))),
    "york-hall": Venue(
        "York Hall Leisure Centre", "5 Old Ford Road", "Bethnal Green", "E2 9PJ",
        51.5300, -0.0548, access=(STEP_FREE, ("Accessible toilet", "And accessible changing"))),
    "st-margarets": Venue(
        "St Margaret's House", "21 Old Ford Road", "Bethnal Green", "E2 9PL", 51.5307, -0.0523,
        access=(("Step-free access", "To the ground-floor cafe only"),
                not_step_free("Upstairs rooms have no lift"))),
    "oxford-house": Venue(
        "Oxford House", "Derbyshire Street", "Bethnal Green", "E2 6HG", 51.5259, -0.0622,
        access=(("Step-free access", "Lift to all floors"), TOILET)),
    "spitalfields-farm": Venue(
        "Spitalfields City Farm", "Buxton Street", "Spitalfields", "E1 5AR", 51.5228, -0.0674,
        access=(("Step-free access", "Main yard is level; some garden paths are uneven"),
                TOILET)),
    "christ-church-spitalfields": Venue(
        "Christ Church Spitalfields (crypt hall)", "Commercial Street", "Spitalfields",
        "E1 6LY", 51.5194, -0.0738,
        access=(("Step-free access", "Lift down to the crypt"), TOILET, LOOP)),
    "kobi-nazrul": Venue(
        "Kobi Nazrul Centre", "30 Hanbury Street", "Spitalfields", "E1 6QR", 51.5204, -0.0727,
        access=(not_step_free("One step at the front door"), SEATING)),
    "brady": Venue(
        "Brady Arts Centre", "192-196 Hanbury Street", "Whitechapel", "E1 5HU",
        51.5217, -0.0654, access=(STEP_FREE, TOILET)),
    "osmani": Venue(
        "Osmani Centre", "58 Underwood Road", "Whitechapel", "E1 5AW", 51.5207, -0.0646,
        access=(STEP_FREE, TOILET)),
    "davenant": Venue(
        "Davenant Centre", "179-181 Whitechapel Road", "Whitechapel", "E1 1DU",
        51.5186, -0.0630, access=(STEP_FREE, TOILET, LOOP)),
    "whitechapel-gallery": Venue(
        "Whitechapel Gallery", "77-82 Whitechapel High Street", "Aldgate", "E1 7QX",
        51.5160, -0.0700, access=(STEP_FREE, TOILET, LOOP),
        note="Learning studio, second floor (lift)"),
    "whitechapel-sports": Venue(
        "Whitechapel Sports Centre", "55 Durward Street", "Whitechapel", "E1 5BA",
        51.5206, -0.0604, access=(STEP_FREE, TOILET)),
    "stepney-farm": Venue(
        "Stepney City Farm", "Stepney Way", "Stepney", "E1 3DG", 51.5172, -0.0460,
        access=(("Step-free access", "Level yard; the workshop has a wide door"), TOILET)),
    "st-dunstans": Venue(
        "St Dunstan's Church Hall", "Stepney High Street", "Stepney", "E1 0NR",
        51.5164, -0.0437,
        access=(not_step_free("Two steps at the hall door; a portable ramp if you ask ahead"),)),
    "mile-end-hospital": Venue(
        "Mile End Hospital", "Bancroft Road", "Mile End", "E1 4DG", 51.5254, -0.0463,
        access=(STEP_FREE, TOILET), note="Ground-floor day room, signposted from reception"),
    "bancroft-library": Venue(
        "Tower Hamlets Local History Library and Archives", "277 Bancroft Road", "Mile End",
        "E1 4DQ", 51.5250, -0.0449,
        access=(("Step-free access", "Via the side entrance, with a lift"), TOILET)),
    "mile-end-leisure": Venue(
        "Mile End Park Leisure Centre", "190 Burdett Road", "Mile End", "E3 4HL",
        51.5167, -0.0343,
        access=(STEP_FREE, ("Accessible toilet", "And accessible changing rooms"))),
    "mile-end-pavilion": Venue(
        "Mile End Park Arts Pavilion", "Clinton Road", "Mile End", "E3 4QY", 51.5247, -0.0382,
        access=(STEP_FREE, TOILET)),
    "cemetery-park": Venue(
        "Tower Hamlets Cemetery Park", "Southern Grove", "Mile End", "E3 4PX",
        51.5236, -0.0300,
        access=(("Uneven paths", "Main paths are firm; woodland paths are uneven and muddy"),
                SEATING)),
    "st-pauls-bow-common": Venue(
        "St Paul's Bow Common", "Burdett Road", "Bow Common", "E3 4AR", 51.5176, -0.0260,
        access=(STEP_FREE, TOILET, LOOP)),
    "bromley-by-bow-centre": Venue(
        "Bromley by Bow Centre", "St Leonard's Street", "Bromley-by-Bow", "E3 3BT",
        51.5251, -0.0128, access=(STEP_FREE, TOILET, LOOP),
        note="Community hall, ask at the front desk"),
    "bow-church": Venue(
        "Bow Church (St Mary and Holy Trinity)", "Bow Road", "Bow", "E3 3AH", 51.5284, -0.0203,
        access=(STEP_FREE, SEATING)),
    "victoria-park": Venue(
        "Victoria Park", "Grove Road", "Bow", "E3 5TB", 51.5365, -0.0393,
        access=(("Step-free access", "Paved, level paths"), SEATING),
        note="Meet at Crown Gate West on Grove Road"),
    "st-annes": Venue(
        "St Anne's Limehouse (church hall)", "Three Colt Street", "Limehouse", "E14 7HP",
        51.5116, -0.0310,
        access=(("Step-free access", "Level access through the side gate"), TOILET)),
    "limehouse-town-hall": Venue(
        "Limehouse Town Hall", "646 Commercial Road", "Limehouse", "E14 7HA", 51.5129, -0.0346,
        access=(not_step_free("Stairs up to the main hall and no lift"),)),
    "st-george-east": Venue(
        "St George in the East (crypt)", "16 Cannon Street Road", "Shadwell", "E1 0BH",
        51.5109, -0.0611,
        access=(("Step-free access", "Ramp at the north door"), TOILET)),
    "st-pauls-shadwell": Venue(
        "St Paul's Shadwell (church hall)", "302 The Highway", "Shadwell", "E1W 3DH",
        51.5096, -0.0537,
        access=(("Step-free access", "Through the garden entrance"), TOILET, QUIET)),
    "shadwell-basin": Venue(
        "Shadwell Basin Outdoor Activity Centre", "3-4 Shadwell Pierhead, Glamis Road",
        "Wapping", "E1W 3TD", 51.5075, -0.0508,
        access=(("Step-free access", "To the centre; staff can help you into a boat"),
                TOILET)),
    "st-peters-docks": Venue(
        "St Peter's London Docks (parish hall)", "Wapping Lane", "Wapping", "E1W 2RW",
        51.5068, -0.0582,
        access=(not_step_free("The hall is in the basement, down a flight of stairs"),)),
    "john-orwell": Venue(
        "John Orwell Sports Centre", "Tench Street", "Wapping", "E1W 2QD", 51.5052, -0.0609,
        access=(STEP_FREE, TOILET)),
    "st-matthias": Venue(
        "St Matthias Old Church Community Centre", "113 Poplar High Street", "Poplar",
        "E14 0AE", 51.5094, -0.0191, access=(STEP_FREE, TOILET, LOOP)),
    "poplar-union": Venue(
        "Poplar Union", "2 Cotall Street", "Poplar", "E14 6TL", 51.5148, -0.0224,
        access=(STEP_FREE, TOILET, ("Quiet space", "A quiet room off the main hall"))),
    "poplar-baths": Venue(
        "Poplar Baths Leisure Centre", "170 East India Dock Road", "Poplar", "E14 0EH",
        51.5109, -0.0205,
        access=(STEP_FREE, ("Accessible toilet", "And accessible changing"),
                ("Pool hoist", "Ask at reception"))),
    "trinity-buoy": Venue(
        "Trinity Buoy Wharf", "64 Orchard Place", "Leamouth", "E14 0JW", 51.5083, 0.0083,
        access=(("Step-free access", "Mostly level cobbles"), TOILET)),
    "idea-canary-roof": Venue(
        "Crossrail Place Roof Garden", "Crossrail Place", "Canary Wharf", "E14 5AR",
        51.5061, -0.0192, access=(("Step-free access", "Lifts from the shopping level"),)),
    "mudchute": Venue(
        "Mudchute Park and Farm", "Pier Street", "Cubitt Town", "E14 3HP", 51.4915, -0.0118,
        access=(("Step-free access", "Main paths are level; some grass and gravel"),
                ("Accessible toilet", "By the farm cafe"))),
    "island-gardens": Venue(
        "Island Gardens", "Saferton Road", "Cubitt Town", "E14 3EF", 51.4873, -0.0100,
        access=(("Step-free access", "Step-free riverside route"), SEATING),
        note="Meet by the foot tunnel entrance"),
    "christ-church-iod": Venue(
        "Christ Church Isle of Dogs (church hall)", "Manchester Road", "Cubitt Town",
        "E14 3BN", 51.4905, -0.0068, access=(STEP_FREE, TOILET)),
    "tiller": Venue(
        "Tiller Leisure Centre", "Tiller Road", "Millwall", "E14 8PX", 51.4957, -0.0235,
        access=(STEP_FREE, ("Accessible toilet", "And accessible changing"))),
    "docklands-sailing": Venue(
        "Docklands Sailing and Watersports Centre", "235a Westferry Road", "Millwall",
        "E14 3QS", 51.4930, -0.0235,
        access=(("Step-free access", "To the clubhouse"), TOILET)),
    # just over the border: Hackney, Newham and the City of London
    "hackney-farm": Venue(
        "Hackney City Farm", "1a Goldsmiths Row", "Haggerston", "E2 8QA", 51.5313, -0.0655,
        borough="Hackney", access=(STEP_FREE, TOILET)),
    "haggerston-park": Venue(
        "Haggerston Park", "Yorkton Street", "Haggerston", "E2 8NH", 51.5330, -0.0690,
        borough="Hackney", access=(("Step-free access", "Level tarmac paths"),),
        note="Meet by the Yorkton Street gate"),
    "st-leonards": Venue(
        "St Leonard's Shoreditch", "119 Shoreditch High Street", "Shoreditch", "E1 6JN",
        51.5268, -0.0777, borough="Hackney",
        access=(not_step_free("Steps at the main door; step-free side door on request"),
                TOILET)),
    "london-fields-lido": Venue(
        "London Fields Lido", "London Fields West Side", "Hackney", "E8 3EU", 51.5420, -0.0613,
        borough="Hackney", access=(STEP_FREE, ("Accessible toilet", "And accessible changing"))),
    "three-mills": Venue(
        "Three Mills Island (House Mill)", "Three Mill Lane", "Bromley-by-Bow", "E3 3DU",
        51.5268, -0.0082, borough="Newham",
        access=(("Step-free access", "To the ground floor; the upper floors are stairs only"),)),
    "bow-creek": Venue(
        "Bow Creek Ecology Park", "Bidder Street", "Canning Town", "E16 4ST", 51.5155, 0.0045,
        borough="Newham", access=(("Step-free access", "Level paths"), SEATING),
        note="Meet at the Bidder Street entrance"),
    "aquatics-centre": Venue(
        "London Aquatics Centre", "Queen Elizabeth Olympic Park", "Stratford", "E20 2ZQ",
        51.5405, -0.0107, borough="Newham",
        access=(STEP_FREE, ("Accessible toilet", "And accessible changing"),
                ("Pool hoist", "Ask poolside"))),
    "artizan": Venue(
        "Artizan Street Library and Community Centre", "1 Artizan Street", "Aldgate",
        "E1 7AF", 51.5152, -0.0776, borough="City of London", access=(STEP_FREE, TOILET, LOOP)),
    "st-botolph": Venue(
        "St Botolph-without-Aldgate", "Aldgate High Street", "Aldgate", "EC3N 1AB",
        51.5136, -0.0766, borough="City of London", access=(STEP_FREE, TOILET),
        note="Church hall, entrance in the churchyard"),
}


# --- organisations (invented) ---------------------------------------------------------------

ORGS: dict[str, tuple[str, str]] = {
    "island-neighbours": ("Island Neighbours",
                          "A volunteer-run neighbourhood network on the Isle of Dogs."),
    "wapping-wednesday": ("Wapping Wednesday Club",
                          "A lunch and social club for older people in Wapping."),
    "brick-lane-elders": ("Brick Lane Elders Adda",
                          "Bangladeshi elders meeting for company, culture and mutual help."),
    "globe-town-games": ("Globe Town Chess and Games Club",
                         "A volunteer-run games club in Bethnal Green."),
    "poplar-friendship": ("Poplar Friendship Club",
                          "Social activities for older residents of Poplar and Limehouse."),
    "hiddo": ("Hiddo Somali Community Network",
              "Somali families, elders and volunteers supporting each other in east London."),
    "friendly-call": ("Friendly Call London",
                      "A volunteer telephone befriending scheme for people aged 60 and over."),
    "grandfriends": ("Grandfriends Bethnal Green",
                     "Bringing older neighbours and local schoolchildren together."),
    "limehouse-dominoes": ("Limehouse Dominoes and Cards Club",
                           "A long-running afternoon games club in Limehouse."),
    "cannon-street-cafe": ("Cannon Street Road Community Cafe",
                           "A volunteer-run warm welcome cafe in Shadwell."),
    "rainbow-east": ("Rainbow East",
                     "Social and peer support groups for LGBTQ+ people in east London."),
    "whitechapel-elders": ("Whitechapel Elders Association",
                           "Lunches, outings and advice for older people in Whitechapel."),
    "signing-cafe": ("East End Signing Cafe",
                     "A deaf-led social group for British Sign Language users and learners."),
    "carers-cuppa": ("Carers Online Cuppa",
                     "An online peer support space run by and for unpaid carers."),
    "east-end-carers": ("East End Carers Network",
                        "Peer support, information and breaks for unpaid carers of all ages."),
    "open-hearts": ("Open Hearts HIV Peer Support",
                    "Peer support run by and for people living with HIV."),
    "stepping-stones": ("Stepping Stones Peer Support",
                        "Peer-led mental health groups in Tower Hamlets."),
    "men-talk": ("East End Men Talk", "Talking and walking groups for men."),
    "open-door-bereavement": ("Open Door Bereavement Cafes",
                              "Volunteer-run cafes for people who have been bereaved."),
    "steady-steps": ("Steady Steps East London",
                     "Exercise and peer support for people with Parkinson's or unsteady on "
                     "their feet."),
    "life-after-stroke": ("Life After Stroke East",
                          "Peer support for stroke survivors and their families."),
    "poplar-health": ("Poplar and Limehouse Health Partnership",
                      "GP practices in Poplar and Limehouse working together."),
    "recovery-east": ("East End Recovery Community",
                      "People in recovery from addiction supporting each other."),
    "little-roman": ("Little Roman Road Families",
                     "Stay and play groups for families with young children in Bow."),
    "chrisp-families": ("Chrisp Street Families", "Parent-led groups for families in Poplar."),
    "kodom": ("Kodom Women's Circle",
              "Wellbeing, growing and learning groups for Bangladeshi women."),
    "thames-side": ("Thames Side Strollers",
                    "Volunteer walk leaders running gentle riverside walks."),
    "bow-walkers": ("Bow and Mile End Health Walkers",
                    "Free volunteer-led health walks in the east of the borough."),
    "southern-grove-nature": ("Southern Grove Nature Club",
                              "Wildlife walks and nature activities in Mile End."),
    "mindful-east": ("Mindful East", "Mindfulness, meditation and gentle movement classes."),
    "jade-river": ("Jade River Chinese Elders Group",
                   "A social and exercise group for Chinese elders in Docklands."),
    "island-dance": ("Island Dance for Health", "Dance classes for health and fun."),
    "crypt-dances": ("Crypt Tea Dances", "Monthly tea dances with live music."),
    "mile-end-walking-football": ("Mile End Walking Football",
                                  "Walking football for people aged 50 and over."),
    "york-hall-tt": ("York Hall Table Tennis Social",
                     "A volunteer-run table tennis group for adults."),
    "swim-sisters": ("Swim Sisters East", "Women-only swimming sessions and lessons."),
    "confident-in-water": ("Confident in Water", "Swimming lessons for adult beginners."),
    "vicpark-runners": ("Victoria Park Beginners' Running Club",
                        "A friendly club for people new to running."),
    "pedal-east": ("Pedal East", "Cycle training and led rides for adults."),
    "active-east": ("Active East Exercise Referral",
                    "Supported exercise programmes for people with health conditions."),
    "east-end-youth": ("East End Youth Sports",
                       "Free sport and youth clubs for young people in Tower Hamlets."),
    "level-up": ("Level Up Youth Wellbeing",
                 "Wellbeing support run with and for young people aged 16 to 25."),
    "spitalfields-songbirds": ("Spitalfields Songbirds", "A community choir open to all."),
    "better-breathing": ("Better Breathing Choir East",
                         "Singing groups for people living with breathing difficulties."),
    "brushstrokes": ("Brushstrokes Whitechapel", "An open art group for adults."),
    "shadwell-stitchers": ("Shadwell Stitchers", "A community sewing and mending circle."),
    "stepney-shed": ("Stepney Shed", "A men's shed making and mending things together."),
    "roman-road-repair": ("Roman Road Repair Cafe",
                          "Volunteer fixers helping neighbours repair their things."),
    "east-end-words": ("East End Words", "Reading and writing groups in east London."),
    "limehouse-players": ("Limehouse Players", "A community theatre group."),
    "silver-screen": ("Whitechapel Silver Screen", "A film club for people aged 50 and over."),
    "memory-lane": ("East End Memory Lane",
                    "Reminiscence and local history groups sharing memories of the East End."),
    "house-mill-friends": ("House Mill Heritage Volunteers",
                           "Volunteers who guide visitors round a historic tidal mill."),
    "make-together": ("Make It Together East", "Free creative sessions for families."),
    "aldgate-knitters": ("Aldgate Knit and Natter", "A knitting and crochet group."),
    "island-growers": ("Island Growers", "Community food growing on the Isle of Dogs."),
    "green-hands": ("Mile End Green Hands",
                    "Conservation volunteering in Mile End Park and nearby green spaces."),
    "lower-lea-nature": ("Lower Lea Nature Friends",
                         "Guided walks and wildlife surveys along the River Lea."),
    "wapping-paddlers": ("Wapping Paddlers", "Canoeing and kayaking for adults."),
    "farm-friends": ("City Farm Friends East", "Volunteering and farm sessions at city farms."),
    "lido-dippers": ("London Fields Lido Dippers",
                     "A friendly year-round swimming club for adults."),
    "talk-together": ("Talk Together ESOL", "English conversation clubs and courses."),
    "digital-neighbours": ("Digital Neighbours East",
                           "Volunteers helping people get online and stay safe."),
    "cook-together": ("Cook Together East", "Cooking and eating together."),
    "wellbeing-college": ("East London Wellbeing College",
                          "Free courses on wellbeing, stress and confidence."),
    "east-side-learning": ("East Side Adult Learning",
                           "Part-time courses for adults in Tower Hamlets."),
    "giving-time": ("Giving Time Tower Hamlets",
                    "Helping people find volunteering that suits them."),
    "island-voice": ("Island Residents' Voice", "A residents' forum for the Isle of Dogs."),
    "listening-post": ("The Listening Post Shadwell", "A free listening service."),
    "limehouse-money": ("Limehouse Money Matters",
                        "Free, independent debt and money advice."),
    "aldgate-advice": ("Aldgate Advice Collective",
                       "Free advice on benefits, housing and everyday problems."),
    "riverside-rights": ("Riverside Rights Law Clinic",
                         "Free legal and immigration advice from regulated advisers."),
    "east-end-food-bank": ("East End Food Bank", "Emergency food support in Tower Hamlets."),
    "docklands-larder": ("Docklands Community Larder", "A membership food pantry."),
    "shadwell-fridge": ("Shadwell Fridge Collective", "Sharing surplus food in Shadwell."),
    "next-step-jobs": ("Next Step Jobs East", "Employment support and coaching."),
    "riverside-minibus": ("Riverside Community Minibus",
                          "Accessible door-to-door transport for people who find public "
                          "transport hard."),
    "handy-hands": ("Handy Hands East London",
                    "Small repairs and safety jobs for older and disabled people."),
    "settle-in": ("Settle In East London",
                  "Volunteer support for people coming home from hospital."),
}


# --- services -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Service:
    """One hand-written listing. ``when`` rules read like ``"TU 10:00-11:30"``:

    * ``"TU 10:00-11:30"`` every Tuesday; ``"MO,TH ..."`` two days; ``"MO-FR ..."`` weekdays;
    * ``"1WE ..."`` first Wednesday of the month, ``"-1FR ..."`` the last Friday;
    * ``"2/TH 18:00-20:00@2026-01-08"`` every other Thursday from that date;
    * a ``"#1"`` suffix ties the rule to the service's second venue.
    """

    slug: str
    name: str
    org: str
    desc: str
    tags: tuple[str, ...]
    venues: tuple[str, ...] = ()
    when: tuple[str, ...] = ()
    mode: str = "venue"  # v1 attending_type: venue, online, phone, home visit, or "" for none
    access: str = "drop-in"  # v1 attending_access, or "" for none
    cost: Any = "free"  # "free", a price per session, ("pwyc", note) or {"fees", "options"}
    ages: tuple[int | None, int | None] | None = (18, None)
    who: str | None = "adult"  # v1 eligibility keyword
    langs: tuple[str, ...] = ("en",)
    assured: str | None = None  # default: a date in the last 12 months, from the slug
    status: str = "active"
    deliverable: str | None = None
    areas: tuple[str, ...] = ()
    closed: tuple[str, str] | None = None  # a holiday closure (start, end)
    where: str = ""  # how to find the group at the venue
    contact: str = "Coordinator"
    mailbox: str = "hello"
    web: bool = True


def S(slug: str, name: str, org: str, desc: str, tags: tuple[str, ...], **kw: Any) -> Service:
    if "venue" in kw:
        kw["venues"] = (kw.pop("venue"),)
    return Service(slug, name, org, text(desc), tags, **kw)


FREE = "free"
OLDER = {"ages": (60, None)}
OVER_50 = {"ages": (50, None)}
ALL_AGES = {"ages": None, "who": None}
FAMILIES = {"ages": None, "who": "family"}
WOMEN = {"who": "female"}
MEN = {"who": "male"}


SERVICES: list[Service] = [
    # ---- social groups and meet-ups ----
    S("island-coffee-morning", "Island Neighbours Coffee Morning", "island-neighbours", """
      A relaxed coffee morning in the church hall on Manchester Road, open to anyone on the
      Isle of Dogs who fancies a chat. Volunteers put out tea, coffee and biscuits, and there
      are newspapers, jigsaws and a book swap if you would rather ease in quietly. Just turn
      up: someone will say hello and introduce you around. Free, with a donation pot for
      those who can.""", ("esd:social_clubs",),
      venue="christ-church-iod", when=("TH 10:00-12:00",)),
    S("wapping-wednesday-lunch", "Wapping Wednesday Lunch Club", "wapping-wednesday", """
      A hot two-course lunch and good company every Wednesday for people aged 60 and over in
      Wapping. Lunch is served at 12:30, followed by a quiz, bingo or a visiting speaker.
      Please ring the week before your first visit so the cook knows numbers. The hall is
      down a flight of stairs, so tell us if that is a problem and we will suggest somewhere
      nearby.""", ("esd:lunch",),
      venue="st-peters-docks", when=("WE 12:00-14:30",), cost=4.0, **OLDER,
      closed=("2026-12-21", "2027-01-04")),
    S("brick-lane-elders-adda", "Brick Lane Elders Adda", "brick-lane-elders", """
      An afternoon adda - a long, unhurried chat over cha and snacks - for Bangladeshi elders
      living around Brick Lane and Spitalfields. People play carrom, read the Bangla papers
      and catch up on news from home and the neighbourhood. Conversation is mostly in Bengali
      and Sylheti, and English speakers are very welcome. Drop in on Mondays or Thursdays;
      there is no need to book.""",
      ("thc:faith_culture", "thc:games", "thc:bangladeshi", "thc:over50"),
      venue="kobi-nazrul", when=("MO,TH 14:00-16:30",), langs=("bn", "en"), **OVER_50),
    S("globe-town-chess", "Globe Town Chess and Board Games Club", "globe-town-games", """
      A friendly games night in Bethnal Green Library for chess, draughts, backgammon and the
      odd game of Scrabble. Beginners are paired with a regular who is happy to teach, and
      boards are provided. Come along any Tuesday; you do not need to book. Ages 16 and
      over.""", ("thc:chess",),
      venue="bethnal-library", when=("TU 18:00-20:30",), ages=(16, None), who=None),
    S("chrisp-street-quiz", "Chrisp Street Afternoon Quiz", "poplar-friendship", """
      A light-hearted general knowledge quiz on the second Tuesday of each month, with teams
      made up on the day so nobody needs to bring a group. Questions cover music, telly,
      sport and local history, and there is always a picture round. Tea and cake afterwards.
      Free; come to the first-floor community room at Idea Store Chrisp Street.""",
      ("thc:quiz", "thc:over50"), venue="idea-chrisp", when=("2TU 14:00-15:30",)),
    S("somali-elders-tea", "Somali Elders Tea Afternoon", "hiddo", """
      A weekly get-together for Somali elders in Shadwell and Stepney, with tea, halwo and
      plenty of conversation. Volunteers can help with letters, appointments and forms during
      the afternoon, and there is a quiet corner for anyone who wants a private word. Sessions
      are in Somali with English support. Men and women both welcome; just come along.""",
      ("thc:faith_culture", "thc:somali", "thc:over50"),
      venue="idea-watney", when=("SA 14:00-16:00",), langs=("so", "en"), ages=(55, None)),
    S("friendly-call-london", "Friendly Call London", "friendly-call", """
      Friendly Call London matches people aged 60 and over with a volunteer who rings for a
      chat once a week, at a time that suits you both. Calls usually last about half an hour
      and cover whatever you fancy - family, football, old times or the day's news. It is
      free, runs across the whole of London and happens by phone only, so there is nothing to
      travel to. You can ask for calls yourself, or a link worker, GP or relative can put you
      in touch with your permission.""", ("esd:befriending", "thc:over50"),
      mode="phone", access="", **OLDER, areas=("Greater London",), contact="Volunteer team"),
    S("bondhu-phone-friends", "Bondhu Phone Friends", "brick-lane-elders", """
      Weekly phone calls in Bengali or Sylheti from a trained volunteer, for older people who
      are at home more than they would like. Your volunteer rings at the same time each week,
      so there is always a chat to look forward to. Free. Call us, or ask your link worker to
      refer you, and we will match you with a volunteer within about two weeks.""",
      ("thc:phone_befriending", "thc:bangladeshi", "thc:over50"),
      mode="phone", access="referral", langs=("bn", "en"), **OLDER),
    S("island-home-visiting", "Island Home Visiting Befrienders", "island-neighbours", """
      A volunteer visits you at home for an hour each week for a cuppa and a chat, or to go
      out together for a short walk or to the shops. Volunteers are checked and trained, and
      we take time to find someone you will get on with. For people on the Isle of Dogs aged
      65 and over who do not get out much. Free; there may be a short wait for a match.""",
      ("esd:befriending",), mode="home visit", access="referral", ages=(65, None),
      areas=("Isle of Dogs",)),
    S("grandfriends", "Grandfriends: Young and Old Together", "grandfriends", """
      Once a month, pupils from a local primary school join older neighbours for games, crafts
      and storytelling at Oxford House. Older people come for the company and the children's
      energy; the children come for the stories (and the biscuits). Held on the last Thursday
      of the month, straight after school. Free; older people just drop in.""",
      ("thc:intergenerational",), venue="oxford-house", when=("-1TH 15:30-17:00",),
      **ALL_AGES),
    S("limehouse-dominoes", "Limehouse Dominoes and Cards Club", "limehouse-dominoes", """
      Slam the tiles down with a lively crowd of regulars, many with roots in the Caribbean,
      every Wednesday afternoon. Dominoes, whist and rummy, with tea, a radio playing old
      favourites and plenty of banter. Newcomers are welcome to watch before joining a table.
      The hall is up a flight of stairs with no lift.""", ("thc:games", "thc:over50"),
      venue="limehouse-town-hall", when=("WE 13:00-16:00",), cost=1.0, assured="2025-03-18"),
    S("warm-welcome-cafe", "Cannon Street Road Warm Welcome Cafe", "cannon-street-cafe", """
      A warm, welcoming room with free hot drinks, soup at lunchtime and newspapers, open every
      weekday in the crypt of St George in the East. Come for a chat, charge your phone or just
      sit somewhere comfortable for a few hours. Once a week a money adviser drops in; ask at
      the counter. No need to book and no questions asked.""",
      ("thc:coffee", "thc:warm_space", "thc:cost_of_living"),
      venue="st-george-east", when=("MO-FR 10:00-14:00",), **ALL_AGES),
    S("rainbow-elders-social", "Rainbow Elders Social", "rainbow-east", """
      A Saturday afternoon social for LGBTQ+ people aged 50 and over, with tea, cake and a
      different activity each week - a film, a quiz, a talk or simply good conversation. It is
      a relaxed space to meet people who understand, whether you have been out for decades or
      are just finding your way. Free; bring a friend for company on your first visit if you
      like.""",
      ("esd:social_clubs", "thc:lgbtq", "thc:over50"),
      venue="poplar-union", when=("SA 14:00-16:30",), **OVER_50),
    S("whitechapel-elders-lunch", "Whitechapel Elders Lunch Club", "whitechapel-elders", """
      A freshly cooked halal lunch - usually rice, dal and a curry, with fruit to follow -
      twice a week for people aged 60 and over. Tables mix old friends and newcomers, and
      volunteers speak Bengali, Sylheti and English. Lunch is £3, and a volunteer driver can
      collect people who find the walk difficult (ask when you ring). Please call before your
      first visit.""", ("esd:lunch", "thc:bangladeshi"),
      venue="davenant", when=("TU,TH 12:00-14:00",), cost=3.0, langs=("bn", "en"), **OLDER,
      access="membership"),
    S("poplar-community-supper", "Poplar Community Supper", "poplar-friendship", """
      A hearty three-course supper every Thursday evening, cooked by volunteers from surplus
      food and served at long shared tables. Everyone eats together - families, people living
      alone, students, neighbours - and you pay what you can, including nothing. Vegetarian
      and halal options every week. Just turn up; doors open at six.""",
      ("thc:community_meal", "thc:cost_of_living"),
      venue="st-matthias", when=("TH 18:00-19:30",), **ALL_AGES,
      cost=("pwyc", "Suggested £3; pay nothing if money is tight"), assured="2025-07-02"),
    S("signing-cafe", "East End Signing Cafe", "signing-cafe", """
      A deaf-led social for British Sign Language users and anyone learning to sign, in the
      cafe space at the Davenant Centre. Come for a coffee and conversation in BSL - beginners
      are paired with fluent signers, and nobody minds if you are slow. It is a good place
      for deaf people new to the area to meet others. Free; drop in.""",
      ("esd:social_clubs", "thc:deaf"),
      venue="davenant", when=("SA 11:00-13:00",), langs=("bfi", "en"), **ALL_AGES),
    # ---- peer support ----
    S("carers-online-cuppa", "Carers Online Cuppa", "carers-cuppa", """
      An hour's video chat every Wednesday morning for people who look after a relative,
      partner or friend without being paid for it. Grab a cuppa, join from your phone or
      computer and talk - or just listen - with other carers who get it. Sessions are free and
      relaxed, with a volunteer host who keeps things friendly. Email us for the joining link;
      cameras on or off, as you prefer.""", ("esd:carers", "thc:carers"),
      mode="online", when=("WE 11:00-12:00",), **ALL_AGES, areas=("Greater London",),
      web=False),
    S("poplar-carers-circle", "Poplar and Limehouse Carers Circle", "east-end-carers", """
      A friendly monthly meet-up for unpaid carers in Poplar and Limehouse, on the first
      Tuesday at St Matthias Old Church. There is time to talk, a guest now and then (on
      benefits, respite or carers' rights) and help to ask for a carer's assessment. Tea and
      cake provided. Free; if you need someone to sit with the person you look after, ring
      beforehand and we will try to help.""", ("esd:carers", "esd:carers_assessment"),
      venue="st-matthias", when=("1TU 10:30-12:30",)),
    S("dementia-carers-evening", "Dementia Carers' Evening Group", "east-end-carers", """
      An evening group for people caring for someone living with dementia, meeting on the
      third Thursday of the month so working carers can come too. Share what works, what
      does not and how you are really doing, with others on the same road. A dementia support
      worker joins every other month to answer questions. Free; just come along, or ring
      first if you would like a chat beforehand.""", ("esd:carers",),
      venue="idea-whitechapel", when=("3TH 18:00-19:30",)),
    S("young-carers-club", "Young Carers' Club", "east-end-carers", """
      A weekly club for young people aged 11 to 17 who help look after someone at home. It
      is a break from caring: games, cooking, days out in the holidays and time with others
      who understand. Youth workers are there if you want to talk anything through. Free; a
      parent, teacher or link worker can refer you, or you can get in touch yourself.""",
      ("esd:carers", "esd:youth_club", "thc:young_people"),
      venue="oxford-house", when=("MO 16:30-18:30",), access="referral", ages=(11, 17),
      who=None),
    S("open-hearts-hiv", "Open Hearts HIV Peer Support Group", "open-hearts", """
      A confidential peer group for people living with HIV, meeting every other Wednesday
      evening. Members talk about living well with HIV - medication, relationships, work,
      telling people - and support each other through the ups and downs. Facilitated by
      volunteers with lived experience. Free; email or ring first and we will tell you where
      to go and who to ask for.""", ("esd:hiv",),
      venue="davenant", when=("2/WE 18:30-20:00@2026-01-07",), assured="2025-11-03",
      access="appointment"),
    S("stepping-stones-peer", "Stepping Stones Peer Support Group", "stepping-stones", """
      A peer support group for adults living with anxiety, depression or other mental health
      difficulties, run by people who have been there themselves. Each week starts with a
      check-in, then a topic the group chooses, such as sleep, bad days or getting back to
      work. You do not have to speak if you would rather listen. Free and drop-in; arrive a
      few minutes early on your first visit so a facilitator can welcome you.""",
      ("esd:mental_health",), venue="brady", when=("MO 14:00-16:00",)),
    S("east-end-men-talk", "East End Men Talk", "men-talk", """
      A men-only talking group for anyone who has had a tough time, wants to get something
      off his chest or just needs an hour away from it all. No fixing, no judging - men
      listening to men, with tea and biscuits. Meets on Tuesday evenings at John Orwell Sports
      Centre, with a kickabout beforehand for anyone who fancies it. Free; just turn up.""",
      ("esd:mental_health", "thc:men"),
      venue="john-orwell", when=("TU 19:00-20:30",), **MEN),
    S("men-talk-online", "East End Men Talk Online", "men-talk", """
      The Sunday evening online version of our men's talking group, for anyone who cannot get
      out or would rather start from his own front room. Same rules: nobody has to speak,
      nothing leaves the call, and everyone is treated with respect. Free; message us for the
      link. Cameras optional.""", ("esd:mental_health", "thc:men"),
      mode="online", when=("SU 20:00-21:00",), **MEN, web=False),
    S("bethnal-green-bereavement-cafe", "Bethnal Green Bereavement Cafe",
      "open-door-bereavement", """
      A gentle, informal cafe for anyone who has lost someone, however long ago. Sit with a
      cup of tea and talk with others who are grieving, or with one of our trained volunteers,
      or just be somewhere people understand. It is not counselling, and there is no pressure
      to share. Second Wednesday of each month; drop in any time during the afternoon.""",
      ("esd:bereavement",), venue="st-margarets", when=("2WE 14:00-16:00",),
      where="Ground-floor cafe"),
    S("steady-steps-parkinsons", "Steady Steps Parkinson's Group", "steady-steps", """
      A friendly group for people living with Parkinson's and those close to them, meeting at
      St Paul's Bow Common on the third Monday. The first half hour is seated exercise led by
      a volunteer physiotherapist; then it is tea, a chat and sometimes a speaker. Partners
      and carers are welcome too. Free.""", ("thc:long_term", "thc:exercise"),
      venue="st-pauls-bow-common", when=("3MO 14:00-16:00",)),
    S("life-after-stroke-cafe", "Life After Stroke Cafe", "life-after-stroke", """
      A cafe-style group for stroke survivors and their families in the ground-floor day room
      at Mile End Hospital. Swap tips on getting back to everyday life, practise conversation
      if your speech has been affected, and meet people further along the road. Volunteers
      include stroke survivors. Free; come on your own or with a family member.""",
      ("thc:long_term",), venue="mile-end-hospital", when=("TH 14:00-15:30",)),
    S("island-memory-cafe", "Island Memory Cafe", "island-neighbours", """
      A relaxed morning for people living with memory loss or dementia and the people who
      support them, in the cafe room at Mudchute Farm. There is singing, reminiscence with old
      photos of the Island and usually a visit from one of the farm animals. Volunteers are
      dementia friendly and there is always someone to talk to about support. Free; fourth
      Tuesday of the month.""", ("thc:memory_cafe", "thc:singing"),
      venue="mudchute", when=("4TU 10:30-12:00",), **ALL_AGES, where="Farm cafe room"),
    S("diabetes-group-clinic", "Diabetes Group Clinic", "poplar-health", """
      Group appointments for adults living with type 2 diabetes who are registered with a
      Poplar or Limehouse GP practice. A nurse and a health coach go through everyone's
      results together, and the group swaps practical ideas on food, activity and medication.
      Many people find they learn as much from each other as from the clinicians. Ask at your
      GP surgery to be booked in; clinics run on the second Thursday of the month.""",
      ("thc:group_clinic",), venue="poplar-union", when=("2TH 10:00-11:30",),
      access="referral", deliverable="Information", contact="Practice team"),
    S("aldgate-recovery-cafe", "Aldgate Recovery Cafe", "recovery-east", """
      A Saturday cafe run by people in recovery from alcohol, drugs or gambling, for anyone
      who wants a sober, welcoming place to spend the weekend. Hot food, games, music and a
      mutual aid meeting at midday that you are welcome to sit in on. Free. Just over the
      border in the City, a short walk from Aldgate East station.""", ("esd:drug_alcohol",),
      venue="st-botolph", when=("SA 11:00-14:00",)),
    S("roman-road-stay-and-play", "Roman Road Baby and Toddler Stay and Play", "little-roman",
      """
      Songs, messy play and a chance for parents and carers of under-fives to meet others in
      Bow. Babies have their own soft corner, and toddlers get sand, paint and a story at the
      end. Grown-ups get a hot drink and a proper conversation. Free; drop in with your little
      one.""", ("esd:parent_toddler",),
      venue="idea-bow", when=("WE 10:00-11:30",), langs=("en", "bn"), **FAMILIES),
    S("chrisp-street-parents", "Chrisp Street Parents Together", "chrisp-families", """
      A friendly group for parents and carers of babies and toddlers, with a health visitor
      dropping in once a month for weighing and questions. It is a good place to meet other
      parents if you are new to the area or finding the early months hard. Volunteers speak
      Bengali and Somali as well as English. Free; drop in with your baby.""",
      ("esd:parent_toddler",), venue="idea-chrisp", when=("FR 10:00-11:30",),
      langs=("en", "bn", "so"), **FAMILIES),
    S("somali-mothers-circle", "Somali Mothers' Circle", "hiddo", """
      An evening video call for Somali mothers to share the joys and pressures of bringing up
      children in London - school, teenagers, screen time, keeping the language alive at
      home. A different guest joins each month, such as a school governor or a family support
      worker. Conversation is in Somali and English. Free; women only, message us for the
      link.""", ("esd:parent_toddler", "thc:somali", "thc:women"),
      mode="online", when=("TU 20:00-21:00",), langs=("so", "en"), **WOMEN, web=False),
    S("kodom-wellbeing-circle", "Kodom Women's Wellbeing Circle", "kodom", """
      A weekly morning for Bangladeshi women to look after their own wellbeing for a change:
      gentle stretching, a cup of tea and an honest conversation about stress, sleep, family
      and feeling low. Facilitators speak Bengali and Sylheti, and everything said stays in
      the room. Women only; babies under two can come along. Free; drop in or ask your link
      worker to introduce you.""",
      ("thc:mental_health", "thc:exercise", "thc:women", "thc:bangladeshi"),
      venue="osmani", when=("TH 10:30-12:30",), langs=("bn", "en"), **WOMEN),
    S("rainbow-east-youth", "Rainbow East Youth Group", "rainbow-east", """
      A safe, fun space for LGBTQ+ young people aged 14 to 21 and anyone questioning, run by
      youth workers and volunteers. Expect games, art, film nights and conversations about
      identity, friendships and life, at your own pace. Come on your own or bring a friend;
      there is always someone to show you round. Free, confidential and drop-in.""",
      ("thc:youth_club", "thc:lgbtq", "thc:young_people"),
      venue="poplar-union", when=("TH 17:00-19:00",), ages=(14, 21), who=None),
]

SERVICES += [
    # ---- moving more ----
    S("thames-side-strollers", "Thames Side Strollers", "thames-side", """
      A free, gentle hour's walk along the river from Island Gardens every Saturday morning,
      led by trained volunteer walk leaders. The route is flat and step-free, with benches on
      the way and views across to Greenwich. Walkers go at the pace of the slowest person, so
      nobody is left behind. Meet by the foot tunnel entrance at ten; no need to book.""",
      ("esd:walking",), venue="island-gardens", when=("SA 10:00-11:00",), **ALL_AGES),
    S("bow-health-walk", "Bow Health Walk", "bow-walkers", """
      An easy 45-minute walk from Idea Store Bow into Victoria Park and back, led by friendly
      volunteers every Tuesday morning. It is a good way to get moving again after illness or
      a long spell indoors, and there is usually a coffee afterwards for anyone who wants
      one. Wear comfortable shoes; the route is flat and paved. Free; just turn up.""",
      ("esd:walking",), venue="idea-bow", when=("TU 10:30-11:30",),
      where="Meet outside the main entrance"),
    S("mile-end-mens-walk", "Mile End Men's Walk and Talk", "men-talk", """
      A Sunday morning walk through Mile End Park and along the canal for men who want some
      fresh air and easy company. Walking side by side makes it easier to talk, though plenty
      of people just enjoy the stroll. It takes about an hour at a steady pace, then there is
      tea at the Arts Pavilion cafe. Free; men only, just turn up.""",
      ("esd:walking", "esd:mental_health", "thc:men"),
      venue="mile-end-pavilion", when=("SU 10:00-11:30",), **MEN),
    S("cemetery-park-nature-walk", "Cemetery Park Nature Walk", "southern-grove-nature", """
      A slow, curious wander through the woodland of Tower Hamlets Cemetery Park, looking at
      birds, fungi, wildflowers and the stories behind the old graves. A volunteer naturalist
      leads, and there are plenty of stops. Woodland paths are uneven and can be muddy, so
      sturdy shoes help. Free; first Sunday of the month, meet at the Southern Grove gate.""",
      ("thc:nature", "thc:walking"), venue="cemetery-park", when=("1SU 11:00-12:30",),
      **ALL_AGES),
    S("chair-yoga-canary-wharf", "Chair Yoga at Canary Wharf", "mindful-east", """
      Gentle yoga done sitting on, or holding on to, a chair - ideal if you are stiff,
      recovering, or not keen on getting down to the floor. A qualified teacher guides simple
      stretches, breathing and a short relaxation at the end. £3 a class, or £1.50 if you
      receive benefits or are over 60. Arrive ten minutes early on your first visit.""",
      ("thc:yoga",), venue="idea-canary", when=("MO 11:00-12:00",),
      cost={"fees": "£3 a class; £1.50 concessions",
            "options": [("Per class", 3.0, None),
                        ("Concession", 1.5, "If you receive benefits or are aged 60+")]}),
    S("strong-and-steady", "Strong and Steady Classes", "steady-steps", """
      A 24-week strength and balance programme for people aged 60 and over who have had a
      fall or feel unsteady on their feet. Exercises are done seated and standing, with
      support, and build up week by week; most people notice a difference within a couple of
      months. A short phone assessment comes first so the instructor knows what suits you.
      Free; ask your GP, physio or link worker, or ring us yourself.""",
      ("thc:strength_balance", "thc:over50"),
      venue="bromley-by-bow-centre", when=("TU,FR 11:00-12:00",), access="appointment",
      **OLDER),
    S("tai-chi-roof-garden", "Tai Chi in the Roof Garden", "jade-river", """
      Slow, flowing tai chi among the plants of the Crossrail Place Roof Garden, led by a
      volunteer teacher from the Chinese elders' group. Everyone is welcome, whatever their
      background; instructions are given in Mandarin, Cantonese and English. Wear loose
      clothes and flat shoes. Free; if it is pouring, the class moves under the covered
      walkway.""", ("thc:tai_chi", "thc:chinese"),
      venue="idea-canary-roof", when=("TH 09:00-10:00",), langs=("zh", "en"), **OVER_50),
    S("bollywood-dance-fitness", "Bollywood Dance Fitness for Women", "island-dance", """
      An upbeat, women-only dance class to Bollywood and bhangra hits, taught step by step so
      complete beginners can join in. Expect lots of laughter and a good workout; you can
      always take it down a notch. £3 a class, pay on the door. The studio blinds are down
      and the teacher and staff are all women.""", ("thc:dance", "thc:women"),
      venue="whitechapel-sports", when=("SA 11:00-12:00",), cost=3.0, **WOMEN),
    S("spitalfields-tea-dance", "Spitalfields Tea Dance", "crypt-dances", """
      A proper old-fashioned tea dance on the last Friday of the month, with a live pianist,
      waltzes, foxtrots and a bit of jive. Come with a partner or on your own - volunteers are
      always happy to take a turn round the floor, and plenty of people just come to watch and
      have tea. £2 including tea and cake. The crypt hall has a lift and an accessible
      toilet.""", ("thc:dance", "thc:over50"),
      venue="christ-church-spitalfields", when=("-1FR 14:00-16:30",), cost=2.0, **ALL_AGES),
    S("mile-end-walking-football", "Mile End Walking Football", "mile-end-walking-football",
      """
      Football at a walking pace - no running, no slide tackles, plenty of laughs - for anyone
      aged 50 and over. Sessions are on the outdoor pitches at Mile End, with a coach who
      mixes skills, short games and a breather. Women and men both play, and former players
      and complete beginners are equally welcome. £2 a session; bring trainers and a
      drink.""", ("esd:sport",),
      venue="mile-end-leisure", when=("WE 13:00-14:00",), cost=2.0, **OVER_50),
    S("york-hall-table-tennis", "York Hall Table Tennis Social", "york-hall-tt", """
      Relaxed table tennis for adults of every level on Thursday afternoons, with bats and
      balls provided. A volunteer coach helps beginners get going, and a rota makes sure
      everyone gets a fair amount of play. Plenty of chairs for a rest between games. £2 a
      session; just turn up.""", ("esd:sport",),
      venue="york-hall", when=("TH 14:00-16:00",), cost=2.0, assured="2024-10-09"),
    S("women-only-swim", "Women-only Swim and Splash", "swim-sisters", """
      A women-only session at Poplar Baths with female lifeguards and the poolside blinds
      closed. The shallow end is kept for people who are nervous or learning, with a
      volunteer teacher in the water for the first half hour. Modest swimwear and burkinis
      are welcome. £4.50, or £2.25 with a concession; pay at reception.""",
      ("thc:swimming", "thc:women"), venue="poplar-baths", when=("SU 18:00-19:30",),
      cost={"fees": "£4.50; £2.25 concessions",
            "options": [("Per swim", 4.5, None),
                        ("Concession", 2.25, "Leisure card concession rate")]},
      **WOMEN),
    S("adult-beginners-swim", "Adult Beginners' Swim Course", "confident-in-water", """
      A ten-week course for adults who cannot swim, or who have never felt safe in the water,
      at the London Aquatics Centre on the Olympic Park. Small groups, a warm teaching pool
      and patient instructors who have heard every worry before. £75 for the course, paid when
      you book; ask about a reduced rate if money is tight. Booking is essential.""",
      ("thc:swimming",), venue="aquatics-centre", when=("MO 19:00-20:00",),
      access="appointment", deliverable="Training",
      cost={"fees": "£75 for a ten-week course",
            "options": [("Ten-week course", 75.0, "£7.50 a lesson, paid in advance")]}),
    S("victoria-park-beginners-running", "Victoria Park Beginners' Running", "vicpark-runners",
      """
      A running group for people who have never run, or have not run for years, using a
      gentle nine-week plan that starts with a minute of jogging at a time. Run leaders keep
      the group together, and nobody is ever last for long. Meet at Crown Gate West on Grove
      Road every Tuesday evening. Free; new groups start every couple of months, but you can
      come and walk-jog with us any week.""", ("thc:running",),
      venue="victoria-park", when=("TU 18:30-19:30",), ages=(16, None), who=None),
    S("learn-to-ride", "Learn to Ride and Ride Together", "pedal-east", """
      Free cycling sessions in Haggerston Park, just over the Hackney border, for adults who
      want to learn to ride or get their confidence back on a bike. Instructors start you on a
      quiet path, and adapted bikes and tricycles are available. Once you are ready, join our
      short group rides on back streets and canal paths. Bikes and helmets provided; please
      book your first session.""", ("thc:cycling",),
      venue="haggerston-park", when=("SA 10:00-12:00",), access="appointment"),
    S("get-active-referral", "Get Active Exercise Referral", "active-east", """
      A 12-week programme for adults with a health condition who would benefit from being more
      active, such as high blood pressure, diabetes, arthritis or low mood. An instructor
      builds a plan around you and checks in each week, in the gym or in supervised classes,
      at Mile End Park or Tiller leisure centres. Sessions cost £2 each. You need a referral
      from a GP, nurse, physio or social prescribing link worker.""", ("thc:gym",),
      venues=("mile-end-leisure", "tiller"), access="referral", cost=2.0,
      ages=(16, None), who=None, contact="Referral coordinator"),
    S("shadwell-youth-football", "Shadwell Youth Football", "east-end-youth", """
      Free football coaching and games for young people aged 11 to 16 on Friday evenings,
      with qualified coaches and a mix of abilities. Girls and boys both welcome, and there
      is a girls-only half hour at the start for anyone who prefers it. Boots not needed -
      trainers are fine. Just turn up; a parent or carer fills in a short form on your first
      visit.""", ("esd:sport", "thc:young_people"),
      venue="john-orwell", when=("FR 17:00-18:30",), ages=(11, 16), who=None),
    S("bow-common-youth-club", "Bow Common Youth Club", "east-end-youth", """
      A drop-in youth club for 11 to 19 year olds with pool, table tennis, music, cooking
      and somewhere warm to hang out with friends after school. Youth workers can help with
      anything from homework to worries at home, and run trips in the holidays. Free; just
      come along.""", ("esd:youth_club", "thc:young_people"),
      venue="st-pauls-bow-common", when=("WE,FR 17:00-20:00",), ages=(11, 19), who=None),
    S("level-up-online", "Level Up Online Wellbeing Group", "level-up", """
      A weekly online group for young people aged 16 to 25 who are feeling anxious, low or
      stuck, run by youth workers and trained peer volunteers. Sessions mix chat, simple
      techniques for managing stress and space to talk about whatever is on your mind. You
      can keep your camera off and use the chat if you prefer. Free; sign up with a short
      form and we will send the link.""", ("esd:mental_health", "thc:young_people"),
      mode="online", when=("MO 18:00-19:00",), access="appointment", ages=(16, 25),
      who=None, web=True),
    # ---- arts, music and making ----
    S("spitalfields-songbirds-choir", "Spitalfields Songbirds Community Choir",
      "spitalfields-songbirds", """
      A community choir where nobody has to audition or read music: songs are taught by ear,
      from gospel to pop to folk songs from around the world. Monday evenings in the crypt
      hall at Christ Church Spitalfields, with a tea break in the middle. £3 a week, or free
      if that is hard right now - nobody asks. Come and sit in on a rehearsal first if you are
      nervous.""", ("thc:singing",),
      venue="christ-church-spitalfields", when=("MO 19:00-20:30",),
      cost={"fees": "£3 a week; free if that is hard right now",
            "options": [("Per rehearsal", 3.0, None),
                        ("Free place", 0.0, "For anyone who cannot afford £3")]}),
    S("singing-better-breathing", "Singing for Better Breathing", "better-breathing", """
      A seated singing group for people living with COPD, asthma, long Covid or other
      breathing difficulties. Warm-ups and simple songs help with breath control, posture and
      confidence, and the group is great fun. Led by a singing leader trained in lung health.
      Free; bring your inhaler and a bottle of water.""", ("thc:singing", "thc:long_term"),
      venue="idea-chrisp", when=("TH 11:00-12:00",)),
    S("brushstrokes-open-art", "Brushstrokes Open Art Group", "brushstrokes", """
      An open studio for adults who want to draw or paint, whether you last held a brush at
      school or have been painting for years. An artist tutor suggests a theme each week and
      offers tips if you want them. Materials are provided. £2 a session; drop in.""",
      ("esd:arts",), venue="brady", when=("WE 10:30-12:30",), cost=2.0),
    S("creative-minds-studio", "Creative Minds Art Studio", "stepping-stones", """
      A calm, sociable art studio for adults whose mental health is affecting their day-to-day
      life. Try painting, printmaking, clay or collage with gentle guidance, and work at your
      own pace in a small group. Many members say it is the one afternoon a week they switch
      off. Free; refer yourself, or ask your link worker or care coordinator.""",
      ("esd:arts", "esd:mental_health"),
      venue="poplar-union", when=("TH 13:00-15:30",), access="referral"),
    S("shadwell-stitchers", "Shadwell Stitchers", "shadwell-stitchers", """
      A sewing and mending circle where you can learn to use a sewing machine, alter your own
      clothes or work on a quilt with others. Machines, thread and fabric scraps are provided,
      and volunteers help beginners step by step. Members chat in English and Bengali. Free;
      bring any project you want to work on.""", ("thc:sewing",),
      venue="idea-watney", when=("FR 10:00-12:30",), langs=("en", "bn")),
    S("stepney-shed", "Stepney Shed", "stepney-shed", """
      A men's shed in a workshop at Stepney City Farm, where men of all ages make, mend and
      tinker together: benches for the farm, bird boxes, bike repairs, whatever people
      fancy. Tools and timber are provided, and experienced members show newcomers the ropes
      safely. Mostly it is about the company and a brew. Free; drop in on Tuesdays or
      Thursdays.""", ("thc:woodwork", "thc:men"),
      venue="stepney-farm", when=("TU,TH 10:00-15:00",), **MEN, where="Workshop by the yard"),
    S("roman-road-repair-cafe", "Roman Road Repair Cafe", "roman-road-repair", """
      Bring a broken toaster, a wobbly chair or a torn coat and fix it with help from our
      volunteer fixers, on the third Saturday of each month at Idea Store Bow. You stay with
      your item and learn as you go, and there is tea and cake while you wait. Free, although
      donations keep the tools running. If you have a skill to share, come and join the
      fixers.""", ("thc:repair", "thc:cost_of_living"),
      venue="idea-bow", when=("3SA 11:00-14:00",), **ALL_AGES),
    S("limehouse-readers", "Limehouse Readers", "east-end-words", """
      A friendly book group that reads a mix of novels, memoirs and short stories, chosen by
      members. Copies are borrowed through the Idea Stores, so the books are free. Discussion
      is relaxed and nobody is tested on whether they finished! First Thursday of the month in
      the church hall at St Anne's.""", ("thc:reading",),
      venue="st-annes", when=("1TH 18:30-20:00",), assured="2025-05-27"),
    S("write-here-whitechapel", "Write Here Whitechapel", "east-end-words", """
      A creative writing workshop every other Saturday in the Whitechapel Gallery's learning
      studio, using the current exhibitions as a starting point. Write poems, memories or
      stories; share them if you like, or keep them to yourself. No experience needed, just a
      pen. Free; places are limited to 12, so email to reserve a seat.""", ("thc:writing",),
      venue="whitechapel-gallery", when=("2/SA 14:00-16:00@2026-01-10",),
      access="appointment"),
    S("limehouse-players", "Limehouse Players Drama Group", "limehouse-players", """
      A community theatre group that puts on two shows a year, with a part for everyone who
      wants one - on stage, backstage or making props. Weekly sessions mix drama games,
      improvisation and rehearsals, and are as much about the laughs as the performance.
      Rehearsals are paused while the hall is refurbished; ring for news of the restart. £3 a
      week. The hall is up a flight of stairs and there is no lift.""", ("thc:drama",),
      venue="limehouse-town-hall", when=("WE 19:00-21:00",), cost=3.0,
      status="temporarily closed", assured="2025-09-15"),
    S("whitechapel-silver-screen", "Whitechapel Silver Screen", "silver-screen", """
      A monthly afternoon film club for people aged 50 and over, showing classics and recent
      favourites with subtitles on. Tea and biscuits in the interval and a chat about the film
      afterwards for anyone who wants to stay. Free; second Friday of the month in the
      Idea Store Whitechapel studio.""", ("thc:film", "thc:over50"),
      venue="idea-whitechapel", when=("2FR 13:30-16:00",), **OVER_50),
    S("east-end-memory-lane", "East End Memory Lane", "memory-lane", """
      Share memories of the East End - the docks, the markets, the Blitz, the old schools -
      over tea, prompted by photographs and objects from the local history archive.
      Archivists record the stories people are happy to share, so they are kept for future
      generations. Everyone is welcome, whether you grew up here or arrived last year. Free;
      every other Wednesday afternoon.""", ("thc:local_history",),
      venue="bancroft-library", when=("2/WE 14:00-15:30@2026-01-14",), **ALL_AGES),
    S("house-mill-volunteers", "House Mill Heritage Volunteers", "house-mill-friends", """
      Help show visitors round the House Mill, a tidal mill on Three Mills Island just over
      the Lea in Newham, and learn its 250-year story as you go. Volunteers greet visitors,
      help on the Sunday tours and research the mill's history; full training is given. It
      suits people who enjoy history and a chat. Free; ring to arrange a visit first.""",
      ("thc:local_history", "thc:volunteering"),
      venue="three-mills", when=("SU 11:00-16:00",), access="appointment"),
    S("aldgate-knit-and-natter", "Aldgate Knit and Natter", "aldgate-knitters", """
      Bring your knitting, crochet or embroidery, or learn from scratch with spare needles and
      wool, at Artizan Street Library just over the City border. The group makes blankets
      and hats for local charities as well as its own projects, and there is always tea on
      the go. Free; just drop in.""", ("thc:sewing",),
      venue="artizan", when=("WE 14:00-16:00",)),
    S("family-makers-young-va", "Saturday Family Makers", "make-together", """
      Drop-in making sessions for families at the Young V&A: build, paint, stick and invent
      together, with an artist on hand for ideas. Everything is provided, from cardboard to
      glitter. Best for children aged 3 to 11 with their grown-ups. Free; just turn up, but
      arrive early in the school holidays.""", ("thc:family", "thc:arts"),
      venue="young-va", when=("SA 10:30-12:30",), **FAMILIES),
    S("trinity-buoy-sketching", "Lighthouse Sketching Club", "brushstrokes", """
      Draw boats, cranes, the lighthouse and the river on a relaxed Sunday sketching morning
      at Trinity Buoy Wharf in Leamouth. A tutor starts with a ten-minute tip, then everyone
      finds a spot to draw; indoors by the heaters if the weather is bad. Pencils and paper
      provided. £2 a session; just turn up.""", ("esd:arts",),
      venue="trinity-buoy", when=("SU 10:30-12:30",), cost=2.0),
]

SERVICES += [
    # ---- nature and outdoors ----
    S("mudchute-growing-group", "Mudchute Community Growing Group", "island-growers", """
      Grow vegetables, herbs and flowers on the community plot at Mudchute Farm, with an
      experienced grower showing you what to do each week. There are raised beds for anyone
      who cannot kneel, shady seats and a share of the harvest to take home. Wear clothes you
      do not mind getting muddy; gloves and tools are provided. Free; drop in any Wednesday
      morning.""", ("esd:gardens",),
      venue="mudchute", when=("WE 10:00-13:00",), where="Community plot behind the stables"),
    S("spitalfields-womens-growing", "Spitalfields Women's Growing Club", "kodom", """
      A women-only gardening group at Spitalfields City Farm, growing the vegetables and herbs
      people miss from home - lau, kodu, methi and chillies - alongside British favourites.
      After the work there is tea and, in summer, a shared meal cooked from the harvest.
      Sessions are in Bengali and English. Free; children welcome with their mums in the
      school holidays.""", ("thc:gardening", "thc:cooking", "thc:women", "thc:bangladeshi"),
      venue="spitalfields-farm", when=("SA 10:00-12:30",), langs=("bn", "en"), **WOMEN),
    S("mile-end-green-hands", "Mile End Green Hands", "green-hands", """
      Practical conservation volunteering in Mile End Park every other Thursday: planting
      hedges, clearing ponds, building habitat piles and looking after the wildflower meadows.
      Tools, gloves and training are provided, and tasks can be adapted for different
      abilities. A good way to be outdoors, learn new skills and meet people. Free; tea and
      biscuits at break time.""", ("thc:conservation", "thc:volunteering"),
      venue="mile-end-pavilion", when=("2/TH 10:00-13:00@2026-01-08",), ages=(16, None),
      who=None, where="Meet at the Arts Pavilion and walk to the task"),
    S("bow-creek-wildlife-walks", "Bow Creek Wildlife Walks", "lower-lea-nature", """
      A gentle guided walk round Bow Creek Ecology Park, just across the River Lea in
      Canning Town, spotting herons, reed warblers and sometimes a seal in the creek. Walks go
      at an easy pace on level paths, with benches along the way and binoculars to borrow.
      Free; second Saturday of the month, meet at the Bidder Street entrance.""",
      ("thc:nature", "thc:river"), venue="bow-creek", when=("2SA 10:30-12:00",), **ALL_AGES),
    S("paddle-wapping", "Paddle Wapping", "wapping-paddlers", """
      Try canoeing and kayaking on the calm, enclosed water of Shadwell Basin with qualified
      instructors. Sessions suit adults who have never paddled as well as people coming back
      to it. Buoyancy aids and all kit are provided; bring a change of clothes. £5 a session;
      booking is essential as places are limited.""", ("thc:river",),
      venue="shadwell-basin", when=("SU 10:00-12:00",), cost=5.0, access="appointment",
      ages=(16, None), who=None, assured="2025-08-04"),
    S("stepney-farm-animal-care", "Stepney Farm Animal Care Volunteers", "farm-friends", """
      Help look after the goats, pigs, sheep and chickens at Stepney City Farm: feeding,
      mucking out, grooming and making sure everyone is settled. Full training is given, and
      staff match tasks to what you feel able to do. Lots of people find the routine and the
      animals do them the world of good. Free; ring to arrange a welcome visit first.""",
      ("thc:city_farm", "thc:volunteering"),
      venue="stepney-farm", when=("MO,FR 09:30-12:30",), access="appointment"),
    S("goldsmiths-row-farm-mornings", "Goldsmiths Row Farm Mornings", "farm-friends", """
      A relaxed Thursday morning at Hackney City Farm, just over the border from Bethnal
      Green, for adults with learning disabilities and their support workers. Feed the
      animals, help in the garden and finish with a drink in the farm cafe. Staff are patient
      and the pace is gentle. Free; supporters come free too.""",
      ("thc:city_farm", "thc:learning_disability"),
      venue="hackney-farm", when=("TH 10:00-12:00",)),
    S("mindful-lunchtimes-roof-garden", "Mindful Lunchtimes in the Roof Garden", "mindful-east",
      """
      Twenty minutes of guided mindfulness among the ferns of the Crossrail Place Roof Garden,
      followed by a quiet walk round the garden. Ideal if you live or work around Canary Wharf
      and need a pause in the middle of the day. No experience needed; just turn up. Free.""",
      ("thc:mindfulness", "thc:nature"),
      venue="idea-canary-roof", when=("WE 12:30-13:15",)),
    S("lido-year-round-swimmers", "London Fields Year-round Swimmers", "lido-dippers", """
      A friendly club for adults who swim at London Fields Lido in every season, just over
      the Hackney border. Newcomers are buddied with a regular, shown how to build up to
      colder water safely, and invited for a warming cuppa afterwards. You pay the lido's
      usual entry price (concessions available); club membership is free. Meet by the
      entrance on Sunday mornings.""", ("thc:swimming", "thc:river"),
      venue="london-fields-lido", when=("SU 08:00-09:30",),
      cost={"fees": "Lido entry, about £6; concessions available",
            "options": [("Lido entry", 6.2, None),
                        ("Concession", 3.7, "Leisure card concession rate")]}),
    # ---- learning and skills ----
    S("talk-together-conversation", "Talk Together English Conversation Club", "talk-together",
      """
      Practise everyday English in a relaxed, friendly group - shopping, appointments,
      talking to your child's teacher - with volunteer hosts. It is not a formal class, so
      there are no tests, and all levels are welcome. Meet people from all over the world and
      build the confidence to speak. Free; drop in at Idea Store Whitechapel on Monday
      mornings or Idea Store Watney Market on Wednesday evenings.""", ("esd:esol",),
      venues=("idea-whitechapel", "idea-watney"),
      when=("MO 10:00-11:30", "WE 18:00-19:30#1")),
    S("english-for-women-creche", "English for Women with Creche", "talk-together", """
      A beginners' English course for women, with a free creche next door so you can learn
      without worrying about the children. Terms run for ten weeks and cover speaking,
      listening and simple reading and writing for daily life. Teachers can explain in
      Bengali or Somali when needed. Free; places are booked at an enrolment session - ring
      for the next date.""", ("esd:esol", "thc:women"),
      venue="osmani", when=("TU 10:00-12:00",), access="appointment", deliverable="Training",
      langs=("en", "bn", "so"), **WOMEN),
    S("digital-drop-in-canary-wharf", "Digital Drop-in at Idea Store Canary Wharf",
      "digital-neighbours", """
      Bring your phone, tablet or laptop and get one-to-one help from a patient volunteer:
      setting up email, video calling family, booking a GP appointment online, or applying
      for council services such as a parking permit or a council tax discount. No question is
      too basic. Free; drop in, or ring to book a 30-minute slot if you would rather not
      wait.""", ("esd:digital", "thc:parking", "thc:council_tax"),
      venue="idea-canary", when=("TH 14:00-16:00",)),
    S("tech-help-by-phone", "Tech Help by Phone", "digital-neighbours", """
      If you cannot get out, or would rather learn at home, a volunteer can talk you through
      using your phone or tablet over the phone, step by step. Popular topics are WhatsApp,
      the NHS App, online shopping and spotting scam messages. Calls are free and take as long
      as they take. Ring on Monday or Wednesday mornings and leave a message if the line is
      busy.""", ("esd:digital", "thc:over50"),
      mode="phone", when=("MO,WE 10:00-13:00",), **OVER_50),
    S("cook-and-eat-spitalfields", "Cook and Eat at Spitalfields City Farm", "cook-together",
      """
      Cook a simple, healthy meal from scratch using vegetables from the farm, then sit down
      to eat it together. Each week a cook shows a new dish that is cheap to make at home,
      and you take the recipe away. All abilities welcome, and we can adapt for most diets.
      Free; please book, as places are limited to ten.""", ("thc:cooking",),
      venue="spitalfields-farm", when=("TH 11:00-14:00",), access="appointment"),
    S("managing-stress-course", "Managing Stress: a Six-week Course", "wellbeing-college", """
      A free six-week course that explains what stress does to the body and mind and teaches
      practical ways to manage it, from breathing techniques to tackling worries one at a
      time. It is a class, not therapy: you will not be asked to talk about yourself unless
      you want to. New courses start every half term at Bethnal Green Library. Book a place
      by phone or email.""", ("thc:wellbeing_course",),
      venue="bethnal-library", when=("WE 13:30-15:30",), access="appointment",
      deliverable="Training"),
    S("confidence-building-online", "Confidence Building Online", "wellbeing-college", """
      A four-week evening course on video for anyone whose confidence has taken a knock,
      through illness, losing a job, a relationship ending or just life. Sessions mix short
      talks, small-group chats and simple things to try between weeks. Free; booking
      essential, and you can join with your camera off.""", ("thc:wellbeing_course",),
      mode="online", when=("TU 18:30-20:00",), access="appointment", deliverable="Training"),
    S("beginners-photography", "Photography for Beginners", "east-side-learning", """
      An eight-week Saturday course on taking better photos with a phone or any camera:
      light, composition and editing, with short walks round Poplar to practise. £45 for the
      course, or free if you receive a means-tested benefit. Enrol online or at the Idea Store
      information desk.""", ("thc:courses",),
      venue="idea-chrisp", when=("SA 10:00-12:00",), access="appointment",
      deliverable="Training", status="inactive", assured="2024-06-20",
      cost={"fees": "£45 for eight weeks; free on means-tested benefits",
            "options": [("Eight-week course", 45.0, None),
                        ("Free place", 0.0, "If you receive a means-tested benefit")]}),
    # ---- giving back and getting involved ----
    S("volunteering-advice-drop-in", "Volunteering Advice Drop-in", "giving-time", """
      Thinking about volunteering but not sure where to start? Pop in for a chat with an
      adviser who knows hundreds of local opportunities, from befriending to gardening to
      helping at a food bank. We will help you find something that suits your time, interests
      and confidence, and can come with you on your first visit if that helps. Free; drop in
      on Thursday mornings.""", ("esd:volunteering",),
      venue="idea-whitechapel", when=("TH 10:00-13:00",), ages=(16, None), who=None),
    S("become-a-peer-mentor", "Become a Peer Mentor", "stepping-stones", """
      If you have lived with mental health difficulties and are now in a better place, you
      could train as a volunteer peer mentor and support someone else through their first
      steps back into community life. The eight-week training is free and flexible, with
      ongoing supervision and expenses paid. Ask for an informal chat; you do not need any
      qualifications.""", ("thc:mentoring",),
      venue="brady", access="appointment", deliverable="Training"),
    S("island-residents-voice", "Island Residents' Voice", "island-voice", """
      A monthly open meeting where Isle of Dogs residents raise what matters locally -
      housing repairs, buses, safety, green spaces - and decide together what to do about it.
      Councillors and housing officers are invited to answer questions, and small groups take
      actions forward between meetings. Everyone who lives or works on the Island is welcome.
      Free; refreshments provided.""", ("thc:residents_voice",),
      venue="christ-church-iod", when=("2MO 18:30-20:00",)),
    S("have-your-say-health", "Have Your Say on Local Health Services", "poplar-health", """
      A patient group where local people help shape GP and community health services in
      Poplar and Limehouse, from appointment systems to new clinics. Meetings are on the last
      Wednesday of the month at Poplar Union, and you can also join on video. You do not need
      any expertise, just your own experience of using services. Free; light supper
      provided.""", ("thc:residents_voice",),
      venue="poplar-union", when=("-1WE 17:30-19:00",)),
    # ---- calm and taking notice ----
    S("limehouse-meditation", "Limehouse Meditation Evenings", "mindful-east", """
      A quiet hour of guided meditation in the peaceful surroundings of St Anne's, open to
      people of any faith or none. Each session has simple instructions, two short sittings
      and time for questions. Chairs and cushions provided. Free, with a donation bowl by the
      door.""", ("thc:mindfulness",),
      venue="st-annes", when=("MO 19:00-20:00",),
      cost=("pwyc", "Free, with a donation bowl by the door")),
    S("the-listening-post", "The Listening Post", "listening-post", """
      Sometimes you just need someone to listen. Trained volunteer listeners offer a private,
      unhurried conversation over a cup of tea - about anything at all - in a quiet room at St
      Paul's Shadwell. We will not give advice unless you ask, and we can point you to other
      help if you want it. Free and confidential; drop in, or ring to book a time.""",
      ("thc:talking",), venue="st-pauls-shadwell", when=("WE,FR 11:00-15:00",),
      deliverable="Counselling"),
]

SERVICES += [
    # ---- practical help and advice ----
    S("debt-advice-appointments", "Debt Advice Appointments", "limehouse-money", """
      Free, confidential, independent advice if you are behind on rent, council tax, energy
      bills or credit cards. An adviser looks at your whole situation, works out a budget
      with you and deals with the people you owe where needed. Appointments last about an
      hour; bring any letters or bills you have. Book by phone - advisers speak Bengali and
      Somali as well as English.""", ("esd:debt", "thc:council_tax"),
      venue="idea-chrisp", when=("TU,TH 09:30-16:30",), access="appointment",
      deliverable="Advice", langs=("en", "bn", "so"), contact="Advice line"),
    S("money-worries-helpline", "Money Worries Helpline", "limehouse-money", """
      A free phone line for anyone in Tower Hamlets worried about money: debts, benefits,
      bills, or just not making it to the end of the month. An adviser will listen, check you
      are getting everything you are entitled to, and book a longer appointment if you need
      one. Calls are confidential, and advisers speak Polish as well as English. Lines are
      open weekday daytimes; leave a message and we will ring you back within two working
      days.""", ("esd:debt", "esd:benefits"),
      mode="phone", when=("MO-FR 10:00-16:00",), access="", deliverable="Advice",
      langs=("en", "pl"), contact="Advice line"),
    S("benefits-check-artizan", "Benefits Check Drop-in", "aldgate-advice", """
      Drop in for a free benefits check at Artizan Street Library, just over the border in
      Aldgate. An adviser will see whether you could claim more - Universal Credit, Pension
      Credit, PIP, Council Tax Reduction - and help you fill in the forms. Bring proof of
      income and any letters. First come, first served; arrive early as the session fills
      up. Advisers also speak Spanish and Portuguese.""",
      ("esd:benefits", "thc:cost_of_living"),
      venue="artizan", when=("WE 10:00-13:00",), deliverable="Advice",
      langs=("en", "es", "pt"), contact="Advice line"),
    S("older-peoples-advice", "Older People's Advice Surgery", "aldgate-advice", """
      A weekly advice surgery for people aged 60 and over covering Pension Credit,
      Attendance Allowance, Blue Badge applications, Freedom Passes and help with council tax.
      Advisers have plenty of time and can fill in forms with you. Ring to book a slot, or ask
      a family member or link worker to book for you.""",
      ("esd:benefits", "thc:blue_badge", "thc:over50"),
      venue="idea-bow", when=("FR 10:00-13:00",), access="appointment", deliverable="Advice",
      **OLDER, contact="Advice line"),
    S("housing-advice-clinic", "Housing Advice Clinic", "aldgate-advice", """
      Free advice on housing problems: disrepair and damp, rent arrears, eviction notices,
      overcrowding and trouble with a landlord or housing association. A specialist adviser
      can explain your rights, write letters and, if it comes to it, help you get legal
      representation. Drop in on Monday afternoons; if you have had court papers, ring
      straight away for an urgent appointment.""", ("esd:housing",),
      venue="oxford-house", when=("MO 13:00-16:00",), deliverable="Advice",
      contact="Advice line"),
    S("young-peoples-advice", "Young People's Housing and Money Advice", "aldgate-advice", """
      Advice for 16 to 25 year olds on finding somewhere to live, dealing with a landlord,
      claiming Universal Credit, and sorting out debts or phone contracts. Advisers are
      used to working with care leavers and young people who are sofa surfing. Drop in after
      college on Wednesdays, or message us to book a time.""",
      ("esd:housing", "esd:benefits", "thc:young_people"),
      venue="poplar-union", when=("WE 15:00-18:00",), deliverable="Advice",
      ages=(16, 25), who=None, contact="Youth adviser"),
    S("somali-advice-surgery", "Somali Advice Surgery", "hiddo", """
      Help in Somali with letters, benefits, housing applications and school admissions from
      experienced volunteer advisers, every Thursday morning at Idea Store Watney Market. If
      your problem needs a specialist, we will refer you and can come with you to the first
      appointment. Free; drop in and bring any letters you have.""",
      ("esd:benefits", "thc:housing", "thc:somali"),
      venue="idea-watney", when=("TH 10:00-13:00",), deliverable="Advice",
      langs=("so", "en")),
    S("immigration-advice-clinic", "Immigration and Citizenship Advice Clinic",
      "riverside-rights", """
      Free legal advice from regulated immigration advisers on visas, settlement, family
      reunion, citizenship and EU Settled Status. Appointments are confidential, and
      interpreters can be booked for Bengali, Somali, Arabic, Tigrinya and other languages.
      Bring your passport and any Home Office letters. Ring on weekdays to book a Saturday
      appointment.""", ("esd:immigration",),
      venue="st-george-east", when=("SA 10:00-13:00",), access="appointment",
      deliverable="Advice", langs=("en", "bn", "so", "ar", "ti"), contact="Bookings"),
    S("free-legal-advice-evening", "Free Legal Advice Evening", "riverside-rights", """
      Volunteer solicitors give free 20-minute consultations on employment, consumer, family
      and housing law at St Leonard's Church in Shoreditch, just over the Hackney border. They
      will explain where you stand and what to do next, and can refer you on for more help.
      Second Tuesday of each month; slots are given out from 6pm on the night, first come,
      first served.""", ("thc:legal",),
      venue="st-leonards", when=("2TU 18:30-20:30",), deliverable="Advice"),
    S("east-end-food-bank", "East End Food Bank", "east-end-food-bank", """
      Emergency food parcels with three days' worth of food, toiletries and, where we can,
      fresh fruit and vegetables, from two centres in Bethnal Green and Bow. You will need a
      food bank voucher from an adviser, GP, link worker, school or Idea Store - ring us if
      you are not sure how to get one. While you are here, volunteers offer a hot drink and
      can put you in touch with money advice.""", ("esd:food_bank",),
      venues=("st-johns-bg", "bow-church"),
      when=("TU,FR 12:00-14:00", "WE 12:00-14:00#1"), access="referral", **ALL_AGES,
      closed=("2026-12-24", "2027-01-02")),
    S("docklands-community-larder", "Docklands Community Larder", "docklands-larder", """
      A community pantry where members pay £4 a visit and choose ten or more items, worth
      around £20, including fresh fruit, vegetables, bread and household basics. It is a way
      to make your money go further, with dignity and choice. Anyone living on the Isle of
      Dogs or in Poplar can join; bring proof of address to your first visit.""",
      ("thc:food", "thc:cost_of_living"),
      venue="christ-church-iod", when=("SA 10:00-12:00",), access="membership", cost=4.0,
      **ALL_AGES),
    S("shadwell-community-fridge", "Shadwell Community Fridge", "shadwell-fridge", """
      Free surplus food from local shops and restaurants, shared out three afternoons a week
      from the community fridge outside Idea Store Watney Market. Anyone can take what they
      need, with no forms and no questions. Stocks vary from day to day, so come early for the
      best choice.""", ("thc:food",),
      venue="idea-watney", when=("MO,WE,FR 15:00-17:00",), **ALL_AGES,
      status="defunct", assured="2025-10-01"),
    S("whitechapel-job-club", "Whitechapel Job Club", "next-step-jobs", """
      Weekly help with job hunting: CVs, application forms, interview practice and finding
      jobs that fit around caring or a health condition. Computers and a printer are
      available, and advisers can help with online applications; a BSL interpreter can be
      booked with a week's notice. Everyone is welcome, whether you have been out of work for
      a week or ten years. Free; drop in.""", ("esd:employment",),
      venue="idea-whitechapel", when=("TU 10:00-12:30",), deliverable="Advice",
      ages=(16, None), who=None),
    S("work-and-wellbeing-coaching", "Work and Wellbeing Coaching", "next-step-jobs", """
      One-to-one coaching for people with a health condition or disability who want to find
      work, or keep the job they have. A coach meets you weekly for up to six months and helps
      with confidence, applications and talking to employers about adjustments. Free. You can
      refer yourself or be referred by your GP, link worker or Jobcentre work coach.""",
      ("esd:employment",), venue="idea-chrisp", access="referral", deliverable="Advice"),
    S("womens-work-ready", "Women's Work Ready Programme", "next-step-jobs", """
      A friendly eight-week programme for women who want to start or return to work, with
      sessions on confidence, CVs, interviews and your rights at work, plus a visit to a
      local employer. Sessions are in English with Bengali support, and the times fit round
      the school day. Free; ring or drop in to the Kobi Nazrul Centre to sign up.""",
      ("esd:employment", "thc:women", "thc:bangladeshi"),
      venue="kobi-nazrul", when=("WE 10:00-12:30",), access="appointment",
      deliverable="Training", langs=("en", "bn"), **WOMEN),
    S("riverside-community-minibus", "Riverside Community Minibus", "riverside-minibus", """
      A door-to-door minibus for people who find buses and trains difficult because of age,
      disability or health. Book a seat for shopping trips, lunch clubs, hospital visits or
      days out; drivers help you on and off, and the bus has a wheelchair lift. Membership is
      £5 a year and most trips cost £2. Ring at least two working days ahead to book.""",
      ("esd:transport",), mode="", when=("MO-FR 09:00-17:00",), access="membership",
      cost={"fees": "£5 a year membership; most trips £2",
            "options": [("Annual membership", 5.0, None), ("Per trip", 2.0, "Most trips")]},
      **ALL_AGES, contact="Bookings"),
    S("handy-hands-repairs", "Handy Hands Home Repairs", "handy-hands", """
      Small repairs and safety jobs around the home for people aged 60 and over or living with
      a disability: fitting grab rails, changing light bulbs, fixing door locks, putting up
      curtain rails. A checked, friendly handyperson visits at a time agreed with you. Labour
      is free and you only pay for materials. Ring to book; there is usually a wait of a week
      or two.""", ("thc:handyperson",),
      mode="home visit", access="appointment", ages=None, who=None,
      cost={"fees": "Labour is free; you pay for materials",
            "options": [("Labour", 0.0, "You pay for any materials")]}),
    S("settle-in-home-from-hospital", "Settle In: Home from Hospital Support", "settle-in", """
      Practical, friendly support for up to six weeks after you come home from hospital: a
      volunteer can do some shopping, collect prescriptions, help you get back to groups you
      used to go to, or simply pop in for a chat. Support is free and agreed with you at the
      first visit. Referrals come from hospital staff, GPs and link workers, or you can ring
      us yourself.""", ("esd:leaving_hospital",),
      mode="home visit", access="referral"),
    S("energy-bills-advice", "Energy Bills and Warm Homes Advice", "limehouse-money", """
      Worried about heating your home or a big energy bill? An energy adviser can check your
      tariff, help with arrears and grants, and show you simple ways to keep warm for less.
      Drop in on Thursday mornings at St Dunstan's church hall in Stepney, or ring to ask for
      a home visit if you cannot get out. Free.""", ("esd:debt", "thc:warm_space"),
      venue="st-dunstans", when=("TH 10:00-13:00",), deliverable="Advice",
      contact="Advice line"),
]


# --- building the v1 feed -------------------------------------------------------------------


@dataclass
class Ids:
    """Ids for one service's nested objects: legacy ``thc-NNNN-x-n`` or uuid5 in our space."""

    slug: str
    legacy: str | None  # the legacy service id, when this service uses them
    counters: Counter[str] = field(default_factory=Counter)

    @property
    def service(self) -> str:
        return self.legacy or uid("service", self.slug)

    def next(self, kind: str) -> str:
        self.counters[kind] += 1
        n = self.counters[kind]
        if self.legacy:
            return f"{self.legacy}-{kind}-{n}"
        return uid(kind, f"{self.slug}/{n}")


def _hash(text_: str) -> int:
    return int(hashlib.sha256(text_.encode()).hexdigest(), 16)


def legacy_id(slug: str) -> str | None:
    """About half the services keep ids from the council's old system, as live feeds do.

    Chosen from the slug, not the position in the list, so adding a record moves no ids.
    """
    number = _hash(f"service/{slug}")
    return f"thc-{number // 2 % 10000:04d}" if number % 2 == 0 else None


def location_id(key: str) -> str:
    number = _hash(f"location/{key}")
    return f"thl-{number // 2 % 1000:03d}" if number % 2 == 0 else uid("location", key)


def phone_number(index: int) -> str:
    """Ofcom's drama range, 020 7946 0000 to 0999; 37 is coprime with 1000, so no repeats."""
    return f"020 7946 0{(101 + index * 37) % 1000:03d}"


def assured_date(svc: Service) -> str:
    if svc.assured:
        return svc.assured
    span = (TODAY - FRESH_FROM).days - 1
    offset = int(hashlib.sha256(svc.slug.encode()).hexdigest()[:8], 16) % span
    return (FRESH_FROM + timedelta(days=offset)).isoformat()


def money(amount: float) -> str:
    return f"£{amount:.2f}".replace(".00", "")


def cost_parts(cost: Any) -> tuple[str, list[tuple[str, float | None, str | None]]]:
    """The v1 ``fees`` text and cost options (option, amount, amount_description)."""
    if cost == FREE:
        return "Free", [("Free", 0.0, None)]
    if isinstance(cost, float):
        return f"{money(cost)} a session", [("Per session", cost, None)]
    if isinstance(cost, tuple) and cost[0] == "pwyc":
        return "Pay what you can", [("Pay what you can", None, cost[1])]
    return cost["fees"], list(cost["options"])


def parse_rule(rule: str) -> tuple[list[tuple[str, str]], str, str, Json, int]:
    """``(days, opens, closes, extra fields, venue index)`` for one ``when`` rule."""
    match = re.fullmatch(r"(\S+) (\d\d:\d\d)-(\d\d:\d\d)(?:@(\S+))?(?:#(\d))?", rule)
    if not match:
        raise ValueError(f"bad rule {rule!r}")
    days_part, opens, closes, start, venue = match.groups()
    extra: Json = {"freq": "WEEKLY"}
    if "/" in days_part:  # every other week
        interval, days_part = days_part.split("/")
        extra.update(interval=int(interval), dtstart=start)
    if "-" in days_part and days_part[0] != "-" and len(days_part) == 5:  # MO-FR
        first, last = days_part.split("-")
        days = [(d, "") for d in DAYS[DAYS.index(first):DAYS.index(last) + 1]]
    else:
        days = []
        for part in days_part.split(","):
            nth, day = re.fullmatch(r"(-?\d)?([A-Z]{2})", part).groups()  # type: ignore[union-attr]
            days.append((day, nth or ""))
    if any(nth for _, nth in days):
        extra["freq"] = "MONTHLY"
    return days, opens, closes, extra, int(venue or 0)


def describe_rule(days: list[tuple[str, str]], opens: str, closes: str, extra: Json) -> str:
    times = f"{opens} to {closes}"
    names = [DAY_NAMES[DAYS.index(d)] for d, _ in days]
    if days[0][1]:
        return f"{ORDINALS[days[0][1]]} {names[0]} of the month, {times}"
    if extra.get("interval") == 2:
        start = date.fromisoformat(extra["dtstart"])
        return (f"Every other {names[0]}, {times} (fortnightly from "
                f"{start.day} {start.strftime('%B %Y')})")
    if len(days) == 5 and names[0] == "Monday":
        return f"Monday to Friday, {times}"
    if len(days) == 1:
        return f"Every {names[0]}, {times}"
    return f"{', '.join(n + 's' for n in names[:-1])} and {names[-1]}s, {times}"


def v1_location(key: str, svc: Service) -> Json:
    venue = VENUES[key]
    loc_id = location_id(key)
    legacy = loc_id.startswith("thl-")
    address: Json = {
        "id": f"{loc_id}-addr" if legacy else uid("address", key),
        "address_1": venue.street,
        "address_2": venue.area,
        "city": "London",
        "state_province": "Greater London",
        "region": venue.borough,
        "postal_code": venue.postcode,
        "country": "GB",
    }
    access = [
        {"id": f"{loc_id}-acc-{n}" if legacy else uid("accessibility", f"{key}/{n}"),
         "accessibility": label, **({"details": details} if details else {})}
        for n, (label, details) in enumerate(venue.access, start=1)
    ]
    location: Json = {"id": loc_id, "name": venue.name}
    if venue.note:
        location["description"] = venue.note
    location.update(latitude=venue.lat, longitude=venue.lon, physical_addresses=[address],
                    accessibility_for_disabilities=access)
    return location


def v1_service(svc: Service, index: int) -> Json:
    ids = Ids(svc.slug, legacy_id(svc.slug))
    org_name, org_desc = ORGS[svc.org]
    domain = f"{svc.org}.example.org"
    out: Json = {"id": ids.service, "name": svc.name, "description": svc.desc}
    if svc.web:
        out["url"] = f"https://{domain}/{svc.slug}"
    out["email"] = f"{svc.mailbox}@{domain}"
    out["status"] = svc.status
    fees, options = cost_parts(svc.cost)
    out["fees"] = fees
    if svc.deliverable:
        out["deliverable_type"] = svc.deliverable
    out["assured_date"] = assured_date(svc)
    if svc.mode:
        out["attending_type"] = svc.mode
    if svc.access:
        out["attending_access"] = svc.access
    out["organization"] = {"id": uid("organization", svc.org), "name": org_name,
                           "description": org_desc, "email": f"hello@{domain}",
                           "url": f"https://{domain}"}
    out["contacts"] = [{"id": ids.next("con"), "name": svc.contact,
                        "phones": [{"id": ids.next("ph"), "number": phone_number(index)}]}]
    out["cost_options"] = [_cost_option(ids, opt) for opt in options]
    out["eligibilitys"] = _eligibilitys(svc, ids)
    out["languages"] = [{"id": ids.next("lang"), "language": code} for code in svc.langs]
    sals = [(ids.next("sal"), key) for key in svc.venues]
    out["regular_schedules"] = _schedules(svc, ids, sals)
    out["holiday_schedules"] = _holidays(svc, ids)
    areas = svc.areas or (() if svc.venues else ("Tower Hamlets",))
    out["service_areas"] = [{"id": ids.next("area"), "service_area": a} for a in areas]
    out["service_at_locations"] = [_sal(sal_id, key, svc) for sal_id, key in sals]
    out["service_taxonomys"] = [_taxonomy_link(ids, TERMS[t]) for t in svc.tags]
    return out


def _cost_option(ids: Ids, option: tuple[str, float | None, str | None]) -> Json:
    label, amount, note = option
    item: Json = {"id": ids.next("cost"), "option": label}
    if amount is not None:
        item["amount"] = amount
    if note:
        item["amount_description"] = note
    return item


def _eligibilitys(svc: Service, ids: Ids) -> list[Json]:
    if svc.ages is None and svc.who is None:
        return []
    low, high = svc.ages or (None, None)
    item: Json = {"id": ids.next("elig")}
    if svc.who:
        item["eligibility"] = svc.who
    item.update(minimum_age=low or 0, maximum_age=high or NO_UPPER_AGE)
    return [item]


def _schedules(svc: Service, ids: Ids, sals: list[tuple[str, str]]) -> list[Json]:
    rows = []
    for rule in svc.when:
        days, opens, closes, extra, venue = parse_rule(rule)
        text_ = describe_rule(days, opens, closes, extra)
        for day, nth in days:
            row: Json = {"id": ids.next("sch")}
            if len(sals) > 1:  # say which venue the rule is for
                sal_id, key = sals[venue]
                row["service_at_location"] = {
                    "id": sal_id, "location": {"id": location_id(key), "name": VENUES[key].name}}
            row["weekday"] = DAYS.index(day) + 1  # 1 = Monday ... 7 = Sunday
            row.update(opens_at=opens, closes_at=closes, freq=extra["freq"])
            if "interval" in extra:
                row.update(interval=extra["interval"], dtstart=extra["dtstart"])
            row["byday"] = f"{nth}{day}"
            row["description"] = text_
            rows.append(row)
    return rows


def _holidays(svc: Service, ids: Ids) -> list[Json]:
    if not svc.closed:
        return []
    start, end = svc.closed
    return [{"id": ids.next("hol"), "closed": True, "start_date": start, "end_date": end}]


def _sal(sal_id: str, key: str, svc: Service) -> Json:
    sal: Json = {"id": sal_id}
    if svc.where:
        sal["description"] = svc.where
    sal["location"] = v1_location(key, svc)
    return sal


def _taxonomy_link(ids: Ids, term: Term) -> Json:
    taxonomy: Json = {"id": term.id, "name": term.name, "vocabulary": term.vocabulary}
    if term.parent_id:
        taxonomy["parent_id"] = term.parent_id
    return {"id": ids.next("tax"), "taxonomy": taxonomy}


def build_services() -> list[Json]:
    services = [v1_service(svc, i) for i, svc in enumerate(SERVICES)]
    return sorted(services, key=lambda s: (s["name"].lower(), s["id"]))


def build_pages(services: list[Json]) -> list[Json]:
    """Pages as ``GET /services?page=N&per_page=50`` returns them (page numbers from 1)."""
    total_pages = max(1, math.ceil(len(services) / PER_PAGE))
    pages = []
    for number in range(1, total_pages + 1):
        content = services[(number - 1) * PER_PAGE:number * PER_PAGE]
        pages.append({
            "totalElements": len(services), "totalPages": total_pages, "number": number,
            "size": PER_PAGE, "first": number == 1, "last": number == total_pages,
            "empty": not content, "content": content,
        })
    return pages


def activity_types(svc: Service) -> list[str]:
    return list(dict.fromkeys(a for t in svc.tags for a in TERMS[t].activity_types))


def build_expected() -> Json:
    """What an importer using crosswalk.json should make of each service."""
    services = {}
    for svc in SERVICES:
        ids = Ids(svc.slug, legacy_id(svc.slug))
        audience = sorted({a for t in svc.tags for a in TERMS[t].audience})
        entry: Json = {"name": svc.name, "activity_types": activity_types(svc)}
        if audience:
            entry["audience"] = audience
        unmapped = [TERMS[t].name for t in svc.tags
                    if not TERMS[t].activity_types and not TERMS[t].audience]
        if unmapped:
            entry["unmapped_terms"] = unmapped
        services[ids.service] = entry
    return {"feed": FEED, "services": dict(sorted(services.items()))}


def build_crosswalk() -> Json:
    vocabularies: dict[str, Json] = {ESD: {}, THC: {}}
    for term in TERMS.values():
        entry: Json = {"name": term.name, "activity_types": list(term.activity_types)}
        if term.audience:
            entry["audience"] = list(term.audience)
        if term.vocabulary == ESD:
            entry["esd_id_checked"] = term.esd_id_checked
        else:
            entry["parent_id"] = term.parent_id
        vocabularies[term.vocabulary][term.id] = entry
    return {
        "feed": FEED,
        "about": "Council taxonomy terms used by the Tower Hamlets demo feed, mapped to "
                 "Linkwell activity types (taxonomy.yaml) and audience facet values. Terms "
                 "with neither are deliberately unmapped.",
        "groups": {THC: THC_GROUPS},
        "vocabularies": vocabularies,
    }


# --- CROSS_BORDER.md ------------------------------------------------------------------------

SHARED_GROUPS = {
    "friendly-call-london": ("A", "Lewisham"),
    "carers-online-cuppa": ("C", "Camden"),
    "thames-side-strollers": ("D", "Lewisham"),
}


def build_cross_border_md() -> str:
    ids = {svc.slug: Ids(svc.slug, legacy_id(svc.slug)).service for svc in SERVICES}
    lines = [
        "# Tower Hamlets demo feed: venues over the border and groups shared with other "
        "boroughs",
        "",
        "Generated by `make_demo_data.py`; edit the records there, not this file.",
        "",
        "## Venues just over the border",
        "",
        "People in Tower Hamlets use groups a short walk away in the next borough, so the "
        "council's directory lists them. Each of these services is in the Tower Hamlets feed "
        "although its venue is not in Tower Hamlets (the address `region` says which "
        "borough it is in).",
        "",
        "| Service | Service id | Venue | Postcode | Borough |",
        "| --- | --- | --- | --- | --- |",
    ]
    for svc in SERVICES:
        for key in svc.venues:
            venue = VENUES[key]
            if venue.borough != "Tower Hamlets":
                lines.append(f"| {svc.name} | `{ids[svc.slug]}` | {venue.name}, {venue.street}"
                             f" | {venue.postcode} | {venue.borough} |")
    lines += [
        "",
        "## Groups that other boroughs' directories also list",
        "",
        "The same real-world group can appear in two feeds with different ids and wording. "
        "These three are in this feed and in another borough's demo feed: same name (give or "
        "take punctuation), same venue or delivery mode, same day and time. An importer that "
        "merges feeds should treat each pair as one group.",
        "",
        "| Label | Service | Service id | Also listed by | Where and when |",
        "| --- | --- | --- | --- | --- |",
    ]
    by_slug = {svc.slug: svc for svc in SERVICES}
    for slug, (label, other) in SHARED_GROUPS.items():
        svc = by_slug[slug]
        if svc.venues:
            venue = VENUES[svc.venues[0]]
            where = f"{venue.name}, {venue.street}, {venue.postcode}"
        else:
            where = {"phone": "By phone", "online": "Online (video)"}.get(svc.mode, svc.mode)
        when = "; ".join(describe_rule(*parse_rule(r)[:4]) for r in svc.when)
        when = when or "weekly calls at a time arranged with you"
        lines.append(f"| {label} | {svc.name} | `{ids[slug]}` | {other} | {where}; {when} |")
    return "\n".join(lines) + "\n"


# --- checks ---------------------------------------------------------------------------------

# Rough centres of the postcode districts used, to catch a point in the wrong place.
DISTRICT_CENTRES = {
    "E1": (51.517, -0.059), "E1W": (51.507, -0.058), "E2": (51.529, -0.060),
    "E3": (51.527, -0.025), "E14": (51.502, -0.017), "E8": (51.543, -0.065),
    "E16": (51.510, 0.025), "E20": (51.543, -0.013), "EC3N": (51.511, -0.076),
}
POSTCODE = re.compile(r"^([A-Z]{1,2}\d[A-Z\d]?) \d[A-Z]{2}$")


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    dlat = math.radians(b[0] - a[0])
    dlon = math.radians(b[1] - a[1]) * math.cos(math.radians(a[0]))
    return 6371 * math.hypot(dlat, dlon)


def check_content(services: list[Json]) -> list[str]:
    """Problems with the hand-written content (an empty list when all is well)."""
    problems: list[str] = []
    concepts = load_activity_types()
    for svc in SERVICES:
        acts = activity_types(svc)
        if not 1 <= len(acts) <= 3:
            problems.append(f"{svc.slug}: {len(acts)} activity types {acts}")
        problems += [f"{svc.slug}: unknown concept {a}" for a in acts if a not in concepts]
        problems += [f"{svc.slug}: unknown venue {v}" for v in svc.venues if v not in VENUES]
        if svc.org not in ORGS:
            problems.append(f"{svc.slug}: unknown organisation {svc.org}")
        if not 2 <= svc.desc.count(". ") + 1 <= 6:
            problems.append(f"{svc.slug}: description should be 2-5 sentences")
        banned = re.search(r"service users?|the elderly|suffer|vulnerable", svc.desc, re.I)
        if banned:
            problems.append(f"{svc.slug}: avoid the words {banned.group(0)!r}")
    for key, venue in VENUES.items():
        match = POSTCODE.match(venue.postcode)
        if not match or match.group(1) not in DISTRICT_CENTRES:
            problems.append(f"{key}: postcode {venue.postcode} not in a known district")
        elif km(DISTRICT_CENTRES[match.group(1)], (venue.lat, venue.lon)) > 3.0:
            problems.append(f"{key}: point is far from {match.group(1)}")
    for label, ids in (("service", [s["id"] for s in services]),
                       ("location", [location_id(key) for key in VENUES])):
        if len(set(ids)) != len(ids):
            problems.append(f"duplicate {label} ids")
    if len({svc.slug for svc in SERVICES}) != len(SERVICES):
        problems.append("duplicate slugs")
    phones = [p["number"] for s in services for c in s["contacts"] for p in c["phones"]]
    if len(set(phones)) != len(phones):
        problems.append("duplicate phone numbers")
    for number in phones:
        if not re.fullmatch(r"020 7946 0\d{3}", number):
            problems.append(f"phone {number} is outside Ofcom's drama range")
    for s in services:
        for value in (s.get("email", ""), s["organization"]["email"]):
            if not value.endswith(".example.org"):
                problems.append(f"{s['id']}: email {value} is not at example.org")
    return problems


def load_activity_types() -> set[str]:
    """Activity-type concept ids from the project's taxonomy (the reference copy as fallback)."""
    import yaml  # PyYAML is a project dependency

    candidates = [HERE.parents[3] / "src" / "linkwell" / "taxonomy" / "taxonomy.yaml",
                  reference_dir() / "domain" / "taxonomy.yaml"]
    path = next(p for p in candidates if p.exists())
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = set()
    for domain in data["activity_types"]:
        found.add(domain["id"])
        found.update(child["id"] for child in domain.get("children", []))
    return found


def reference_dir() -> Path:
    """The Open Referral schemas the checks use: the copies the repository's tests keep."""
    return Path(os.environ.get("LINKWELL_REFERENCE", HERE.parents[3] / "tests" / "reference"))


def check_schemas(pages: list[Json]) -> list[str]:
    """Validate each page and service against the ORUK 1.0 JSON schemas in the reference."""
    import jsonschema

    base = reference_dir() / "openreferral" / "oruk-1.0"
    page_schema = json.loads((base / "validator-schemas" / "service_list.json").read_text())
    service_schema = json.loads((base / "schemas" / "service.schema.verbose.json").read_text())
    problems = [f"page {page['number']}: {e.message}"
                for page in pages
                for e in jsonschema.Draft7Validator(page_schema).iter_errors(page)]
    validator = jsonschema.Draft7Validator(service_schema)
    for page in pages:
        for service in page["content"]:
            # The generated v1 schema spells these as plurals; live v1 APIs (the Porism
            # reference implementation) emit "eligibilitys" and "service_taxonomys".
            renamed = {{"eligibilitys": "eligibilities",
                        "service_taxonomys": "service_taxonomies"}.get(k, k): v
                       for k, v in service.items()}
            problems += [f"{service['id']}: {'/'.join(map(str, e.path))}: {e.message}"
                         for e in validator.iter_errors(renamed)]
    return problems


def summary(services: list[Json]) -> list[str]:
    def share(n: int) -> str:
        return f"{n} ({100 * n / len(services):.0f}%)"

    by_id = {s["id"]: s for s in services}
    expected = build_expected()["services"]
    practical = [i for i, e in expected.items()
                 if any(a.startswith("practical_help") or a == "learning.digital"
                        for a in e["activity_types"])]
    esd_tagged = [s for s in services
                  if any(t["taxonomy"]["vocabulary"] == ESD and TERMS_BY_ID[(ESD, t["taxonomy"]
                         ["id"])].activity_types for t in s["service_taxonomys"])]
    monthly = [s for s in services if any(r["freq"] == "MONTHLY" for r in s["regular_schedules"])]
    stale = [s for s in services if s["assured_date"] < FRESH_FROM.isoformat()]
    cross = {svc.slug for svc in SERVICES for v in svc.venues
             if VENUES[v].borough != "Tower Hamlets"}
    remote = [s for s in services if s.get("attending_type") in ("online", "phone")]
    languages = [s for s in services if any(x["language"] != "en" for x in s["languages"])]
    return [
        f"services: {len(services)} on {math.ceil(len(services) / PER_PAGE)} pages",
        f"legacy (non-UUID) service ids: {share(sum(not is_uuid(i) for i in by_id))}",
        f"practical help (advice, food, housing, work, digital, transport): "
        f"{share(len(practical))}",
        f"activity types from esdServiceTypes terms: {share(len(esd_tagged))}",
        f"monthly rules: {share(len(monthly))}",
        f"stale (confirmed before {FRESH_FROM}): {share(len(stale))}",
        f"not active: {share(sum(s['status'] != 'active' for s in services))}",
        f"venue over the border: {share(len(cross))}",
        f"online or phone only: {share(len(remote))}",
        f"other languages than English: {share(len(languages))}",
        f"organisations: {len({s['organization']['id'] for s in services})}, "
        f"venues: {len({v for svc in SERVICES for v in svc.venues})}",
    ]


TERMS_BY_ID = {(t.vocabulary, t.id): t for t in TERMS.values()}


def is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


# --- writing --------------------------------------------------------------------------------


def dump(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def outputs() -> tuple[dict[str, str], list[Json], list[Json]]:
    services = build_services()
    pages = build_pages(services)
    files = {f"services-page-{p['number']}.json": dump(p) for p in pages}
    files["crosswalk.json"] = dump(build_crosswalk())
    files["expected_activity_types.json"] = dump(build_expected())
    files["CROSS_BORDER.md"] = build_cross_border_md()
    return files, services, pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="regenerate in memory and fail if the files on disk differ")
    args = parser.parse_args(argv)
    files, services, pages = outputs()
    problems = check_content(services) + check_schemas(pages)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    if args.check:
        stale = [name for name, body in files.items()
                 if not (HERE / name).exists() or (HERE / name).read_text("utf-8") != body]
        if stale:
            print(f"out of date: {', '.join(stale)} (run make_demo_data.py)", file=sys.stderr)
            return 1
        print("files are up to date")
        return 0
    for old in HERE.glob("services-page-*.json"):
        if old.name not in files:
            old.unlink()
    for name, body in files.items():
        (HERE / name).write_text(body, encoding="utf-8")
    print("\n".join(summary(services)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
