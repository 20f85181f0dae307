"""Linkwell's ORUK shapes are the profile's: the same fields, the same required ones, nested
alike. The publisher keeps exactly these fields, so this is the test that nothing the
profile drops is published and nothing it keeps is lost."""

from __future__ import annotations

from typing import Any

import pytest
from marshmallow import Schema, fields

from linkwell.directory.oruk.profile import kind_of
from linkwell.directory.oruk.shapes import (
    ServiceAtLocationFullSchema,
    ServiceAtLocationListSchema,
    ServiceBaseSchema,
    ServiceSchema,
    TaxonomySchema,
    TaxonomyTermSchema,
)
from tests.oruk import reference_properties

Tree = dict[str, Any]


def schema_tree(schema: Schema) -> Tree:
    """{field: subtree or None}, with required fields marked ``!``."""
    tree: Tree = {}
    for name, field in schema.fields.items():
        key = name + ("!" if field.required else "")
        inner = field.inner if isinstance(field, fields.List) else field
        tree[key] = schema_tree(inner.schema) if isinstance(inner, fields.Nested) else None
    return tree


def reference_tree(schema: dict[str, Any]) -> Tree:
    required = set(schema.get("required") or [])
    tree: Tree = {}
    for name, prop in (schema.get("properties") or {}).items():
        inner = prop.get("items", prop) if prop.get("type") == "array" else prop
        key = name + ("!" if name in required else "")
        tree[key] = reference_tree(inner) if inner.get("type") == "object" else None
    return tree


@pytest.mark.parametrize(("schema", "reference"), [
    (ServiceSchema(), "oruk-3.0/schema/compiled/service.json"),
    (ServiceBaseSchema(), "oruk-3.0/schema/compiled/service_list.json"),
    (ServiceAtLocationListSchema(), "oruk-3.0/schema/compiled/service_at_location_list.json"),
    (ServiceAtLocationFullSchema(), "oruk-3.0/schema/compiled/service_at_location.json"),
    (ServiceAtLocationFullSchema(), "oruk-validator/schemas-v3.0-uk/service_at_location.json"),
    (ServiceSchema(), "oruk-validator/schemas-v3.0-uk/service.json"),
    (TaxonomyTermSchema(), "oruk-3.0/schema/taxonomy_term.json"),
])
def test_shapes_match_the_profile_field_for_field(schema: Schema, reference: str) -> None:
    assert schema_tree(schema) == reference_tree(reference_properties(reference))


def test_taxonomy_shape_matches_the_profile() -> None:
    reference = reference_properties("oruk-3.0/schema/taxonomy.json")
    expected = reference_tree(reference)
    expected["taxonomy_terms"] = reference_tree(reference_properties(
        "oruk-3.0/schema/taxonomy_term.json"))  # a relative $ref there
    assert schema_tree(TaxonomySchema()) == expected


def test_fields_the_profile_drops_are_not_in_the_shapes() -> None:
    tree = schema_tree(ServiceSchema())
    for dropped in ("phones", "eligibility_description", "application_process",
                    "alternate_name", "fees_description", "program_id", "wait_time"):
        assert dropped not in tree and f"{dropped}!" not in tree
    language = tree["languages"]
    assert set(language) == {"id!", "service_id", "phone_id"}  # ORUK keeps no name or code
    assert "code" not in tree["attributes"]["taxonomy_term"]


def test_every_shape_names_its_kind() -> None:
    kinds = set()

    def walk(schema: Schema) -> None:
        kinds.add(kind_of(schema))
        for field in schema.fields.values():
            inner = field.inner if isinstance(field, fields.List) else field
            if isinstance(inner, fields.Nested):
                walk(inner.schema)

    walk(ServiceAtLocationFullSchema())
    assert "entity" not in kinds
    assert {"service", "location", "address", "schedule", "attribute", "taxonomy_term",
            "organization", "service_at_location"} <= kinds
