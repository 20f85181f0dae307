"""Write Camden's demo feed: a spreadsheet (CSV) in Linkwell's simple template.

The content below is hand-written: invented organisations and groups (no real organisation,
person, phone number or email), at real Camden venues with real postcodes and coordinates
accurate to a street or two. Run it from anywhere:

    python3 plugins/camden/linkwell_camden/data/make_demo_data.py

It writes, next to this file:

* ``assets.csv``: every activity, one row each, filled in the way a person fills a sheet
  (some cells empty, "1st Wednesday", "£2", "Free", dates as DD/MM/YYYY);
* ``assets-with-errors.csv``: the first ten rows plus two broken rows at the end (a start
  time of "25:99" and a row with no name), for the import tests;
* ``CROSS_BORDER.md``: the rows whose venue is just over the borough boundary, and the groups
  that other boroughs' directories also list.

Output is deterministic: ids are ``uuid5(NAMESPACE_URL, NAMESPACE + "/service/" + slug)``,
phone numbers are handed out in order from Ofcom's drama range, and nothing is random.
When Linkwell's taxonomy file can be found, every row's categories are checked to reach the
1-3 Linkwell activity types the row is meant to have.
"""

from __future__ import annotations

import csv
import re
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
NAMESPACE = "https://camden.example.org/linkwell-demo"
COLUMNS = (
    "id", "name", "organisation", "description", "categories",
    "venue_name", "address", "postcode", "latitude", "longitude",
    "days", "start_time", "end_time", "cost", "min_age", "max_age", "who_for",
    "languages", "accessibility", "how_to_join", "delivery",
    "contact_phone", "contact_email", "website", "status", "last_checked",
)


@dataclass(frozen=True)
class Venue:
    name: str
    address: str
    postcode: str
    lat: float
    lon: float
    borough: str = "Camden"


# Real places. Coordinates are for the building or meeting point (WGS84).
VENUES: dict[str, Venue] = {
    # Kentish Town, Gospel Oak, Dartmouth Park
    "kt_lib": Venue("Kentish Town Library", "262-266 Kentish Town Road", "NW5 2AA",
                    51.5500, -0.1405),
    "qc_lib": Venue("Queen's Crescent Library", "165 Queen's Crescent", "NW5 4HH",
                    51.5505, -0.1512),
    "qc_cc": Venue("Queen's Crescent Community Centre", "45 Ashdown Crescent", "NW5 4QE",
                   51.5512, -0.1500),
    "city_farm": Venue("Kentish Town City Farm", "1 Cressfield Close, off Grafton Road",
                       "NW5 4BN", 51.5522, -0.1478),
    "kt_health": Venue("Kentish Town Health Centre", "2 Bartholomew Road", "NW5 2BX",
                       51.5468, -0.1378),
    "kt_sports": Venue("Kentish Town Sports Centre", "Grafton Road", "NW5 3DU",
                       51.5478, -0.1466),
    "talacre": Venue("Talacre Community Sports Centre", "Dalby Street", "NW5 3AF",
                     51.5462, -0.1471),
    "lido": Venue("Parliament Hill Lido (meet at the entrance)", "Gordon House Road",
                  "NW5 1LT", 51.5556, -0.1520),
    "ph_fields": Venue("Parliament Hill Fields (meet by the café)",
                       "Highgate Road entrance, Parliament Hill Fields", "NW5 1QR",
                       51.5563, -0.1512),
    # Camden Town, Chalk Farm, Primrose Hill
    "ct_lib": Venue("Camden Town Library", "Crowndale Centre, 218-220 Eversholt Street",
                    "NW1 1BD", 51.5343, -0.1378),
    "castlehaven": Venue("Castlehaven Community Centre", "23 Castlehaven Road", "NW1 8RU",
                         51.5428, -0.1445),
    "cecil_sharp": Venue("Cecil Sharp House", "2 Regent's Park Road", "NW1 7AY",
                         51.5379, -0.1497),
    "camden_lock": Venue("Camden Lock (meet by the footbridge)", "Camden Lock Place",
                         "NW1 8AF", 51.5413, -0.1465),
    "st_michaels": Venue("St Michael's Church, Camden Town", "1 Camden Road", "NW1 9LQ",
                         51.5394, -0.1405),
    "ph_cc": Venue("Primrose Hill Community Centre", "29 Hopkinsons Place, Fitzroy Road",
                   "NW1 8TN", 51.5405, -0.1562),
    "ph_lib": Venue("Primrose Hill Community Library", "11a Sharpleshall Street", "NW1 8YN",
                    51.5424, -0.1560),
    # Somers Town, King's Cross, Euston
    "somers_cc": Venue("Somers Town Community Centre", "150 Ossulston Street", "NW1 1EE",
                       51.5318, -0.1306),
    "story_garden": Venue("The Story Garden", "Ossulston Street, Somers Town", "NW1 1DF",
                          51.5308, -0.1290),
    "st_pancras_old": Venue("St Pancras Old Church", "Pancras Road", "NW1 1UL",
                            51.5349, -0.1302),
    "st_pancras_crypt": Venue("St Pancras Church (the crypt)",
                              "Euston Road, corner of Duke's Road", "NW1 2BA",
                              51.5267, -0.1301),
    "camley": Venue("Camley Street Natural Park", "12 Camley Street", "N1C 4PW",
                    51.5357, -0.1283),
    "granary": Venue("Granary Square (meet by the fountains)", "Granary Square, King's Cross",
                     "N1C 4AA", 51.5354, -0.1252),
    "ps_lib": Venue("Pancras Square Library", "5 Pancras Square, King's Cross", "N1C 4AG",
                    51.5338, -0.1264),
    "british_library": Venue("British Library (meet in the entrance hall)", "96 Euston Road",
                             "NW1 2DB", 51.5300, -0.1270),
    "town_hall": Venue("Camden Town Hall", "Judd Street", "WC1H 9JE", 51.5292, -0.1254),
    # Bloomsbury, Holborn, Fitzrovia, Covent Garden
    "marchmont": Venue("Marchmont Community Centre", "62 Marchmont Street", "WC1N 1AB",
                       51.5254, -0.1247),
    "lumen": Venue("Lumen", "88 Tavistock Place", "WC1H 9RS", 51.5262, -0.1248),
    "coram": Venue("Coram's Fields", "93 Guilford Street", "WC1N 1DN", 51.5240, -0.1202),
    "mary_ward": Venue("Mary Ward Centre", "42 Queen Square", "WC1N 3AQ", 51.5222, -0.1217),
    "hol_lib": Venue("Holborn Library", "32-38 Theobalds Road", "WC1X 8PA", 51.5212, -0.1172),
    "st_georges": Venue("St George's Bloomsbury", "Bloomsbury Way", "WC1A 2SA",
                        51.5175, -0.1244),
    "st_giles": Venue("St Giles-in-the-Fields", "60 St Giles High Street", "WC2H 8LG",
                      51.5155, -0.1283),
    "oasis": Venue("Oasis Sports Centre", "32 Endell Street, Covent Garden", "WC2H 9AG",
                   51.5153, -0.1247),
    "fitz_nc": Venue("Fitzrovia Neighbourhood Centre", "39 Tottenham Street", "W1T 4RX",
                     51.5205, -0.1363),
    # Hampstead, Belsize Park, Swiss Cottage
    "hampstead_cc": Venue("Hampstead Community Centre", "78 Hampstead High Street",
                          "NW3 1RE", 51.5560, -0.1781),
    "burgh": Venue("Burgh House", "New End Square, Hampstead", "NW3 1LT", 51.5578, -0.1757),
    "hampstead_church": Venue("Hampstead Parish Church (church hall)", "Church Row",
                              "NW3 6UU", 51.5547, -0.1808),
    "keats_lib": Venue("Keats Community Library", "10 Keats Grove", "NW3 2RR",
                       51.5560, -0.1688),
    "kenwood": Venue("Kenwood (meet by the main gate)", "Hampstead Lane", "NW3 7JR",
                     51.5713, -0.1676),
    "royal_free": Venue("Royal Free Hospital (ground floor meeting room)", "Pond Street",
                        "NW3 2QG", 51.5530, -0.1655),
    "belsize_lib": Venue("Belsize Community Library", "Antrim Road", "NW3 4XN",
                         51.5486, -0.1622),
    "sc_lib": Venue("Swiss Cottage Library", "88 Avenue Road", "NW3 3HA", 51.5434, -0.1745),
    "sc_leisure": Venue("Swiss Cottage Leisure Centre", "Adelaide Road", "NW3 3NF",
                        51.5430, -0.1752),
    "sc_cc": Venue("Swiss Cottage Community Centre", "19 Winchester Road", "NW3 3NR",
                   51.5440, -0.1765),
    # West Hampstead, Kilburn
    "wh_lib": Venue("West Hampstead Library", "Dennington Park Road", "NW6 1AU",
                    51.5500, -0.1935),
    "kingsgate": Venue("Kingsgate Community Centre", "107 Kingsgate Road", "NW6 2JH",
                       51.5433, -0.1962),
    # Highgate (Camden side), Highgate Newtown, Holly Lodge
    "hi_lib": Venue("Highgate Library", "Chester Road", "N19 5DH", 51.5643, -0.1443),
    "hn_cc": Venue("Highgate Newtown Community Centre", "25 Bertram Street", "N19 5DQ",
                   51.5638, -0.1434),
    "holly_lodge": Venue("Holly Lodge Community Centre", "30 Makepeace Avenue", "N6 6HL",
                         51.5647, -0.1483),
    "lauderdale": Venue("Lauderdale House, Waterlow Park", "Highgate Hill", "N6 5HG",
                        51.5691, -0.1440),
    # Just over the border
    "whittington": Venue("Whittington Park Community Centre", "Yerbury Road, Archway",
                         "N19 4RS", 51.5601, -0.1335, "Islington"),
    "iaf": Venue("Islington Arts Factory", "2 Parkhurst Road, Holloway", "N7 0SF",
                 51.5527, -0.1246, "Islington"),
    "freightliners": Venue("Freightliners Farm", "Sheringham Road, Holloway", "N7 8PF",
                           51.5455, -0.1150, "Islington"),
    "fitz_cc": Venue("Fitzrovia Community Centre", "2 Foley Street", "W1W 6DL",
                     51.5200, -0.1394, "Westminster"),
    "st_marylebone": Venue("St Marylebone Parish Church", "17 Marylebone Road", "NW1 5LT",
                           51.5233, -0.1527, "Westminster"),
    "regents_park": Venue("Regent's Park (meet at the Broad Walk café)",
                          "Chester Road, Regent's Park", "NW1 4NR", 51.5290, -0.1520,
                          "Westminster"),
    "kiln": Venue("Kiln Theatre", "269 Kilburn High Road", "NW6 7JR", 51.5432, -0.2003,
                  "Brent"),
    "granville": Venue("The Granville", "140 Carlton Vale, South Kilburn", "NW6 5HE",
                       51.5327, -0.1974, "Brent"),
    "queens_park": Venue("Queen's Park (meet by the café)", "Kingswood Avenue", "NW6 6SG",
                         51.5345, -0.2040, "Brent"),
    "childs_hill": Venue("Childs Hill Library", "320 Cricklewood Lane", "NW2 2QE",
                         51.5600, -0.2040, "Barnet"),
}

# Invented organisations: name and the example.org subdomain they use.
ORGS: dict[str, tuple[str, str]] = {
    "fleet_walkers": ("Fleet Valley Walkers", "fleet-walkers"),
    "crescent_neighbours": ("Crescent Neighbours", "crescent-neighbours"),
    "hooyo": ("Hooyo Circle", "hooyo-circle"),
    "castlehaven_shed": ("Castlehaven Shed Collective", "castlehaven-shed"),
    "grafton_growers": ("Grafton Road Growers", "grafton-growers"),
    "fleet_stroke": ("Fleet Stroke Support", "fleet-stroke"),
    "open_lungs": ("Open Lungs Choir", "open-lungs"),
    "cantelowes_sport": ("Cantelowes Community Sport", "cantelowes-sport"),
    "grafton_swimmers": ("Grafton Swimmers", "grafton-swimmers"),
    "northside_money": ("Northside Money Advice", "northside-money"),
    "little_fleet": ("Little Fleet Families", "little-fleet"),
    "byte_buddies": ("Byte Buddies Camden", "byte-buddies"),
    "nw5_knitters": ("NW5 Knit and Natter", "nw5-knitters"),
    "crescent_bridge": ("Crescent Bridge Club", "crescent-bridge"),
    "canal_wanderers": ("Regent's Canal Wanderers", "canal-wanderers"),
    "tea_dance": ("Primrose Tea Dance Society", "primrose-teadance"),
    "crowndale_voices": ("Crowndale Voices", "crowndale-voices"),
    "crowndale_art": ("Crowndale Drop-in Artists", "crowndale-art"),
    "west_end_housing": ("West End Lane Advice", "westend-advice"),
    "bloomsbury_food": ("Bloomsbury Food Bank", "bloomsbury-foodbank"),
    "castlehaven_table": ("Castlehaven Table", "castlehaven-table"),
    "sharpleshall_readers": ("Sharpleshall Readers", "sharpleshall-readers"),
    "steady_steps": ("Steady Steps Camden", "steady-steps"),
    "eversholt_housing": ("Eversholt Housing Advice", "eversholt-housing"),
    "zine_club": ("Crowndale Young Writers", "crowndale-writers"),
    "kx_jobs": ("King's Cross Work Club", "kx-workclub"),
    "somers_sisters": ("Somers Town Sisters", "somers-sisters"),
    "somers_table": ("Somers Town Shared Table", "somers-table"),
    "somers_growers": ("Somers Town Growers", "somers-growers"),
    "kx_wild": ("King's Cross Wild Volunteers", "kx-wild"),
    "kx_runners": ("Granary Runners", "granary-runners"),
    "open_door_english": ("Open Door English", "open-door-english"),
    "euston_law": ("Euston Road Law Clinic", "euston-law"),
    "pancras_stillness": ("Pancras Road Stillness Group", "pancras-stillness"),
    "memory_lane": ("Memory Lane Camden", "memory-lane"),
    "judd_welfare": ("Judd Street Welfare Rights", "judd-welfare"),
    "bloomsbury_bats": ("Bloomsbury Bats", "bloomsbury-bats"),
    "guilford_families": ("Guilford Street Families", "guilford-families"),
    "queen_square_painters": ("Queen Square Painters", "qs-painters"),
    "theobalds_history": ("Theobalds Family Historians", "theobalds-history"),
    "bloomsbury_carers": ("Bloomsbury Carers' Network", "bloomsbury-carers"),
    "rainbow_elders": ("Rainbow Elders Bloomsbury", "rainbow-elders"),
    "endell_swim": ("Endell Street Swim Club", "endell-swim"),
    "st_giles_table": ("St Giles Open Table", "stgiles-table"),
    "fitz_taichi": ("Fitzrovia Tai Chi Friends", "fitz-taichi"),
    "holborn_writers": ("Holborn Writers' Circle", "holborn-writers"),
    "bloomsbury_ukes": ("Bloomsbury Ukulele Circle", "bloomsbury-ukes"),
    "door_to_door": ("Camden Door to Door", "door-to-door"),
    "heathside_naturalists": ("Heathside Naturalists", "heathside-naturalists"),
    "hampstead_memory": ("Hampstead Memory Café", "hampstead-memory"),
    "hampstead_lunch": ("High Street Lunch Club", "highstreet-lunch"),
    "keats_poets": ("Keats Grove Poetry Group", "keats-poets"),
    "heath_bereavement": ("Heathside Bereavement Friends", "heath-bereavement"),
    "pond_street_lungs": ("Pond Street Lung Health Group", "pond-street-lungs"),
    "avenue_chess": ("Avenue Road Chess Club", "avenue-chess"),
    "al_nour": ("Al-Nour Women's Circle", "al-nour"),
    "avenue_foodbank": ("Avenue Road Food Bank", "avenue-foodbank"),
    "belsize_games": ("Belsize Games Night", "belsize-games"),
    "west_end_rhymes": ("West End Lane Rhyme Time", "westend-rhymes"),
    "west_end_walkers": ("West End Walkers", "westend-walkers"),
    "fixers_nw6": ("NW6 Repair Café", "nw6-repair"),
    "kingsgate_growers": ("Kingsgate Growers", "kingsgate-growers"),
    "lusophone_families": ("Lusophone Families Kilburn", "lusophone-kilburn"),
    "kingsgate_boxing": ("Kingsgate Youth Boxing", "kingsgate-boxing"),
    "warm_homes": ("Kilburn Warm Homes Advice", "warm-homes"),
    "polska_bajka": ("Polska Bajka Club", "polska-bajka"),
    "bertram_lunch": ("Bertram Street Lunch Club", "bertram-lunch"),
    "holly_pilates": ("Holly Lodge Seated Pilates", "holly-pilates"),
    "waterlow_taichi": ("Waterlow Tai Chi", "waterlow-taichi"),
    "highgate_stitch": ("Highgate Stitchers", "highgate-stitch"),
    "highgate_men": ("Highgate Men Walking", "highgate-men"),
    "newtown_advice": ("Newtown Advice Sessions", "newtown-advice"),
    "bertram_beats": ("Bertram Street Beats", "bertram-beats"),
    "grief_cafe": ("Grief Cafe Online", "grief-cafe-online"),
    "carers_cuppa": ("Carers Online Cuppa", "carers-online-cuppa"),
    "ringside": ("Ringside Befrienders Camden", "ringside-befrienders"),
    "night_checkin": ("Thursday Night Check-in", "night-checkin"),
    "rainbow_connect": ("Rainbow Connect", "rainbow-connect"),
    "archway_carers": ("Archway Carers' Circle", "archway-carers"),
    "parkhurst_pottery": ("Parkhurst Road Pottery", "parkhurst-pottery"),
    "farm_mornings": ("Holloway Farm Mornings", "farm-mornings"),
    "foley_social": ("Foley Street Friendship Club", "foley-social"),
    "marylebone_singers": ("Marylebone Memory Singers", "marylebone-singers"),
    "nordic_nw1": ("Nordic Walking NW1", "nordic-nw1"),
    "kiln_matinee": ("Kilburn Matinee Club", "kilburn-matinee"),
    "cook_and_eat": ("South Kilburn Cook and Eat", "cook-and-eat"),
    "queens_park_joggers": ("Queen's Park Jog and Walk", "qp-jog"),
    "childs_hill_cafe": ("Childs Hill Conversation Café", "childs-hill-cafe"),
    "home_fix": ("Home Fix Camden", "home-fix"),
    "somers_fridge": ("Somers Town Community Fridge", "somers-fridge"),
    "women_into_work": ("Women into Work Gospel Oak", "women-into-work"),
    "pension_clinic": ("Hampstead Pension Credit Clinic", "pension-clinic"),
    "euston_welcome": ("Euston Welcome Desk", "euston-welcome"),
    "avenue_debt": ("Avenue Road Debt Advice", "avenue-debt"),
    "kilburn_50plus": ("Kilburn 50+ Work Club", "kilburn-50plus"),
    "holborn_rights": ("Holborn Work Rights Clinic", "holborn-rights"),
    "lido_swimmers": ("Lido Winter Swimmers", "lido-winter"),
    "talacre_wheels": ("Talacre Wheels Basketball", "talacre-wheels"),
    "recovery_cafe": ("Castlehaven Recovery Café", "recovery-cafe"),
    "young_carers": ("Camden Young Carers' Club", "young-carers-club"),
    "heath_volunteers": ("Heath Hands Conservation Volunteers", "heath-hands"),
    "mindful_steps": ("Mindful Steps Belsize", "mindful-steps"),
    "reading_buddies": ("NW5 Reading Buddies", "reading-buddies"),
    "patient_voice": ("Patient Voice Camden", "patient-voice"),
    "listening_space": ("Somers Town Listening Space", "listening-space"),
    "bumps_yoga": ("Primrose Bumps and Babies", "bumps-babies"),
    "anatolia_tea": ("Anatolia Women's Tea Afternoon", "anatolia-tea"),
    "latin_elders": ("Latin American Elders Camden", "latin-elders"),
    "diabetes_group": ("Kentish Town Diabetes Group Sessions", "kt-diabetes-group"),
    "deaf_social": ("Camden Deaf Social", "camden-deaf-social"),
    "learn_to_ride": ("Learn to Ride Camden", "learn-to-ride"),
}

# Defaults for cells most rows share; a record states only what differs.
DEFAULTS: dict[str, Any] = {
    "delivery": "In person", "status": "Running", "languages": "English", "min_age": "18",
    "max_age": "", "cost": "Free", "who_for": "", "phone": "auto", "email": "hello",
    "web": "https", "blank_id": False, "coords": True, "venue": None,
}


def a(**fields: Any) -> dict[str, Any]:
    """One hand-written activity record (cells as a person would type them)."""
    return {**DEFAULTS, **fields}


RECORDS: list[dict[str, Any]] = [
    # ------------------------------------------------------------ Kentish Town, Gospel Oak
    a(slug="kentish-town-health-walk", org="fleet_walkers", name="Kentish Town Health Walk",
      desc="A friendly hour-long walk at an easy pace through the back streets of Kentish Town "
           "and up to the edge of the Heath. Walks leave from outside the library and a trained "
           "walk leader goes at the pace of the slowest walker, so nobody is left behind. Come "
           "in comfortable shoes; on your first walk the leader will ask you to fill in a short "
           "form and introduce you to the regulars. Most of us stop for a cuppa afterwards.",
      cats="walking group; health walk", acts=["moving_more.walking"], venue="kt_lib",
      days="Tuesdays", start="10:30", end="11:30", min_age="", who_for="Everyone",
      access="Step-free route; benches along the way; walk leaders trained in first aid",
      join="Just turn up outside the library", checked="02/09/2026"),
    a(slug="parliament-hill-wednesday-walk", org="fleet_walkers",
      name="Parliament Hill Wednesday Walk",
      desc="A longer walk for people who have found their feet with our Tuesday walks. We meet "
           "at the Lido, climb Parliament Hill for the view and loop round the ponds, about 90 "
           "minutes in all. There are slopes and some muddy paths in winter, so walking boots "
           "help. New walkers are always welcome; tell the leader it is your first time.",
      cats="moving_more.walking; nature.nature_time",
      acts=["moving_more.walking", "nature.nature_time"], venue="lido", days="Wednesday",
      start="10:00", end="11:30", min_age="", who_for="Adults",
      access="Not step-free: hills and uneven, sometimes muddy paths; toilets at the Lido cafe",
      join="Just turn up at the Lido entrance", checked="19/08/2026"),
    a(status="",
      slug="queens-crescent-coffee-morning", org="crescent_neighbours",
      name="Queen's Crescent Coffee Morning",
      desc="A relaxed coffee morning in the community centre hall, just off the market. Drop in "
           "for tea, coffee, biscuits and a chat with neighbours; some weeks there is a quiz or "
           "a visiting speaker. Volunteers speak English and Somali and will make you welcome "
           "on your first visit. Stay for ten minutes or the whole morning.",
      cats="coffee morning; social", acts=["social.drop_in_chat"], venue="qc_cc",
      days="Thursday", start="10:00", end="12:00", who_for="Everyone",
      languages="English; Somali", access="Step-free; accessible toilet; hearing loop",
      join="Just turn up", checked="11/10/2026"),
    a(slug="somali-womens-wellbeing-circle", org="hooyo", name="Somali Women's Wellbeing Circle",
      desc="A weekly circle where Somali women come together to talk, share food and look after "
           "their wellbeing. Sessions are led by women from the community and run mostly in "
           "Somali, with gentle activities such as stretching, breathing and conversations "
           "about stress, sleep and family life. Bring your little ones if you need to; there "
           "is a play corner. Your first visit is just a cup of tea and a hello.",
      cats="peer_support.mental_health; social.culture_faith",
      acts=["peer_support.mental_health", "social.culture_faith"], venue="qc_cc",
      days="Mondays", start="11:00", end="13:00", who_for="Women only",
      languages="Somali; English", access="Step-free; accessible toilet; women-only space",
      join="Just turn up, or call Amina's team first if you would like someone to meet you",
      email="salaan", checked="28/06/2026"),
    a(delivery="",
      slug="castlehaven-mens-shed", org="castlehaven_shed", name="Castlehaven Men's Shed",
      desc="A shared workshop where men make, mend and tinker side by side. Members fix "
           "furniture, build bird boxes for local schools and teach each other skills; no "
           "experience is needed and tools are provided. It is as much about the tea and the "
           "company as the woodwork. On your first visit a member will show you round and go "
           "through the safety basics.",
      cats="men's shed; woodwork", acts=["creative.making_mending"], venue="castlehaven",
      days="Tue & Thu", start="10:00", end="15:00", cost="£2 (includes tea)",
      who_for="Men 18+ (most members are retired)",
      access="Ground floor workshop, step-free; accessible toilet; seating",
      join="Drop in, or ring to arrange a visit", checked="14/07/2026"),
    a(status="running",
      slug="city-farm-volunteer-mornings", org="grafton_growers",
      name="City Farm Volunteer Mornings",
      desc="Spend a Saturday morning helping out at the city farm: feeding the goats and sheep, "
           "mucking out, and looking after the vegetable beds. Volunteers work in small teams "
           "with a farm worker, and jobs are matched to what you feel able to do. Wear old "
           "clothes and sturdy shoes; gloves and overalls are lent. Your first morning starts "
           "with a tour and a short safety talk.",
      cats="farm volunteering; gardening", acts=["nature.animals_farms", "nature.gardening"],
      venue="city_farm", days="Saturdays", start="10:00", end="13:00", min_age="16",
      who_for="Anyone 16+", access="Mostly step-free yard; some gravel and slopes; "
                                   "accessible toilet",
      join="Email to book your first morning", checked="05/05/2026"),
    a(slug="kentish-town-stroke-club", org="fleet_stroke", name="Kentish Town Stroke Club",
      desc="A peer support club for people living with the effects of a stroke, and the "
           "people close to them. We share tips, hear from therapists now and then, play games "
           "that are good for the hands and memory, and mostly enjoy each other's company. "
           "Partners and family are welcome to come along too. Someone will greet you at the "
           "door on your first visit.",
      cats="stroke club; support group", acts=["peer_support.health_condition"],
      venue="kt_health", days="2nd and 4th Monday", start="14:00", end="16:00",
      who_for="People who have had a stroke, and family or carers",
      access="Step-free; accessible toilet; hearing loop; seating with arms",
      join="Just come along, or ask your GP or link worker to let us know you are coming",
      checked="21/09/2026"),
    a(slug="breathe-better-singing", org="open_lungs", name="Breathe Better Singing",
      desc="Singing for lung health for anyone living with COPD, asthma, long COVID or "
           "another breathing condition. A trained leader guides gentle breathing exercises "
           "and easy songs; you can sing sitting down and nobody has to sing alone. Many "
           "people find their breathing and confidence improve. Come and listen first if you "
           "prefer.",
      cats="singing for lung health; choir; peer_support.health_condition",
      acts=["creative.singing_music", "peer_support.health_condition"], venue="kt_lib",
      days="Fridays", start="11:00", end="12:00", cost="Donation",
      who_for="Adults with a breathing condition",
      access="Step-free; lift to the first floor room; accessible toilet; chairs",
      join="Just turn up", checked="30/07/2026"),
    a(slug="cantelowes-walking-football", org="cantelowes_sport",
      name="Walking Football for Over 50s",
      desc="Football at walking pace: no running, no tackling and no heading, so it is kind "
           "on the knees and open to all abilities. Mixed teams of men and women play on the "
           "small pitches at Talacre, followed by a catch-up in the café. Wear trainers; bibs "
           "and balls are provided. Your first session is free.",
      cats="walking football; over 50s", acts=["moving_more.sport"], venue="talacre",
      days="Fridays", start="13:00", end="14:00", cost="£3, first session free",
      min_age="50", who_for="Men and women 50+",
      access="Step-free; accessible changing room and toilet",
      join="Just turn up in trainers", checked="16/10/2026"),
    a(slug="gentle-aqua-swim", org="grafton_swimmers", name="Gentle Aqua for Over 50s",
      desc="A calm, warm-water class in the teaching pool with music and a friendly "
           "instructor. The water supports your joints, so it suits people with arthritis, "
           "back pain or who are getting back to exercise. You do not need to be able to swim; "
           "the water is waist to chest deep. Arrive ten minutes early on your first visit "
           "to get your wristband.",
      cats="aqua aerobics; swimming", acts=["moving_more.swimming"], venue="kt_sports",
      days="Wednesdays", start="09:00", end="10:00", cost="£4.50 (£2.50 concessions)",
      min_age="50", who_for="Over 50s",
      access="Pool hoist; accessible changing rooms; step-free",
      join="Pay at reception", web="www", checked="09/09/2026"),
    a(slug="kentish-town-money-advice-drop-in", org="northside_money",
      name="Kentish Town Money Advice Drop-in",
      desc="Free, confidential help with debts, bills, benefits and letters you are worried "
           "about. Trained advisers can check you are getting everything you are entitled to, "
           "help with forms and talk to creditors with you. Bring any letters and bills you "
           "have. We see people in the order they arrive; if it is busy we book you a time.",
      cats="practical_help.money_advice; benefits advice",
      acts=["practical_help.money_advice"], venue="kt_lib", days="Monday", start="10:00",
      end="13:00", languages="English; Bengali; Somali",
      access="Step-free; private room; accessible toilet",
      join="Drop in, or phone to book", checked="03/11/2026"),
    a(slug="crescent-food-pantry", org="crescent_neighbours", name="Crescent Food Pantry",
      desc="A community food pantry: members pay £3.50 a visit and choose about £15 worth of "
           "groceries, fresh fruit and veg included. It is a way to make money go further "
           "without needing a referral. Join on your first visit with your name and postcode; "
           "volunteers will show you round the shelves.",
      cats="food pantry; social supermarket", acts=["practical_help.food_support"],
      venue="qc_cc", days="Fridays", start="12:00", end="14:00", cost="£3.50 per visit",
      who_for="Anyone living in NW5 or nearby", languages="English; Somali",
      access="Step-free; accessible toilet",
      join="Just turn up; bring a bag", email="pantry", checked="25/10/2026"),
    a(slug="dads-and-little-ones", org="little_fleet", name="Dads and Little Ones Saturday Club",
      desc="Saturday morning play for dads, grandads and male carers with children under "
           "five. There are toys, messy play and songs for the little ones and coffee and "
           "chat for the grown-ups. Plenty of dads come on their own the first time, so you "
           "will not be the only new face.",
      cats="dad's group; stay and play", acts=["peer_support.parents"], venue="kt_lib",
      days="Saturdays", start="10:00", end="11:30", min_age="", who_for="Dads and male carers "
                                                                       "with under 5s",
      access="Step-free; buggy parking; baby changing",
      join="Just turn up", checked="12/09/2026"),
    a(slug="cantelowes-youth-football", org="cantelowes_sport", name="Cantelowes Youth Football",
      desc="After-school football for young people aged 11 to 16, coached by qualified youth "
           "workers. Sessions mix skills, small-sided games and time to hang out safely. All "
           "abilities are welcome and girls' and boys' teams train side by side. Parents "
           "fill in a short consent form at the first session.",
      cats="youth club; football", acts=["family_youth.youth_clubs", "moving_more.sport"],
      venue="talacre", days="Tuesdays", start="17:00", end="18:30", min_age="11",
      max_age="16", who_for="Young people 11-16",
      access="Step-free; accessible toilet", join="Just turn up with a parent's consent form",
      checked="01/10/2026"),
    a(slug="tech-tea-club", org="byte_buddies", name="Tech Tea Club",
      desc="Bring your phone, tablet or laptop and a question, and a patient volunteer will "
           "sit with you and help. People come for help with the NHS App, video calls with "
           "family, online forms and staying safe from scams. No question is too basic. "
           "Tablets can be borrowed during the session if you do not have one.",
      cats="digital drop-in; tablet help", acts=["learning.digital"], venue="qc_lib",
      days="Wednesdays", start="14:00", end="16:00", who_for="Adults",
      access="Step-free; accessible toilet; large-print guides",
      join="Just turn up", checked="17/06/2026"),
    a(slug="knit-and-natter-nw5", org="nw5_knitters", name="Knit and Natter",
      desc="Knitters, crocheters and the curious meet in the library's community room every "
           "Thursday. Beginners are taught by members and needles and yarn are there to "
           "borrow. Some of what we make goes to the baby unit at the Whittington. Just come "
           "and sit with us.",
      cats="knitting; crochet", acts=["creative.art_craft"], venue="kt_lib", days="Thursday",
      start="14:00", end="16:00", who_for="Everyone",
      access="Step-free; lift; accessible toilet", join="Just turn up", blank_id=True,
      web="", checked="08/08/2026"),
    a(slug="crescent-bridge-club", org="crescent_bridge", name="Crescent Bridge Club",
      desc="Friendly duplicate bridge on Tuesday afternoons, with a short lesson first for "
           "improvers. If you have not played for years, or never, come early and a member "
           "will partner you. Tea and cake at half time.",
      cats="bridge; cards", acts=["social.games_quizzes"], venue="qc_lib", days="tuesdays",
      start="13:30", end="16:00", cost="£2", who_for="Adults",
      access="Step-free; accessible toilet", join="Just turn up, ideally with a partner",
      phone="", checked="12/03/2024"),
    # ------------------------------------------------------ Camden Town, Chalk Farm, Primrose Hill
    a(delivery="",
      slug="camden-lock-canal-walk", org="canal_wanderers", name="Camden Lock Canal Walk",
      desc="A gentle walk and talk along the Regent's Canal towpath from Camden Lock towards "
           "Little Venice and back, about an hour. It is flat and we stop often to look at the "
           "boats, herons and the odd kingfisher. Some people come to chat, some to walk "
           "quietly; both are fine. Meet by the footbridge over the lock.",
      cats="walk and talk; river walk", acts=["moving_more.walking", "nature.water"],
      venue="camden_lock", days="Every Thursday", start="10:00", end="11:15", min_age="",
      who_for="Adults", access="Flat towpath, but cobbles and a steep ramp at Camden Lock; "
                               "no toilets on the route",
      join="Just turn up", checked="27/08/2026"),
    a(slug="primrose-tea-dance", org="tea_dance", name="Afternoon Tea Dance",
      desc="A proper tea dance in the beautiful hall at Cecil Sharp House, once a month, with "
           "a live band playing waltzes, foxtrots and the odd jive. Come with a partner or on "
           "your own; our hosts make sure nobody sits out unless they want to. Tea and cake "
           "are included. Wear shoes you can dance in.",
      cats="tea dance", acts=["moving_more.dance"], venue="cecil_sharp", days="last Sunday",
      start="14:00", end="17:00", cost="£6 (£4 concessions)",
      who_for="Everyone, most dancers are over 60",
      access="Step-free entrance; lift; accessible toilet; plenty of seating",
      join="Pay on the door", checked="20/10/2026"),
    a(status="",
      slug="crowndale-voices-choir", org="crowndale_voices",
      name="Crowndale Voices Community Choir",
      desc="A community choir for people who love to sing, whatever their voice. There are no "
           "auditions and you do not need to read music; we learn songs by ear, from soul and "
           "pop to folk. Come to two sessions before deciding whether to join. We give two "
           "informal concerts a year.",
      cats="community choir", acts=["creative.singing_music"], venue="st_michaels",
      days="Wednesdays", start="19:00", end="20:30", cost="£4 (£2 concessions)",
      who_for="Adults", access="Step-free side entrance; accessible toilet; hearing loop",
      join="Just turn up; first two sessions free", checked="18/09/2026"),
    a(slug="castlehaven-lunch-club", org="castlehaven_table", name="Castlehaven Lunch Club",
      desc="A hot two-course lunch cooked on the premises, twice a week, served at shared "
           "tables. It is a chance to eat well and catch up with friends; some people stay on "
           "for dominoes afterwards. Let us know about any diet needs when you book. Door-to-"
           "door transport can be arranged for people who find it hard to get here.",
      cats="lunch club", acts=["social.lunch_clubs"], venue="castlehaven", days="Tue; Fri",
      start="12:00", end="14:00", cost="£3.50", min_age="60", who_for="Over 60s",
      access="Step-free; accessible toilet; transport can be arranged",
      join="Call to book your first lunch", checked="06/10/2026"),
    a(slug="sharpleshall-book-group", org="sharpleshall_readers", name="Primrose Hill Book Group",
      desc="A monthly book group in the volunteer-run community library. We choose books "
           "together, mostly novels with the odd memoir, and the library keeps copies to "
           "borrow. It is a friendly, unpretentious chat, and you are welcome even if you "
           "have not finished the book.",
      cats="book club", acts=["creative.words"], venue="ph_lib", days="last Wednesday",
      start="19:00", end="20:30", who_for="Adults",
      access="Step-free; accessible toilet", join="Just come along", checked="14/05/2026"),
    a(slug="steady-steps-chair-yoga-primrose", org="steady_steps",
      name="Chair Yoga at Primrose Hill",
      desc="Gentle yoga done sitting on, or holding on to, a chair. Moves are slow and simple "
           "and help with stiffness, balance and breathing. The teacher is used to working "
           "with people with arthritis, Parkinson's and after a fall. Wear comfortable "
           "clothes; there is no need to get down on the floor.",
      cats="chair yoga; seated exercise", acts=["moving_more.gentle"], venue="ph_cc",
      days="Thursdays", start="11:00", end="12:00", cost="£3", min_age="55",
      who_for="55+", access="Step-free; accessible toilet; chairs with arms",
      join="Just turn up", checked="22/07/2026"),
    a(slug="eversholt-housing-advice-surgery", org="eversholt_housing",
      name="Camden Town Housing Advice Surgery",
      desc="Free advice if you have problems with your home: repairs your landlord will not "
           "do, damp and mould, rent arrears, or a notice to leave. A housing adviser will "
           "explain your rights and what to do next, and can help you write to your landlord "
           "or the council. Bring your tenancy agreement and any letters.",
      cats="housing advice; tenancy advice", acts=["practical_help.housing_advice"],
      venue="ct_lib", days="Thursday", start="13:00", end="16:00", who_for="Adults renting "
                                                                           "or at risk of "
                                                                           "losing their home",
      access="Step-free; private interview room",
      join="Drop in; appointments can be booked by phone", checked="12/08/2026"),
    a(slug="crowndale-zine-club", org="zine_club", name="Teen Zine and Writing Club",
      desc="A creative space for young people to write, draw and make zines about whatever "
           "matters to them. A youth worker and a local writer run the sessions and there is "
           "always food. Nothing is marked and nobody has to share their work. Drop in any "
           "Saturday.",
      cats="creative writing; youth club", acts=["creative.words", "family_youth.youth_clubs"],
      venue="ct_lib", days="Saturdays", start="14:00", end="16:00", min_age="13",
      max_age="19", who_for="Young people 13-19",
      access="Step-free; accessible toilet; quiet room available",
      join="Just turn up", checked="29/09/2026"),
    a(slug="kings-cross-job-club", org="kx_jobs", name="King's Cross Job Club",
      desc="Help to find work: CVs, job searches, application forms and practice interviews, "
           "with computers to use and advisers on hand. Many people come weekly until they "
           "find something and keep in touch after. Employers from King's Cross sometimes "
           "visit with vacancies. Bring a CV if you have one.",
      cats="job club; CV help", acts=["practical_help.work_support"], venue="ps_lib",
      days="Tuesdays", start="10:00", end="13:00", who_for="Adults looking for work",
      access="Step-free; lift; accessible toilet", join="Just turn up",
      checked="13/10/2026"),
    # ---------------------------------------------------------- Somers Town, King's Cross, Euston
    a(slug="somers-town-sewing-circle", org="somers_sisters",
      name="Somers Town Women's Sewing Circle",
      desc="Women from Somers Town meet to sew, chat and share skills over tea. Members make "
           "clothes, quilts and gifts, and teach each other; sewing machines and fabric are "
           "provided. Conversation flows in Bengali, Sylheti and English. Bring a project or "
           "just come and learn.",
      cats="sewing; social.culture_faith", acts=["creative.art_craft", "social.culture_faith"],
      venue="somers_cc", days="Wednesdays", start="10:30", end="12:30",
      who_for="Women only", languages="Bengali; Sylheti; English",
      access="Step-free; accessible toilet; creche on request",
      join="Just turn up", checked="04/09/2026"),
    a(delivery="", status="",
      slug="somers-town-lunch-and-chat", org="somers_table", name="Somers Town Lunch and Chat",
      desc="A shared lunch for the whole neighbourhood, cooked by local volunteers with food "
           "from nearby shops and the community garden. Pay what you can, or nothing. It is "
           "a good way to meet neighbours of all ages; older residents often stay on for "
           "carrom and cards.",
      cats="community meal; lunch club", acts=["social.lunch_clubs"], venue="somers_cc",
      days="Thursdays", start="12:30", end="14:00", cost="Pay as you feel", min_age="",
      who_for="Everyone", languages="English; Bengali",
      access="Step-free; accessible toilet", join="Just turn up", checked="15/10/2026"),
    a(slug="story-garden-growing-club", org="somers_growers",
      name="Story Garden Saturday Growing Club",
      desc="Saturday gardening at the Story Garden: growing vegetables, cooking on the fire "
           "and sharing the harvest. The garden closed at the end of September 2025 when the "
           "site was handed back for building work, and the club has ended. Ask the "
           "organisers about their new growing space.",
      cats="community garden; gardening", acts=["nature.gardening"], venue="story_garden",
      days="Saturdays", start="10:00", end="13:00", min_age="", who_for="Everyone",
      access="Mostly step-free woodchip paths", join="No longer running",
      status="Ended", checked="30/09/2025"),
    a(slug="camley-street-nature-volunteers", org="kx_wild",
      name="Camley Street Nature Volunteers",
      desc="Help look after a wild nature reserve beside the canal in King's Cross: clearing "
           "paths, planting, pond dipping and building habitats. Work is outdoors in all "
           "weathers, at your own pace, with regular tea breaks. Tools, gloves and training "
           "are provided. On your first morning you will be paired with an experienced "
           "volunteer.",
      cats="conservation; wildlife", acts=["nature.conservation"], venue="camley",
      days="Wednesdays", start="10:00", end="13:00", who_for="Adults",
      access="Step-free main paths; some uneven ground; accessible toilet in the visitor "
             "centre",
      join="Email to register, then come along", checked="07/07/2026"),
    a(slug="granary-couch-to-5k", org="kx_runners", name="King's Cross Couch to 5K",
      desc="A nine-week beginners' running group that starts with one-minute jogs and builds up "
           "to running 5K. Everyone starts at their own level and run leaders stay with the "
           "slowest runners. The group is welcoming to all shapes, sizes and ages. New groups "
           "start every January, April and September, but you can join the walkers any week.",
      cats="couch to 5k; running", acts=["moving_more.running_cycling"], venue="granary",
      days="Mondays", start="18:30", end="19:30", who_for="Adults, complete beginners welcome",
      access="Step-free; flat route along the canal; toilets in Coal Drops Yard",
      join="Sign up by email, or just turn up", checked="10/09/2026"),
    a(slug="open-door-english-conversation", org="open_door_english",
      name="English Conversation Club",
      desc="Practise your English in a relaxed group with volunteer hosts. We talk about "
           "everyday things like shopping, the GP and the news, in small tables by level. It "
           "is free and you do not need to book. Some of our volunteers also speak Arabic or "
           "Portuguese and can help explain on your first visit.",
      cats="English conversation; ESOL", acts=["learning.english_languages"], venue="ps_lib",
      days="Thursdays", start="18:00", end="19:30", who_for="Adults learning English",
      languages="English; Arabic; Portuguese",
      access="Step-free; lift; accessible toilet", join="Just turn up", checked="01/11/2026"),
    a(slug="euston-road-law-clinic", org="euston_law",
      name="Free Legal and Immigration Advice Clinic",
      desc="Free legal advice from qualified volunteer solicitors, including regulated "
           "immigration advice. We can help with visas, asylum, family reunion, and problems "
           "with work or housing, or tell you where to go next. Appointments are 30 minutes; "
           "bring any documents. Interpreters can be booked in advance.",
      cats="legal advice; immigration advice", acts=["practical_help.legal_immigration"],
      venue="ps_lib", days="Wednesdays by appointment", start="14:00", end="17:00",
      who_for="Adults", languages="English; Arabic; Portuguese; Spanish",
      access="Step-free; private room; accessible toilet",
      join="Book an appointment by phone or email", checked="19/10/2026"),
    a(slug="pancras-road-stillness", org="pancras_stillness", name="Lunchtime Quiet Hour",
      desc="A guided half hour of mindfulness and stillness in one of London's oldest church "
           "buildings, followed by tea. It is not religious and everyone is welcome; you can "
           "sit on a chair or a cushion. A calm break from the busy streets around King's "
           "Cross.",
      cats="mindfulness; meditation", acts=["calm.mindfulness"], venue="st_pancras_old",
      days="Mondays", start="13:00", end="13:45", cost="Free (donations welcome)",
      who_for="Everyone", access="One small step at the door (ramp available); no toilet "
                                 "on site",
      join="Just turn up", checked="24/06/2026"),
    a(slug="memory-lane-reminiscence", org="memory_lane",
      name="Reminiscence Afternoons at the Library",
      desc="A monthly afternoon of looking at old photographs, maps, sound recordings and "
           "objects, and sharing memories they bring back. Designed with and for people living "
           "with dementia and the people who care for them. There is tea, a quiet space, and "
           "volunteers who have done dementia friends training.",
      cats="reminiscence; museum", acts=["creative.heritage_museums"],
      venue="british_library", days="3rd Tuesday", start="14:00", end="15:30", min_age="",
      who_for="People living with dementia and their carers",
      access="Step-free; accessible toilet; dementia friendly; quiet space",
      join="Call to book so we can meet you at the door", checked="05/09/2024"),
    a(slug="judd-street-benefit-check", org="judd_welfare", name="Benefit Check Drop-in",
      desc="Not sure if you are getting all the benefits you are entitled to? An adviser will "
           "do a free benefit check with you and help you claim things like Pension Credit, "
           "Attendance Allowance, PIP or Council Tax Support. Bring your National Insurance "
           "number and any recent benefit letters.",
      cats="benefits advice; welfare rights", acts=["practical_help.money_advice"],
      venue="town_hall", days="Mondays", start="10:00", end="12:30", who_for="Adults",
      access="Step-free entrance on Judd Street; accessible toilet; hearing loop",
      join="Drop in", checked="16/09/2026"),
    # ---------------------------------------------- Bloomsbury, Holborn, Fitzrovia, Covent Garden
    a(status="running",
      slug="bloomsbury-bats-table-tennis", org="bloomsbury_bats",
      name="Table Tennis for Over 50s",
      desc="Social table tennis for people over 50, from complete beginners to old hands. "
           "Tables are set up and bats are lent; you can play a few rallies or a full match. "
           "It is great for balance, reactions and a laugh. Tea break at three.",
      cats="table tennis", acts=["moving_more.sport"], venue="marchmont", days="Tuesdays",
      start="14:00", end="16:00", cost="£2", min_age="50", who_for="Over 50s",
      access="Step-free; accessible toilet", join="Just turn up", coords=False,
      checked="15/07/2026"),
    a(slug="coram-fields-play-mornings", org="guilford_families", name="Family Play Mornings",
      desc="Free play mornings for babies and toddlers and their parents or carers, in the "
           "under-fives room at Coram's Fields. Messy play, songs and stories, with coffee "
           "for the grown-ups. Adults can only come in with a child, which makes it a safe, "
           "relaxed place to meet other families.",
      cats="stay and play; family activities",
      acts=["peer_support.parents", "family_youth.family_activities"], venue="coram",
      days="Wednesdays", start="10:00", end="12:00", min_age="", max_age="",
      who_for="Families with children under 5",
      access="Step-free; baby changing; buggy park; accessible toilet",
      join="Just turn up", checked="02/10/2026"),
    a(slug="queen-square-watercolour", org="queen_square_painters",
      name="Beginners' Watercolour",
      desc="An eight-week course in watercolour painting for complete beginners. Each week "
           "the tutor shows a simple technique and you paint at your own pace, with plenty of "
           "help. Materials are provided for the first session; after that we suggest a small "
           "starter kit. Bursaries are available, so please ask.",
      cats="art class; painting", acts=["creative.art_craft"], venue="mary_ward",
      days="Mondays", start="14:00", end="16:00", cost="£40 for 8 weeks (£20 concessions)",
      who_for="Adults", access="Step-free; lift; accessible toilet",
      join="Book online or by phone", checked="11/09/2026"),
    a(slug="theobalds-family-history", org="theobalds_history",
      name="Family History Group",
      desc="Trace your family tree with help from fellow enthusiasts. Most weeks there is a "
           "short talk on a topic like census records or Irish ancestors, then time on the "
           "library's free research websites with members on hand to help. Beginners are very "
           "welcome.",
      cats="local history; history group", acts=["creative.heritage_museums"],
      venue="hol_lib", days="Saturdays", start="10:30", end="12:30", who_for="Adults",
      access="Step-free; lift; accessible toilet", join="Just turn up",
      checked="23/05/2026"),
    a(slug="bloomsbury-carers-cafe", org="bloomsbury_carers", name="Bloomsbury Carers' Café",
      desc="A monthly café for unpaid carers: anyone looking after a partner, parent, child "
           "or friend. Take a breather, have a good lunch on us and talk with people who get "
           "it. A carers' adviser is there to answer questions about assessments, breaks and "
           "money. If you need someone to sit with the person you care for, ask us.",
      cats="carers cafe", acts=["peer_support.carers"], venue="lumen",
      days="1st Thursday", start="11:00", end="13:00", who_for="Unpaid carers",
      access="Step-free; accessible toilet; hearing loop",
      join="Just turn up, or call for a chat first", checked="08/10/2026"),
    a(slug="rainbow-elders-social", org="rainbow_elders", name="Rainbow Elders Social",
      desc="A monthly evening social for LGBTQ+ people over 50, with drinks (soft and "
           "otherwise), food and good conversation. Some months there is a film, a talk or a "
           "quiz. Come on your own; hosts look out for new faces and will introduce you.",
      cats="LGBTQ+ group; social club", acts=["social.culture_faith", "social.drop_in_chat"],
      venue="marchmont", days="3rd Friday", start="18:30", end="20:30", min_age="50",
      who_for="LGBTQ+ people 50+", access="Step-free; accessible toilet",
      join="Just turn up", checked="18/07/2026"),
    a(slug="endell-womens-swim", org="endell_swim", name="Women-Only Swim",
      desc="A women-only session in the indoor pool, with female lifeguards and screened "
           "windows. Swim lengths, float or practise with a noodle; a swimming teacher is "
           "there in the first half hour for anyone who wants tips. Burkinis and leggings "
           "are welcome.",
      cats="women only swim", acts=["moving_more.swimming"], venue="oasis",
      days="Sundays", start="08:00", end="09:30", cost="£5.20 (£2.60 concessions)",
      min_age="16", who_for="Women only",
      access="Step-free; pool hoist; accessible changing room",
      join="Pay at reception", checked="26/08/2026"),
    a(slug="st-giles-open-table", org="st_giles_table", name="Sunday Open Table",
      desc="A free hot Sunday lunch for anyone who would like one, served at tables in the "
           "church hall. Everyone eats together: people on their own, families, people "
           "sleeping rough, and volunteers. There is a clothes rail and toiletries to take, "
           "and no questions asked.",
      cats="community meal; free meals",
      acts=["social.lunch_clubs", "practical_help.food_support"], venue="st_giles",
      days="Sundays", start="13:00", end="14:30", min_age="", who_for="Everyone",
      access="Step-free via the side gate; accessible toilet", join="Just turn up",
      blank_id=True, checked="27/09/2026"),
    a(slug="fitzrovia-tai-chi", org="fitz_taichi", name="Tai Chi for Over 60s",
      desc="Slow, flowing tai chi for older people, taught by a teacher who has led the group "
           "for years. It helps balance, posture and calm, and can be done partly seated. "
           "Many members are from the local Chinese community; teaching is in English, "
           "Cantonese and Mandarin.",
      cats="tai chi", acts=["moving_more.gentle"], venue="fitz_nc", days="Tuesdays",
      start="09:30", end="10:30", cost="£1", min_age="60", who_for="Over 60s",
      languages="English; Cantonese; Mandarin",
      access="Step-free; accessible toilet", join="Just turn up", checked="04/08/2026"),
    a(slug="fitzrovia-digital-drop-in", org="byte_buddies", name="Fitzrovia Digital Drop-in",
      desc="Free one-to-one help with computers, phones and the internet, from setting up an "
           "email to booking GP appointments online. Volunteers are patient and explain "
           "things in plain words. Bring your own device, or use one of ours.",
      cats="learning.digital", acts=["learning.digital"], venue="fitz_nc", days="Fridays",
      start="10:00", end="12:00", who_for="Adults",
      access="Step-free; accessible toilet", join="Just turn up", checked="14/10/2026"),
    a(slug="holborn-writers-circle", org="holborn_writers", name="Holborn Writers' Circle",
      desc="A supportive group for people who write, or want to: stories, poems, memoir. Each "
           "week there is a short prompt to get going, then time to share work and give kind, "
           "useful feedback. You can join in the library or on a video call.",
      cats="writing group; creative writing", acts=["creative.words"], venue="hol_lib",
      days="Thursdays", start="18:30", end="20:00", who_for="Adults",
      delivery="In person; Online", access="Step-free; lift; accessible toilet",
      join="Email for the video link, or just turn up", checked="30/08/2026"),
    a(slug="bloomsbury-ukulele-circle", org="bloomsbury_ukes", name="Bloomsbury Ukulele Circle",
      desc="Strum along with a friendly crowd in the crypt at St George's. We play easy songs "
           "with chord sheets on a big screen, and beginners get a quick lesson at the start. "
           "Ukuleles can be borrowed. Nobody minds a wrong note.",
      cats="ukulele; music group", acts=["creative.singing_music"], venue="st_georges",
      days="Wednesdays", start="12:30", end="13:30", cost="£2", who_for="Adults",
      access="Lift to the crypt; accessible toilet", join="Just turn up",
      checked="10/10/2026"),
    a(slug="camden-door-to-door", org="door_to_door", name="Camden Door to Door Transport",
      desc="Affordable community transport in an accessible minibus for people who find "
           "buses and the Tube hard: to the shops, the GP, hospital, lunch clubs and to "
           "visit friends. Drivers help you from your door to the vehicle. Book by phone at "
           "least two days ahead; trips within Camden cost £2 each way.",
      cats="community transport; dial a ride", acts=["practical_help.transport"],
      days="Mon-Fri", start="09:30", end="16:30", cost="£2 each way", min_age="",
      who_for="Older or disabled people who cannot easily use public transport",
      delivery="Phone", access="Wheelchair accessible minibuses",
      join="Phone to register and book", checked="21/10/2026"),
    # ------------------------------------------------- Hampstead, Belsize Park, Swiss Cottage
    a(slug="heathside-nature-walk", org="heathside_naturalists", name="Heath Nature Walk",
      desc="A monthly guided nature walk across Hampstead Heath from Kenwood, looking at birds, "
           "trees, fungi and whatever the season brings. Walks are about two hours at a "
           "gentle pace with stops. Binoculars can be borrowed. Paths are rough in places.",
      cats="nature walk; birdwatching; led walk",
      acts=["nature.nature_time", "moving_more.walking"],
      venue="kenwood", days="1st Sunday", start="10:00", end="12:00", min_age="",
      who_for="Everyone; children with an adult",
      access="Not step-free: uneven and muddy paths, some slopes; toilets at Kenwood",
      join="Just turn up", checked="07/09/2026"),
    a(slug="hampstead-memory-cafe", org="hampstead_memory", name="Hampstead Memory Café",
      desc="A warm, welcoming café for people living with memory loss or dementia and the "
           "people who support them. There is music, gentle activities and good cake, and "
           "a dementia adviser is on hand for a quiet word. Come together or on your own.",
      cats="memory café; dementia carers; social.drop_in_chat",
      acts=["peer_support.carers", "social.drop_in_chat"], venue="burgh",
      days="2nd Tuesday", start="14:00", end="16:00", min_age="",
      who_for="People living with dementia, and family and friends",
      access="Step-free to the ground floor; accessible toilet; dementia friendly",
      join="Just turn up", checked="13/10/2026"),
    a(delivery="",
      slug="high-street-lunch-club", org="hampstead_lunch", name="High Street Lunch Club",
      desc="A weekly home-cooked lunch for older people in the heart of Hampstead. There is "
           "a choice of main and pudding, served at round tables, and an after-lunch quiz "
           "or singalong. Let us know if you need help getting here.",
      cats="lunch club; community lunch", acts=["social.lunch_clubs"], venue="hampstead_cc",
      days="Wednesdays", start="12:00", end="13:30", cost="£4.50", min_age="",
      who_for="Over 60s", access="Step-free; accessible toilet",
      join="Call by Monday to book", coords=False, checked="09/10/2026"),
    a(slug="keats-grove-poetry", org="keats_poets", name="Keats Grove Poetry Group",
      desc="Read, write and talk about poems in the community library next to Keats House. "
           "Each week we bring a poem we love or one we wrote; reading aloud is optional. "
           "All levels are welcome.",
      cats="poetry", acts=["creative.words"], venue="keats_lib", days="Tuesday evenings",
      start="18:30", end="20:00", who_for="Adults",
      access="Step-free; accessible toilet", join="Just turn up", checked="22/01/2025"),
    a(slug="heath-bereavement-cafe", org="heath_bereavement", name="Heath Bereavement Café",
      desc="A gentle space to be with other people who have lost someone, however long ago. "
           "There are no speeches and nobody has to talk; just tea, cake and understanding "
           "company. Trained volunteers can tell you about further support if you would like.",
      cats="bereavement cafe", acts=["peer_support.bereavement"], venue="hampstead_church",
      days="last Tuesday", start="14:00", end="15:30", who_for="Adults who have been bereaved",
      access="Step-free; accessible toilet; quiet room",
      join="Just turn up", checked="25/09/2026"),
    a(slug="pond-street-lung-health", org="pond_street_lungs",
      name="Pond Street Lung Health Group",
      desc="A monthly peer support group for people living with lung conditions such as COPD, "
           "bronchiectasis or pulmonary fibrosis, and their families. We share practical tips, "
           "hear from respiratory nurses and do some gentle chair exercises. Oxygen users "
           "welcome.",
      cats="peer_support.health_condition; lung health", acts=["peer_support.health_condition"],
      venue="royal_free", days="3rd Wednesday", start="14:00", end="15:30",
      who_for="People with lung conditions, and family",
      access="Step-free; accessible toilet; seating", join="Just come along",
      checked="11/06/2026"),
    a(slug="avenue-road-chess-club", org="avenue_chess", name="Swiss Cottage Chess Club",
      desc="Casual chess for all ages and abilities on Saturday afternoons in the library. "
           "Boards and clocks are provided; volunteers teach beginners and there are "
           "friendly games for everyone. Children under 12 need an adult with them.",
      cats="chess; board games", acts=["social.games_quizzes"], venue="sc_lib",
      days="Saturdays", start="14:00", end="17:00", min_age="", who_for="All ages",
      access="Step-free; lift; accessible toilet", join="Just turn up",
      checked="03/10/2026"),
    a(slug="steady-steps-strength-balance", org="steady_steps", name="Strength and Balance",
      desc="A falls prevention class that builds strength in the legs and confidence on your "
           "feet. Exercises are done standing with a chair for support, or seated, and get a "
           "little harder over the weeks. The instructor checks in with you at your first "
           "session about any health conditions.",
      cats="strength and balance; falls prevention class", acts=["moving_more.gentle"],
      venue="sc_leisure", days="Mon & Thu", start="11:00", end="12:00",
      cost="£3 (£1.50 concessions)", min_age="", who_for="Over 60s",
      access="Step-free; accessible toilet; chairs",
      join="Just turn up, or ask your GP or physio to refer you", checked="27/10/2026"),
    a(slug="al-nour-womens-circle", org="al_nour", name="Arabic-speaking Women's Group",
      desc="A weekly group for Arabic-speaking women to meet, share a meal and talk. Some "
           "weeks there are visitors on health, schools or benefits, with time for questions "
           "in Arabic. Children under school age can come along.",
      cats="social.culture_faith; coffee morning",
      acts=["social.culture_faith", "social.drop_in_chat"], venue="sc_cc", days="Mondays",
      start="10:00", end="12:00", who_for="Women only", languages="Arabic; English",
      access="Step-free; accessible toilet", join="Just turn up", email="marhaba",
      checked="20/09/2026"),
    a(slug="avenue-road-food-bank", org="avenue_foodbank", name="Avenue Road Food Bank",
      desc="Emergency food parcels for people who are struggling, with fresh food when we have "
           "it. Bring a food bank voucher from a link worker, GP, advice service or the "
           "council; if you do not have one, come anyway and we will help you get one. "
           "Volunteers can also put you in touch with money and housing advice.",
      cats="food bank", acts=["practical_help.food_support"], venue="sc_cc", days="Fridays",
      start="13:00", end="15:00", min_age="", who_for="Anyone in need",
      access="Step-free; accessible toilet",
      join="Bring a voucher, or come and we will help", checked="31/10/2026"),
    a(slug="belsize-games-night", org="belsize_games", name="Belsize Board Games Night",
      desc="A relaxed board games night with a big shelf of games, from quick card games to "
           "longer strategy ones. Hosts teach the rules and help new people find a table. "
           "Paused while the library room is refurbished; we hope to be back in the spring.",
      cats="board games", acts=["social.games_quizzes"], venue="belsize_lib",
      days="Fridays", start="18:30", end="21:00", who_for="Adults",
      access="Step-free; accessible toilet", join="Check our website for the restart date",
      status="Paused", checked="15/09/2026"),
    a(slug="west-end-lane-rhyme-time", org="west_end_rhymes", name="Baby Rhyme Time",
      desc="Half an hour of songs, rhymes and stories for babies and toddlers with their "
           "parents or carers, followed by time to play and chat. It is free and a lovely way "
           "to meet other local families. Buggies can be left by the door.",
      cats="baby group; family activities",
      acts=["peer_support.parents", "family_youth.family_activities"], venue="wh_lib",
      days="Fridays", start="10:30", end="11:00", min_age="", who_for="Babies and toddlers "
                                                                    "with their grown-ups",
      access="Step-free; baby changing", join="Just turn up", checked="06/11/2026"),
    a(slug="west-end-tuesday-walk", org="west_end_walkers", name="West Hampstead Tuesday Walk",
      desc="An easy hour's walk around West Hampstead's quieter streets, Fortune Green and "
           "the cemetery paths, starting from the library. The pace is gentle and there are "
           "places to rest. It is a good way to get out of the house and meet people nearby.",
      cats="health walk; short walks", acts=["moving_more.walking"], venue="wh_lib",
      days="tuesday", start="10:00", end="11:00", min_age="", who_for="Adults",
      access="Mostly step-free; benches on the route", join="Just turn up",
      checked="12/10/2026"),
    a(slug="nw6-repair-cafe", org="fixers_nw6", name="West Hampstead Repair Café",
      desc="Bring your broken toasters, lamps, clothes, bikes and laptops and fix them with "
           "help from volunteer menders. You learn how to repair things yourself, over tea "
           "and cake, and keep them out of landfill. If you are handy, come and volunteer.",
      cats="repair cafe; fix things", acts=["creative.making_mending"], venue="wh_lib",
      days="2nd Saturday", start="11:00", end="14:00", cost="Donation", min_age="",
      who_for="Everyone", access="Step-free; accessible toilet", join="Just turn up",
      checked="30/04/2025"),
    a(slug="kingsgate-gardening-club", org="kingsgate_growers", name="Kingsgate Gardening Club",
      desc="Grow herbs, salad and flowers in the raised beds behind the community centre, "
           "next to Kilburn Grange Park. Members share the work and the harvest, and there "
           "are tools, gloves and seeds to use. Raised beds mean you can garden sitting "
           "down. Come along on a Thursday morning and meet the group.",
      cats="community garden; growing", acts=["nature.gardening"], venue="kingsgate",
      days="Thursdays", start="10:00", end="12:30", who_for="Adults",
      access="Step-free; raised beds at wheelchair height; accessible toilet",
      join="Just turn up", blank_id=True, checked="18/06/2026"),
    a(slug="lusophone-families-kilburn", org="lusophone_families",
      name="Portuguese-speaking Families Group",
      desc="A Saturday morning group for Portuguese-speaking families from Portugal, Brazil, "
           "Angola, Mozambique and beyond. Children play, sing and do crafts while parents "
           "catch up and share information about schools and services. Sessions are in "
           "Portuguese and English.",
      cats="family activities; social.culture_faith",
      acts=["family_youth.family_activities", "social.culture_faith"], venue="kingsgate",
      days="Saturdays", start="10:00", end="12:00", min_age="", who_for="Families with "
                                                                       "children",
      languages="Portuguese; English", access="Step-free; baby changing",
      join="Just turn up", email="ola", checked="09/08/2026"),
    a(slug="kingsgate-youth-boxing", org="kingsgate_boxing", name="Kingsgate Youth Boxing",
      desc="Non-contact boxing fitness for young people, with skipping, pad work and circuits "
           "led by a qualified coach. It builds fitness, focus and confidence in a safe, "
           "supportive space. Sessions are paused until we find a new coach; follow us for "
           "news.",
      cats="boxing; youth club", acts=["moving_more.sport", "family_youth.youth_clubs"],
      venue="kingsgate", days="Wednesdays", start="17:30", end="19:00", cost="£1",
      min_age="11", max_age="18", who_for="Young people 11-18",
      access="Step-free; accessible toilet", join="Paused for now",
      status="Paused", checked="02/09/2026"),
    a(slug="kilburn-warm-homes-advice", org="warm_homes", name="Energy and Bills Advice",
      desc="Free help if your energy bills are too high or you are behind on payments. An "
           "adviser can check your tariff, help with grants and debt relief schemes, and "
           "arrange small fixes like draught-proofing. Bring a recent bill if you can.",
      cats="energy advice; debt advice", acts=["practical_help.money_advice"],
      venue="kingsgate", days="Mondays by appointment", start="10:00", end="13:00",
      who_for="Adults", access="Step-free; private room",
      join="Call or email to book an appointment", checked="28/10/2026"),
    a(slug="polska-bajka-club", org="polska_bajka", name="Polish Story Club for Families",
      desc="Stories, songs and crafts in Polish for young children and their parents, in the "
           "children's library. A friendly way for families to keep the language alive and "
           "meet each other. Sessions are in Polish with a little English.",
      cats="storytelling; family activities",
      acts=["creative.words", "family_youth.family_activities"], venue="sc_lib",
      days="Saturday", start="11:00", end="12:00", min_age="", who_for="Families with "
                                                                     "children aged 3 to 8",
      languages="Polish; English", access="Step-free; lift; baby changing",
      join="Just turn up", email="czesc", checked="16/05/2026"),
    # ------------------------------------------------------- Highgate, Highgate Newtown
    a(status="",
      slug="bertram-street-lunch-club", org="bertram_lunch", name="Bertram Street Lunch Club",
      desc="A friendly lunch club in Highgate Newtown with a hot, freshly cooked meal twice a "
           "week. After lunch there is bingo, chair exercise or a film. People who cannot "
           "manage the hill can ask about a lift.",
      cats="lunch club", acts=["social.lunch_clubs"], venue="hn_cc", days="Mon; Wed",
      start="12:00", end="13:30", cost="£3", min_age="60", who_for="Over 60s",
      access="Step-free; accessible toilet; hearing loop", join="Call to book a place",
      coords=False, checked="22/09/2026"),
    a(slug="holly-lodge-seated-pilates", org="holly_pilates", name="Seated Pilates",
      desc="Pilates moves adapted to be done on a chair, to strengthen your core, ease your "
           "back and improve posture. Classes are small, so the teacher can help everyone. "
           "Your first class is free.",
      cats="pilates; chair exercise", acts=["moving_more.gentle"], venue="holly_lodge",
      days="Fridays", start="10:00", end="11:00", cost="£6 per class, first class free",
      who_for="Adults, most members are 50+",
      access="Step-free; accessible toilet", join="Email to book your first class",
      checked="13/08/2026"),
    a(delivery="in person", status="Running",
      slug="waterlow-tai-chi", org="waterlow_taichi", name="Tai Chi in the Park",
      desc="Outdoor tai chi on the lawn below Lauderdale House, every Saturday morning in all "
           "but the worst weather. The slow movements suit any age and fitness, and being "
           "among the trees is half the pleasure. Wear comfortable layers.",
      cats="tai chi; park walk", acts=["moving_more.gentle", "nature.nature_time"],
      venue="lauderdale", days="Saturdays", start="09:00", end="10:00", cost="Donation",
      min_age="", who_for="Everyone",
      access="Flat lawn reached by a sloping path; toilets in Lauderdale House",
      join="Just turn up", checked="19/09/2026"),
    a(status="running",
      slug="highgate-stitch-and-chat", org="highgate_stitch", name="Highgate Stitch and Chat",
      desc="Embroidery, patchwork, mending and knitting with a friendly group at the library. "
           "Bring your own project or try one of ours; there are always people happy to show "
           "you a new stitch.",
      cats="stitch and chat; sewing", acts=["creative.art_craft"], venue="hi_lib",
      days="Tuesdays", start="14:00", end="16:00", who_for="Adults",
      access="Step-free; accessible toilet", join="Just turn up", checked="17/10/2024"),
    a(slug="highgate-men-walking", org="highgate_men", name="Highgate Men's Walk and Talk",
      desc="A Saturday morning walk for men who want to get out, move and talk, or not talk. "
           "We walk from Highgate Library across Parliament Hill and back, about 90 minutes, "
           "then stop for a coffee. Plenty of the men who come are going through a hard time; "
           "there is no pressure to share.",
      cats="walking group; men's mental health group",
      acts=["moving_more.walking", "peer_support.mental_health"], venue="hi_lib",
      days="Saturdays", start="09:30", end="11:00", who_for="Men 18+",
      access="Not step-free: hills and rough paths on the Heath",
      join="Just turn up", checked="08/11/2026"),
    a(slug="newtown-advice-sessions", org="newtown_advice", name="Highgate Advice Sessions",
      desc="Free advice on debt, benefits and housing problems, every Wednesday morning in the "
           "community centre. An experienced adviser will look at your situation, help with "
           "forms and letters and, if needed, follow things up for you. Bring any paperwork.",
      cats="debt advice; housing advice",
      acts=["practical_help.money_advice", "practical_help.housing_advice"], venue="hn_cc",
      days="Wednesdays", start="10:00", end="12:00", who_for="Adults",
      access="Step-free; private room", join="Drop in", checked="05/10/2026"),
    a(slug="bertram-street-beats", org="bertram_beats", name="Youth Music Studio",
      desc="A free music studio for young people: make beats, write lyrics, learn to record "
           "and produce, with youth workers who are musicians. Drop in after school; no "
           "experience needed, just ideas.",
      cats="youth club; music group",
      acts=["family_youth.youth_clubs", "creative.singing_music"], venue="hn_cc",
      days="Thursdays", start="16:30", end="19:00", min_age="13", max_age="21",
      who_for="Young people 13-21", access="Step-free; accessible toilet",
      join="Just turn up", checked="24/10/2026"),
    # ----------------------------------------------------------------- online and phone only
    a(slug="grief-cafe-online", org="grief_cafe", name="Grief Cafe Online",
      desc="A peer support group on video for anyone grieving the death of someone close. "
           "Once a month we gather on Zoom to share what we are going through and listen to "
           "each other, guided by two volunteers with their own experience of loss. Keep your "
           "camera off if you prefer. Register by email and we send the link the day before.",
      cats="bereavement group; peer_support.bereavement", acts=["peer_support.bereavement"],
      days="last Thursday", start="19:00", end="20:30", who_for="Adults who have been bereaved",
      delivery="Online", access="Captions on; no need to use your camera",
      join="Email to register; we send the link", checked="15/10/2026"),
    a(slug="carers-online-cuppa", org="carers_cuppa", name="Carers Online Cuppa",
      desc="An hour's chat over a cuppa on video for unpaid carers, every Wednesday morning. "
           "Drop in from wherever you are for a break, a laugh and tips from other carers who "
           "understand. A carers' support worker hosts. Come for ten minutes or the hour.",
      cats="carers group; carers support", acts=["peer_support.carers"],
      days="Wednesdays", start="11:00", end="12:00", who_for="Unpaid carers",
      delivery="Online", access="Join by video or dial in by phone",
      join="Email for the link", checked="04/11/2026"),
    a(slug="ringside-telephone-friends", org="ringside", name="Telephone Friends",
      desc="A weekly friendly phone call from the same trained volunteer, at a time that suits "
           "you. Chat about your week, your memories or the football; many friendships last "
           "years. Calls are free. Ask your link worker to refer you, or call us yourself.",
      cats="befriending; phone buddy", acts=["social.befriending"], days="Mon-Fri",
      start="10:00", end="16:00", min_age="65", who_for="People 65+ living in Camden",
      delivery="Phone", join="Call us, or ask your link worker to refer you",
      checked="18/09/2026"),
    a(slug="thursday-night-check-in", org="night_checkin", name="Thursday Night Check-in",
      desc="A peer support group on video for adults living with anxiety, low mood or other "
           "mental health conditions. Two trained peer facilitators host a check-in round and "
           "a relaxed chat. It is not a crisis service; details of urgent help are shared at "
           "every session.",
      cats="peer support group; anxiety group", acts=["peer_support.mental_health"],
      days="Thursdays", start="19:30", end="21:00", who_for="Adults 18+", delivery="Online",
      access="Cameras optional; chat box for people who prefer to type",
      join="Sign up by email for the link", checked="27/10/2026"),
    a(slug="somers-sisters-wellbeing-hour", org="somers_sisters",
      name="Bengali Women's Wellbeing Hour",
      desc="A weekly hour on video for Bengali-speaking women, with relaxation, breathing and a "
           "chat about looking after yourself. It is led in Bengali and Sylheti by a community "
           "wellbeing worker. Join from your phone; we can help you set up video calls.",
      cats="wellbeing group; relaxation", acts=["peer_support.mental_health", "calm.mindfulness"],
      days="Tuesdays", start="13:00", end="14:00", who_for="Women only",
      languages="Bengali; Sylheti; English", delivery="Online",
      join="Call or message to join; we send the link", checked="03/09/2026"),
    a(slug="northside-money-helpline", org="northside_money", name="Camden Money Helpline",
      desc="Free phone advice on debts, bills and benefits. An adviser will listen, look at "
           "your options with you and, if you need more help, book you a face-to-face "
           "appointment. Interpreters are available on the line.",
      cats="practical_help.money_advice", acts=["practical_help.money_advice"],
      days="Mon-Fri", start="10:00", end="16:00", who_for="Adults",
      languages="English; Bengali; Somali; Arabic", delivery="Phone", join="Call us",
      checked="29/10/2026"),
    a(slug="tech-buddies-by-phone", org="byte_buddies", name="Tech Buddies by Phone",
      desc="Help with your phone, tablet or computer over the phone, from a patient volunteer "
           "who will talk you through things step by step. Good for people who cannot get to "
           "a drop-in. Call to book a time and we ring you back.",
      cats="tech help; smartphone class", acts=["learning.digital"],
      days="By appointment", start="", end="", who_for="Adults", delivery="Phone",
      join="Call to book a call-back", checked="09/07/2026"),
    a(slug="steady-steps-online-chair-yoga", org="steady_steps", name="Online Chair Yoga",
      desc="Our chair yoga class on video, for people who prefer to exercise at home. The "
           "teacher can see you (if you are happy to be seen) and offers easier versions of "
           "every move. All you need is a sturdy chair and a phone, tablet or computer.",
      cats="chair yoga", acts=["moving_more.gentle"], days="Tuesdays", start="10:00",
      end="10:45", min_age="60", who_for="60+", delivery="Online",
      join="Email for the link", checked="02/08/2026"),
    a(slug="rainbow-connect-online", org="rainbow_connect", name="Rainbow Connect",
      desc="An online social space for LGBTQ+ young people aged 16 to 25, run by youth workers. "
           "Games, chat and the occasional guest, in a safe and moderated group. Your first "
           "session starts with a quick one-to-one call so you know what to expect.",
      cats="LGBTQ+ group; youth group", acts=["social.culture_faith", "family_youth.youth_clubs"],
      days="Thursdays", start="18:00", end="19:30", min_age="16", max_age="25",
      who_for="LGBTQ+ young people 16-25", delivery="Online",
      join="Sign up by email for a welcome call", checked="21/08/2026"),
    # ------------------------------------------------------------ just over the border
    a(slug="archway-carers-circle", org="archway_carers", name="Archway Carers' Circle",
      desc="A monthly morning for carers from Dartmouth Park, Highgate and Archway, just over "
           "the border in Islington. Share a coffee, swap tips and hear from a visiting "
           "speaker on things like benefits or respite. Camden and Islington carers are both "
           "welcome.",
      cats="carers group", acts=["peer_support.carers"], venue="whittington",
      days="3rd Monday", start="10:30", end="12:30", who_for="Unpaid carers",
      access="Step-free; accessible toilet", join="Just turn up", checked="14/09/2026"),
    a(slug="parkhurst-road-pottery", org="parkhurst_pottery", name="Pottery for Wellbeing",
      desc="A calm pottery class in a converted church just over the Camden border on "
           "Parkhurst Road. Learn to hand-build and throw on the wheel in a small group, with "
           "a tutor who runs the class with wellbeing in mind. Clay and firing are included.",
      cats="pottery; ceramics", acts=["creative.art_craft"], venue="iaf",
      days="Wednesdays", start="13:00", end="15:30", cost="£6 (£3 concessions)",
      who_for="Adults", access="Step-free ground floor studio; accessible toilet",
      join="Book by phone or email", checked="01/09/2026"),
    a(slug="holloway-farm-mornings", org="farm_mornings", name="Farm Mornings for Adults",
      desc="Relaxed mornings at a city farm in Holloway, caring for the animals and helping "
           "in the garden with a small, supportive group. Many people come through a link "
           "worker or GP; you can also just ask. Wear clothes you don't mind getting dirty.",
      cats="city farm; animal care", acts=["nature.animals_farms"], venue="freightliners",
      days="Tuesdays", start="10:00", end="12:30", who_for="Adults",
      access="Mostly step-free; some gravel; accessible toilet",
      join="Call or email, or ask your link worker to refer you", checked="26/06/2026"),
    a(delivery="",
      slug="foley-street-friendship-club", org="foley_social", name="Friendship Club",
      desc="A weekly afternoon of tea, bingo, cards and chat for older people from Fitzrovia "
           "on both sides of the Camden and Westminster border. Volunteers welcome newcomers "
           "and there are regular outings in the summer.",
      cats="social club; bingo", acts=["social.drop_in_chat", "social.games_quizzes"],
      venue="fitz_cc", days="Thursdays", start="13:00", end="15:30", cost="£1",
      min_age="60", who_for="Over 60s",
      access="Step-free; accessible toilet; hearing loop", join="Just turn up",
      checked="11/07/2025"),
    a(slug="marylebone-memory-singers", org="marylebone_singers",
      name="Marylebone Memory Singers",
      desc="A monthly singing afternoon for people living with dementia and the people who "
           "care for them, with well-loved songs, warm-up games and tea. No singing "
           "experience needed. It is a joyful couple of hours for everyone.",
      cats="singing; choir", acts=["creative.singing_music"], venue="st_marylebone",
      days="2nd Wednesday", start="14:00", end="15:30", min_age="",
      who_for="People living with dementia and their carers",
      access="Step-free side entrance; accessible toilet; dementia friendly",
      join="Just turn up", checked="07/10/2026"),
    a(slug="regents-park-nordic-walking", org="nordic_nw1", name="Regent's Park Nordic Walking",
      desc="Nordic walking with poles around Regent's Park, a little faster than a stroll and "
           "a good all-body workout. Poles are provided and the first session includes a short "
           "lesson in technique. Flat paths all the way.",
      cats="nordic walking", acts=["moving_more.walking"], venue="regents_park",
      days="Sundays", start="09:30", end="10:30", cost="£5", who_for="Adults",
      access="Step-free flat paths; toilets at the café", join="Book by email",
      checked="16/08/2026"),
    a(slug="kilburn-matinee-club", org="kiln_matinee", name="Kilburn Matinee Club",
      desc="A weekly film matinee with tea and biscuits, followed by a chat about the film "
           "for those who want to stay. Films are a mix of classics and new releases, shown "
           "with subtitles and the lights not fully down.",
      cats="film club", acts=["creative.performance"], venue="kiln",
      days="Mondays", start="13:30", end="16:00", cost="£3 including tea", min_age="",
      who_for="Anyone free on a weekday afternoon; most come for the company",
      access="Step-free; lift; accessible toilet; hearing loop; subtitled screenings",
      join="Pay on the door", checked="04/10/2026"),
    a(slug="south-kilburn-cook-and-eat", org="cook_and_eat", name="Cook and Eat",
      desc="Cook a simple, healthy meal together with a chef, then sit down and eat it. You "
           "learn recipes that are cheap to make and take some home to try. Everything is "
           "pay what you can.",
      cats="cook and eat; community meal", acts=["learning.cooking", "social.lunch_clubs"],
      venue="granville", days="Wednesdays", start="11:00", end="14:00",
      cost="Pay what you can", who_for="Adults",
      access="Step-free; accessible toilet", join="Just turn up", checked="23/09/2026"),
    a(slug="queens-park-jog-and-walk", org="queens_park_joggers",
      name="Queen's Park Jog and Walk",
      desc="A Saturday morning group that mixes walking and jogging laps of Queen's Park, "
           "so you can go at your own pace and build up over time. Everyone finishes "
           "together with a coffee.",
      cats="jogging; running club", acts=["moving_more.running_cycling"],
      venue="queens_park", days="Saturdays", start="09:00", end="10:00", min_age="",
      who_for="Adults; older children can come with a parent",
      access="Step-free flat paths; toilets at the café", join="Just turn up",
      checked="12/06/2026"),
    a(slug="childs-hill-conversation-cafe", org="childs_hill_cafe",
      name="Childs Hill Conversation Café",
      desc="A conversation café for people new to the UK who want to practise English and "
           "make friends. Volunteers chat with you in small groups and can help with things "
           "like registering with a GP. Bring your children if you need to.",
      cats="conversation club; language cafe; drop-in",
      acts=["learning.english_languages", "social.drop_in_chat"], venue="childs_hill",
      days="Tuesdays", start="10:30", end="12:00", who_for="Adults new to the UK",
      languages="English; Arabic; Farsi", access="Step-free; accessible toilet",
      join="Just turn up", checked="01/10/2026"),
    # ------------------------------------------------------------ more practical help
    a(slug="home-fix-camden", org="home_fix", name="Home Fix Handyperson Service",
      desc="Small repairs and safety jobs in your home by a vetted handyperson: fitting grab "
           "rails, fixing locks, putting up curtains, changing smoke alarm batteries. Labour "
           "is free; you only pay for materials. Call and we will arrange a visit.",
      cats="handyperson; home repairs", acts=["practical_help.home_support"],
      days="Mon-Fri", start="09:00", end="17:00", min_age="60",
      who_for="Over 60s and disabled people living in Camden", delivery="Home visits",
      join="Call to book a visit", cost="Free (you pay for materials)",
      checked="17/10/2026"),
    a(slug="somers-town-community-fridge", org="somers_fridge",
      name="Somers Town Community Fridge",
      desc="Free surplus food from local shops and cafés, shared with anyone who needs it; "
           "no questions asked and no referral needed. Take what you will use. Volunteers are "
           "happy to chat and can tell you about other support nearby.",
      cats="community fridge; surplus food", acts=["practical_help.food_support"],
      venue="somers_cc", days="Tue & Fri", start="15:00", end="17:00", min_age="",
      who_for="Everyone", languages="English; Bengali",
      access="Step-free", join="Just turn up", coords=False, checked="20/10/2026"),
    a(slug="women-into-work-gospel-oak", org="women_into_work", name="Women into Work",
      desc="Support for women who want to get into work, training or volunteering, at their "
           "own pace. There is help with CVs and applications, confidence sessions and a "
           "friendly group. A crèche is available, and sessions run in English and Somali.",
      cats="employment support; CV help", acts=["practical_help.work_support"], venue="qc_cc",
      days="Tuesdays", start="10:00", end="12:00", who_for="Women only",
      languages="English; Somali", access="Step-free; crèche",
      join="Just turn up or call", checked="08/10/2026"),
    a(slug="hampstead-pension-credit-clinic", org="pension_clinic",
      name="Pension Credit and Attendance Allowance Clinic",
      desc="Many older people miss out on Pension Credit and Attendance Allowance. Book a "
           "free appointment and an adviser will check what you can claim and fill in the "
           "forms with you. Home visits are possible if you cannot get out.",
      cats="benefit check; benefits advice", acts=["practical_help.money_advice"],
      venue="hampstead_cc", days="Thursdays by appointment", start="10:00", end="13:00",
      min_age="", who_for="People over State Pension age (66+)",
      access="Step-free; accessible toilet", join="Call to book",
      checked="14/10/2026"),
    a(slug="euston-welcome-desk", org="euston_welcome", name="Euston Welcome Desk",
      desc="A weekly welcome desk for refugees and people seeking asylum, with immigration "
           "advice by appointment, help registering with a GP, English class places and warm "
           "clothes. Interpreters are there for Arabic, Tigrinya, Farsi and French. The crypt "
           "has steps; tell us if you need to meet upstairs.",
      cats="asylum advice; immigration advice", acts=["practical_help.legal_immigration"],
      venue="st_pancras_crypt", days="Mondays", start="14:00", end="17:00",
      who_for="Refugees and people seeking asylum",
      languages="English; Arabic; Tigrinya; Farsi; French",
      access="Not step-free: steps down to the crypt, no lift; we can meet at street level",
      join="Just turn up", checked="22/10/2026"),
    a(slug="avenue-road-debt-advice", org="avenue_debt", name="Evening Debt Advice",
      desc="Debt advice in the evening for people who work during the day. Trained advisers "
           "help you list your debts, work out a budget and deal with creditors, bailiffs or "
           "court letters. Free and confidential.",
      cats="debt advice", acts=["practical_help.money_advice"], venue="sc_lib",
      days="Tuesday evenings", start="17:30", end="19:30", who_for="Adults",
      access="Step-free; private room", join="Drop in or book by email",
      checked="03/02/2025"),
    a(slug="kilburn-50-plus-work-club", org="kilburn_50plus", name="50+ Work Club",
      desc="For people over 50 who want to get back into work or change career. A work coach "
           "runs a small group with job search, CV and interview help and talks from local "
           "employers. There is no pressure and plenty of encouragement.",
      cats="job club; careers advice", acts=["practical_help.work_support"], venue="kingsgate",
      days="Wednesdays", start="10:00", end="12:30", min_age="50", who_for="People 50+",
      access="Step-free; accessible toilet", join="Just turn up", checked="06/09/2026"),
    a(slug="holborn-work-rights-clinic", org="holborn_rights", name="Work Rights Clinic",
      desc="Free employment law advice if you have a problem at work: unpaid wages, unfair "
           "dismissal, discrimination or sick pay. Volunteer lawyers see people by appointment "
           "on the first Tuesday evening of each month.",
      cats="employment law; legal advice", acts=["practical_help.legal_immigration"],
      venue="hol_lib", days="1st Tuesday", start="18:00", end="20:00", who_for="Adults",
      access="Step-free; lift; private room", join="Book by email",
      checked="12/09/2026"),
    a(slug="west-hampstead-housing-surgery", org="west_end_housing",
      name="Housing and Benefits Surgery",
      desc="A weekly advice surgery in West Hampstead Library for anyone worried about their "
           "home or their income: rent arrears, disrepair, overcrowding, Universal Credit or "
           "housing benefit. An adviser sees people one at a time in a private room. Bring "
           "your tenancy agreement and any letters.",
      cats="housing advice; benefits advice",
      acts=["practical_help.housing_advice", "practical_help.money_advice"], venue="wh_lib",
      days="Thursdays", start="14:00", end="17:00", who_for="Adults",
      access="Step-free; private room; accessible toilet",
      join="Drop in; arrive before 16:30", checked="22/10/2026"),
    a(slug="bloomsbury-food-bank", org="bloomsbury_food", name="Bloomsbury Saturday Food Bank",
      desc="Food parcels every Saturday morning from the church crypt, with fresh bread, fruit "
           "and toiletries when we have them. You do not need a voucher for your first visit; "
           "a volunteer will have a quiet chat with you about other help that might be useful. "
           "There is a warm drink while you wait.",
      cats="food bank; food parcel", acts=["practical_help.food_support"], venue="st_georges",
      days="Saturdays", start="11:00", end="13:00", min_age="", who_for="Anyone who needs it",
      access="Lift to the crypt; accessible toilet",
      join="Just turn up", checked="31/10/2026"),
    # ------------------------------------------------------------ more groups and activities
    a(slug="lido-winter-swimmers", org="lido_swimmers", name="Lido Winter Swimmers",
      desc="A friendly group of all-year-round swimmers at the unheated Lido. Newcomers are "
           "shown how to start safely with short dips and build up. Hot drinks and a lot of "
           "laughter afterwards. Talk to your GP first if you have a heart condition.",
      cats="lido; wild swimming", acts=["moving_more.swimming", "nature.water"], venue="lido",
      days="Sundays", start="08:00", end="09:00", cost="£4.50 (£2.70 concessions)",
      who_for="Adults who can swim",
      access="Step-free to the poolside; pool hoist on request; cold water",
      join="Pay at the Lido and ask for the group", checked="14/06/2024"),
    a(slug="talacre-wheelchair-basketball", org="talacre_wheels",
      name="Wheelchair Basketball",
      desc="Fast, fun wheelchair basketball for disabled and non-disabled players together. "
           "Sports wheelchairs are provided and coaches teach the basics. You do not need to "
           "be a wheelchair user to join in.",
      cats="adapted sport; basketball", acts=["moving_more.sport"], venue="talacre",
      days="Thursdays", start="18:00", end="19:30", cost="£2", min_age="12",
      who_for="Anyone 12+, disabled and non-disabled",
      access="Step-free; accessible changing rooms; sports wheelchairs provided",
      join="Just turn up", checked="20/08/2026"),
    a(slug="castlehaven-recovery-cafe", org="recovery_cafe", name="Friday Recovery Café",
      desc="An alcohol- and drug-free Friday evening café for people in recovery and their "
           "friends and families. There is food, music, games and people who have been there "
           "and understand. Peer mentors are around if you want to talk.",
      cats="recovery cafe; sober group", acts=["peer_support.recovery"], venue="castlehaven",
      days="Fridays", start="18:00", end="20:00", who_for="Adults in recovery, and family",
      access="Step-free; accessible toilet", join="Just turn up", checked="10/10/2026"),
    a(slug="camden-young-carers-club", org="young_carers", name="Young Carers' Club",
      desc="A Saturday club for young people who look after someone at home: a parent, "
           "brother, sister or grandparent. A break to have fun, try new things, go on trips "
           "and meet others in the same boat. Youth workers can also help at school if you "
           "want them to.",
      cats="young carers group; youth club",
      acts=["peer_support.carers", "family_youth.youth_clubs"], venue="hn_cc",
      days="Saturdays", start="11:00", end="13:00", min_age="8", max_age="17",
      who_for="Young carers 8-17", access="Step-free; accessible toilet",
      join="Call for a chat first; families can self-refer", checked="15/10/2026"),
    a(slug="heath-hands-conservation", org="heath_volunteers",
      name="Heath Conservation Volunteers",
      desc="Practical conservation on Hampstead Heath: coppicing, hedge-laying, clearing "
           "ponds and planting. Work is outdoors with tools and training provided, and you "
           "can do as much or as little as you like. Bring lunch; we provide tea.",
      cats="conservation; tree planting", acts=["nature.conservation"], venue="ph_fields",
      days="Sundays", start="10:00", end="13:00", min_age="16",
      who_for="Anyone 16+",
      access="Not step-free: rough ground and slopes; toilets by the café",
      join="Email to register before your first session", checked="29/07/2026"),
    a(slug="mindful-steps-belsize", org="mindful_steps", name="Mindful Walking",
      desc="A slow, mindful walk from Belsize Park onto the Heath, noticing sounds, colours "
           "and your breath. It is quiet and unhurried, with a short sitting meditation at the "
           "end. Good for anyone who feels stressed or finds it hard to switch off.",
      cats="mindfulness; nature walk", acts=["calm.mindfulness", "nature.nature_time"],
      venue="belsize_lib", days="Saturdays", start="09:30", end="10:30",
      who_for="Adults", access="Pavements then grass paths; gentle slopes",
      join="Just turn up", checked="04/07/2026"),
    a(slug="nw5-reading-buddies", org="reading_buddies", name="Reading Buddies",
      desc="Volunteer to read with children at the library after school, once a week. Older "
           "volunteers and children both say it is the highlight of their week. You will be "
           "trained and need a DBS check, which we arrange and pay for.",
      cats="intergenerational; volunteering",
      acts=["social.intergenerational", "giving.volunteering"], venue="kt_lib",
      days="Wednesdays", start="15:30", end="16:30", who_for="Adults who would like to "
                                                            "volunteer",
      access="Step-free; lift; accessible toilet", join="Call or email to apply",
      coords=False, checked="11/09/2026"),
    a(slug="patient-voice-camden", org="patient_voice", name="Patient Voice Camden",
      desc="Have your say on local health and care services. Members meet monthly to hear "
           "from NHS and council staff, share experiences and suggest improvements. Join in "
           "person at the Town Hall or on a video call. No experience needed.",
      cats="giving.community_action", acts=["giving.community_action"], venue="town_hall",
      days="1st Wednesday", start="18:00", end="19:30", who_for="Anyone who lives or uses "
                                                                "services in Camden",
      delivery="In person; Online",
      access="Step-free; hearing loop; BSL interpreter on request",
      join="Email to join the mailing list", checked="09/10/2026"),
    a(slug="somers-town-listening-space", org="listening_space", name="Listening Space",
      desc="Free one-to-one sessions with a trained listener when things feel too much: "
           "worries, loss, stress or loneliness. It is not therapy, but a chance to be heard "
           "without judgement for up to six weekly sessions. Sessions in Bengali are "
           "available.",
      cats="listening service; talk to someone", acts=["calm.listening"], venue="somers_cc",
      days="By appointment", start="", end="", who_for="Adults",
      languages="English; Bengali", access="Step-free; private room",
      join="Call or email to book", checked="27/08/2026"),
    a(slug="primrose-bumps-and-babies", org="bumps_yoga", name="Bumps and Babies Yoga",
      desc="Gentle yoga for pregnancy and for new parents with babies up to crawling age, "
           "followed by tea and chat. It is a calm way to look after yourself and meet other "
           "local parents. Mats are provided; bring a blanket for your baby.",
      cats="gentle yoga; postnatal group", acts=["moving_more.gentle", "peer_support.parents"],
      venue="ph_cc", days="Wednesdays", start="10:00", end="11:00", cost="£5 (£2 concessions)",
      who_for="Pregnant people and parents of babies",
      access="Step-free; baby changing", join="Book by email", checked="01/09/2026"),
    a(slug="anatolia-womens-tea", org="anatolia_tea",
      name="Turkish and Kurdish Women's Tea Afternoon",
      desc="A monthly Sunday afternoon for Turkish- and Kurdish-speaking women to share tea, "
           "food and conversation. There is music, sometimes dancing, and information about "
           "local services in your own language.",
      cats="social.culture_faith", acts=["social.culture_faith"], venue="castlehaven",
      days="2nd Sunday", start="14:00", end="17:00", who_for="Women only",
      languages="Turkish; Kurdish; English", access="Step-free; accessible toilet",
      join="Just turn up", email="merhaba", checked="20/08/2025"),
    a(slug="latin-american-elders-lunch", org="latin_elders", name="Latin American Elders Lunch",
      desc="A monthly lunch for older Spanish- and Portuguese-speaking people, with home "
           "cooking, music and dancing. There is help with letters and appointments from "
           "bilingual volunteers. Family members are welcome too.",
      cats="lunch club; social.culture_faith",
      acts=["social.lunch_clubs", "social.culture_faith"], venue="st_pancras_crypt",
      days="last Saturday", start="12:30", end="15:00", cost="£3", min_age="",
      who_for="Over 55s from Latin American communities",
      languages="Spanish; Portuguese; English",
      access="Not step-free: steps down to the crypt, no lift", join="Just turn up",
      email="hola", checked="05/10/2026"),
    a(slug="kentish-town-diabetes-group-sessions", org="diabetes_group",
      name="Diabetes Group Sessions",
      desc="Group sessions for people with type 2 diabetes, led by a practice nurse with a "
           "health coach. You learn from each other as much as from the nurse, and your "
           "review can be done in the same session. Ask at your GP practice or your link "
           "worker to book you in.",
      cats="group consultation; diabetes group session",
      acts=["peer_support.group_consultations"], venue="kt_health",
      days="3rd Thursday", start="14:00", end="16:00", who_for="Adults with type 2 diabetes",
      access="Step-free; accessible toilet; hearing loop",
      join="Referral from your GP practice or link worker", checked="30/10/2026"),
    a(slug="camden-deaf-social", org="deaf_social", name="Camden Deaf Social",
      desc="A monthly Friday evening social for Deaf and hard of hearing people, held in BSL. "
           "Hearing people who sign, or are learning, are welcome. Good food, drinks and "
           "great conversation in a café with good lighting.",
      cats="social club; language group", acts=["social.drop_in_chat", "social.culture_faith"],
      venue="lumen", days="last friday", start="18:00", end="21:00",
      who_for="Deaf and hard of hearing people, and BSL users",
      languages="BSL; English", access="Step-free; BSL; good lighting; accessible toilet",
      join="Just turn up", phone="", checked="12/10/2026"),
    a(slug="learn-to-ride-camden", org="learn_to_ride", name="Learn to Ride for Adults",
      desc="Never learned to ride a bike, or lost your confidence? Qualified instructors teach "
           "adults in a traffic-free space, with bikes and helmets provided. Most people are "
           "pedalling by the end of the first session.",
      cats="learn to ride; cycling", acts=["moving_more.running_cycling"], venue="talacre",
      days="Sundays", start="10:00", end="12:00", who_for="Adults",
      access="Step-free; adapted bikes can be booked", join="Book by email",
      blank_id=True, checked="18/10/2026"),
    a(slug="crowndale-art-group", org="crowndale_art", name="Drop-in Art Group",
      desc="A relaxed drop-in for anyone who likes to draw or paint, or wants to start. An "
           "artist sets a simple theme each week and materials are provided. Lots of people "
           "come for the quiet company as much as the art.",
      cats="drawing; art class", acts=["creative.art_craft"], venue="ct_lib",
      days="Mondays", start="14:00", end="16:00", who_for="Adults",
      access="Step-free; accessible toilet; quiet room", join="Just turn up",
      checked="25/08/2026"),
    a(slug="gospel-oak-volunteer-gardeners", org="grafton_growers",
      name="Estate Gardening Volunteers",
      desc="Help keep the shared gardens on the Gospel Oak estates green and growing: "
           "planting bulbs, weeding, and looking after the fruit trees. It is a good way to "
           "meet neighbours and get some fresh air. All tools provided.",
      cats="gardening; volunteer", acts=["nature.gardening", "giving.volunteering"],
      venue="qc_cc", days="Thursdays", start="14:00", end="16:00", who_for="Adults",
      access="Step-free paths; some raised beds", join="Meet at the community centre",
      checked="2026-09-15"),
    a(slug="swiss-cottage-aqua-for-arthritis", org="grafton_swimmers",
      name="Aqua Class for Joint Pain",
      desc="A warm-water exercise class for people with arthritis, back pain or joint "
           "replacements. Movements are slow and gentle and the instructor shows easier "
           "options. Steps and a hoist help you into the pool.",
      cats="hydrotherapy; aqua aerobics", acts=["moving_more.swimming"], venue="sc_leisure",
      days="Fridays", start="14:00", end="14:45", cost="£4 (£2 concessions)",
      who_for="Adults with joint pain", access="Pool hoist; step-free; accessible changing",
      join="Pay at reception", checked="2026-10-02"),
    a(slug="west-hampstead-library-conversation", org="open_door_english",
      name="English Conversation at West Hampstead",
      desc="A friendly morning of English conversation in the library for people who want "
           "more confidence speaking. Small groups, everyday topics, and plenty of tea.",
      cats="English conversation", acts=["learning.english_languages"], venue="wh_lib",
      days="Mondays", start="10:30", end="12:00", who_for="Adults learning English",
      access="Step-free; accessible toilet", join="Just turn up", checked="2026-08-20"),
    a(slug="primrose-hill-quiz", org="sharpleshall_readers", name="Library Quiz Afternoon",
      desc="A weekly quiz afternoon in the community library, with a different quizmaster "
           "each week. Teams of up to six; if you come alone we will find you a team. Tea, "
           "cake and terrible prizes.",
      cats="quiz", acts=["social.games_quizzes"], venue="ph_lib", days="Fridays",
      start="14:00", end="16:00", cost="£2", who_for="Adults",
      access="Step-free; accessible toilet", join="Just turn up", checked="12/10/2026"),
    a(slug="highgate-newtown-seated-exercise", org="steady_steps",
      name="Seated Exercise at Highgate Newtown",
      desc="A cheerful seated exercise class with music, to get the blood flowing and keep "
           "joints moving. Everything can be done from a chair. Stay for tea afterwards.",
      cats="seated exercise", acts=["moving_more.gentle"], venue="hn_cc", days="Tuesdays",
      start="11:00", end="11:45", cost="£2", min_age="60", who_for="Over 60s",
      access="Step-free; accessible toilet; chairs with arms", join="Just turn up",
      checked="19/10/2026"),
]

# Rows copied (with changes) to the end of assets-with-errors.csv for the import tests.
BROKEN_ROWS = (
    (10, {"start_time": "25:99"}),  # not a time
    (11, {"name": ""}),  # no name
)


# ------------------------------------------------------------------------------- building


def service_id(slug: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{NAMESPACE}/service/{slug}"))


def phone_numbers() -> dict[str, str]:
    """One number per organisation, in order of first appearance, from 020 7946 0100 up."""
    numbers: dict[str, str] = {}
    for record in RECORDS:
        if record["org"] not in numbers:
            numbers[record["org"]] = f"020 7946 0{100 + len(numbers):03d}"
    return numbers


def to_row(record: dict[str, Any], phones: dict[str, str]) -> dict[str, str]:
    """The spreadsheet row for one record."""
    org_name, domain = ORGS[record["org"]]
    venue = VENUES[record["venue"]] if record["venue"] else None
    row = dict.fromkeys(COLUMNS, "")
    row.update({
        "id": "" if record["blank_id"] else service_id(record["slug"]),
        "name": record["name"],
        "organisation": org_name,
        "description": record["desc"],
        "categories": record["cats"],
        "days": record["days"],
        "start_time": record["start"],
        "end_time": record["end"],
        "cost": record["cost"],
        "min_age": record["min_age"],
        "max_age": record["max_age"],
        "who_for": record["who_for"],
        "languages": record["languages"],
        "accessibility": record.get("access", ""),
        "how_to_join": record["join"],
        "delivery": record["delivery"],
        "contact_phone": phones[record["org"]] if record["phone"] == "auto" else record["phone"],
        "contact_email": f"{record['email']}@{domain}.example.org" if record["email"] else "",
        "website": {"https": f"https://{domain}.example.org", "www": f"www.{domain}.example.org",
                    "": ""}[record["web"]],
        "status": record["status"],
        "last_checked": record["checked"],
    })
    if venue is not None:
        row.update({"venue_name": venue.name, "address": venue.address,
                    "postcode": venue.postcode})
        if record["coords"]:
            row.update({"latitude": f"{venue.lat:.4f}", "longitude": f"{venue.lon:.4f}"})
    return row


def write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def cross_border_markdown(rows: list[dict[str, str]]) -> str:
    """CROSS_BORDER.md: venues outside Camden, and groups other boroughs also list."""
    lines = [
        "# Cross-border and shared entries in the Camden demo feed",
        "",
        "Generated by `make_demo_data.py` (do not edit by hand).",
        "",
        "People do not stop at borough boundaries, and neither do link workers' referrals.",
        "These rows of `assets.csv` meet at a venue just over Camden's boundary; the",
        "directory should show them to Camden residents by distance, not drop them.",
        "",
        "| Row | Activity | Venue | Postcode | Borough |",
        "|---|---|---|---|---|",
    ]
    for number, (record, row) in enumerate(zip(RECORDS, rows, strict=True), start=2):
        venue = VENUES[record["venue"]] if record["venue"] else None
        if venue is not None and venue.borough != "Camden":
            lines.append(f"| {number} | {row['name']} | {venue.name} | {venue.postcode} "
                         f"| {venue.borough} |")
    lines += [
        "",
        "## Groups other boroughs' directories also list",
        "",
        "The same real-world group is sometimes listed by two boroughs, with different",
        "wording and ids. Camden's feed has two of the four shared demo groups; a",
        "de-duplicator should match them on name, schedule and contact rather than id.",
        "",
        "| Row | Activity | Also listed by | How to recognise it |",
        "|---|---|---|---|",
    ]
    shared = {"grief-cafe-online": ("Lewisham", "online; last Thursday of the month "
                                                "19:00-20:30; free; 18+"),
              "carers-online-cuppa": ("Tower Hamlets", "online; Wednesdays 11:00-12:00; "
                                                       "free; unpaid carers")}
    for number, record in enumerate(RECORDS, start=2):
        if record["slug"] in shared:
            borough, how = shared[record["slug"]]
            lines.append(f"| {number} | {record['name']} | {borough} | {how} |")
    lines += [
        "",
        "The other two shared groups, Friendly Call London (Lewisham and Tower Hamlets) and",
        "Thames Side Strollers (Tower Hamlets and Lewisham), are not in Camden's feed.",
        "",
    ]
    return "\n".join(lines)


# ----------------------------------------------------------------------------- checking


def find_taxonomy() -> Path | None:
    """Linkwell's taxonomy file, in the repository's package folder, if present."""
    repo = HERE.parents[3]
    candidates = sorted((repo / "src" / "linkwell" / "taxonomy").glob("*.yaml"))
    for path in candidates:
        if path.is_file() and "activity_types" in path.read_text(encoding="utf-8"):
            return path
    return None


def activity_index(path: Path) -> tuple[set[str], dict[str, set[str]]]:
    """Activity-type concept ids, and each lower-cased label or synonym -> concept ids."""
    import yaml  # only needed for this check

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    concepts: set[str] = set()
    words: dict[str, set[str]] = {}
    for domain in data["activity_types"]:
        for child in domain.get("children", []):
            concepts.add(child["id"])
            for word in [child["label"], *child.get("synonyms", [])]:
                words.setdefault(word.lower(), set()).add(child["id"])
    return concepts, words


def check_records() -> list[str]:
    """Problems with the hand-written records (empty when all is well)."""
    problems: list[str] = []
    slugs = [r["slug"] for r in RECORDS]
    problems += [f"duplicate slug {s}" for s in sorted({s for s in slugs if slugs.count(s) > 1})]
    for record in RECORDS:
        if record["org"] not in ORGS:
            problems.append(f"{record['slug']}: unknown organisation {record['org']}")
        if record["venue"] and record["venue"] not in VENUES:
            problems.append(f"{record['slug']}: unknown venue {record['venue']}")
        if not 1 <= len(record["acts"]) <= 3:
            problems.append(f"{record['slug']}: needs 1-3 activity types")
        sentences = len(re.findall(r"[.!?](\s|$)", record["desc"]))
        if not 2 <= sentences <= 5:
            problems.append(f"{record['slug']}: description has {sentences} sentences")
    taxonomy = find_taxonomy()
    if taxonomy is None:
        print("taxonomy file not found: categories not checked", file=sys.stderr)
        return problems
    concepts, words = activity_index(taxonomy)
    for record in RECORDS:
        problems += _category_problems(record, concepts, words)
    return problems


def _category_problems(
    record: dict[str, Any], concepts: set[str], words: dict[str, set[str]]
) -> list[str]:
    """Each intended activity type must be reachable from the categories cell, and nothing else."""
    items = [item.strip().lower() for item in record["cats"].split(";") if item.strip()]
    reached: set[str] = set()
    for item in items:
        reached |= {item} & concepts
        reached |= words.get(item, set())
    problems = [f"{record['slug']}: {c} is not an activity type"
                for c in record["acts"] if c not in concepts]
    problems += [f"{record['slug']}: categories do not reach {c}"
                 for c in record["acts"] if c not in reached]
    problems += [f"{record['slug']}: categories also reach {c}"
                 for c in sorted(reached - set(record["acts"]))]
    return problems


def main() -> int:
    problems = check_records()
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    phones = phone_numbers()
    rows = [to_row(record, phones) for record in RECORDS]
    write_csv(HERE / "assets.csv", rows)
    broken = rows[:10] + [{**rows[index], **change} for index, change in BROKEN_ROWS]
    write_csv(HERE / "assets-with-errors.csv", broken)
    (HERE / "CROSS_BORDER.md").write_text(cross_border_markdown(rows), encoding="utf-8")
    print(f"wrote {len(rows)} rows to {HERE / 'assets.csv'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
