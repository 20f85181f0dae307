"""Every number the matcher ranks by, in one place.

A result's score is::

    score = fit × (1 − CONTEXT_SHARE + CONTEXT_SHARE × context) × audience

**fit** (0 to 1) says how well what the asset offers matches what matters to the person; an
asset that fits nothing scores 0 however close it is. It is the weighted mean (``CONCEPT``,
``TEXT``) of two factors:

- *concept*: the taxonomy concepts in the person's words, interests and needs against the
  asset's concepts; the best match counts whole and the second best ``SECOND_MATCH``. A match
  is worth its strength (the exact concept ``EXACT``; the asset more specific than a broad
  word ``BROADER``; only the parent in common ``PARENT``; found only in the asset's own words
  ``DETECTED`` for an untagged asset, ``ASIDE`` for a tagged one) times the weight of its
  source: what the person said or asked for ``SAID`` (a broad word in their story, such as
  "outdoors", ``BROAD_WORD``); advice for a money, housing or food need they named ``SAID``;
  any other activity type the taxonomy suggests for a need ``HINT_FIRST`` for its first
  suggestion, ``HINT_STEP`` less for each later one, never below ``HINT_FLOOR``. A need the
  person names of someone else ("my daughter's asthma", "he has dementia": ``person.py``)
  counts ``SOMEONE_ELSES`` and suggests nothing: a carers' or parents' group for it may help
  them, the singing group for memory or the lung group is for the one who has it.
- *text*: the person's own words in the asset's name (``NAME_WORD``) or description
  (``BODY_WORD``), each weighted by how rare it is among the candidates, saturating as
  ``s / (s + TEXT_SATURATION)``.

To that mean, *meaning* adds ``MEANING × meaning × (1 − concept)``: the cosine of the asset's
vector to the person's wanted words (``linkwell.semantic``), placed between the candidates'
median (or ``MEANING_FLOOR``) and the nearest candidate over a spread of at least
``MEANING_SPREAD``. When the person's words name no concept of their own ("I can't face
opening the post"), meaning is all there is to go on: it counts ``CONCEPT`` instead.
It finds what no concept names, and never reorders assets that meet the
same concept (a static embedding's figure there is mostly the length of the listing).
Words the person used to say what they do not want never count: the clauses that refuse
("I don't want some big group", "not one for gyms") are set apart first (``negation.py``).

**context** (0 to 1) says how practical it is for them: the weighted mean of the factors that
have something to go on (no location, no distance factor):

- *distance* (``DISTANCE``): halves every ``DISTANCE_HALF_KM`` (or half the person's maximum,
  if shorter) beyond ``DISTANCE_FREE_KM``; online, phone and home options count ``REMOTE``,
  or ``REMOTE_ASKED`` when the person asked for them.
- *schedule* (``SCHEDULE``): the share of the asset's best session when the person is free;
  monthly sessions count ``MONTHLY`` as much, no times listed ``NO_SCHEDULE``; half the weight
  when the times are guessed from words ("mornings are best").
- *group* (``GROUP``): collective experience first: peer support ``PEER``, other groups
  ``GROUP_ACTIVITY``, one-to-one help ``ONE_TO_ONE`` (the other way round when the person
  prefers not to join a group).
- *freshness* (``FRESHNESS``): 1 when confirmed within ``FRESH_MONTHS``, falling to 0.7 at a
  year; ``STALE`` after a year or with no date.
- *cost* (``COST``): free 1, low ``COST_LOW``, paid ``COST_PAID``, not stated ``COST_UNKNOWN``.
- *access* (``ACCESS``): when the person's words suggest stairs are hard, no step-free access
  stated counts ``ACCESS_UNSTATED``.

**audience** is 1 unless the asset is probably meant for someone else: a single-gender group
when the gender is not given, a young or older people's group (an age band from 50 or up
to 30) when the age is not and the words say nothing of it, a families' group
when no children were named, a home-visiting service from another borough (each
``UNSURE_AUDIENCE``); a community's or LGBTQ+ group the person's words do not point to (half
as much); a peer group tagged for an experience the person did not name, whose words say
nothing of who it is for (``NOT_THEIR_GROUP``): a tag alone is a guess (a wellbeing circle
tagged mental health peer support is open to anyone), so it costs less than a limit read from
the listing's own words (``NOT_THEIR_EXPERIENCE``, below).
A group meant for people like them (their words say "women only" or
"other gay people", or their age fits a young or older people's group) is ``OWN_AUDIENCE``.
The limits the directory read from a listing's words (``who.py``) count too: a group for an
experience the person did not name ``NOT_THEIR_EXPERIENCE``, another community's own group
``NOT_THEIR_COMMUNITY``, a family activity for someone who named no children
``NO_CHILDREN_NAMED``, a group aimed at (not limited to) others ``AIMED_AT_OTHERS``,
residents only where the person's area is unsure ``RESIDENTS_UNSURE``; an asset offering
what the person said they do not want ``AVOIDED``.
A venue further than the distance the person gave is multiplied by ``BEYOND_MAX`` as well, and
an asset whose listed times all fall outside the times the person gave (as ``availability``,
not guessed from their words) by ``OUTSIDE_TIMES``: shown, with a caution, but lower.

Requirements a listing does not say it meets (free, step-free) put it after the others,
marked ``check_first``. In a crisis only crisis, listening and safe-haven help follows the
urgent routes. The list is then made useful: the same asset listed by two feeds is shown once; after
``DIVERSITY_FREE`` picks of one activity type, each further pick of it multiplies a score by
``DIVERSITY``; and when money, housing or food needs come up, the best practical-help option
is kept in the list.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Weights:
    """The matcher's weights (see the module docstring for how they combine)."""

    # fit = (concept × CONCEPT + text × TEXT + meaning × MEANING) / (their sum)
    concept: float = 0.6
    text: float = 0.4
    meaning: float = 0.25
    # Meaning: a candidate's cosine placed between max(median, MEANING_FLOOR) (0) and the
    # nearest candidate's (1), over a spread of at least MEANING_SPREAD, raised to MEANING_POWER.
    meaning_floor: float = 0.05
    meaning_spread: float = 0.3
    meaning_power: float = 1.0
    # What the person said they do not want ("not a big group", "I'm not one for gyms").
    avoided: float = 0.5
    # Who a listing is for, read from its words (see who.py): a group for an experience the
    # person did not name, a community's own group, a family activity for someone who named
    # no children, a group aimed at (not limited to) others, residents only where the
    # person's area is not known.
    not_their_experience: float = 0.45
    not_their_community: float = 0.5
    no_children_named: float = 0.4
    aimed_at_others: float = 0.6
    residents_unsure: float = 0.85
    # Match strength by how the concepts relate.
    exact: float = 1.0
    broader: float = 0.8
    parent: float = 0.4
    detected: float = 0.75
    aside: float = 0.35
    second_match: float = 0.25
    # Weight by where the concept came from.
    said: float = 1.0
    broad_word: float = 0.4
    hint_first: float = 0.75
    hint_step: float = 0.08
    hint_floor: float = 0.4
    # A need the person names of someone else ("my daughter's asthma"), with no suggestions.
    someone_elses: float = 0.4
    # Text relevance.
    name_word: float = 1.0
    body_word: float = 0.6
    text_saturation: float = 1.0
    # score = fit × (1 − CONTEXT_SHARE + CONTEXT_SHARE × context)
    context_share: float = 0.6
    # Weights of the context factors.
    distance: float = 1.5
    schedule: float = 2.0
    group: float = 0.6
    freshness: float = 1.0
    cost: float = 0.3
    access: float = 0.6
    # Distance decay.
    distance_free_km: float = 0.5
    distance_half_km: float = 2.0
    remote: float = 0.55
    remote_asked: float = 0.9
    # Schedule.
    monthly: float = 0.85
    no_schedule: float = 0.6
    # Collective experience first.
    peer: float = 1.0
    group_activity: float = 0.85
    one_to_one: float = 0.45
    # Freshness.
    fresh_months: float = 6.0
    stale: float = 0.2
    # Cost preference.
    cost_low: float = 0.8
    cost_paid: float = 0.35
    cost_unknown: float = 0.6
    # Access when stairs seem hard.
    access_unstated: float = 0.35
    # Single-gender group, gender not given.
    unsure_audience: float = 0.6
    own_audience: float = 1.15
    # A listing in the language the person wrote in (or chose), when it is not English:
    # someone writing in Turkish may well need Turkish, so more than a language merely spoken.
    written_language: float = 1.4
    not_their_group: float = 0.75
    beyond_max: float = 0.7
    outside_times: float = 0.7
    # Diversity: each earlier pick of the same activity type multiplies a score by this.
    diversity: float = 0.85
    diversity_free: int = 2


WEIGHTS = Weights()
