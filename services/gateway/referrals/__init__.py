"""Referrals: self-referrals from partner sites and link workers' referrals, delivered once.

A referral is stored (details sealed with AES-GCM) before the person is told anything, then
delivered to the group by an outbox worker through the ``linkwell_deliver_referral`` plugin
hook (built-ins: SMTP email and a signed webhook). See docs/referrals.md.
"""

from linkwell.gateway.referrals.model import (
    DeliveryFailed,
    DeliveryReceipt,
    DeliveryTarget,
    PermanentDeliveryError,
    ReferralDelivery,
)
from linkwell.gateway.referrals.service import ReferralError, Referrals

__all__ = ["DeliveryFailed", "DeliveryReceipt", "DeliveryTarget", "PermanentDeliveryError",
           "ReferralDelivery", "ReferralError", "Referrals"]
