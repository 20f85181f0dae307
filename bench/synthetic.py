"""Realistic synthetic community assets for benchmarks (seeded, so every run is the same)."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from typing import Any

from linkwell.taxonomy import TAXONOMY_NAME, load_taxonomy, term_id

PLACES = [("Catford", 51.4452, -0.0209, "SE6"), ("Deptford", 51.4787, -0.0263, "SE8"),
          ("Brockley", 51.4645, -0.0376, "SE4"), ("Sydenham", 51.4270, -0.0540, "SE26"),
          ("Whitechapel", 51.5196, -0.0598, "E1"), ("Bow", 51.5290, -0.0190, "E3"),
          ("Poplar", 51.5077, -0.0177, "E14"), ("Kentish Town", 51.5505, -0.1403, "NW5"),
          ("Somers Town", 51.5319, -0.1327, "NW1"), ("Kilburn", 51.5470, -0.1910, "NW6"),
          ("Peckham", 51.4740, -0.0690, "SE15"), ("Brixton", 51.4613, -0.1156, "SW9"),
          ("Walthamstow", 51.5830, -0.0200, "E17"), ("Ealing", 51.5130, -0.3040, "W5"),
          ("Croydon", 51.3762, -0.0982, "CR0"), ("Harrow", 51.5800, -0.3340, "HA1"),
          ("Tottenham", 51.5880, -0.0720, "N17"), ("Wembley", 51.5560, -0.2800, "HA9"),
          ("Woolwich", 51.4900, 0.0690, "SE18"), ("Stratford", 51.5410, -0.0030, "E15")]
VENUES = ["Community Centre", "Library", "Methodist Church Hall", "Leisure Centre",
          "Park Cafe", "Tenants' Hall", "Neighbourhood Hub", "Baptist Church", "Mosque",
          "Youth Centre", "Health Centre", "Community Garden"]
ACTIVITIES = {
    "moving_more.walking": ["Health Walk", "Walking Group", "Strollers", "Nordic Walking"],
    "moving_more.gentle": ["Chair Yoga", "Tai Chi", "Strength and Balance", "Gentle Exercise"],
    "moving_more.dance": ["Tea Dance", "Zumba Gold", "Line Dancing"],
    "creative.singing_music": ["Community Choir", "Singing for Wellbeing", "Ukulele Club"],
    "creative.art_craft": ["Knit and Natter", "Art Club", "Stitch and Chat", "Pottery Group"],
    "creative.making_mending": ["Men's Shed", "Repair Cafe", "Woodwork Group"],
    "social.drop_in_chat": ["Coffee Morning", "Warm Space", "Chatter Cafe", "Friendship Club"],
    "social.befriending": ["Telephone Befriending", "Befriending Scheme"],
    "social.lunch_clubs": ["Lunch Club", "Community Meal", "Pay As You Feel Cafe"],
    "peer_support.carers": ["Carers' Cafe", "Carers Support Group"],
    "peer_support.bereavement": ["Bereavement Cafe", "Grief Support Group"],
    "peer_support.mental_health": ["Wellbeing Peer Group", "Hearing Voices Group"],
    "nature.gardening": ["Community Garden", "Allotment Group", "Green Gym"],
    "practical_help.money_advice": ["Debt Advice Drop-in", "Benefits Advice Surgery"],
    "practical_help.food_support": ["Food Bank", "Community Pantry", "Community Fridge"],
    "learning.digital": ["Digital Drop-in", "Get Online Sessions"],
    "learning.english_languages": ["ESOL Conversation Club", "English Classes"],
}
LANGUAGES = ["bn", "so", "tr", "pl", "pt", "es", "ur", "ar"]
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
ACCESS = ["Step-free access; accessible toilet", "Hearing loop; seating available",
          "Step-free entrance via ramp", "Upstairs, no lift", "Dementia friendly; quiet space"]


def assets(count: int, seed: int = 20261121) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    tax = load_taxonomy()
    concepts = sorted(ACTIVITIES)
    for n in range(count):
        concept = rng.choice(concepts)
        place, lat, lon, district = rng.choice(PLACES)
        activity = rng.choice(ACTIVITIES[concept])
        name = f"{place} {activity}" + (f" {n % 97}" if n >= 97 else "")
        yield _asset(rng, n, name, concept, tax.label(concept), place, district,
                     lat + rng.uniform(-0.02, 0.02), lon + rng.uniform(-0.03, 0.03))


def _asset(rng: random.Random, n: int, name: str, concept: str, label: str, place: str,
           district: str, lat: float, lon: float) -> dict[str, Any]:
    sid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"https://bench.example.org/{n}"))
    opens = rng.choice([9, 10, 11, 13, 14, 18])
    monthly = rng.random() < 0.15
    byday = (f"{rng.choice(['1', '2', '-1'])}{rng.choice(DAYS)}" if monthly
             else ",".join(sorted(rng.sample(DAYS, rng.choice([1, 1, 2])), key=DAYS.index)))
    record: dict[str, Any] = {
        "id": sid, "name": name, "status": "active" if rng.random() > 0.03 else "inactive",
        "description": f"{label} in {place}: a friendly group where everyone is welcome. "
                       f"Come along to the {rng.choice(VENUES).lower()}, meet people and "
                       "have a cup of tea afterwards.",
        "organization": {"id": sid + "-org", "name": f"{place} Community Trust"},
        "service_at_locations": [{"id": sid + "-sal", "location": {
            "id": sid + "-loc", "location_type": "physical",
            "name": f"{place} {rng.choice(VENUES)}",
            "latitude": round(lat, 5), "longitude": round(lon, 5),
            "addresses": [{"id": sid + "-adr", "address_1": f"{rng.randint(1, 200)} High Street",
                           "city": "London", "state_province": "London", "country": "GB",
                           "postal_code": f"{district} {rng.randint(1, 9)}AB", "region": place,
                           "address_type": "physical"}],
            "accessibility": [{"id": sid + "-acc", "description": rng.choice(ACCESS)}]}}],
        "schedules": [{"id": sid + "-sch", "freq": "MONTHLY" if monthly else "WEEKLY",
                       "byday": byday, "opens_at": f"{opens:02d}:00",
                       "closes_at": f"{opens + rng.choice([1, 2, 3]):02d}:00"}],
        "cost_options": [{"id": sid + "-cost", "amount": rng.choice([0, 0, 0, 2, 3, 5, 8])}],
        "assured_date": f"{rng.choice([2024, 2025, 2026, 2026])}-{rng.randint(1, 11):02d}-01",
        "attributes": [{"id": sid + "-attr", "taxonomy_term_id": term_id(concept),
                        "taxonomy_term": {"id": term_id(concept), "code": concept, "name": label,
                                          "taxonomy": TAXONOMY_NAME}}],
    }
    if rng.random() < 0.3:
        record["minimum_age"] = rng.choice([18, 50, 60])
    if rng.random() < 0.15:
        record["languages"] = [{"id": sid + "-lang", "code": rng.choice(LANGUAGES)}]
    return record
