"""Every code Linkwell writes into a message back to the GP, in one place, with its source.

Only two SNOMED CT concepts are nationally agreed for social prescribing link workers; both
are used here exactly as NHS England's guidance describes. Everything the standard has no
national code for (the group's answer, whether the person went, the ONS4 questions) is sent
in Linkwell's own code system, so a GP system can show it as text and never mistakes it for a
clinical code.
"""

from __future__ import annotations

from dataclasses import dataclass

SNOMED = "http://snomed.info/sct"
LINKWELL_OUTCOME = "https://linkwell.org.uk/fhir/CodeSystem/referral-outcome"
LINKWELL_ONS4 = "https://linkwell.org.uk/fhir/CodeSystem/ons4"
LINKWELL_REFERENCE = "https://linkwell.org.uk/fhir/NamingSystem/referral-reference"
LINKWELL_EVENT = "https://linkwell.org.uk/fhir/CodeSystem/message-event"

NHSE_CODES_SOURCE = ("https://www.transformationpartnersinhealthandcare.nhs.uk/our-work/"
                     "personalised_care/arrs-roles/social-prescribing/faqs/")
SOCIALRX_SOURCE = ("https://www.socialrx.co.uk/blogs/blog/"
                   "social-prescribing-snomed-codes-why-important")
PRSB_SOURCE = "https://theprsb.org/standards/social-prescribing-standard/"
ONS4_SOURCE = "https://analysisfunction.civilservice.gov.uk/policy-store/personal-well-being/"


@dataclass(frozen=True)
class Code:
    system: str
    code: str
    display: str
    use: str  # when Linkwell sends it
    source: str  # where the code and its meaning were checked

    def coding(self) -> dict[str, str]:
        return {"system": self.system, "code": self.code, "display": self.display}


REFERRAL_TO_SOCIAL_PRESCRIBING = Code(
    SNOMED, "871731000000106", "Referral to social prescribing service",
    "Every link worker's referral: the procedure the GP record holds for the episode.",
    NHSE_CODES_SOURCE)
SOCIAL_PRESCRIBING_DECLINED = Code(
    SNOMED, "871711000000103", "Social prescribing declined",
    "The person said no: they withdrew the referral and asked for their details to be "
    "erased. (NHS England: 'when an individual declines'; a group saying no is not this.)",
    NHSE_CODES_SOURCE)


def _outcome(code: str, display: str, use: str) -> Code:
    return Code(LINKWELL_OUTCOME, code, display, use, PRSB_SOURCE)


OUTCOMES = {
    "sent": _outcome("sent", "Referral sent to the group", "Linkwell has the referral."),
    "delivered": _outcome("delivered", "Referral delivered to the group",
                          "The group's inbox or system took it."),
    "accepted": _outcome("accepted", "Group accepted the referral", "The group said yes."),
    "declined": _outcome("declined", "Group declined the referral",
                         "The group said no (its reason goes in the note)."),
    "joined": _outcome("joined", "Person joined the group",
                       "The link worker recorded, after a follow-up, that the person went."),
    "did_not_attend": _outcome("did_not_attend", "Person did not attend the group",
                               "The link worker recorded that the person did not go."),
    "withdrawn": _outcome("withdrawn", "Person withdrew the referral",
                          "The person withdrew; their details were erased."),
}

ONS4_QUESTIONS = {
    "life_satisfaction": "Overall, how satisfied are you with your life nowadays?",
    "worthwhile": ("Overall, to what extent do you feel that the things you do in your life "
                   "are worthwhile?"),
    "happiness": "Overall, how happy did you feel yesterday?",
    "anxiety": "Overall, how anxious did you feel yesterday?",
}
ONS4 = {key: Code(LINKWELL_ONS4, key, question, "An ONS4 answer, 0 (not at all) to 10 "
                  "(completely).", ONS4_SOURCE) for key, question in ONS4_QUESTIONS.items()}

# The PRSB standard's "Message back to GP and referrer" sections that this message fills.
PRSB_SECTIONS = ("Person demographics (name only: the GP practice holds the rest)",
                 "Referral details (the referral's reference, date and code)",
                 "Social prescribing activities (the group referred to, and the outcome)",
                 "Outcome measures (ONS4 at the first meeting and at follow-up)")

SNOMED_CODES = (REFERRAL_TO_SOCIAL_PRESCRIBING, SOCIAL_PRESCRIBING_DECLINED)
ALL_CODES = (*SNOMED_CODES, *OUTCOMES.values(), *ONS4.values())
