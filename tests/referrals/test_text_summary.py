"""The summary a person can be texted: one text message long, in the GSM alphabet, with the
group, the reference and how to withdraw, and none of the person's details."""

from __future__ import annotations

from linkwell.gateway.referrals.messages import GSM_SAFE, TEXT_LIMIT, text_summary

REF = "7K2M-QX4P-9TRB"


def test_a_short_name_is_kept_whole() -> None:
    text = text_summary("Ladywell Walkers", REF, "phone")
    assert text == ("Linkwell: Ladywell Walkers has your details and should contact you by "
                    f"phone. Ref {REF}. To withdraw, tell your link worker.")
    assert len(text) <= TEXT_LIMIT


def test_a_long_or_accented_name_still_fits_one_message() -> None:
    long = "Café Soleil – the Lewisham and Catford Community Gardeners’ Friday Growing " * 3
    text = text_summary(long, REF, "email")
    assert len(text) == TEXT_LIMIT and set(text) <= GSM_SAFE
    assert "Cafe Soleil - the Lewisham" in text and "..." in text
    assert text.endswith(f"by email. Ref {REF}. To withdraw, tell your link worker.")
    assert text_summary("موعد", REF, "phone").startswith("Linkwell: The group has")
