"""Small, readable HSDS 3.0 services for tests."""

from __future__ import annotations

import uuid
from typing import Any

from linkwell.taxonomy import FACETS_TAXONOMY_NAME, TAXONOMY_NAME, load_taxonomy, term_id

CATFORD = (51.4452, -0.0209)  # Catford Broadway, SE6


def sid(slug: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"https://tests.example.org/{slug}"))


def service(slug: str, name: str, description: str = "", *, concepts: tuple[str, ...] = (),
            facets: tuple[str, ...] = (), at: tuple[float, float] | None = CATFORD,
            postcode: str = "SE6 4RU", schedules: tuple[tuple[str, str, str, str], ...] = (),
            cost: float | None = 0, min_age: int | None = None, max_age: int | None = None,
            languages: tuple[str, ...] = (), status: str = "active",
            assured: str | None = "2026-09-01", modified: str | None = None,
            access: str | None = None, eligibility: str | None = None,
            region: str = "Lewisham") -> dict[str, Any]:
    """One service. ``schedules`` are (freq, byday, opens, closes)."""
    tax = load_taxonomy()
    record: dict[str, Any] = {"id": sid(slug), "name": name, "status": status,
                              "description": description or f"{name}: come along."}
    if at is not None:
        location: dict[str, Any] = {
            "id": sid(slug + "/loc"), "location_type": "physical", "name": f"{name} venue",
            "latitude": at[0], "longitude": at[1],
            "addresses": [{"id": sid(slug + "/addr"), "address_1": "1 High Street",
                           "city": "London", "region": region, "state_province": "London",
                           "postal_code": postcode, "country": "GB", "address_type": "physical"}]}
        if access:
            location["accessibility"] = [{"id": sid(slug + "/acc"), "description": access}]
        record["service_at_locations"] = [{"id": sid(slug + "/sal"), "location": location}]
    record["schedules"] = [
        {"id": sid(f"{slug}/sch{i}"), "freq": f, "byday": d, "opens_at": o, "closes_at": c}
        for i, (f, d, o, c) in enumerate(schedules)]
    if cost is not None:
        record["cost_options"] = [{"id": sid(slug + "/cost"), "amount": cost, "currency": "GBP",
                                   "option": "Free" if cost == 0 else "Per session"}]
    if min_age is not None:
        record["minimum_age"] = min_age
    if max_age is not None:
        record["maximum_age"] = max_age
    if languages:
        record["languages"] = [{"id": sid(f"{slug}/lang/{c}"), "code": c} for c in languages]
    if assured:
        record["assured_date"] = assured
    if modified:
        record["last_modified"] = modified
    if eligibility:
        record["eligibility_description"] = eligibility
    attributes = [_attribute(slug, c, tax.label(c), TAXONOMY_NAME) for c in concepts]
    attributes += [_attribute(slug, f, f, FACETS_TAXONOMY_NAME) for f in facets]
    if attributes:
        record["attributes"] = attributes
    return record


def _attribute(slug: str, code: str, label: str, taxonomy: str) -> dict[str, Any]:
    return {"id": sid(f"{slug}/attr/{code}"), "link_type": "service", "link_entity": "service",
            "taxonomy_term_id": term_id(code),
            "taxonomy_term": {"id": term_id(code), "code": code, "name": label,
                              "description": label, "taxonomy": taxonomy}}


WEEKLY = "WEEKLY"
MONTHLY = "MONTHLY"


def corpus() -> list[dict[str, Any]]:
    """A small directory with one asset per behaviour the contract suite checks."""
    return [
        service("choir", "Catford Community Choir", "A friendly choir: no auditions, all voices.",
                concepts=("creative.singing_music",), schedules=((WEEKLY, "TU", "10:00", "12:00"),),
                access="Step-free entrance; accessible toilet; hearing loop"),
        service("sing-brain", "Singing for the Brain", "Singing sessions for people living with "
                "dementia and the people who care for them.",
                concepts=("creative.singing_music", "peer_support.carers"),
                at=(51.4613, -0.0099), schedules=((MONTHLY, "1WE", "14:00", "16:00"),),
                min_age=18, access="Dementia friendly; seating available"),
        service("walk-ladywell", "Ladywell Fields Health Walk", "Gentle walks around the park, "
                "with a cuppa afterwards.", concepts=("moving_more.walking",),
                at=(51.4564, -0.0176), schedules=((WEEKLY, "TU,TH", "09:30", "10:30"),),
                access="Step-free route; benches on the way"),
        service("walk-sydenham", "Sydenham Striders", "Brisk walking group for fitter walkers.",
                concepts=("moving_more.walking",), at=(51.4270, -0.0540),
                schedules=((WEEKLY, "SA", "10:00", "11:30"),), cost=2),
        service("befriend", "Friendly Call", "A volunteer rings you for a chat each week.",
                concepts=("social.befriending",), facets=("delivery:phone",), at=None,
                schedules=((WEEKLY, "MO,WE,FR", "10:00", "16:00"),), min_age=60,
                languages=("en", "bn")),
        service("debt", "Catford Money Advice Drop-in", "Free, confidential debt and benefits "
                "advice.", concepts=("practical_help.money_advice",), at=(51.4440, -0.0190),
                schedules=((WEEKLY, "WE", "13:00", "16:00"),), languages=("en", "so", "tr")),
        service("women-swim", "Women's Swim Session", "Relaxed swimming for women.",
                concepts=("moving_more.swimming",), facets=("audience:women_only",),
                at=(51.4430, -0.0260), schedules=((WEEKLY, "SU", "08:00", "09:00"),), cost=3.5,
                min_age=16),
        service("mens-shed", "Bellingham Men's Shed", "Woodwork, repairs and good company.",
                concepts=("creative.making_mending",), facets=("audience:men_only",),
                at=(51.4330, -0.0210), schedules=((WEEKLY, "TH", "10:00", "15:00"),),
                access="No step-free access: the workshop is up a flight of stairs"),
        service("youth", "Downham Youth Club", "Games, music and trips for young people.",
                concepts=("family_youth.youth_clubs",), at=(51.4280, 0.0010),
                schedules=((WEEKLY, "FR", "18:00", "21:00"),), min_age=11, max_age=19),
        service("grief-online", "Grief Cafe Online", "A video call for people who have been "
                "bereaved.", concepts=("peer_support.bereavement",), facets=("delivery:online",),
                at=None, schedules=((MONTHLY, "-1TH", "19:00", "20:30"),)),
        service("old-choir", "Hither Green Singers", "Singing together on Mondays.",
                concepts=("creative.singing_music",), at=(51.4520, 0.0020),
                schedules=((WEEKLY, "MO", "19:00", "21:00"),), assured="2024-03-01", cost=5),
        service("closed-lunch", "Lee Lunch Club", "Hot meals and company.",
                concepts=("social.lunch_clubs",), status="inactive", at=(51.4570, 0.0110)),
        service("camden-garden", "Kentish Town Community Garden", "Grow food with neighbours.",
                concepts=("nature.gardening",), at=(51.5505, -0.1403), postcode="NW5 2AA",
                schedules=((WEEKLY, "TU", "10:00", "13:00"),), region="Camden"),
        service("chair-yoga", "Chair Yoga at the Library", "Seated yoga: go at your own pace.",
                concepts=("moving_more.gentle",), at=(51.4460, -0.0200),
                schedules=((WEEKLY, "TU", "11:00", "12:00"),), cost=4, languages=("en", "pl")),
    ]
