"""Materials on file for the steps completed: the archive article's items and the local list.

A material formed by a step not yet reached is 尚未形成, not missing. A statutory item
(§36 of 2026, §37 of 2014) missing once archiving is due is an error citing the article; any
other missing material is a warning citing the local checklist. A step taken over as
imported history keeps its papers in the old paper file: not asked for here.
"""

from __future__ import annotations

import datetime as dt

from branchdesk.core.precheck.facts import FileFacts
from branchdesk.core.precheck.found import Found, error, warning
from branchdesk.core.rulebook import ON_TIME, rulebook_on
from branchdesk.core.rulebook.citations import citation
from branchdesk.core.rulebook.versions import MATERIAL_FORMED_AT, MATERIALS

ARCHIVE, APPROVAL, CONVERSION = 25, 24, 23


def archive_due(facts: FileFacts) -> bool:
    """Archiving is due once the conversion is approved on time (or step 25 was recorded)."""
    if any(r.step == ARCHIVE for r in facts.current_records()):
        return True
    decision, approval = facts.last_passed(CONVERSION), facts.last_passed(APPROVAL)
    return (
        decision is not None
        and approval is not None
        and approval.date >= decision.date
        and decision.details.get("outcome") == ON_TIME
    )


def _archive_day(facts: FileFacts, today: dt.date) -> dt.date:
    archived = facts.last_passed(ARCHIVE)
    return archived.date if archived is not None else today


def check_materials(facts: FileFacts, today: dt.date) -> list[Found]:
    """Every material formed by a completed step is on file."""
    passed = facts.passed_records()
    if not passed:
        return []
    highest = max(r.step for r in passed)
    due = archive_due(facts)
    book = rulebook_on(_archive_day(facts, today))
    statutory = {category: name for name, category in book.archive_items}
    found: list[Found] = []
    for category in MATERIALS:
        formed_at = MATERIAL_FORMED_AT.get(category)
        if formed_at is None or highest < formed_at or category in facts.materials:
            continue
        former = facts.first_passed(formed_at)
        if former is None or former.imported:
            continue  # taken over from the paper file (or below imported history)
        if category in statutory and due:
            named = statutory[category]
            shown = named if named == category else f"{named}（{category}）"
            found.append(error(
                formed_at, citation("archive", book.version),
                f"本步已完成，档案中缺少规定必须归档的「{shown}」：请补齐后上传扫描件"
                "或登记纸质原件的存放位置",
                former,
            ))
        else:
            found.append(warning(
                formed_at, citation("archive_checklist"),
                f"本步已完成，档案中还没有「{category}」：请上传扫描件或登记纸质原件的"
                "存放位置",
                former,
            ))
    return found
