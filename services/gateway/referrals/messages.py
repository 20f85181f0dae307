"""What people read about a referral: plain, person-first English, in one place."""

from __future__ import annotations

from datetime import UTC, datetime

from linkwell.gateway.referrals.model import (
    ACCEPTED,
    DECLINED,
    DID_NOT_ATTEND,
    JOINED,
    LINK_WORKER_REFERRAL,
    RECEIVED,
    SENT,
    WITHDRAWN,
    ReferralDelivery,
)

UNDER_16 = ("We can only pass on details for people aged 16 or over. Please talk to a trusted "
            "adult, or to your GP practice: they can help you find something that suits you.")
NEED_CONSENT = ("We can only send these details to the group if you agree to share them with "
                "the group.")
NO_ROUTE = ("This group cannot take requests through Linkwell yet. Please contact them "
            "directly: their details are on the listing.")


def what_happens_next(asset_name: str, contact_method: str, kind: str) -> str:
    how = "phone" if contact_method == "phone" else "email"
    who = "the person" if kind == LINK_WORKER_REFERRAL else "you"
    return (f"We are passing these details to {asset_name} now. Someone from the group should "
            f"get in touch with {who} by {how}, at the time given if they can. Keep the "
            "reference: you can use it to see whether the group has replied.")


def how_to_withdraw(reference: str) -> str:
    return (f"To withdraw at any time, ask us to erase the details using the reference "
            f"{reference} (or ask your link worker to). We erase them straight away. If the "
            "group already has them, please also tell the group. Whatever happens, we erase "
            "the details automatically after a few months.")


# One text message: 160 characters of the GSM 7-bit alphabet (any other character makes the
# whole message UCS-2, and then one message holds only 70).
TEXT_LIMIT = 160
GSM_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                      " .,:;!?'\"()&/-+%@#*=<>")


def _gsm(text: str) -> str:
    """Letters folded to plain ones (é to e) and anything else a text message would have to
    switch alphabets for dropped (curly quotes become straight ones)."""
    import unicodedata

    text = text.translate(str.maketrans("\u2018\u2019\u201c\u201d\u2013\u2014",
                                        "''\"\"--"))
    folded = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in folded if c in GSM_SAFE).split())


def text_summary(asset_name: str, reference: str, contact_method: str) -> str:
    """What the person can be texted (or have copied into a text): the group, the
    reference, how the group will get in touch, how to withdraw. No name or contact
    details: a phone can be shared. One text message long at most (``TEXT_LIMIT``)."""
    how = "phone" if contact_method == "phone" else "email"
    rest = (f" has your details and should contact you by {how}. Ref {reference}. To withdraw,"
            " tell your link worker.")
    head = "Linkwell: "
    group = _gsm(asset_name) or "The group"
    room = TEXT_LIMIT - len(head) - len(rest)
    if len(group) > room:
        group = group[:room - 3].rstrip() + "..."
    return head + group + rest


STATUS_MESSAGES = {
    RECEIVED: "We have the request and are passing it to the group.",
    SENT: "The group has been sent the request. They have not replied through Linkwell yet.",
    ACCEPTED: "The group has said yes and should be in touch.",
    DECLINED: ("The group cannot take this request. A link worker or the listing can suggest "
               "something else."),
    WITHDRAWN: "This request was withdrawn and the details have been erased.",
    JOINED: "The person has joined the group.",
    DID_NOT_ATTEND: "The person did not go to the group this time.",
}


def status_message(status: str) -> str:
    return STATUS_MESSAGES.get(status, "")


def _day(moment: float) -> str:
    return datetime.fromtimestamp(moment, UTC).strftime("%-d %B %Y")


def email_subject(delivery: ReferralDelivery) -> str:
    what = "A referral" if delivery.kind == LINK_WORKER_REFERRAL else "Someone would like to join"
    return f"{what}: {delivery.asset.name} (reference {delivery.reference})"


def email_body(delivery: ReferralDelivery) -> str:
    """The referral as a plain-text email to the group."""
    p = delivery.person
    intro = (f"A link worker ({delivery.referrer}) has referred someone to {delivery.asset.name}."
             if delivery.kind == LINK_WORKER_REFERRAL else
             f"Someone would like to join {delivery.asset.name}. They found you through "
             f"{delivery.referrer or 'Linkwell'}.")
    lines = [intro, "", f"Name: {p.name}"]
    if p.phone:
        lines.append(f"Phone: {p.phone}")
    if p.email:
        lines.append(f"Email: {p.email}")
    prefer = "a phone call" if p.contact_method == "phone" else "an email"
    lines.append(f"They would prefer: {prefer}")
    if p.good_time:
        lines.append(f"A good time to get in touch: {p.good_time}")
    if p.message:
        lines += ["", "Their message:", p.message]
    lines += ["", "They agreed to share these details with you, for this purpose only."]
    if delivery.follow_up:
        lines.append("They are also happy for Linkwell to check in with them later.")
    lines += ["", "Please get in touch with them. You can also tell us whether you can take "
              "them, so they can see your answer:",
              f"  Yes, we can take them: {delivery.links.accept}",
              f"  No, we cannot: {delivery.links.decline}",
              f"(These links work until {_day(delivery.links.expires)}.)", "",
              f"Reference: {delivery.reference}", "",
              "Please keep these details safe and delete them when you no longer need them."]
    return "\n".join(lines) + "\n"
