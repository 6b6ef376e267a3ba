"""Dates as articles state them ("September 14, 2020", "14 Sept. 2020", "2020-09-14",
"18.11.2019"), to ISO 8601.

Only a whole date is accepted and nothing is guessed: no relative dates, no missing year, and a
numeric date like 11/12/2019 only when one part is over 12 and so cannot be the month.
"""

from __future__ import annotations

from datetime import date

import regex

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
# A weekday's name, short or whole ("Tue", "Tuesday"); bylines strip it too (`metadata`).
WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday|sday)?"
_WEEKDAY = rf"(?:{WEEKDAY}\.?,?\s+)?"
_LABEL = r"(?:(?:published|updated|posted|last updated|first published)(?:\s+on)?:?\s+)?"
_TIME = r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}|\s+\(?(?:UTC|GMT)[+-]?\d*\)?)?)?"
_DATE_FORMS = (
    rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})",
    rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})",
    r"(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?",
)
# Day-first with dots is the European convention; slashes are read only when unambiguous.
_NUMERIC_FORMS = (
    r"(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>\d{4})",
    r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})",
)
_DATE_LINE = regex.compile(
    "|".join(rf"(?:^{_LABEL}{_WEEKDAY}(?:{form}){_TIME}\.?$)" for form in _DATE_FORMS),
    regex.IGNORECASE,
)
# "Updated", perhaps a weekday, then the date: the text before a date that dates an update.
_UPDATED = regex.compile(r"\bupdated(?:\s+on)?:?\s+\S{0,12}\s*$", regex.IGNORECASE)
_DATE_ANYWHERE = regex.compile(
    "|".join(
        rf"(?:(?<![\d/.-])(?:{form})(?![\d/]|\.\d))" for form in (*_DATE_FORMS, *_NUMERIC_FORMS)
    ),
    regex.IGNORECASE,
)


def _iso(m: regex.Match[str]) -> str | None:
    groups = {k: v for k, v in m.groupdict().items() if v}
    if "a" in groups:  # slashed: month/day or day/month, whichever is not ambiguous
        a, b = int(groups["a"]), int(groups["b"])
        if (a > 12) == (b > 12):
            return None
        groups["mon"], groups["day"] = (str(b), str(a)) if a > 12 else (str(a), str(b))
    month = int(groups["mon"]) if "mon" in groups else MONTHS[groups["month"].lower()[:3]]
    try:
        return date(int(groups["year"]), month, int(groups["day"])).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """ISO date of a line that is a date and nothing else, else None."""
    m = _DATE_LINE.match(text.strip())
    return _iso(m) if m else None


def find_date(text: str) -> str | None:
    """ISO date of the first whole date stated anywhere in a short text ("By X - Nov 19, 2019"),
    passing over one labelled as an update when another follows: a date line that puts the
    update first ("Updated Sept. 10, 2024 | Published Sept. 9, 2024") dates the article by the
    other."""
    found = [
        (iso, _UPDATED.search(text, 0, m.start()) is not None)
        for m in _DATE_ANYWHERE.finditer(text)
        if (iso := _iso(m))
    ]
    return next((iso for iso, updated in found if not updated), found[0][0] if found else None)


def date_span(text: str) -> tuple[int, int] | None:
    """Where the first whole date a text states begins and ends, or None."""
    m = _DATE_ANYWHERE.search(text)
    return m.span() if m else None


def without_dates(text: str) -> str:
    """`text` with every whole date it states taken out: what a date line says besides."""
    return _DATE_ANYWHERE.sub(" ", text)
