"""Whether a person's own words suggest crisis or harm, and to whom: the safety concepts.

Why not the taxonomy's synonym lists alone: people rarely name a crisis the way a list
expects. They say it indirectly ("everyone would be better off without me"), in text-speak
("wanna kms"), misspelt ("sucidal"), run together ("killmyself"), in a link worker's third
person ("Pt disclosed thoughts of ending her life"), or halfway through a story about their
allotment; and the same words turn up in idioms ("my feet are killing me") and in harmless
mentions ("I volunteer with Samaritans"). A missed crisis costs far more than a route shown
needlessly, but a detector that fires on "dying to try salsa" soon stops being believed.

So detection is built from parts that generalise, not from a list of crisis sentences:

1. Normalise: contractions, a closed list of text-speak and abbreviations, words run
   together split against an English lexicon, and misspelt words mended by edit distance
   to the small vocabulary the patterns use (only words the lexicon does not know).
2. Mask idioms and hyperbole, a closed class ("dying to", "X is killing me").
3. Match patterns made of word classes over stems (a harm verb and a reflexive; an agent,
   an abuse verb and a victim; a wish and death; not eating and a duration; ...), plus
   the taxonomy's synonyms of the three safety-route concepts.
4. Decide whose safety it is: the victim ("me", "the patient", or a third party such as
   "my neighbour's kids"; a pronoun goes to the first fitting person mentioned) turns one
   finding into urgent help, safety at home, or worry about someone else.
5. Drop what is negated ("not suicidal"), past and resolved ("twenty years ago ... happy
   now"), accidental ("cut myself shaving"), or only a topic ("suicide prevention").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from functools import cache
from typing import NamedTuple

from linkwell.matcher import soundalike
from linkwell.matcher.crisis_words import (
    ABBREVIATION,
    ABBREVIATIONS,
    ACCIDENT,
    CLASSES,
    CONCEPTS,
    CONTRACTION,
    CONTRACTIONS,
    DIGIT_IN_WORD,
    FICTION,
    FIRST_PERSON,
    GENDERED_KIN,
    IDIOMS,
    LAUGHTER,
    NEGATORS,
    NOTES_SELF,
    NUMBER_WORDS,
    NUMBERS,
    PAST,
    PLURAL_KIN,
    PRONOUNS,
    REFLEXIVE_JOINS,
    REPORTED,
    RESOLVED,
    RULES,
    SENTENCES,
    SYNONYM_KINDS,
    TEXT_SPEAK,
    TOPIC_AFTER,
    TOPIC_BEFORE,
    TOPIC_WORDS,
    UNITS,
)
from linkwell.taxonomy import Taxonomy, load_taxonomy
from linkwell.text import STOP_WORDS, fold, stem


@cache
def _english() -> Mapping[str, int]:
    """An English word list with frequencies (pyspellchecker's), to tell known words apart.

    It keeps the mending honest: "hard" is a word and is never "mended" into "harm"; only
    tokens English does not know are split or corrected.
    """
    from linkwell.spelling import english_counts

    return english_counts()


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count one), or limit + 1 when larger."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], prev2[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
        prev2, prev = prev, row
    return prev[-1]


def mend(word: str) -> str:
    """The crisis word a misspelt token stands for ("sucidal" -> "suicidal"), else itself.

    Only for tokens English does not know. The first letter must match (people rarely get it
    wrong); one edit is allowed up to five letters, two beyond, and up to four letters only
    letters left out ("kil", but "cafe" is not "care"). Ties go to the word the typo leaves
    letters out of ("haming" is "harming", not "homing"), then to the commoner word.
    """
    if len(word) < 3 or not word.isalpha():
        return word
    if word in _english():
        return _swapped_from(word)
    limit, english = 1 if len(word) <= 5 else 2, _english()
    undoubled = re.sub(r"(.)\1+", r"\1", word)  # "diee": a letter typed twice
    best = min(((edit_distance(word, w, limit), not _omits(word, w), -english.get(w, 0), w)
                for w in vocabulary() if w[0] == word[0] and (
                    len(word) > 4 or _omits(word, w) or _omits(undoubled, w)
                    or _swaps(word, w))),
               default=(limit + 1, 0, 0, word))
    return best[3] if best[0] <= limit else word


# A real word read as the crisis word it is two letters swapped from ("overdoes" for
# "overdose") only when English uses that crisis word this many times as often.
REAL_WORD_SWAP_RATIO = 20


def _swapped_from(word: str) -> str:
    english, crisis = _english(), vocabulary()
    for i in range(len(word) - 1):
        other = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        if other != word and other in crisis and (
                english.get(other, 0) >= REAL_WORD_SWAP_RATIO * english.get(word, 0)):
            return other
    return word


def _swaps(typo: str, word: str) -> bool:
    """Whether ``typo`` is ``word`` with two neighbouring letters swapped ("lfie")."""
    if len(typo) != len(word):
        return False
    differ = [i for i, (a, b) in enumerate(zip(typo, word, strict=True)) if a != b]
    return (len(differ) == 2 and differ[1] == differ[0] + 1
            and typo[differ[0]] == word[differ[1]] and typo[differ[1]] == word[differ[0]])


def _omits(typo: str, word: str) -> bool:
    letters = iter(word)
    return all(ch in letters for ch in typo)


def split_run_together(word: str) -> list[str]:
    """"iwanttodie" -> ["i", "want", "to", "die"] when every piece is a common word and one
    is a crisis word; otherwise [word]. Known words ("therapist") are never split."""
    english, crisis = _english(), vocabulary()
    if len(word) < 6 or not word.isalpha() or word in english:
        return [word]
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 12), end):
            head, piece = best[start], word[start:end]
            common = english.get(piece, 0) >= 1000 and (len(piece) > 1 or piece in "ia")
            if head is not None and (piece in crisis or common) and len(head) + 1 < len(
                    best[end] or word):
                best[end] = [*head, piece]
    found = best[-1]
    return found if found and len(found) <= 4 and any(
        w in crisis for w in found if len(w) > 3) else [word]


def _expand(tokens: list[str]) -> list[str]:
    """Text-speak, numbers as words, "thinkin", "dayz", "my self", run-together words, typos."""
    out: list[str] = []
    for i, tok in enumerate(tokens):
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        if tok == "kms":  # "5 kms every Saturday" is a distance
            out += ["km"] if out and (out[-1].isdigit() or out[-1] in NUMBERS) else [
                "kill", "myself"]
        elif tok in NUMBER_WORDS and after.isalpha() and after not in UNITS:
            out.append(NUMBER_WORDS[tok])
        elif tok == "s" and out and out[-1] == "let":
            out.append("us")
        elif tok == "to" and after in ("many", "much"):
            out.append("too")  # "took to many": the commonest real-word slip before a count
        elif tok in TEXT_SPEAK:
            out += TEXT_SPEAK[tok].split("_")
        elif tok.endswith("in") and len(tok) > 4 and tok not in _english() and (
                tok + "g" in _english()):
            out.append(tok + "g")  # "thinkin", "endin"
        elif tok.endswith("z") and tok not in _english() and tok[:-1] + "s" in _english():
            out.append(tok[:-1] + "s")  # "dayz"
        elif tok in ("self", "selves") and out and out[-1] in REFLEXIVE_JOINS:
            out[-1] = REFLEXIVE_JOINS[out[-1]]  # "killing my self"
        else:
            mended = mend(tok)  # a misspelt word first: "scamed" is not "scam" + "ed"
            out += [mended] if mended != tok else [mend(w) for w in split_run_together(tok)]
    return out


def _clause(words: list[str]) -> list[str]:
    return soundalike.read_clause_end(_expand(words), vocabulary(), _english())


def normalise(text: str) -> list[list[str]]:
    """Sentences as lists of plain words; "|" marks a clause boundary (a comma)."""
    text = ABBREVIATION.sub(lambda m: ABBREVIATIONS[m.group(1)], text)
    text = CONTRACTION.sub(lambda m: CONTRACTIONS[m.group(0).lower().replace("’", "'")], text)
    text = DIGIT_IN_WORD.sub(r" \1 ", LAUGHTER.sub(" lol ", text))
    sentences = []
    for sentence in SENTENCES.split(text):
        clauses = [fold(c).split() for c in sentence.split(",")]
        tokens = [t for clause in clauses if clause for t in [*_clause(clause), "|"]]
        if tokens:
            sentences.append(tokens[:-1])
    return sentences


class Rule(NamedTuple):
    """One pattern, the kind of harm it finds, and what may drop it (see RULES)."""

    kind: str
    pattern: re.Pattern[str]
    flags: str


def _alternation(words: Iterable[str]) -> str:
    stems = {" ".join(stem(w) for w in word.split("_")) for word in words}
    return "(?:" + "|".join(sorted(map(re.escape, stems), key=len, reverse=True)) + ")"


def _macro(name: str) -> str:
    """What {NAME} in a pattern stands for: a gap, a clause end, or a class of stems."""
    if re.fullmatch(r"[GA]\d", name):  # "A": a gap with no agent in it, so the nearest acts
        word = "[^ |]" if name[0] == "G" else f"(?!{_macro('AGENT')} )[^ |]"
        return rf"(?:{word}+ ){{0,{name[1:]}}}"
    if name == "END":
        return r"(?=$| \|)"
    if name == "LIFE_END":  # "... to live any more", not "... to live near a main road"
        return (r"(?=$| \|| (?:ani more|more|no more|like this|without|tomorrow|today|tonight|"
                r"again|ever|forev|in this world|on this earth|becaus|sinc)\b)")
    if name == "WHOM":  # "her children" before "her"
        return (rf"(?:{_macro('DET')} )?(?:[^ |]+ )?{_macro('KIN')}|{_macro('VICTIM')}")
    return _alternation(CLASSES[name].split())


def _compile(template: str) -> re.Pattern[str]:
    """A pattern over stems: literal words are stemmed, so patterns read as plain English."""
    literal = re.sub(r"(?<![\\<])\b([a-z]{2,})\b(?![}>])", lambda m: re.escape(stem(m[1])),
                     template)
    body = re.sub(r"\{(\w+)\}", lambda m: _macro(m[1]), literal)
    return re.compile(r"(?<![^ ])(?:" + body + r")(?![^ ])")


@cache
def _rules() -> tuple[Rule, ...]:
    return tuple(Rule(kind, _compile(pattern), flags) for kind, pattern, flags in RULES)


@cache
def _synonym_rules(tax: Taxonomy) -> tuple[Rule, ...]:
    """The taxonomy's own words for the safety-route concepts, read like any other text."""
    out = []
    for concept in (c for c in tax.concepts.values() if c.id in SYNONYM_KINDS):
        for phrase in (concept.label, *concept.synonyms):
            stems = [stem(t) for s in normalise(phrase) for t in s if t != "|"]
            if stems:
                pattern = re.compile(r"(?<![^ ])" + " ".join(map(re.escape, stems)) + r"(?![^ ])")
                out.append(Rule(SYNONYM_KINDS[concept.id], pattern, "ntx"))
    return tuple(out)


@cache
def vocabulary() -> frozenset[str]:
    """The words the patterns are made of, with inflections: what misspellings are mended to."""
    words = {w for text in CLASSES.values() for w in re.split(r"[\s_]+", text)}
    words |= set(re.findall(r"(?<![\\<])\b[a-z]{3,}\b", " ".join(p for _, p, _ in RULES)))
    words |= {w for c in load_taxonomy().concepts.values() if c.safety_route
              for s in c.synonyms for w in fold(s).split()}
    words = {w for w in words - (STOP_WORDS - set(CLASSES["REFL"].split())) if len(w) > 2}
    forms = {f for w in words for f in (w + "s", w + "ed", w + "ing", w[:-1] + "ing", w + "d",
                                        w + w[-1] + "ing", w + w[-1] + "ed")}
    return frozenset(words | (forms & _english().keys()))  # "cutting", not "cuting"


@cache
def _idioms() -> re.Pattern[str]:
    return re.compile(r"(?<![^ ])(?:" + "|".join(IDIOMS) + r")(?![^ ])")


def _mask_idioms(tokens: list[str]) -> list[str]:
    """Idioms and hyperbole become "_" ("my feet are killing me", "dying to try salsa")."""
    text, masked = " ".join(tokens), list(tokens)
    for m in _idioms().finditer(text):
        if "kill me if" in m[0] and REPORTED.search(text[:m.start()]):
            continue  # "he said he'll kill me if I leave" is a threat, not hyperbole
        first = text.count(" ", 0, m.start())
        masked[first:first + m[0].count(" ") + 1] = ["_"] * (m[0].count(" ") + 1)
    return masked


class _Sentence:
    """One sentence's words and stems, and who is who in it (for whose safety it is)."""

    def __init__(self, tokens: list[str], before: list[_Sentence]) -> None:
        self.surface, self.before = " ".join(tokens), before
        self.tokens = _mask_idioms(tokens)
        self.stems = [t if t in "_|" else stem(t) for t in self.tokens]
        self.text = " ".join(self.stems)
        self.offsets = [0]
        for s in self.stems[:-1]:
            self.offsets.append(self.offsets[-1] + len(s) + 1)

    def index(self, offset: int) -> int:
        return bisect_right(self.offsets, offset) - 1

    def person(self, i: int) -> str | None:
        """"self" for I; "f", "m" or "n" for someone named (a relation, or "the patient")."""
        tok = self.tokens[i]
        if tok in FIRST_PERSON:
            return "self"
        return NOTES_SELF.get(tok) or next(
            (g for g, kin in GENDERED_KIN.items() if self.stems[i] in kin), None)

    def antecedent(self, gender: str, skip: range) -> str:
        """Whose "she", "him" or "them" is: the first fitting person named, here or before
        ("them" first looks for a plural: "her grandchildren ... their dad hits them")."""
        sentences = (self, *reversed(self.before))
        if gender == "n" and any(st in PLURAL_KIN for s in sentences for i, st in
                                 enumerate(s.stems) if not (s is self and i in skip)):
            return "other"
        for s in sentences:
            for i, tok in enumerate(s.tokens):
                g = s.person(i)
                fits = (g not in (None, "self") and "n" in (g, gender)) or g == gender
                if fits and not (s is self and i in skip):
                    return "self" if tok in NOTES_SELF else "other"
        return "self"

    def whose(self, i: int, skip: range) -> str:
        """"self" (the person, or the patient in notes) or "other", for the word at i."""
        tok = self.tokens[i]
        if self.person(i) not in (None, "self") and tok not in NOTES_SELF:
            return "other"
        return self.antecedent(PRONOUNS[tok], skip) if tok in PRONOUNS else "self"

    def subject(self, start: int, skip: range) -> str:
        """Whose a finding is when its pattern names nobody: the nearest person before it."""
        for i in range(start, -1, -1):
            tok = self.tokens[i]
            if i not in skip and (self.person(i) or (tok in PRONOUNS and
                                                     tok not in ("her", "his", "their"))):
                return self.whose(i, skip)
        return "self"


def _group(match: re.Match[str], names: str) -> str | None:
    return next((n for n in names if match.groupdict().get(n) is not None), None)


def _victim(rule: Rule, s: _Sentence, m: re.Match[str], first: int) -> str:
    """Whose safety a match is about: its named victim, the agent's owner, or the subject."""
    agent, named = _group(m, "ab"), _group(m, "vwxy")
    skip = range(s.index(m.start(agent)), s.index(m.end(agent) - 1) + 1) if agent else range(0)
    if named:
        return s.whose(s.index(m.end(named) - 1), skip)
    if "p" in rule.flags and agent:  # "her sister's partner is violent": the sister's safety
        owner = skip.start - 2
        return s.whose(owner, skip) if owner >= 0 and s.tokens[owner + 1] == "s" else "self"
    return s.subject(first, skip)


def _dropped(rule: Rule, s: _Sentence, first: int, last: int, victim: str) -> bool:
    """Negated, accidental, fiction, or only a topic: not a disclosure of harm."""
    before = s.stems[max(0, first - 3):first]
    before = before[len(before) - before[::-1].index("|"):] if "|" in before else before
    if "n" in rule.flags and NEGATORS & set(before) and s.stems[first] != "stop":
        return True
    if "x" in rule.flags and ACCIDENT & set(s.stems):
        return True
    if "q" in rule.flags and s.tokens[last].endswith("ing"):
        return True
    if victim == "other" and FICTION & set(s.stems):  # "a thriller where the wife ..."
        return True
    return "t" in rule.flags and bool(TOPIC_AFTER & set(s.stems[last + 1:last + 2]) or (
        TOPIC_WORDS & set(s.stems[max(0, first - 4):first])
        and TOPIC_BEFORE & set(s.stems[max(0, first - 8):first])))


def detect(text: str, tax: Taxonomy | None = None) -> list[str]:
    """The safety-route concept ids the words suggest, in the order they are first found."""
    rules = (*_rules(), *_synonym_rules(tax or load_taxonomy()))
    sentences: list[_Sentence] = []
    found: list[tuple[tuple[int, int], list[str]]] = []
    cues: dict[str, set[tuple[int, int]]] = {}  # signs of self-neglect, by whose
    for n, tokens in enumerate(normalise(text)):
        s = _Sentence(tokens, list(sentences))
        sentences.append(s)
        if PAST.search(s.surface) and RESOLVED.search(s.surface):
            continue  # "I left an abusive marriage twenty years ago; I'm happy now"
        for rule in rules:
            for m in rule.pattern.finditer(s.text):
                first, last = s.index(m.start()), s.index(max(m.start(), m.end() - 1))
                victim = _victim(rule, s, m, first)
                if _dropped(rule, s, first, last, victim):
                    continue
                if rule.kind == "cue":
                    cues.setdefault(victim, set()).add((n, first))
                else:
                    found.append(((n, first), CONCEPTS[(rule.kind, victim)]))
    found += [(min(at), CONCEPTS[("neglect", victim)]) for victim, at in cues.items()
              if len(at) > 1]
    return list(dict.fromkeys(c for _, concepts in sorted(found) for c in concepts))


def concerns(text: str, needs: Iterable[str] = (), tax: Taxonomy | None = None,
             language: str = "en") -> list[str]:
    """Safety-route needs chosen outright ("needs": [...]), then those the words suggest,
    in English and in the language the person wrote in (crisis_languages.py)."""
    from linkwell.matcher import crisis_languages

    tax = tax or load_taxonomy()
    chosen = [n for n in needs if n in tax.concepts and tax.concepts[n].safety_route]
    english = detect(text, tax) if crisis_languages.maybe_english(text, language) else []
    return list(dict.fromkeys([*chosen, *english, *crisis_languages.detect(text, language)]))
