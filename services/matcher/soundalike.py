"""A real word typed for the crisis verb it sounds like ("i want to dye").

The crisis detector mends only words English does not know (crisis.mend). A slip into another
real word that sounds the same escapes that: "dye" for "die". Such a word is read as the crisis
verb only where the sentence leaves no other reading: the last word of its clause, straight
after a word that puts a bare verb there ("to", "wanna", "will" ...), when it differs from the
crisis word only by a "y" where the crisis word has an "i" or the other way round (the two
letters English sounds alike: "dye" and "die"), and English uses the crisis word many times as
often. "I want to dye my hair" has an object after it and stays as typed; "dine" is not "done".
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

# Words after which English puts a verb's bare form (the infinitive marker and the modals).
BARE_VERB_AFTER = frozenset({"to", "wanna", "gonna", "will", "would", "could", "should", "might",
                             "must", "can", "cant", "cannot", "shall", "lets"})
# The crisis word must be this many times as common as the word typed ("die" is 56 × "dye").
COMMONER = 20


def read_clause_end(tokens: list[str], crisis: Collection[str],
                    english: Mapping[str, int]) -> list[str]:
    """The clause's tokens, its last word read as the crisis verb it sounds like, if any."""
    if len(tokens) < 2 or tokens[-2] not in BARE_VERB_AFTER:
        return tokens
    word = tokens[-1]
    found = sounds_like(word, crisis, english)
    return tokens if found == word else [*tokens[:-1], found]


def sounds_like(word: str, crisis: Collection[str], english: Mapping[str, int]) -> str:
    if word in crisis or not word.isalpha() or len(word) < 3:
        return word
    often = english.get(word, 0)
    for other in crisis:
        if _y_for_i(word, other) and english.get(other, 0) >= COMMONER * max(often, 1):
            return other
    return word


def _y_for_i(word: str, other: str) -> bool:
    if len(word) != len(other):
        return False
    differ = [(a, b) for a, b in zip(word, other, strict=True) if a != b]
    return len(differ) == 1 and set(differ[0]) == {"i", "y"}
