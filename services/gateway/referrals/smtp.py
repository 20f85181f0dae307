"""Built-in deliverer: email over SMTP (``SMTP_HOST``, ``SMTP_PORT``, ``SMTP_USER``, ...).

The Message-ID is made from the referral's idempotency key, so a mail system (or a person)
that gets the same referral twice after a retry can see it is one referral.
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Mapping
from email.message import EmailMessage
from email.utils import formatdate
from typing import Any

from linkwell.gateway.referrals.crypto import IDEMPOTENCY_HEADER
from linkwell.gateway.referrals.messages import email_body, email_subject
from linkwell.gateway.referrals.model import (
    DeliveryFailed,
    DeliveryReceipt,
    PermanentDeliveryError,
    ReferralDelivery,
)
from linkwell.plugins.hookspecs import hookimpl


def message_id(delivery: ReferralDelivery) -> str:
    return f"<referral-{delivery.idempotency_key}@linkwell.referrals>"


def build_message(delivery: ReferralDelivery, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = delivery.target.address
    message["Subject"] = email_subject(delivery)
    message["Date"] = formatdate(localtime=False, usegmt=True)
    message["Message-ID"] = message_id(delivery)
    message["X-Linkwell-Reference"] = delivery.reference
    message[f"X-Linkwell-{IDEMPOTENCY_HEADER}"] = delivery.idempotency_key
    if delivery.person.email:
        # Replies go to the person, who agreed to share their address with the group.
        message["Reply-To"] = delivery.person.email
    message.set_content(email_body(delivery))
    return message


class SmtpDeliverer:
    """Sends ``email`` targets through the configured SMTP server."""

    def __init__(self, config: Mapping[str, Any]) -> None:
        self.host = config.get("SMTP_HOST")
        self.port = int(config.get("SMTP_PORT") or 25)
        self.user = config.get("SMTP_USER")
        self.password = config.get("SMTP_PASSWORD")
        self.sender = str(config.get("SMTP_FROM") or "Linkwell <referrals@linkwell.invalid>")
        self.security = str(config.get("SMTP_SECURITY") or "none").lower()
        self.timeout = float(config.get("REFERRALS_DELIVERY_TIMEOUT") or 20)

    @hookimpl(trylast=True)
    def linkwell_deliver_referral(self, delivery: ReferralDelivery) -> DeliveryReceipt | None:
        if delivery.target.kind != "email":
            return None
        if not self.host:
            raise PermanentDeliveryError("no SMTP server is configured (LINKWELL_SMTP_HOST)")
        self.send(build_message(delivery, self.sender))
        return DeliveryReceipt("email", message_id(delivery))

    def send(self, message: EmailMessage) -> None:
        """Send one message (a referral, a sign-in link, a group's confirmation request):
        :class:`PermanentDeliveryError` if it can never go, :class:`DeliveryFailed` if a
        later try may succeed."""
        if not self.host:
            raise PermanentDeliveryError("no SMTP server is configured (LINKWELL_SMTP_HOST)")
        try:
            with self._connect() as smtp:
                smtp.send_message(message)
        except smtplib.SMTPRecipientsRefused as exc:
            codes = sorted({code for code, _ in exc.recipients.values()})
            error = f"the mail server refused the group's address ({codes})"
            if all(500 <= c < 600 for c in codes):
                raise PermanentDeliveryError(error) from exc
            raise DeliveryFailed(error) from exc
        except smtplib.SMTPResponseException as exc:
            error = f"the mail server answered {exc.smtp_code}"
            if 500 <= exc.smtp_code < 600 and exc.smtp_code not in (530, 535):
                raise PermanentDeliveryError(error) from exc
            raise DeliveryFailed(error) from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise DeliveryFailed(f"the mail server did not answer ({type(exc).__name__})") from exc

    def _connect(self) -> smtplib.SMTP:
        if self.security == "ssl":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(self.host or "", self.port,
                                                  timeout=self.timeout,
                                                  context=ssl.create_default_context())
        else:
            smtp = smtplib.SMTP(self.host or "", self.port, timeout=self.timeout)
            if self.security == "starttls":
                smtp.starttls(context=ssl.create_default_context())
        if self.user:
            smtp.login(str(self.user), str(self.password or ""))
        return smtp
