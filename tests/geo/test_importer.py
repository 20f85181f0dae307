"""Loading ONS Postcode Directory and simple postcode files into the postcode table."""

from __future__ import annotations

from pathlib import Path

import pytest

from linkwell.geo.importer import PostcodeFileError, import_postcodes
from linkwell.geo.store import Postcode, PostcodeStore
from tests.geo.conftest import POSTCODES_CSV


@pytest.fixture
def store(tmp_path: Path) -> PostcodeStore:
    return PostcodeStore(tmp_path / "var" / "postcodes.sqlite3")


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_the_ons_file_loads_with_counts(store: PostcodeStore) -> None:
    report = import_postcodes(store, POSTCODES_CSV)
    assert report.layout == "ONS Postcode Directory"
    assert (report.loaded, report.terminated, report.rejected_total) == (31, 1, 1)
    assert report.rejected == {"bad coordinates": 1}
    assert report.examples == ["line 9: bad coordinates (GY1 1AA: 99.999999, 0.000000)"]
    assert store.count() == 31


def test_entries_keep_coordinates_district_and_termination(store: PostcodeStore) -> None:
    import_postcodes(store, POSTCODES_CSV)
    assert store.lookup("SE6 4RU") == Postcode("SE6 4RU", 51.445076, -0.020805, None,
                                               "E09000023")
    assert store.lookup("NW5 2AA") == Postcode("NW5 2AA", 51.550009, -0.140471, None,
                                               "E09000007")
    assert store.lookup("AB1 0AA") == Postcode("AB1 0AA", 57.101474, -2.242851, "199606",
                                               "S12000033")
    assert store.lookup("GY1 1AA") is None  # no grid reference: skipped, not guessed
    assert store.lookup("SE6 4RX") is None


def test_a_rerun_changes_nothing(store: PostcodeStore) -> None:
    import_postcodes(store, POSTCODES_CSV)
    again = import_postcodes(store, POSTCODES_CSV)
    assert again.loaded == 31 and store.count() == 31
    assert store.lookup("E1 0BH") == Postcode("E1 0BH", 51.510416, -0.06056, None, "E09000030")


def test_simple_file_with_bom_quotes_and_odd_postcodes(store: PostcodeStore,
                                                       tmp_path: Path) -> None:
    path = write(tmp_path, "simple.csv",
                 "\ufeffPostcode,Latitude,Longitude\r\n"
                 '"se64ru","51.445076","-0.020805"\r\n'
                 "NW5  2AA,51.550009,-0.140471\r\n"
                 "\r\n"
                 "Catford,51.44,-0.02\r\n"
                 "E1 0BH,north,-0.06\r\n"
                 "E1 0AA,51.512497\r\n")
    report = import_postcodes(store, path)
    assert report.layout == "postcode, latitude, longitude"
    assert report.loaded == 2
    assert report.rejected == {"not a postcode": 1, "bad coordinates": 1, "too few columns": 1}
    assert report.examples == ["line 5: not a postcode ('Catford')",
                               "line 6: bad coordinates (E1 0BH: north, -0.06)",
                               "line 7: too few columns (2 of 3)"]
    assert store.lookup("SE6 4RU") == Postcode("SE6 4RU", 51.445076, -0.020805)
    assert store.lookup("NW5 2AA") is not None


def test_simple_file_without_a_header(store: PostcodeStore, tmp_path: Path) -> None:
    path = write(tmp_path, "bare.csv", "SE6 4RU,51.445076,-0.020805\nE1 0AA,51.512497,-0.052098\n")
    report = import_postcodes(store, path)
    assert report.loaded == 2 and report.rejected_total == 0
    assert store.lookup("SE6 4RU") is not None and store.lookup("E1 0AA") is not None


def test_newer_ons_column_names(store: PostcodeStore, tmp_path: Path) -> None:
    # ONS files from 2025 name columns pcd7/pcd8 and ladNNcd; only the latest LAD is used.
    path = write(tmp_path, "onspd-2025.csv",
                 "PCD7,PCD8,PCDS,DOINTR,DOTERM,LAD23CD,LAD25CD,LAT,LONG\n"
                 "SE6 4RU,SE6  4RU,SE6 4RU,198001,,E09000099,E09000023,51.445076,-0.020805\n")
    report = import_postcodes(store, path)
    assert report.layout == "ONS Postcode Directory" and report.loaded == 1
    assert store.lookup("SE6 4RU") == Postcode("SE6 4RU", 51.445076, -0.020805, None,
                                               "E09000023")


def test_a_file_with_a_missing_column_is_refused(store: PostcodeStore, tmp_path: Path) -> None:
    path = write(tmp_path, "nolat.csv", "pcds,long\nSE6 4RU,-0.020805\n")
    with pytest.raises(PostcodeFileError, match="line 1: no latitude column"):
        import_postcodes(store, path)
    assert store.count() == 0


def test_a_broken_file_leaves_the_table_as_it_was(store: PostcodeStore, tmp_path: Path) -> None:
    import_postcodes(store, POSTCODES_CSV)
    good = "postcode,latitude,longitude\nSW1A 1AA,51.501009,-0.141588\nGY1 1AA,99.9,0\n"
    path = write(tmp_path, "broken.csv", good + 'SW1A 2AA,"51.50354,-0.127695\nE1 0AA,51.5,-0.05\n')
    with pytest.raises(PostcodeFileError,
                       match=r"^line 4: a quote opens here and is never closed$"):
        import_postcodes(store, path, batch_size=1)  # the first row is written before the error
    assert store.count() == 31
    assert store.lookup("SW1A 1AA") is None


def test_replace_empties_the_table_first(store: PostcodeStore, tmp_path: Path) -> None:
    import_postcodes(store, POSTCODES_CSV)
    path = write(tmp_path, "one.csv", "postcode,latitude,longitude\nSW1A 1AA,51.501009,-0.141588\n")
    import_postcodes(store, path, replace=True)
    assert store.count() == 1 and store.lookup("SE6 4RU") is None


def test_progress_counts_bytes_up_to_the_file_size(store: PostcodeStore) -> None:
    seen: list[int] = []
    import_postcodes(store, POSTCODES_CSV, batch_size=10, progress=seen.append)
    assert len(seen) == 4  # 32 data rows in batches of 10 (one row skipped: 31 written)
    assert seen == sorted(seen) and seen[-1] == POSTCODES_CSV.stat().st_size


def test_an_empty_file_is_refused(store: PostcodeStore, tmp_path: Path) -> None:
    with pytest.raises(PostcodeFileError, match="empty"):
        import_postcodes(store, write(tmp_path, "empty.csv", ""))


def test_a_broken_header_is_line_1(store: PostcodeStore, tmp_path: Path) -> None:
    with pytest.raises(PostcodeFileError, match=r"^line 1: "):
        import_postcodes(store, write(tmp_path, "header.csv", 'pcds,"lat,long\nSE6 4RU,1,2\n'))
