"""The team report: ONS4 change, referrals by need and group, rates, unmet needs, CSV, chart."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from pathlib import Path

from linkwell.gateway.referrals.model import ACCEPTED, DECLINED, DID_NOT_ATTEND, JOINED
from linkwell.gateway.referrals.report import report_csv, team_report, wellbeing_chart
from linkwell.gateway.referrals.store import ReferralStore
from linkwell.gateway.referrals.workspace import FIRST_MEETING, FOLLOW_UP, Workspace
from linkwell.gateway.web.unmet import UnmetStore
from tests.referrals.test_workspace import referred, store  # noqa: F401 (a fixture)

S = ("life_satisfaction", "worthwhile", "happiness", "anxiety")


def scores(*values: int) -> dict[str, int]:
    return dict(zip(S, values, strict=True))


def test_the_report_counts_rates_and_the_change_in_mean_scores(store: ReferralStore) -> None:  # noqa: F811
    work = Workspace(store)  # type: ignore[arg-type]
    plan = [  # (need, outcome, before, after)
        ("loneliness", JOINED, scores(2, 3, 2, 9), scores(6, 7, 5, 5)),
        ("loneliness", JOINED, scores(4, 5, 4, 7), scores(6, 5, 6, 3)),
        ("bereavement", DID_NOT_ATTEND, scores(5, 5, 5, 5), None),
        ("debt", DECLINED, None, None),
        ("loneliness", None, scores(1, 1, 1, 1), None),  # no answer yet
    ]
    for need, outcome, before, after in plan:
        ref = referred(store)
        work.note(ref, team="Catford Surgery", need=need, now=1_000_000.0)
        if outcome == DECLINED:
            store.set_status(ref, DECLINED, 1_100_000.0)
        elif outcome:
            store.set_status(ref, ACCEPTED, 1_100_000.0)
            work.attendance(ref, outcome, 1_200_000.0)
        if before:
            work.record_wellbeing(ref, FIRST_MEETING, before, 1_000_000.0)
        if after:
            work.record_wellbeing(ref, FOLLOW_UP, after, 2_000_000.0)
    referred(store, team="Deptford Medical Centre")  # another team's: not counted

    report = team_report(work.cases(team="Catford Surgery"), [])
    assert report["referrals"] == 5
    assert report["by_need"] == {"loneliness": 3, "bereavement": 1, "debt": 1}
    assert report["by_status"] == {"declined": 1, "did_not_attend": 1, "joined": 2, "sent": 1}
    assert report["acceptance_rate"] == 0.75  # 3 yes of 4 answered
    assert report["join_rate"] == 0.4  # 2 joined of 5
    change = report["wellbeing"]
    assert change["people"] == 2  # only those with both scores
    assert change["questions"]["life_satisfaction"] == {"before": 3.0, "after": 6.0,
                                                        "change": 3.0}
    assert change["questions"]["anxiety"] == {"before": 8.0, "after": 4.0, "change": -4.0}

    rows = list(csv.reader(io.StringIO(report_csv(report))))
    assert ["wellbeing", "anxiety_change", "-4.0"] in rows
    assert ["rates", "join_rate", "0.4"] in rows
    chart = ET.fromstring(wellbeing_chart(report))
    bars = chart.findall("{http://www.w3.org/2000/svg}rect")
    assert len(bars) == 8
    widths = [float(b.attrib["width"]) for b in bars]
    assert widths[1] == 2 * widths[0]  # life satisfaction: 6 after is twice 3 before


def test_unmet_needs_come_from_the_gateways_records_counted_independently(
        tmp_path: Path) -> None:
    unmet = UnmetStore(tmp_path / "gateway.sqlite3")
    asked = [("Sewing group", "SE6 4AB"), ("sewing  group", "SE13 5XX"),
             ("Tamil speaking carers", "SE6 1QQ"), ("chess", ""), ("=HYPERLINK(1)", "")]
    for words, near in asked:
        unmet.add(words, near)
    report = team_report([], unmet.recent())
    expected: dict[str, int] = {}
    for words, _ in asked:
        key = " ".join(words.lower().split())
        expected[key] = expected.get(key, 0) + 1
    assert {n["need"]: n["count"] for n in report["unmet_needs"]} == expected
    assert report["unmet_needs"][0] == {"need": "sewing group", "count": 2,
                                        "areas": ["SE13", "SE6"]}
    assert report["acceptance_rate"] is None and wellbeing_chart(report) == ""
    rows = list(csv.reader(io.StringIO(report_csv(report))))
    assert ["unmet_needs", "'=hyperlink(1)", "1"] in rows
