"""The Open Referral UK 3.0 objects Linkwell publishes, field by field, as the profile has them.

These schemas are the one statement of what the ORUK 3.0 profile allows: the publisher
(:mod:`linkwell.directory.oruk.profile`) keeps exactly the fields declared here and drops
everything else a stored HSDS record carries, and flask-smorest documents the API from them.
A test compares them with the profile's compiled JSON schemas, so a field cannot be added
or lost here unnoticed.
"""

from __future__ import annotations

from typing import Any, ClassVar

from marshmallow import Schema, fields, validate

STATUSES = ("active", "inactive", "defunct", "temporarily closed")
LOCATION_TYPES = ("physical", "postal", "virtual")
FREQUENCIES = ("WEEKLY", "MONTHLY")
DATE_TIME = {"format": "date-time"}


class Number(fields.Float):
    """A JSON number written as it is (an age of 12 stays 12, not 12.0)."""

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any) -> Any:
        return value


class Entity(Schema):
    """An ORUK object; ``entity`` names its kind, for stable UUIDs of nested objects."""

    entity: ClassVar[str] = "entity"

    id = fields.UUID(required=True)


def _enum(choices: tuple[str, ...], **kwargs: Any) -> fields.String:
    return fields.String(validate=validate.OneOf(choices), **kwargs)


def _many(schema: type[Schema] | Schema) -> fields.List:
    return fields.List(fields.Nested(schema))


class TaxonomyTermSchema(Entity):
    entity = "taxonomy_term"

    name = fields.String(required=True)
    description = fields.String(required=True)
    parent_id = fields.UUID()
    taxonomy = fields.String()
    taxonomy_id = fields.UUID()
    term_uri = fields.Url()
    term = fields.String()


class TaxonomyBaseSchema(Entity):
    entity = "taxonomy"

    name = fields.String(required=True)
    description = fields.String(required=True)
    uri = fields.Url()
    version = fields.String()


class TaxonomySchema(TaxonomyBaseSchema):
    taxonomy_terms = _many(TaxonomyTermSchema)


class AttributeSchema(Entity):
    entity = "attribute"

    link_id = fields.UUID()
    taxonomy_term_id = fields.UUID()
    link_type = fields.String()
    taxonomy_term = fields.Nested(TaxonomyTermSchema)


class AddressSchema(Entity):
    entity = "address"

    location_id = fields.UUID()
    attention = fields.String()
    address_1 = fields.String(required=True)
    city = fields.String(required=True)
    region = fields.String()
    state_province = fields.String(required=True)
    postal_code = fields.String(required=True)
    country = fields.String(required=True)
    address_type = _enum(LOCATION_TYPES, required=True)
    attributes = _many(AttributeSchema)


class AccessibilitySchema(Entity):
    entity = "accessibility"

    location_id = fields.UUID()
    description = fields.String()
    details = fields.String()
    url = fields.Url()
    attributes = _many(AttributeSchema)
    accessibility = fields.String()


class LocationBaseSchema(Entity):
    entity = "location"

    location_type = _enum(LOCATION_TYPES, required=True)
    name = fields.String()
    description = fields.String()
    latitude = Number()
    longitude = Number()
    external_identifier = fields.String()
    external_identifier_type = fields.String()


class LocationSchema(LocationBaseSchema):
    addresses = _many(AddressSchema)
    accessibility = _many(AccessibilitySchema)
    attributes = _many(AttributeSchema)


class ServiceAtLocationSchema(Entity):
    """A service_at_location inside a service."""

    entity = "service_at_location"

    service_id = fields.UUID()
    location_id = fields.UUID()
    location = fields.Nested(LocationSchema)


class ScheduleSchema(Entity):
    entity = "schedule"

    service_id = fields.UUID()
    service_at_location_id = fields.UUID()
    valid_from = fields.String()
    valid_to = fields.String()
    dtstart = fields.String()
    freq = _enum(FREQUENCIES)
    interval = Number()
    byday = fields.String()
    bymonthday = fields.String()
    description = fields.String()
    opens_at = fields.String()
    closes_at = fields.String()
    schedule_link = fields.Url()
    attending_type = fields.String()
    notes = fields.String()


class ServiceAreaSchema(Entity):
    entity = "service_area"

    service_id = fields.UUID()
    name = fields.String()
    extent = fields.String()
    extent_type = fields.String()
    uri = fields.String()
    service_area = fields.String()


class LanguageSchema(Entity):
    """ORUK 3.0 keeps only the ids of a service's languages (the profile drops name and code)."""

    entity = "language"

    service_id = fields.UUID()
    phone_id = fields.UUID()


class OrganizationIdentifierSchema(Entity):
    entity = "organization_identifier"

    organization_id = fields.UUID()
    identifier_scheme = fields.String()
    identifier_type = fields.String(required=True)
    identifier = fields.String(required=True)
    attributes = _many(AttributeSchema)


class OrganizationBaseSchema(Entity):
    entity = "organization"

    name = fields.String(required=True)
    description = fields.String(required=True)
    email = fields.Email()
    website = fields.Url()
    logo = fields.String()
    uri = fields.Url()
    parent_organization_id = fields.UUID()


class OrganizationSchema(OrganizationBaseSchema):
    organization_identifiers = _many(OrganizationIdentifierSchema)
    attributes = _many(AttributeSchema)


class FundingSchema(Entity):
    entity = "funding"

    service_id = fields.UUID()
    source = fields.String()


class CostOptionSchema(Entity):
    entity = "cost_option"

    service_id = fields.UUID()
    valid_from = fields.String()
    valid_to = fields.String()
    option = fields.String()
    amount = Number()
    amount_description = fields.String()


class ContactSchema(Entity):
    entity = "contact"

    service_id = fields.UUID()
    name = fields.String()
    title = fields.String()
    attributes = _many(AttributeSchema)


class ServiceBaseSchema(Entity):
    """A service as lists show it: its own fields and its organisation's."""

    entity = "service"

    organization_id = fields.UUID()
    name = fields.String(required=True)
    description = fields.String()
    url = fields.Url()
    email = fields.Email()
    status = _enum(STATUSES, required=True)
    fees = fields.String()
    accreditations = fields.String()
    minimum_age = Number()
    maximum_age = Number()
    assured_date = fields.String()
    assurer_email = fields.Email()
    alert = fields.String()
    last_modified = fields.String(metadata=DATE_TIME)
    organization = fields.Nested(OrganizationBaseSchema)


class ServiceDetailSchema(ServiceBaseSchema):
    """A service with everything about it but its places (as a service_at_location has it)."""

    schedules = _many(ScheduleSchema)
    service_areas = _many(ServiceAreaSchema)
    languages = _many(LanguageSchema)
    organization = fields.Nested(OrganizationSchema)
    funding = _many(FundingSchema)
    cost_options = _many(CostOptionSchema)
    contacts = _many(ContactSchema)
    attributes = _many(AttributeSchema)


class ServiceSchema(ServiceDetailSchema):
    """A service with everything about it."""

    service_at_locations = _many(ServiceAtLocationSchema)


class ServiceAtLocationListSchema(ServiceAtLocationSchema):
    """A service_at_location as lists show it: the place and the service, without detail."""

    location = fields.Nested(LocationBaseSchema)
    service = fields.Nested(ServiceBaseSchema)


class ServiceAtLocationFullSchema(ServiceAtLocationSchema):
    """A service_at_location with its place and its whole service."""

    service = fields.Nested(ServiceDetailSchema)
