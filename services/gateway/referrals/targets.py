"""Where a referral for a listing goes: a configured route, or the listing's own email.

Routes (``REFERRALS_ROUTES``: a mapping, or a path to a YAML or JSON file) look like::

    assets:
      9b2c...:            {email: walks@example.org}
    feeds:
      lewisham:           {webhook: https://referrals.example.org/in, secret: "..."}
    default:              {email: referrals@borough.example.org}   # optional

An asset's route wins over its feed's; then the email address published in the listing;
then ``default``. A listing with none of these cannot take referrals through Linkwell.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from linkwell.gateway.referrals.model import Asset, DeliveryTarget


class RouteError(ValueError):
    """The routes configuration cannot be used."""


def load_routes(value: Any) -> dict[str, Any]:
    """The routes mapping from a setting: a mapping, a file path, or nothing."""
    if not value:
        return {}
    if isinstance(value, Mapping):
        return dict(value)
    path = Path(str(value))
    try:
        loaded = yaml.safe_load(path.read_text())
    except (OSError, yaml.YAMLError) as exc:
        raise RouteError(f"cannot read referral routes from {path}: {exc}") from exc
    if not isinstance(loaded, dict):
        raise RouteError(f"referral routes in {path} must be a mapping")
    return loaded


def resolve(asset: Asset, routes: Mapping[str, Any],
            webhook_secret: str | None = None) -> DeliveryTarget | None:
    """The delivery target for a listing, or None if it has nowhere to send referrals."""
    route = (routes.get("assets") or {}).get(asset.id) or (
        routes.get("feeds") or {}).get(asset.feed)
    if route:
        return _target(route, webhook_secret)
    if asset.email:
        return DeliveryTarget("email", asset.email)
    default = routes.get("default")
    return _target(default, webhook_secret) if default else None


def _target(route: Mapping[str, Any], webhook_secret: str | None) -> DeliveryTarget:
    options = {k: v for k, v in route.items()
               if k not in ("email", "webhook", "kind", "address", "secret")}
    if route.get("webhook"):
        secret = route.get("secret") or webhook_secret
        if not secret:
            raise RouteError("a webhook route needs a secret (or REFERRALS_WEBHOOK_SECRET)")
        return DeliveryTarget("webhook", str(route["webhook"]), str(secret), options)
    if route.get("email"):
        return DeliveryTarget("email", str(route["email"]), None, options)
    if route.get("kind") and route.get("address"):
        secret = route.get("secret")
        return DeliveryTarget(str(route["kind"]), str(route["address"]),
                              str(secret) if secret else None, options)
    raise RouteError("a referral route needs email, webhook, or kind and address")


def published_email(record: Mapping[str, Any]) -> str | None:
    """The email a listing publishes: the service's, a contact's, then its organisation's."""
    candidates: list[Any] = [record.get("email")]
    candidates += [c.get("email") for c in record.get("contacts") or [] if isinstance(c, dict)]
    organization = record.get("organization")
    if isinstance(organization, dict):
        candidates.append(organization.get("email"))
    for candidate in candidates:
        if isinstance(candidate, str) and "@" in candidate.strip():
            return candidate.strip()
    return None
