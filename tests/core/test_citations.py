"""Every citation the program shows or prints, per rulebook version, in one table to review."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from branchdesk.core.rulebook.citations import DEVELOPMENT, SHARED, citation, citation_table

# The development rules (《中国共产党发展党员工作细则》) by rulebook version, as a reviewer
# checks them against domain.md §2: key → article.
EXPECTED_DEVELOPMENT = {
    "2014": {
        "age": "第五条",
        "application_talk": "第七条",
        "activist": "第八条",
        "activist_materials": "第十二条",
        "contacts": "第九条",
        "half_yearly_review": "第十一条",
        "candidate": "第十三条",
        "sponsors": "第十四条",
        "political_review": "第十六条、第十七条",
        "training": "第十八条",
        "prereview": "第十九条",
        "booklet": "第十九条",
        "admission_quorum": "第二十条",
        "admission_majority": "第二十一条",
        "approver": "第二十三条",
        "committee_talk": "第二十四条",
        "approval_limit": "第二十六条",
        "probation": "第三十二条",
        "conversion_quorum": "第三十三条",
        "conversion_majority": "第三十三条",
        "conversion_approval": "第三十四条",
        "archive": "第三十七条",
    },
    "2026": {
        "age": "第五条",
        "application_talk": "第七条",
        "activist": "第八条",
        "activist_materials": "第十二条",
        "contacts": "第九条",
        "half_yearly_review": "第十一条",
        "candidate": "第十三条",
        "sponsors": "第十四条",
        "political_review": "第十六条",
        "training": "第十七条",
        "prereview": "第十八条",
        "booklet": "第四十二条",
        "admission_quorum": "第十九条",
        "admission_majority": "第二十条",
        "approver": "第二十二条",
        "committee_talk": "第二十三条",
        "approval_limit": "第二十五条",
        "probation": "第三十一条",
        "conversion_quorum": "第十九条、第二十条",
        "conversion_majority": "第二十条",
        "conversion_approval": "第三十三条",
        "archive": "第三十六条",
        "admission_meeting_limit": "第十九条",
        "oath_limit": "第二十九条",
    },
}

# The other sources, shared by both rulebooks: key → citation as printed.
EXPECTED_SHARED = {
    "constitution_age": "《中国共产党章程》第一条",
    "constitution_oath": "《中国共产党章程》第六条",
    "constitution_probation": "《中国共产党章程》第七条",
    "constitution_cells": "《中国共产党章程》第八条",
    "constitution_term": "《中国共产党章程》第三十一条",
    "general_meeting": "《中国共产党支部工作条例（试行）》第十一条",
    "committee_meeting": "《中国共产党支部工作条例（试行）》第十二条",
    "group_meeting": "《中国共产党支部工作条例（试行）》第十三条",
    "party_lecture": "《中国共产党支部工作条例（试行）》第十五条",
    "theme_day": "《中国共产党支部工作条例（试行）》第十六条",
    "theme_day_education": "《中国共产党党员教育管理工作条例》第十六条",
    "life_meeting": "《中国共产党支部工作条例（试行）》第十七条",
    "member_appraisal": "《中国共产党支部工作条例（试行）》第十八条",
    "transfer_responsibility": "《中国共产党党员教育管理工作条例》第二十五条",
    "receipt_within_month": "《党员组织关系介绍信》填写说明（组通字〔2006〕45号）",
}


@pytest.mark.parametrize("version", ["2014", "2026"])
def test_development_citations_match_the_reviewed_table(version: str) -> None:
    table = {key: c.text for key, c in DEVELOPMENT[version].items()}
    expected = {
        key: f"《中国共产党发展党员工作细则》{arts}"
        for key, arts in EXPECTED_DEVELOPMENT[version].items()
    }
    assert table == expected


def test_shared_citations_match_the_reviewed_table() -> None:
    central = {key: c.text for key, c in SHARED.items() if not c.local}
    assert central == EXPECTED_SHARED


def test_local_practice_is_never_cited_as_an_article() -> None:
    local = [c for c in SHARED.values() if c.local]
    assert {c.key for c in local} >= {"party_lecture_quarterly", "letter_validity",
                                      "archive_checklist"}
    for c in local:
        assert c.text.startswith("本地常用做法") and "第" not in c.text.split("（")[0]


@pytest.mark.parametrize("version", ["2014", "2026"])
def test_the_table_lists_every_citation_once_with_what_it_says(version: str) -> None:
    rows = citation_table(version)
    keys = [key for key, _, _ in rows]
    assert len(keys) == len(set(keys))
    assert all(text and says for _, text, says in rows)
    assert citation("approval_limit", version) == dict((k, t) for k, t, _ in rows)["approval_limit"]


_ARTICLE = re.compile(r"》\s*第[一二三四五六七八九十百]+条")
_SRC = Path(__file__).resolve().parents[2] / "src" / "branchdesk"


def _string_literals(tree: ast.AST) -> list[tuple[int, str]]:
    """String constants outside docstrings, with their line numbers."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) not in docstrings:
                found.append((node.lineno, node.value))
    return found


def test_no_article_is_cited_outside_the_citations_module() -> None:
    """A citation written as a literal elsewhere would escape the reviewed table."""
    offenders = []
    for path in sorted(_SRC.rglob("*.py")):
        if path.name == "citations.py" or "forms" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, text in _string_literals(tree):
            if _ARTICLE.search(text):
                offenders.append(f"{path.relative_to(_SRC)}:{line}: {text[:40]}")
    assert offenders == []
