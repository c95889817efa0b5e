"""Time phrases resolved against a publication date: sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.model import Span
from eventwire.resolve.times import (
    NoTimeError,
    event_time,
    find_expressions,
    find_times,
    infer_published,
)

WED = date(2023, 10, 18)  # a Wednesday
MON = date(2024, 3, 4)  # a Monday
NEW_YEAR = date(2024, 1, 1)  # a Monday and the first day of a year
SUN = date(2022, 5, 1)  # a Sunday and the first of a month


def _only(text: str, published: date | None):
    found = find_times(text, published)
    assert len(found) == 1, [t.span.text for t in found]
    return found[0]


CASES = [
    # (sentence, published, phrase, start, end, precision)
    # bare weekdays: the latest such day on or before publication
    ("Gunmen raided the village on Wednesday.", WED, "Wednesday", "2023-10-18", None, "day"),
    ("Gunmen raided the village on Tuesday.", WED, "Tuesday", "2023-10-17", None, "day"),
    ("Gunmen raided the village on Thursday.", WED, "Thursday", "2023-10-12", None, "day"),
    ("The convoy was ambushed Sunday.", MON, "Sunday", "2024-03-03", None, "day"),
    ("The convoy was ambushed Monday.", MON, "Monday", "2024-03-04", None, "day"),
    ("The convoy was ambushed Tuesday.", MON, "Tuesday", "2024-02-27", None, "day"),
    ("Police dispersed a sit-in on Sunday.", NEW_YEAR, "Sunday", "2023-12-31", None, "day"),
    ("Police dispersed a sit-in on Friday.", NEW_YEAR, "Friday", "2023-12-29", None, "day"),
    ("Crowds gathered on Sunday.", SUN, "Sunday", "2022-05-01", None, "day"),
    # "last <weekday>": the latest such day strictly before publication
    ("The commander spoke last Wednesday.", WED, "last Wednesday", "2023-10-11", None, "day"),
    ("The commander spoke last Monday.", MON, "last Monday", "2024-02-26", None, "day"),
    ("The commander spoke last Friday.", NEW_YEAR, "last Friday", "2023-12-29", None, "day"),
    (
        "The commander spoke last Wednesday.",
        date(2023, 10, 20),
        "last Wednesday",
        "2023-10-18",
        None,
        "day",
    ),
    # parts of a day stay on that day, even around midnight
    ("Tuesday night's blast shook the port.", WED, "Tuesday night", "2023-10-17", None, "day"),
    ("A mortar hit the camp late Tuesday.", WED, "late Tuesday", "2023-10-17", None, "day"),
    ("Shops burned Sunday night.", NEW_YEAR, "Sunday night", "2023-12-31", None, "day"),
    ("Shells fell Monday morning.", MON, "Monday morning", "2024-03-04", None, "day"),
    ("Sirens sounded last night.", NEW_YEAR, "last night", "2023-12-31", None, "day"),
    ("Drones struck the depot overnight.", WED, "overnight", "2023-10-17", "2023-10-18", "day"),
    (
        "Drones struck the depot overnight.",
        NEW_YEAR,
        "overnight",
        "2023-12-31",
        "2024-01-01",
        "day",
    ),
    # short ranges keep day precision
    (
        "Over the past 24 hours two posts were hit.",
        WED,
        "the past 24 hours",
        "2023-10-17",
        "2023-10-18",
        "day",
    ),
    (
        "In the last 24 hours, three rockets landed.",
        MON,
        "the last 24 hours",
        "2024-03-03",
        "2024-03-04",
        "day",
    ),
    # vague periods become coarser ranges
    ("Clashes have spread in recent days.", WED, "recent days", "2023-10-12", "2023-10-18", "week"),
    (
        "Arrests rose earlier this month.",
        WED,
        "earlier this month",
        "2023-10-01",
        "2023-10-18",
        "month",
    ),
    (
        "Arrests rose earlier this month.",
        NEW_YEAR,
        "earlier this month",
        "2024-01-01",
        "2024-01-01",
        "month",
    ),
    ("The militia split last year.", WED, "last year", "2022-01-01", "2022-12-31", "year"),
    ("The militia split last year.", NEW_YEAR, "last year", "2023-01-01", "2023-12-31", "year"),
    (
        "Strikes were called last month.",
        NEW_YEAR,
        "last month",
        "2023-12-01",
        "2023-12-31",
        "month",
    ),
    ("Talks stalled last week.", WED, "last week", "2023-10-09", "2023-10-15", "week"),
    ("Talks stalled last week.", NEW_YEAR, "last week", "2023-12-25", "2023-12-31", "week"),
    ("Troops withdrew over the weekend.", MON, "the weekend", "2024-03-02", "2024-03-03", "week"),
    ("The group has recently regrouped.", WED, "recently", "2023-10-12", "2023-10-18", "week"),
    ("The bridge is now closed.", WED, "now", "2023-10-18", "2023-10-18", "day"),
    (
        "Fighting flared in the past two weeks.",
        WED,
        "the past two weeks",
        "2023-10-05",
        "2023-10-18",
        "month",
    ),
    # single relative days
    ("A curfew began yesterday.", WED, "yesterday", "2023-10-17", None, "day"),
    ("A curfew began yesterday.", NEW_YEAR, "yesterday", "2023-12-31", None, "day"),
    ("A curfew begins today.", WED, "today", "2023-10-18", None, "day"),
    ("The strike started three days ago.", MON, "three days ago", "2024-03-01", None, "day"),
    # explicit dates win, with or without weekday or year
    (
        "Students marched on Friday, Oct. 13, 2023.",
        WED,
        "Friday, Oct. 13, 2023",
        "2023-10-13",
        None,
        "day",
    ),
    ("The camp was shelled on 13 October 2023.", WED, "13 October 2023", "2023-10-13", None, "day"),
    ("The camp was shelled on Oct. 13.", WED, "Oct. 13", "2023-10-13", None, "day"),
    (
        "Since the fighting began on October 7, many fled.",
        WED,
        "October 7",
        "2023-10-07",
        None,
        "day",
    ),
    ("Rebels took the town on Dec. 30.", NEW_YEAR, "Dec. 30", "2023-12-30", None, "day"),
    ("Rebels took the town on Jan. 2.", date(2023, 12, 30), "Jan. 2", "2024-01-02", None, "day"),
    ("The vote was held on 2023-10-12.", WED, "2023-10-12", "2023-10-12", None, "day"),
    ("The vote was held on 10/12/2023.", WED, "10/12/2023", "2023-10-12", None, "day"),
    ("Elections were due in March 2024.", WED, "March 2024", "2024-03-01", "2024-03-31", "month"),
    (
        "The ceasefire of nineteen ninety-six held.",
        WED,
        "nineteen ninety-six",
        "1996-01-01",
        "1996-12-31",
        "year",
    ),
    ("Rebels first appeared in 2012.", WED, "2012", "2012-01-01", "2012-12-31", "year"),
    ("Unrest peaked in May.", WED, "May", "2023-05-01", "2023-05-31", "month"),
    (
        "Unrest peaked in June last year.",
        WED,
        "June last year",
        "2022-06-01",
        "2022-06-30",
        "month",
    ),
    ("Unrest peaked last summer.", WED, "last summer", "2023-06-01", "2023-08-31", "month"),
    (
        "Output fell in the third quarter.",
        WED,
        "the third quarter",
        "2023-07-01",
        "2023-09-30",
        "month",
    ),
    (
        "Exports fell in the first half of 2023.",
        WED,
        "the first half of 2023",
        "2023-01-01",
        "2023-06-30",
        "year",
    ),
    (
        "Raids peaked in the week of Oct. 2.",
        WED,
        "the week of Oct. 2",
        "2023-10-02",
        "2023-10-08",
        "week",
    ),
    (
        "Fighting raged on Oct. 7-8 near the crossing.",
        WED,
        "Oct. 7-8",
        "2023-10-07",
        "2023-10-08",
        "day",
    ),
    (
        "Sieges were reported from 2 to 6 October 2023.",
        WED,
        "2 to 6 October 2023",
        "2023-10-02",
        "2023-10-06",
        "week",
    ),
    (
        "The vote was held on 12.10.2023 in the capital.",
        WED,
        "12.10.2023",
        "2023-10-12",
        None,
        "day",
    ),
    (
        "Shortly after midnight on Wednesday a blast hit.",
        WED,
        "Wednesday",
        "2023-10-18",
        None,
        "day",
    ),
    # holidays
    ("Crowds gathered on Christmas Eve.", NEW_YEAR, "Christmas Eve", "2023-12-24", None, "day"),
    (
        "Shops were looted on Thanksgiving Day.",
        NEW_YEAR,
        "Thanksgiving Day",
        "2023-11-23",
        None,
        "day",
    ),
    (
        "The market was bombed last Christmas.",
        date(2023, 12, 25),
        "last Christmas",
        "2022-12-25",
        None,
        "day",
    ),
    ("Churches were attacked on Easter Sunday.", MON, "Easter Sunday", "2024-03-31", None, "day"),
    # the future is dated forward when the clause says so
    ("Leaders will meet on Friday.", WED, "Friday", "2023-10-20", None, "day"),
    ("Talks are scheduled to resume Monday.", WED, "Monday", "2023-10-23", None, "day"),
    ("The envoy could arrive as soon as Wednesday.", WED, "Wednesday", "2023-10-18", None, "day"),
    ("Officials said Tuesday they would retaliate.", WED, "Tuesday", "2023-10-17", None, "day"),
    (
        "He vowed to strike back, and on Tuesday rebels attacked.",
        WED,
        "Tuesday",
        "2023-10-17",
        None,
        "day",
    ),
    ("Leaders meet again next Tuesday.", WED, "next Tuesday", "2023-10-24", None, "day"),
]


@pytest.mark.parametrize(("text", "published", "phrase", "start", "end", "precision"), CASES)
def test_phrase_resolves(text, published, phrase, start, end, precision):
    mention = _only(text, published)
    assert mention.span.text == phrase
    assert text[mention.span.start : mention.span.end] == phrase
    assert mention.when.start == date.fromisoformat(start)
    assert mention.when.end == date.fromisoformat(end or start)
    assert mention.when.precision == precision
    assert mention.when.fallback is False


@pytest.mark.parametrize(
    "text",
    [
        "They may march to the square.",
        "Residents said the situation was calm.",
        "The militia has 2,000 fighters.",
        "Prices rose 12 percent in a sat-down strike.",
        "The mayor wed a deputy.",
    ],
)
def test_words_that_are_not_times(text):
    assert find_times(text, WED) == []


def test_relative_phrases_need_a_publication_date():
    # Without a date to count from, only explicit dates are resolved.
    found = find_times("On Tuesday, after the raid of Oct. 13, 2023, the past 24 hours.", None)
    assert [t.span.text for t in found] == ["Oct. 13, 2023"]


def test_several_phrases_in_one_report_keep_their_offsets():
    text = "On Monday rebels attacked. Last Wednesday they had warned. In 2019 they split."
    found = find_times(text, WED)
    assert [(text[t.span.start : t.span.end], str(t.when.start)) for t in found] == [
        ("Monday", "2023-10-16"),
        ("Last Wednesday", "2023-10-11"),
        ("2019", "2019-01-01"),
    ]


def test_anaphoric_phrases_count_from_the_latest_date_named():
    text = (
        "Rebels seized the town on Oct. 2, 2023. The next day troops shelled it. "
        "Two days later a truce began. Later that day it broke down."
    )
    for published in (WED, None):
        found = find_times(text, published)
        assert [(t.span.text, str(t.when.start)) for t in found] == [
            ("Oct. 2, 2023", "2023-10-02"),
            ("The next day", "2023-10-03"),
            ("Two days later", "2023-10-05"),
            ("Later that day", "2023-10-05"),
        ]


@pytest.mark.parametrize(
    ("text", "phrase", "day"),
    [
        # the phrase heads what it is after: the killing was the day before the Tuesday
        ("Crowds burned a market in the town on Tuesday, a day after gunmen shot dead four "
         "traders.", "a day after", "2023-10-16"),
        ("Troops withdrew from the valley on Tuesday, the day before the vote.", "the day before",
         "2023-10-18"),
        # on its own it still counts on from the day named
        ("Gunmen raided the market on Tuesday. The day after the raid, traders stayed home.",
         "The day after", "2023-10-18"),
    ],
)
def test_a_day_after_a_named_day_dates_the_clause_it_heads(text, phrase, day):
    found = {t.span.text: str(t.when.start) for t in find_times(text, WED)}
    assert found[phrase] == day


def test_anaphoric_phrase_without_an_earlier_date_counts_from_publication():
    assert str(_only("The day before, a mine exploded.", WED).when.start) == "2023-10-17"


def test_expressions_carry_timeml_kind_and_value():
    found = find_expressions("In the past 24 hours, on Tuesday night, now.", WED)
    assert [(e.kind, e.value) for e in found] == [
        ("DURATION", "P1D"),
        ("DATE", "2023-10-17"),
        ("DATE", "PRESENT_REF"),
    ]


# ---- event_time -------------------------------------------------------------------------


def _sentence(text: str, sentence: str) -> Span:
    start = text.index(sentence)
    return Span(start, start + len(sentence), sentence)


def _trigger(text: str, word: str) -> Span:
    start = text.index(word)
    return Span(start, start + len(word), word)


def test_event_takes_the_time_nearest_its_trigger_in_its_sentence():
    text = "On Monday, officials said militants shelled the town on Sunday night."
    times = find_times(text, WED)
    when, mention = event_time(_sentence(text, text), _trigger(text, "shelled"), times, WED)
    assert mention is not None and mention.span.text == "Sunday night"
    assert when.start == date(2023, 10, 15)


def test_a_since_phrase_is_a_bound_not_the_event_time():
    text = "Since October 7, gunmen have attacked the road on Tuesday."
    times = find_times(text, WED)
    when, _ = event_time(_sentence(text, text), _trigger(text, "Since"), times, WED)
    assert when.start == date(2023, 10, 17)


SCENE = "Since the war began on October 7, attacks have grown in recent days."


@pytest.mark.parametrize(
    ("trigger", "phrase"), [("attacks", "recent days"), ("began", "October 7")]
)
def test_a_scene_setting_clause_dates_only_its_own_event(trigger, phrase):
    times = find_times(SCENE, WED)
    _, mention = event_time(_sentence(SCENE, SCENE), _trigger(SCENE, trigger), times, WED)
    assert mention is not None and mention.span.text == phrase


def test_a_scene_setting_date_does_not_govern_later_sentences_when_text_is_given():
    text = "Since the war began on October 7, the border has been tense. Rebels shelled a farm."
    times = find_times(text, WED)
    second = _sentence(text, "Rebels shelled a farm.")
    when, mention = event_time(second, _trigger(text, "shelled"), times, WED, text=text)
    assert mention is None and when.fallback is True
    # Without the article text the earlier date is all there is to go on.
    when, mention = event_time(second, _trigger(text, "shelled"), times, WED)
    assert mention is not None and when.start == date(2023, 10, 7)


def test_event_without_time_takes_the_governing_time_earlier_in_the_report():
    text = "Rockets hit the base on Tuesday. Two soldiers were wounded."
    times = find_times(text, WED)
    second = _sentence(text, "Two soldiers were wounded.")
    when, mention = event_time(second, _trigger(text, "wounded"), times, WED)
    assert mention is not None and mention.span.text == "Tuesday"
    assert when.start == date(2023, 10, 17)


def test_with_the_text_a_new_paragraph_falls_back_to_the_lede_time():
    text = (
        "Drones hit two bases on Tuesday, officials said.\n"
        "Last Friday the group had warned of attacks. It spoke in a video.\n"
        "One drone crashed near a village."
    )
    times = find_times(text, WED)
    last = _sentence(text, "One drone crashed near a village.")
    when, mention = event_time(last, _trigger(text, "crashed"), times, WED, text=text)
    assert mention is not None and mention.span.text == "Tuesday"
    video = _sentence(text, "It spoke in a video.")
    when, mention = event_time(video, _trigger(text, "spoke"), times, WED, text=text)
    assert mention is not None and mention.span.text == "Last Friday"


def test_background_dates_do_not_govern_later_sentences():
    text = "The war began in 2014. Rebels burned a school."
    times = find_times(text, WED)
    second = _sentence(text, "Rebels burned a school.")
    when, mention = event_time(second, _trigger(text, "burned"), times, WED)
    assert mention is None
    assert when.fallback is True


def test_fallback_is_the_publication_week_and_says_so():
    text = "Rebels burned a school."
    when, mention = event_time(_sentence(text, text), _trigger(text, "burned"), [], WED)
    assert mention is None
    assert (when.start, when.end, when.precision, when.fallback) == (
        date(2023, 10, 12),
        WED,
        "week",
        True,
    )


def test_no_time_and_no_publication_date_is_an_error():
    text = "Rebels burned a school."
    with pytest.raises(NoTimeError, match="burned"):
        event_time(_sentence(text, text), _trigger(text, "burned"), [], None)


# ---- infer_published --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KHARTOUM, Oct. 18, 2023 (Wire) - Shelling resumed on Tuesday.", date(2023, 10, 18)),
        ("Clashes in the north\nPublished: 4 March 2024\nTroops moved in.", date(2024, 3, 4)),
        (
            "Curfew extended\nUpdated 5 March 2024, Published 4 March 2024\nTroops moved in.",
            date(2024, 3, 4),
        ),
        ("Troops moved in.\n" + "x " * 400 + "\nPosted on 2024-01-01", date(2024, 1, 1)),
        ("Troops moved in on Tuesday, officials said yesterday.", None),
        (
            "Rebels have held the valley since they overran it on March 2, 2021, in a raid "
            "that displaced thousands of farmers, local officials and aid workers said.",
            None,
        ),
        ("Ceasefire talks\nMarch 4, 2024\nBy a staff writer\nTalks resumed.", date(2024, 3, 4)),
        ("TUNIS, 4 March 2024: Talks resumed after a long pause.", date(2024, 3, 4)),
        ("", None),
    ],
)
def test_infer_published(text, expected):
    assert infer_published(text) == expected


@pytest.mark.parametrize("published", [date(1, 1, 1), date(9999, 12, 31), WED, None])
def test_phrases_beyond_the_calendar_are_skipped_not_raised(published):
    text = "A million years ago, 999999 years later, last year, next week, Feb. 30, 2023."
    for mention in find_times(text, published):
        assert mention.when.start <= mention.when.end


def test_a_timestamp_counts_by_its_day():
    from datetime import datetime

    stamp = datetime(2023, 10, 18, 23, 55)
    assert str(_only("Rockets fell on Tuesday night.", stamp).when.start) == "2023-10-17"
    text = "Rebels burned a school."
    when, _ = event_time(_sentence(text, text), _trigger(text, "burned"), [], stamp)
    assert when.end == WED
