"""What a person says they do not want, told apart from what they do.

"I don't want some big group where everyone sits in a circle and talks about their feelings"
names a group and feelings, and means the opposite of both. Read as words, it finds a talking
group; read as clauses, it is a preference against one. So the person's story is cut into
clauses (at sentence ends, commas, semicolons and the turns of "but" and "though"), and a
clause that opens with a refusal ("don't want", "not one for", "no", "nothing where", "hate",
"can't stand", "rather not") is set apart: its words never count for an asset, and what it
names counts against one.

This reads the grammar of refusal, not topics: it knows no activity, so it holds for any.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from linkwell.text import fold

# Cut between clauses: sentence ends, ; : and commas, dashes, and the turn words.
_CLAUSES = re.compile(r"[.!?;:\n]+|,|\s[-–—]\s|\b(?:but|though|although|however|except)\b")
# A refusal at the head of a clause (within its first few words), in the folded text.
_REFUSAL = re.compile(
    r"^(?:\w+\s+){0,4}?(?:"
    r"(?:do\s*not|dont|don t|does\s*not|doesnt|doesn t|would\s*not|wouldnt|wouldn t|wont"
    r"|won t)\s+(?:really\s+|much\s+|particularly\s+)?(?:want|like|fancy|enjoy|need|do"
    r"|care\s+for)"
    r"|(?:cant|can t|cannot|can\s*not)\s+(?:stand|bear|abide)"
    r"|not\s+(?:one\s+for|a\s+fan\s+of|keen\s+on|into|interested\s+in|big\s+on|for\s+me"
    r"|(?:a|an)\s+(?:\w+\s+){1,2}(?:person|type|fan)"
    r"|(?:in\s+)?(?:a|an)\s+(?:\w+\s+){0,2}(?:groups?|class|circle|crowd))"
    r"|nothing\s+(?:where|that|with|involving|like|too)|rather\s+not|hate|hates|dislike"
    r"|avoid|anything\s+but|put\s+off\s+by|no\s+(?:more\s+)?(?:big\s+)?(?:groups?|classes"
    r"|circles?|crowds?)\b)\b")
# "not a group person", "no groups", "rather not be in a group": a stated dislike of groups.
_GROUP = re.compile(r"\b(groups?|circles?|classes|crowds?|lots\s+of\s+people|big\s+gatherings?"
                    r"|sitting\s+in\s+a\s+circle)\b")
_ONE_TO_ONE = re.compile(r"\b(one\s*to\s*one|1\s*(?:to|2|-)\s*1|on\s+my\s+own\s+with|just\s+me"
                         r"\s+and|someone\s+to\s+talk\s+to\s+on\s+my\s+own|private(?:ly)?)\b")


@dataclass(frozen=True)
class Clause:
    text: str
    refused: bool


def clauses(text: str) -> list[Clause]:
    """The person's words as clauses, each marked whether it says what they do not want."""
    out = []
    for part in _CLAUSES.split(text or ""):
        folded = fold(part).strip()
        if folded:
            out.append(Clause(part.strip(), bool(_REFUSAL.search(folded))))
    return out


def wanted_text(text: str) -> str:
    """The words that say what the person is looking for (refusals left out)."""
    return ". ".join(c.text for c in clauses(text) if not c.refused)


def refused_text(text: str) -> str:
    """The words that say what the person does not want."""
    return ". ".join(c.text for c in clauses(text) if c.refused)


def against_groups(text: str) -> bool:
    """Whether the words refuse groups, or ask for one-to-one, in so many words."""
    refused = fold(refused_text(text))
    return bool(_GROUP.search(refused)) or bool(_ONE_TO_ONE.search(fold(text)))
