"""The partner widget is one script tag, written as a few short files (issue 17).

The gateway joins ``WIDGET_PARTS`` into ``/widget.js`` (no build step); these tests check the
parts are all served, in order, as one script a JavaScript engine accepts, and that the
words of every part reach the widget's translations.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient

from linkwell.gateway.web.embed import WIDGET_PARTS

JS = Path(__file__).resolve().parents[2] / "services" / "gateway" / "static" / "js"


def test_every_part_is_listed_and_short() -> None:
    on_disk = {"widget.js", *(f"widget/{p.name}" for p in (JS / "widget").glob("*.js"))}
    assert set(WIDGET_PARTS) == on_disk  # a part left out would be silently missing
    assert WIDGET_PARTS[0] == "widget.js" and WIDGET_PARTS[-1] == "widget/start.js"
    for name in WIDGET_PARTS:
        assert len((JS / name).read_text(encoding="utf-8").splitlines()) <= 450, name


def test_the_widget_is_served_as_one_script_of_its_parts(web: FlaskClient,
                                                         tmp_path: Path) -> None:
    text = web.get("/widget.js").get_data(as_text=True)
    where = [text.index((JS / name).read_text(encoding="utf-8"))
             for name in ("combobox.js", *WIDGET_PARTS)]
    assert where == sorted(where)  # the combobox, then the parts in their order
    assert text.count("(function () {\n  \"use strict\";") == 1 and text.endswith("}());\n")
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the browser tests (tests/e2e) still run the widget")
    served = tmp_path / "widget.js"
    served.write_text(text, encoding="utf-8")
    checked = subprocess.run([node, "--check", str(served)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr



def test_the_words_of_every_part_are_translated(web: FlaskClient) -> None:
    body: dict[str, Any] = web.get("/widget/messages.json?lang=so").get_json()
    for word in ("Find options",  # widget.js
                 "Nothing found. Try other words.",  # widget/results.js
                 "Ask to join %(name)s"):  # widget/join.js
        assert body["messages"].get(word), word
