import datetime as dt

import pytest

from branchdesk.core.actor import Actor
from branchdesk.core.errors import PermissionDenied
from branchdesk.core.services import Services
from branchdesk.core.workday_settings import WorkdaySettings


def test_administrator_enters_a_new_year(services: Services, admin: Actor, clerk: Actor) -> None:
    settings = WorkdaySettings(services.db)
    assert settings.calendar().is_provisional(2028)
    with pytest.raises(PermissionDenied):
        settings.set_day(clerk, dt.date(2028, 1, 1), False, "元旦")
    settings.set_day(admin, dt.date(2028, 1, 1), False, "元旦")
    settings.set_day(admin, dt.date(2028, 1, 29), True, "春节调休上班")  # a Saturday
    calendar = settings.calendar()
    assert calendar.is_working_day(dt.date(2028, 1, 1)) == (False, True)
    settings.set_year_complete(admin, 2028, True)
    calendar = settings.calendar()
    assert calendar.is_working_day(dt.date(2028, 1, 29)) == (True, False)
    assert not calendar.is_provisional(2028)
    assert services.audit.verify().sound
