"""The Python API: eventwire.extract and eventwire.open."""

import pandas as pd

import eventwire
import eventwire.extract.mentions  # noqa: F401 - binds the subpackage on `eventwire`


def test_extract_is_callable_even_after_the_stage_package_is_imported():
    result = eventwire.extract("Police arrested twelve activists in Yangon on Monday.",
                               published="2024-03-06")
    assert result["events"][0]["sub_event_type"] == "Arrests"
    assert result["events"][0]["date"] == "2024-03-04"


def test_open_returns_events_as_a_dataframe(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("Published: 2024-03-06\n\nRebels shelled the town of Kadugli on "
                      "Tuesday, killing three civilians.\n", encoding="utf-8")
    db = eventwire.open(f"sqlite:///{tmp_path / 'e.db'}")
    db.ingest([str(report)])
    frame = db.events(country="SD")
    assert isinstance(frame, pd.DataFrame)
    assert list(frame["sub_event_type"]) == ["Shelling/artillery/missile attack"]
    assert int(frame["fatalities"].iloc[0]) == 3
