"""Records: a partial date in Dutch and in ISO form, and the range of days it can mean."""

from __future__ import annotations

import datetime as dt

import pytest

from kennisbank.model.records import PartialDate


@pytest.mark.parametrize(("date", "dutch", "iso", "earliest", "latest"), [
    (PartialDate(2019), "2019", "2019", dt.date(2019, 1, 1), dt.date(2019, 12, 31)),
    (PartialDate(2019, 1), "januari 2019", "2019-01", dt.date(2019, 1, 1), dt.date(2019, 1, 31)),
    (PartialDate(2020, 2), "februari 2020", "2020-02", dt.date(2020, 2, 1), dt.date(2020, 2, 29)),
    (PartialDate(2019, 12), "december 2019", "2019-12", dt.date(2019, 12, 1), dt.date(2019, 12, 31)),
    (PartialDate(2019, 5, 13), "13 mei 2019", "2019-05-13", dt.date(2019, 5, 13), dt.date(2019, 5, 13)),
    (PartialDate(2023, 1, 2), "2 januari 2023", "2023-01-02", dt.date(2023, 1, 2), dt.date(2023, 1, 2)),
    (PartialDate(2023, 12, 31), "31 december 2023", "2023-12-31", dt.date(2023, 12, 31), dt.date(2023, 12, 31)),
])
def test_a_partial_date_in_every_form(date, dutch, iso, earliest, latest):
    assert (date.dutch(), date.iso(), date.earliest(), date.latest()) == (dutch, iso, earliest, latest)
