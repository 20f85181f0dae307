"""Place names from the open gazetteers, in the shapes they are published in: the ONS Index of
Place Names and OS Open Names (samples in tests/data/gazetteers, see its README)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from linkwell.cli import main
from linkwell.geo import Located
from linkwell.geo.importer import PostcodeFileError, import_postcodes
from linkwell.geo.place_import import import_places, is_place_file
from linkwell.geo.places import place
from linkwell.geo.placestore import PlaceStore
from linkwell.geo.store import PostcodeStore, store_path
from linkwell.plugins.manager import plugin_manager
from tests.geo.conftest import POSTCODES_CSV

GAZETTEERS = Path(__file__).resolve().parents[1] / "data" / "gazetteers"
IPN_CSV = GAZETTEERS / "IPN_GB_sample.csv"
OPEN_NAMES_CSV = GAZETTEERS / "OS_Open_Names_TQ37.csv"
IPN_HEADER = IPN_CSV.read_text(encoding="utf-8").splitlines()[0]


@pytest.fixture
def places(geo_config: dict[str, Any]) -> PlaceStore:
    return PlaceStore(store_path(geo_config))


def test_the_index_of_place_names_loads_its_good_rows_and_names_the_bad(
        places: PlaceStore) -> None:
    report = import_places(places, IPN_CSV)
    assert report.layout == "ONS Index of Place Names"
    assert report.loaded == 11  # ten before the bad rows, and Mile End after them
    assert report.examples == ["line 12: bad coordinates (Hither Green: , )",
                               "line 13: no place name ('')",
                               "line 14: too few columns (20 of 44)"]
    assert report.rejected == {"bad coordinates": 1, "no place name": 1, "too few columns": 1}
    mile_end = places.lookup("Mile End")
    assert mile_end is not None and mile_end.area == "Tower Hamlets"


def test_os_open_names_keeps_populated_places_on_the_national_grid(places: PlaceStore) -> None:
    report = import_places(places, OPEN_NAMES_CSV)
    assert report.layout == "OS Open Names"
    assert report.loaded == 6 and report.left_out == 2  # a road and a river are no places
    assert len(report.examples) == 1
    assert report.examples[0].startswith("line 7: bad coordinates (Brockley: ")
    assert places.lookup("Rushey Green") is None and places.lookup("River Ravensbourne") is None
    catford = places.lookup("catford")
    assert catford is not None and catford.area == "Lewisham" and catford.kind == "Suburban Area"
    # Eastings and northings 537632, 173664 are Catford's middle on the OSTN15 grid.
    assert catford.latitude == pytest.approx(51.44525, abs=2e-5)
    assert catford.longitude == pytest.approx(-0.02090, abs=2e-5)
    welsh = places.lookup("Caerdydd")  # NAME2, the Welsh name, finds the same place
    assert welsh is not None and welsh.name == "Caerdydd"
    assert (welsh.latitude, welsh.longitude) == pytest.approx((51.481, -3.179), abs=1e-4)


def test_a_gazetteer_with_the_header_line_on_top_reads_the_same(places: PlaceStore,
                                                                 tmp_path: Path) -> None:
    from linkwell.geo.gazetteer import OS_OPEN_NAMES_COLUMNS

    path = tmp_path / "with-header.csv"
    path.write_text(",".join(OS_OPEN_NAMES_COLUMNS) + "\r\n" + OPEN_NAMES_CSV.read_text())
    report = import_places(places, path)
    assert report.loaded == 6 and report.examples[0].startswith("line 8: bad coordinates")


@pytest.mark.parametrize(("typed", "name", "area"), [
    ("Kentish Town", "Kentish Town", "Camden"),
    ("kentish-town", "Kentish Town", "Camden"),     # the locality before the ward of one name
    ("LEWISHAM", "Lewisham", "Lewisham"),
    ("st pancras", "St. Pancras", "Camden"),
    ("Whitechapel", "Whitechapel", "Tower Hamlets"),
])
def test_a_place_is_found_however_it_is_typed(places: PlaceStore, typed: str, name: str,
                                              area: str) -> None:
    import_places(places, IPN_CSV)
    found = places.lookup(typed)
    assert found is not None and (found.name, found.area, found.kind) == (name, area, "LOC")


def test_of_two_places_of_one_name_the_one_nearest_home_wins(places: PlaceStore) -> None:
    import_places(places, IPN_CSV)
    london, devon = (51.5, -0.1), (50.7, -3.5)
    bow_london, bow_devon = places.lookup("Bow", home=london), places.lookup("Bow", home=devon)
    assert bow_london is not None and bow_london.area == "Tower Hamlets"
    assert bow_devon is not None and bow_devon.area == "Mid Devon"


def test_an_older_edition_in_windows_1252_keeps_its_names(places: PlaceStore,
                                                          tmp_path: Path) -> None:
    path = tmp_path / "IPN_GB_2016.csv"
    header = IPN_HEADER.replace("23", "15")
    row = ["1"] + [""] * 43
    row[3], row[5], row[18] = "Ynys Môn", "UA", "Isle of Anglesey"
    row[-2], row[-1] = "53.28", "-4.38"
    path.write_bytes((header + "\r\n" + ",".join(row) + "\r\n").encode("cp1252"))
    assert import_places(places, path).loaded == 1
    found = places.lookup("ynys mon")
    assert found is not None and found.name == "Ynys Môn"


def test_a_file_that_is_no_csv_leaves_the_table_as_it_was(places: PlaceStore,
                                                          tmp_path: Path) -> None:
    import_places(places, IPN_CSV)
    broken = tmp_path / "broken.csv"
    broken.write_text("name,latitude,longitude\nCatford,51.44,-0.02\n"
                      '"Forest Hill,51.43,-0.05\nSydenham,51.42,-0.05\n')
    with pytest.raises(PostcodeFileError, match="line 3: a quote opens here and is never closed"):
        import_places(places, broken, replace=True)
    assert places.count() == 11 and places.lookup("Sydenham") is None


def test_only_gazetteers_are_taken_for_place_files(tmp_path: Path) -> None:
    assert is_place_file(IPN_CSV) and is_place_file(OPEN_NAMES_CSV)
    assert not is_place_file(POSTCODES_CSV)
    simple = tmp_path / "places.csv"
    simple.write_text("name,latitude,longitude,area\nLadywell,51.4562,-0.0192,Lewisham\n")
    assert is_place_file(simple)


def test_an_imported_place_is_where_a_person_is_placed(geo_config: dict[str, Any],
                                                       places: PlaceStore) -> None:
    import_places(places, IPN_CSV)
    import_postcodes(PostcodeStore(store_path(geo_config)), POSTCODES_CSV)  # home is London
    pm = plugin_manager(config=geo_config)
    answer = pm.hook.linkwell_locate_area(area="kentish town")
    assert isinstance(answer, Located) and answer.described == "Kentish Town (Camden)"
    placed = place(pm, "kentish town")
    assert placed.precision == "place" and placed.point == pytest.approx((51.55035, -0.14016))
    assert placed.as_dict()["note"] == "Distances are from the middle of Kentish Town (Camden)"
    assert placed.as_dict()["found"] == "Kentish Town (Camden)"
    assert placed.as_dict()["source"] == "ONS Index of Place Names"
    assert place(pm, "Bow").as_dict()["found"] == "Bow (Tower Hamlets)"
    assert place(pm, "SE6").precision == "district"  # districts still come from postcodes
    nowhere = place(pm, "Atlantis")
    assert nowhere.point is None and "could not find Atlantis" in str(nowhere.note)


def test_geo_import_takes_postcodes_and_gazetteers_together(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    monkeypatch.setenv("LINKWELL_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("LINKWELL_POSTCODES_IO_URL", raising=False)
    runner = CliRunner()
    result = runner.invoke(main, ["geo", "import", str(POSTCODES_CSV), str(IPN_CSV),
                                  str(OPEN_NAMES_CSV)])
    assert result.exit_code == 0, result.output
    assert ("IPN_GB_sample.csv (ONS Index of Place Names): loaded 11 places; skipped 3 rows."
            in result.output)
    assert "line 13: no place name ('')" in result.output
    assert ("OS_Open_Names_TQ37.csv (OS Open Names): loaded 6 places; left out 2 rows that "
            "name no place people live in; skipped 1 row." in result.output)
    assert "31 postcodes and 18 place names" in result.output  # Caerdydd is a name of its own
    found = runner.invoke(main, ["geo", "lookup", "Whitechapel", "SE6", "Atlantis"])
    assert found.exit_code == 1  # Atlantis is not known
    assert ("Whitechapel: 51.519530, -0.060400 (Distances are from the middle of Whitechapel "
            "(Tower Hamlets))" in found.output)
    assert "SE6: " in found.output and "Atlantis: not known" in found.output


def test_hook_place_files(geo_config: dict[str, Any], places: PlaceStore,
                          tmp_path: Path) -> None:
    from rich.console import Console

    from linkwell.geo.cli import load_plugin_places_if_empty
    from linkwell.plugins import hookimpl

    own = tmp_path / "places.csv"
    own.write_text("name,latitude,longitude,area\nLadywell Fields,51.4535,-0.0225,Lewisham\n")

    class Borough:
        @hookimpl
        def linkwell_place_files(self) -> list[Path]:
            return [own, IPN_CSV]

    pm = plugin_manager(allow=[], config=geo_config)  # no installed borough: this one only
    pm.register(Borough(), name="test-borough")
    console = Console(record=True)
    assert load_plugin_places_if_empty(pm, geo_config, console) == 12
    assert "Places: loaded 12 place names" in console.export_text()
    fields = places.lookup("ladywell fields")
    assert fields is not None and fields.area == "Lewisham"
    assert place(pm, "Ladywell Fields").as_dict()["found"] == "Ladywell Fields (Lewisham)"
    assert load_plugin_places_if_empty(pm, geo_config, console) == 0  # not empty: left alone


def test_the_demo_boroughs_ship_the_places_their_residents_name(geo_config: dict[str, Any]
                                                                ) -> None:
    from rich.console import Console

    from linkwell.geo.cli import load_plugin_postcodes_if_empty

    load_plugin_postcodes_if_empty(geo_config, Console(quiet=True))  # as linkwell serve does
    pm = plugin_manager(config=geo_config)
    for typed, found in (("Catford", "Catford (Lewisham)"), ("bow", "Bow (Tower Hamlets)"),
                         ("Kentish Town", "Kentish Town (Camden)"),
                         ("kings cross", "King's Cross (Camden)")):
        placed = place(pm, typed)
        assert placed.precision == "place" and placed.as_dict()["found"] == found


def test_a_namesake_in_the_deployments_own_boroughs_wins(geo_config: dict[str, Any],
                                                         places: PlaceStore) -> None:
    import_places(places, IPN_CSV)
    devon = (50.7, -3.5)
    assert places.lookup("Bow", home=devon, areas=["tower hamlets"]).area == "Tower Hamlets"  # type: ignore[union-attr]
    # With no postcodes loaded, the installed demo feeds name the boroughs (Tower Hamlets).
    pm = plugin_manager(config=geo_config)
    assert place(pm, "Bow").as_dict()["found"] == "Bow (Tower Hamlets)"
    devon_only = plugin_manager(config={**geo_config, "PLACE_AREAS": "Mid Devon"})
    assert place(devon_only, "Bow").as_dict()["found"] == "Bow (Mid Devon)"


@pytest.mark.parametrize(("typed", "shape"), [
    ("Ynys Môn", "Ynys Môn"), ("King’s  Cross", "King’s Cross"),
    ("Bromley-by-Bow", "Bromley-by-Bow"),
    ("12345", None), ("SE6 4RU!!", None), ("@home", None), ("x", None), ("a_b", None)])
def test_place_names_in_any_alphabet_have_the_shape_of_a_place(typed: str,
                                                               shape: str | None) -> None:
    from linkwell.geo.places import tidy

    assert tidy(typed) == shape
