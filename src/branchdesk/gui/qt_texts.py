"""Chinese for the few texts of Qt's own dialogs that Qt's Chinese translation leaves out."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTranslator

#: (context, source text) → Chinese; Qt's qtbase_zh_CN has every other file-dialog text
MISSING_TEXTS: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
}


class QtTextsSupplement(QTranslator):
    """Answers only for :data:`MISSING_TEXTS`; every other text falls through to Qt's own."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None (a null string), not "": Qt then asks the next translator
        return MISSING_TEXTS.get((context, source))

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return False
