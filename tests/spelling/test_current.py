"""The vocabulary follows the listings on both backends: new words are there at once, and
withdrawn or deleted listings' words go."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import AUTH, load
from tests.factory import service


def spelling_of(client: FlaskClient, q: str) -> dict[str, object] | None:
    response = client.get("/services", query_string={"q": q})
    assert response.status_code == 200, response.json
    found: dict[str, object] | None = response.json["understood"].get("spelling")
    return found


def read_as(client: FlaskClient, q: str) -> object:
    """What the words were searched as (a search that finds nothing may still guess)."""
    spelling = spelling_of(client, q)
    return spelling["corrected"] if spelling else q


def test_the_vocabulary_follows_writes_withdrawals_and_deletes(app: Flask,
                                                               client: FlaskClient) -> None:
    speller = app.extensions["linkwell.speller"]
    speller.check_seconds = 0  # every search checks the stamp ...
    speller.background = False  # ... and waits for the words when they changed
    load(client, [service("choir", "Community Choir", "Sing together on Tuesdays.")])
    assert read_as(client, "zorbng") != "zorbing"  # no such word yet
    zorbing = service("zorbing", "Zorbing Afternoons", "Roll down the hill in a ball.")
    load(client, [zorbing])
    assert spelling_of(client, "zorbng") == {
        "typed": "zorbng", "corrected": "zorbing",
        "changes": [{"typed": "zorbng", "corrected": "zorbing"}]}
    answer = client.post("/assets/withdraw", headers=AUTH,
                         json={"feed": "tests", "ids": [zorbing["id"]]})
    assert answer.status_code == 200 and answer.json["withdrawn"] == 1
    assert read_as(client, "zorbng") != "zorbing"
    load(client, [zorbing])  # listed again: its words are back
    assert read_as(client, "zorbng") == "zorbing"
    answer = client.post("/assets/delete", headers=AUTH, json={"ids": [zorbing["id"]]})
    assert answer.status_code == 200 and answer.json["deleted"] == 1
    assert read_as(client, "zorbng") != "zorbing"
    assert spelling_of(client, "chior") == {
        "typed": "chior", "corrected": "choir",
        "changes": [{"typed": "chior", "corrected": "choir"}]}


def test_changed_words_can_be_read_in_the_background(app: Flask,
                                                             client: FlaskClient) -> None:
    """A search that finds the words changed answers with the vocabulary it has; a thread
    re-reads them, and a later search has them."""
    import time

    speller = app.extensions["linkwell.speller"]
    speller.check_seconds = 0
    speller.background = True
    load(client, [service("choir", "Community Choir", "Sing together on Tuesdays.")])
    read_as(client, "chior")  # the first search waits for the words
    load(client, [service("zorbing", "Zorbing Afternoons", "Roll down the hill in a ball.")])
    read_as(client, "zorbng")  # sees the change, starts the thread
    for _ in range(100):  # the thread's own pace: no bound on time is asserted
        if speller._lock.acquire(blocking=False):
            speller._lock.release()
            break
        time.sleep(0.05)
    assert read_as(client, "zorbng") == "zorbing"


def test_a_new_listings_words_are_never_corrected_away(app: Flask, client: FlaskClient) -> None:
    """Between stamp checks (a second on Elasticsearch) the vocabulary may lag the listings:
    a word it would mend is first checked against the words as they are now."""
    app.extensions["linkwell.speller"].check_seconds = 3600  # no check would be due
    load(client, [service("choir", "Community Choir", "Sing together on Tuesdays.")])
    app.extensions["linkwell.speller"].current()  # past the new app's warm-up read of its words
    assert spelling_of(client, "chior") is not None  # the vocabulary is read
    load(client, [service("zorbing", "Zorbing Afternoons", "Roll down the hill in a ball.")])
    response = client.get("/services", query_string={"q": "zorbing"})
    assert "spelling" not in response.json["understood"]
    assert [r["name"] for r in response.json["results"]] == ["Zorbing Afternoons"]


def test_a_search_never_waits_for_the_words_to_be_read(app: Flask) -> None:
    """While a new worker is still reading the directory's words, a search is read as typed
    at once (the spelling is mended once the words are known)."""
    from linkwell.directory.spelling import Speller

    speller = Speller(app.extensions["linkwell.backend"])
    with speller._lock:  # as while the worker's first reading of the words is under way
        answer = speller.correct("chior")
    assert (answer.typed, answer.text, answer.changed) == ("chior", "chior", False)
    assert speller.correct("chior").text == "choir"  # once read, mended
