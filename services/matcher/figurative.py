"""Words a person uses figuratively, told apart from the activities they name literally.

"We're all in the same boat" names no boating, "I've run out of money" no running club, and
"he spends all day in his chair" no money; read word by word, each names an activity or a
need the person never spoke of. English has a closed class of such sayings and turns of
phrase whose words are an activity's name (boat, run, walk, swim, sing, paint, spend, music,
garden, fish, dance), and this module knows them as sayings, not as topics: it takes the
figurative words out of what the person wants, and leaves every other word in place ("run
out of money" still says money; "running into debt" still says debt).

Only the figurative words go. A saying that can be meant literally is matched in the form
that cannot ("it's no walk in the park", not "a walk in the park"). The crisis reader never
sees this: it reads the story as typed, and keeps its own list of hyperbole.
"""

from __future__ import annotations

import re

_A = r"(?:'|’)?"  # an apostrophe, or none ("isn't", "isnt")
_POSSESSIVE = r"(?:my|his|her|their|our|your|the|a|an)"
_TIME = (r"(?:(?:all|the whole|most of the|half the|much of the|every|each) (?:day|night|morning"
         r"|afternoon|evening|week|weekend|time)s?|hours|days|evenings|nights|weekends|time|the "
         r"days?|(?:my|his|her|their|our|your) (?:days|time|evenings|weekends|life))")
# Each pattern's group ``f`` holds the figurative words: they are taken out, the rest kept.
SAYINGS = [re.compile(p, re.IGNORECASE) for p in (
    # boats and water
    r"\b(?P<f>(?:in|on) the same boat)\b",
    r"\b(?P<f>(?:rock|miss|push)(?:s|es|ed|ing)? the boat(?: out)?)\b",
    r"\b(?P<f>sink or swim)\b",
    r"\b(?P<f>swim(?:s|ming)? against the (?:tide|current))\b",
    r"\b(?P<f>in the swim of things)\b",
    # running
    r"\b(?P<f>r[au]n(?:s|ning)? (?:out|short|low)(?: of| on)?)\b",
    r"\b(?P<f>(?:feel|felt|feeling|feels|been|am|is|so|very|a bit|really|totally) run[- ]down)\b",
    r"\b(?P<f>run[- ]down)(?= (?:flat|estate|house|building|area|place|street|block))",
    r"\b(?P<f>r[au]n(?:s|ning)? late)\b",
    r"\b(?P<f>running on empty)\b",
    r"\b(?P<f>r[au]n(?:s|ning)? (?:into|up)) (?=(?:more |a lot of |some |big |lots of )?"
    r"(?:debts?|trouble|problems?|difficult(?:y|ies)|arrears|bills?|issues?))",
    r"\b(?P<f>r[au]n(?:s|ning)? (?:around|round) after)\b",
    r"\b(?P<f>r[au]n(?:s|ning)? (?:the|a|my|her|his|their) (?:house|home|household|family|risk))\b",
    r"\b(?P<f>up and running)\b",
    r"\b(?P<f>in the long run)\b",
    # walking
    rf"\b(?:no|not|isn{_A}t|wasn{_A}t|ain{_A}t|never|hardly) (?:(?:been |exactly |always "
    rf")?(?:a|an) )?(?P<f>(?:easy )?walk in the park)\b",
    r"\b(?P<f>walk(?:s|ed|ing)? (?:all over|out on)) ",
    r"\b(?P<f>walking on egg ?shells)\b",
    r"\b(?P<f>walk down memory lane)\b",
    # music, singing, dancing
    r"\b(?P<f>face the music)\b",
    r"\b(?P<f>music to (?:my|his|her|our|their|your) ears)\b",
    r"\b(?P<f>sing(?:s|ing)? from the same hymn ?sheet)\b",
    rf"\b(?P<f>sing(?:s|ing)? {_POSSESSIVE}? ?praises)\b",
    r"\b(?P<f>song and dance)\b",
    r"\b(?P<f>danc(?:e|es|ed|ing) (?:around|round) (?:the|it|the issue|the subject))\b",
    # art, gardens, fishing, food
    r"\b(?P<f>paint(?:s|ed|ing)? (?:a|the) (?:\w+ )?picture)\b",
    r"\b(?P<f>paint(?:ing)? the town red)\b",
    r"\b(?P<f>(?:led|lead|leading) (?:\w+ )?up the garden path)\b",
    r"\b(?P<f>garden variety)\b",
    r"\b(?P<f>fish(?:ing)? for (?:compliments|information|answers))\b",
    r"\b(?P<f>(?:a )?fish out of water)\b",
    r"\b(?P<f>food for thought)\b",
    # spending time, not money
    rf"\b(?P<f>sp(?:end|ends|ending|ent)) (?:(?:most of |nearly |almost |all of )?{_TIME})\b",
)]


def without_sayings(text: str) -> str:
    """``text`` with the figurative words of every saying it holds taken out."""
    for saying in SAYINGS:
        text = saying.sub(_drop_figure, text)
    return text


def _drop_figure(match: re.Match[str]) -> str:
    whole, start = match.group(0), match.start("f") - match.start()
    return whole[:start] + whole[start + len(match.group("f")):]
