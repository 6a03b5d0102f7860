"""What the clerk is shown of the audit anchors: the chain head and where the anchors are."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from branchdesk.core.actor import Actor
from branchdesk.core.errors import ValidationError
from branchdesk.core.vocab import Role
from branchdesk.storage import anchor_setup
from branchdesk.storage.chain_head import ChainHead
from branchdesk.storage.database import Database


@dataclass(frozen=True)
class AnchorStatus:
    """The chain head now, the anchor files of this database and the second folder."""

    head: ChainHead | None
    files: tuple[Path, ...]
    second_folder: Path | None

    @property
    def head_text(self) -> str:
        return self.head.describe() if self.head else "还没有审计记录"

    def lines(self) -> list[str]:
        """The status as lines a clerk reads (关于, 数据 page)."""
        lines = [f"当前：{self.head_text}"]
        if self.files:
            lines.append(f"审计锚点文件：{self.files[0]}")
        else:
            lines.append("审计锚点文件：尚未写入（打开数据库后写入）")
        if self.second_folder:
            lines.append(f"第二个锚点文件夹：{self.second_folder}")
        else:
            lines.append("第二个锚点文件夹：未设置（建议设到 U 盘或网络共享文件夹）")
        return lines


def anchor_status(db: Database) -> AnchorStatus:
    """The anchor status of an open database."""
    book = db.anchor_book
    second = book.second_folder if book else anchor_setup.second_folder_of(db)
    return AnchorStatus(anchor_setup.head_of(db), tuple(book.files) if book else (), second)


def set_second_folder(db: Database, actor: Actor, folder: Path | None) -> AnchorStatus:
    """The administrator keeps a copy of the anchors in a second folder (or stops: ``None``)."""
    actor.require(Role.ADMIN)
    if folder is not None and not Path(folder).is_dir():
        raise ValidationError({"folder": f"文件夹“{folder}”不存在，请先插入 U 盘或连接共享文件夹"})
    try:
        anchor_setup.set_second_folder(db, actor.username, folder)
    except OSError as exc:
        raise ValidationError(
            {"folder": f"无法在文件夹“{folder}”中写入（{exc.strerror or exc}），请换一个文件夹"}
        ) from None
    return anchor_status(db)
