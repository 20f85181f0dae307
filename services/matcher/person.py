"""What a person's own words (or a link worker's note about them) say of them: their gender
and age, the children they speak of, the languages they need or speak, and whether they are
learning English. The request's own fields always win over these."""

from __future__ import annotations

import re

from linkwell.text import fold
from linkwell.vocab import CODES as LANGUAGE_NAMES

_NUMBERS = {w: n for n, w in enumerate("""zero one two three four five six seven eight nine ten
    eleven twelve thirteen fourteen fifteen sixteen seventeen""".split())}
_CHILD_WORDS = (r"(?:son|sons|daughter|daughters|kid|kids|child|children|boy|boys|girl|girls"
                r"|baby|babies|toddler|grandson|granddaughter|grandchild|grandchildren|little one"
                r"|teenager|twins)")
_AGE = r"(\d{1,2}|" + "|".join(_NUMBERS) + r")"
_CHILD_AGE = re.compile(
    rf"\b{_CHILD_WORDS} {_AGE}\b|\b(?:my|our|his|her|their|a) {_AGE} ?(?:year|yr|month|week)s?"
    rf" ?old\b"
    rf"|\b{_CHILD_WORDS}\b(?: \w+){{0,3}}? (?:is|aged|age|of) {_AGE}\b|\bmy {_AGE} ?(?:yo|y o)\b")
_HAS_CHILD = re.compile(rf"\b(?:my|our|his|her|their|the|a|2|two|three) (?:\w+ )?{_CHILD_WORDS}\b"
                        r"|\b(?:pregnant|expecting|mum of|dad of|mother of|father of|single parent"
                        r"|new parent|first time (?:mum|dad|parent))\b")
LEARNER = re.compile(r"\b(esol|my english|improve (?:my )?english|learn(?:ing)? english"
                      r"|english (?:is not|isnt|not) (?:my|very)|speak (?:a little|some|no) english"
                      r"|practi[sc]e (?:my )?english)\b")


_FIRST_PERSON = re.compile(r"\b(i|im|ive|id|ill|me|my|mine|myself)\b")
_TITLE = re.compile(r"\b(mr|mrs|ms|miss|mx)\b")
_SELF = re.compile(r"\b(?:i m|im|i am|as) (?:a |an )?(?:\w+ )?(man|woman|dad|mum|father"
                   r"|mother|widow|widower|grandad|grandma|granny|grandmother|grandfather|guy"
                   r"|bloke|lady)\b|\bfirst time (dad|mum|father|mother)\b")
_MEN = {"man", "dad", "father", "widower", "grandad", "grandfather", "guy", "bloke", "mr",
        "he", "him", "his", "gentleman", "male", "m"}
_WOMEN = {"woman", "mum", "mother", "widow", "grandma", "granny", "grandmother", "lady", "mrs",
          "ms", "miss", "she", "her", "hers", "female", "f"}
_OWN_AGE = re.compile(r"\b(?:i m|im|i am|aged|age|is|s) (\d{2})\b"
                      r"(?! (?:month|week|min|hour|km|mile))"
                      r"|\b(\d{2}) ?(?:yo|y o|years? old|yrs? old)\b"
                      r"|\b(?:mr|mrs|ms|miss|mx) \w+ (\d{2})\b|\b(\d{2}) ?(?:m|f)\b"
                      r"|\bin (?:my|his|her) (\d)0s\b")


def person_in(text: str) -> tuple[str | None, int | None]:
    """The gender and age a person's words give of them, where they say so plainly: "I'm a
    dad", "I'm 72"; or a link worker's note about them: "Mrs F, 84, lives alone"."""
    folded = fold(text)
    note = not _FIRST_PERSON.search(folded)  # written about the person, not by them
    said = _SELF.search(folded)
    cues = [g for g in (said.groups() if said else ()) if g]
    cues += _TITLE.findall(folded)
    if note:  # the pronouns and nouns a note uses of the person: "45 yo man", "67F"
        cues += [w for w in folded.split() if w in ("he", "him", "his", "she", "her", "hers",
                                                    "man", "woman", "male", "female",
                                                    "gentleman", "lady")]
        cues += re.findall(r"\b\d{2} ?(m|f)\b", folded)
    men, women = sum(c in _MEN for c in cues), sum(c in _WOMEN for c in cues)
    gender = "man" if men > women else "woman" if women > men else None
    age = None
    for match in _OWN_AGE.finditer(folded):
        if match.group(5):
            age = int(match.group(5)) * 10
        elif match.group(1) and not note and not re.match(r"(i m|im|i am)", match.group(0)):
            continue  # "my son is 12" is not the person's age
        else:
            age = int(next(g for g in match.groups() if g))
        break
    return gender, age if age is None or 16 <= age <= 110 else None


_LANGUAGE = r"(" + "|".join(sorted(map(re.escape, LANGUAGE_NAMES), key=len, reverse=True)) + r")"
_SPEAKS = re.compile(rf"\b(?:speaks?|speaking|speaker of|first language(?: is)?|mother tongue"
                     rf"(?: is)?|in|prefers?) {_LANGUAGE}\b|\b{_LANGUAGE} (?:speaker|speaking)\b")
_NEEDS = re.compile(rf"\b{_LANGUAGE} (?:interpreter|translator)\b|\b(?:only|just) speaks? "
                    rf"{_LANGUAGE}\b|\b(?:no|hardly any|not a word of|does not speak|doesnt speak"
                    r"|cannot speak|cant speak) english\b")


def languages_in(text: str) -> tuple[list[str], list[str]]:
    """The languages a person's words (or a note) say they need, and those they speak:
    "needs a Somali interpreter" is a need; "speaks Bengali" says what would suit."""
    folded = fold(text)
    spoken = [LANGUAGE_NAMES[g] for m in _SPEAKS.finditer(folded) for g in m.groups() if g]
    spoken = [code for code in dict.fromkeys(spoken) if code != "en"]
    needed: list[str] = []
    for match in _NEEDS.finditer(folded):
        named = [LANGUAGE_NAMES[g] for g in match.groups() if g]
        needed += named or spoken  # "limited English": what they speak instead
    return list(dict.fromkeys(needed)), list(dict.fromkeys([*spoken, *needed]))


def children_in(text: str) -> list[int] | None:
    """Ages of the children a person speaks of ([] for children of no stated age; None for
    none): "my 9-year-old", "our son is four months old", "grandson, 6"."""
    folded = fold(text)
    ages = []
    for match in _CHILD_AGE.finditer(folded):
        value = next(g for g in match.groups() if g)
        age = int(value) if value.isdigit() else _NUMBERS[value]
        tail = folded[match.end() - len(value):match.end() + 10]
        ages.append(0 if re.search(r"\b(month|week)s?\b", tail) else age)
    if ages:
        return sorted(set(a for a in ages if a <= 18)) or None
    return [] if _HAS_CHILD.search(folded) else None


# The people someone speaks of: family, partners, friends (the grammar of "my ...", not topics).
# Grown-ups close to someone: their condition makes the speaker, most often, their carer.
GROWN_UP_KIN = ("husband", "wife", "partner", "spouse", "mum", "mom", "mother", "dad", "father",
                "nan", "nana", "gran", "granny", "grandma", "grandad", "grandmother",
                "grandfather", "brother", "sister", "friend", "neighbour", "neighbor")
_KIN = "(?:{})s?".format("|".join((
    *GROWN_UP_KIN, "son", "daughter", "child", "children", "kid", "kids", "boy", "girl", "baby",
    "toddler", "teenager", "grandson", "granddaughter", "grandchild", "grandchildren", "grandpa",
    "aunt", "uncle", "niece", "nephew", "flatmate", "fiance", "fiancee", "boyfriend",
    "girlfriend", "carer")))
# A clause whose subject is that other person: "my daughter's asthma is getting worse", "he
# has dementia" (in the person's own words; in a note "he" is the person), "her son is ...".
_OTHER_SUBJECT = re.compile(rf"^(?:\w+\s+){{0,2}}?(?:(?:my|our|his|her|their)\s+(?:\w+\s+)?"
                            rf"{_KIN}(?:\s+s)?\b(?!\s+(?:and\s+)?(?:i|me|we)\b))")
_PRONOUN_SUBJECT = re.compile(r"^(?:\w+\s+){0,1}?(?:he|she|they)\b(?!\s+(?:say|said|says|told"
                              r"|think|thinks|reckon))")
# Words about that person inside the speaker's clause: "my son who has complex needs",
# "my husband with Alzheimer's", "my wife, who has MS".
_OTHER_TAIL = re.compile(rf"\b(?:my|our|his|her|their)\s+(?:\w+\s+)?{_KIN}\s+"
                         r"((?:who|whos|with|has|had|is|was|s)\b.*)$")
# A phrase naming a relation ("since my wife passed", "look after my husband") is the speaker's.
RELATION = re.compile(rf"\b(?:my|our|his|her|their|{_KIN})\b")
_SPEAKER = re.compile(r"\b(?:i|im|ive|id|ill|me|myself|we|us)\b")
# Someone close reporting or feeling something about the person: "Daughter worried he has
# stopped going out", "son says dad is struggling", "my wife thinks I drink too much". The
# feeling and the saying are theirs; what they report is about the person.
_REPORTER = re.compile(
    rf"(?:^|(?<=[.!?;:\n,]))\s*(?:(?:my|our|his|her|their|the|a|an)\s+)?(?:\w+\s+)?{_KIN}"
    r"(?:\s+s)?\s+(?:(?:is|was|are|were|s|has been|have been|gets|got|getting|seems|feels)\s+)?"
    r"(?:(?:very|really|so|quite|a bit|getting|increasingly|more and more)\s+)?"
    r"(?:worried|worries|worry|concerned|anxious|scared|frightened|afraid|upset|says|said|say"
    r"|thinks|thought|think|feels|felt|reports|reported|reckons|reckon|believes|fears|feared"
    r"|notices|noticed|noticing|mentions|mentioned|tells|told|asks|asked)\b"
    r"(?:\s+(?:about|that|for|by|because))?", re.I)
_CLAUSE = re.compile(r"[.!?;:\n]+|,|\s[-–—]\s|\b(?:but|though|although|because|so)\b")


def without_reporters(text: str) -> str:
    """``text`` without what someone close feels or says in reporting about the person ("his
    daughter is worried that", "son says"): their worry is not the person's need, while what
    they report ("he has stopped going out", "I'm drinking too much") is the person's."""
    return _REPORTER.sub("", text or "")


def own_and_others(text: str) -> tuple[str, str]:
    """The person's words split into what they say of themselves and what they say of someone
    else they speak of: "I look after my husband, he has dementia" is a carer's need (theirs)
    and a condition (his). A note written about the person ("Mrs F, 84, has COPD") is all
    about the person, save what it says of their family ("her daughter has ...")."""
    note = not _FIRST_PERSON.search(fold(text).lower())
    own: list[str] = []
    others: list[str] = []
    for part in _CLAUSE.split(text or ""):
        clause = fold(part).lower().strip()
        if not clause:
            continue
        about_them = _OTHER_SUBJECT.search(clause) or (not note and _PRONOUN_SUBJECT.search(
            clause))
        if about_them and not _SPEAKER.search(clause):  # "since my wife passed I ...": theirs
            others.append(clause)
            continue
        tail = _OTHER_TAIL.search(clause)
        if tail and not _SPEAKER.search(tail.group(1)):
            others.append(tail.group(1))
            clause = clause[:tail.start(1)].strip()
        own.append(clause)
    return ". ".join(own), ". ".join(others)
