"""Convert services from a legacy Open Referral UK 1.0 feed into HSDS 3.0 services.

Most live UK council directories still publish the v1 API (``GET /services?page=N``, pages of
``{"totalElements", "totalPages", "number", "size", "first", "last", "content"}``). Linkwell
stores HSDS 3.0 services in the nested shape ORUK 3.0 serves, so each v1 service is rewritten:

* ids: a source id that is already a UUID is kept; any other id (``"thc-0042"``, ``"1234"``)
  becomes ``uuid5(NAMESPACE_URL, "linkwell:{feed}:{kind}:{source_id}")`` so a re-import of the
  same feed yields the same UUIDs. The v1 service id travels under ``"_source_id"`` (the
  importer reads keys starting with ``_`` and strips them before storing);
* ``regular_schedules`` -> ``schedules`` (weekday, byday, monthly ordinals such as ``1WE``);
* ``eligibilitys`` -> ``minimum_age`` / ``maximum_age`` / ``eligibility_description``;
* ``service_taxonomys`` -> ``attributes``, each with a nested ``taxonomy_term`` whose
  ``taxonomy`` is the v1 vocabulary and ``code`` the v1 taxonomy id, so a crosswalk can map
  council vocabularies (LGA/esd service types, local tags) onto Linkwell concepts;
* the standard v1 enumerations ``attending_type``, ``attending_access`` and the
  ``eligibility`` keywords become Linkwell facet codes (``delivery:phone``,
  ``access_route:drop_in``, ``audience:women_only``) in the ``linkwell-facets`` taxonomy:
  they mean the same in every v1 feed, so no per-feed crosswalk is needed for them;
* ``service_at_locations[].location`` with ``physical_addresses`` and
  ``accessibility_for_disabilities`` -> locations with ``addresses`` and ``accessibility``.

Optional fields are omitted, never null. A record that cannot be converted raises
:class:`ValueError` whose message names the v1 field (``regular_schedules[1].opens_at``).

The parts: :mod:`.convert` (the service, its eligibility and taxonomy attributes),
:mod:`.parts` (locations, languages, costs, contacts), :mod:`.schedules` and :mod:`.common`
(v1's vocabularies, the conversion's context, value helpers). Ids come from
:mod:`linkwell.ids`.
"""

from __future__ import annotations

from linkwell.feeds.oruk1.convert import convert_service, iter_page_services
from linkwell.ids import is_uuid
from linkwell.ids import source_id as derive_id

__all__ = ["convert_service", "derive_id", "is_uuid", "iter_page_services"]
