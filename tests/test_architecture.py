import ast
import subprocess
import sys
from pathlib import Path

import branchdesk

PACKAGE = Path(branchdesk.__file__).parent
QT_FREE = ("core", "storage", "reports")


def test_core_storage_reports_never_import_qt() -> None:
    offenders = []
    for layer in QT_FREE:
        for source in (PACKAGE / layer).rglob("*.py") if (PACKAGE / layer).exists() else []:
            for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                if any(n.split(".")[0] in ("PySide6", "shiboken6") for n in names):
                    offenders.append(str(source.relative_to(PACKAGE)))
    assert offenders == []


def test_storage_does_not_depend_on_core_or_gui() -> None:
    for source in (PACKAGE / "storage").rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        assert "branchdesk.core" not in text and "branchdesk.gui" not in text, source


def test_importing_the_cli_and_services_loads_no_qt() -> None:
    code = (
        "import sys, branchdesk.cli, branchdesk.core.services, branchdesk.core.demo;"
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
