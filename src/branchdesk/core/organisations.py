"""The organisation tree (党委 → 党总支 → 党支部 → 党小组) and committee terms."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from branchdesk.core.actor import Actor
from branchdesk.core.edit_conflict import guarded_write, refuse_if_changed
from branchdesk.core.errors import NotFound, ValidationError
from branchdesk.core.rulebook.citations import citation
from branchdesk.core.vocab import ALLOWED_PARENTS, COMMITTEE_POSTS, OrgKind, Role
from branchdesk.storage.database import Database
from branchdesk.storage.models import CommitteePost, CommitteeTerm, Member, Organisation

EDITORS = (Role.ADMIN, Role.CLERK)
KIND_BY_CODE = {kind.value: kind for kind in OrgKind}


@dataclass
class OrgNode:
    """An organisation with its children, as shown in the tree."""

    id: int
    kind: OrgKind
    name: str
    parent_id: int | None
    dissolved: bool
    address: str = ""
    phone: str = ""
    postcode: str = ""
    children: list[OrgNode] = field(default_factory=list)
    #: the version loaded; a save passes it back so that it cannot overwrite a newer one
    row_version: int = 1

    def walk(self) -> list[OrgNode]:
        """This node and all its descendants, depth first."""
        nodes = [self]
        for child in self.children:
            nodes.extend(child.walk())
        return nodes


@dataclass(frozen=True)
class PostInfo:
    """A post held in a committee term."""

    id: int
    member_id: int
    member_name: str
    post: str
    start_date: dt.date
    end_date: dt.date | None


@dataclass(frozen=True)
class TermInfo:
    """A committee term with its posts."""

    id: int
    organisation_id: int
    start_date: dt.date
    end_date: dt.date
    note: str
    posts: tuple[PostInfo, ...]


def _node(org: Organisation) -> OrgNode:
    return OrgNode(
        org.id,
        OrgKind(org.kind),
        org.name,
        org.parent_id,
        org.dissolved,
        org.address,
        org.phone,
        org.postcode,
        row_version=org.row_version,
    )


class OrganisationService:
    """Reads and edits the organisation tree and the committees' terms and posts."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def tree(self, include_dissolved: bool = True) -> list[OrgNode]:
        """The roots of the tree, each with its descendants."""
        columns = (
            Organisation.id, Organisation.kind, Organisation.name, Organisation.parent_id,
            Organisation.dissolved, Organisation.address, Organisation.phone,
            Organisation.postcode, Organisation.row_version,
        )
        query = select(*columns).order_by(Organisation.sort_order, Organisation.id)
        with self.db.read() as s:
            rows = s.connection().execute(query).all()  # Core: thousands of groups in a county
        nodes = {
            row[0]: OrgNode(row[0], KIND_BY_CODE[row[1]], *row[2:8], row_version=row[8])
            for row in rows
            if include_dissolved or not row[4]
        }
        roots: list[OrgNode] = []
        for node in nodes.values():
            parent = nodes.get(node.parent_id) if node.parent_id else None
            (parent.children if parent else roots).append(node)
        return roots

    def all_nodes(self) -> list[OrgNode]:
        return [n for root in self.tree() for n in root.walk()]

    def branches(self) -> list[OrgNode]:
        return [n for n in self.all_nodes() if n.kind is OrgKind.BRANCH and not n.dissolved]

    def groups_of(self, branch_id: int) -> list[OrgNode]:
        return [
            n
            for n in self.all_nodes()
            if n.kind is OrgKind.GROUP and n.parent_id == branch_id and not n.dissolved
        ]

    def get(self, org_id: int) -> OrgNode:
        with self.db.read() as s:
            org = s.get(Organisation, org_id)
            if org is None:
                raise NotFound(f"组织 {org_id} 不存在")
            return _node(org)

    def find_by_name(self, name: str, kind: OrgKind | None = None) -> OrgNode | None:
        for node in self.all_nodes():
            if node.name == name.strip() and (kind is None or node.kind is kind):
                return node
        return None

    def _check(self, s: Session, kind: OrgKind, name: str, parent_id: int | None) -> None:
        errors = {}
        if not name.strip():
            errors["name"] = "请填写组织名称"
        elif len(name.strip()) > 100:
            errors["name"] = "组织名称不超过 100 个字"
        parent = s.get(Organisation, parent_id) if parent_id else None
        if parent_id and parent is None:
            errors["parent"] = "上级组织不存在"
        parent_kind = OrgKind(parent.kind) if parent else None
        if parent_kind not in ALLOWED_PARENTS[kind]:
            allowed = "、".join(k.label if k else "（无上级）" for k in ALLOWED_PARENTS[kind])
            errors["parent"] = f"{kind.label}的上级应为{allowed}"
        if errors:
            raise ValidationError(errors)

    def create(
        self,
        actor: Actor,
        kind: OrgKind,
        name: str,
        parent_id: int | None,
        address: str = "",
        phone: str = "",
        postcode: str = "",
    ) -> int:
        actor.require(*EDITORS)
        with self.db.write(actor.username, f"新建{kind.label} {name.strip()}") as s:
            self._check(s, kind, name, parent_id)
            siblings = s.scalars(
                select(Organisation.sort_order).where(Organisation.parent_id == parent_id)
            ).all()
            org = Organisation(
                kind=kind.value,
                name=name.strip(),
                parent_id=parent_id,
                sort_order=max(siblings, default=0) + 1,
                address=address.strip(),
                phone=phone.strip(),
                postcode=postcode.strip(),
            )
            s.add(org)
            s.flush()
            return org.id

    def update(
        self,
        actor: Actor,
        org_id: int,
        name: str,
        address: str = "",
        phone: str = "",
        postcode: str = "",
        expected_version: int | None = None,
    ) -> None:
        """Save an organisation's details; refused (EditConflict) if it changed since
        ``expected_version`` was loaded."""
        actor.require(*EDITORS)
        with guarded_write(self.db, actor.username, f"修改组织 {name.strip()}") as s:
            org = s.get(Organisation, org_id)
            if org is None:
                raise NotFound(f"组织 {org_id} 不存在")
            refuse_if_changed(s, org, expected_version)
            self._check(s, OrgKind(org.kind), name, org.parent_id)
            org.name = name.strip()
            org.address, org.phone, org.postcode = address.strip(), phone.strip(), postcode.strip()

    def set_dissolved(self, actor: Actor, org_id: int, dissolved: bool) -> None:
        """Mark an organisation 撤销 (or undo it); an organisation is never deleted."""
        actor.require(*EDITORS)
        with guarded_write(
            self.db, actor.username, "撤销组织" if dissolved else "恢复组织"
        ) as s:
            org = s.get(Organisation, org_id)
            if org is None:
                raise NotFound(f"组织 {org_id} 不存在")
            if dissolved:
                column = Member.group_id if org.kind == OrgKind.GROUP else Member.branch_id
                active = s.scalar(
                    select(Member.id)
                    .where(column == org_id, Member.voided.is_(False), Member.status == "normal")
                    .limit(1)
                )
                if active is not None:
                    raise ValidationError(
                        {"dissolved": f"“{org.name}”还有党员，请先将他们调整到其他组织再撤销"}
                    )
            org.dissolved = dissolved

    # committee terms -------------------------------------------------------------------

    def terms(self, org_id: int) -> list[TermInfo]:
        with self.db.read() as s:
            terms = s.scalars(
                select(CommitteeTerm)
                .where(CommitteeTerm.organisation_id == org_id)
                .order_by(CommitteeTerm.start_date.desc())
            ).all()
            return [
                TermInfo(
                    t.id,
                    t.organisation_id,
                    t.start_date,
                    t.end_date,
                    t.note,
                    tuple(
                        PostInfo(p.id, p.member_id, p.member.name, p.post, p.start_date, p.end_date)
                        for p in t.posts
                    ),
                )
                for t in terms
            ]

    def current_term(self, org_id: int, on: dt.date) -> TermInfo | None:
        for term in self.terms(org_id):
            if term.start_date <= on <= term.end_date:
                return term
        return None

    def add_term(
        self, actor: Actor, org_id: int, start: dt.date, end: dt.date, note: str = ""
    ) -> int:
        actor.require(*EDITORS)
        errors = {}
        if end <= start:
            errors["end_date"] = "届满日期应晚于选举日期"
        elif not (3 * 365 - 2 <= (end - start).days <= 5 * 366):
            errors["end_date"] = f"委员会每届任期 3 至 5 年（{citation('constitution_term')}）"
        if errors:
            raise ValidationError(errors)
        with self.db.write(actor.username, "新增委员会届次") as s:
            if s.get(Organisation, org_id) is None:
                raise NotFound(f"组织 {org_id} 不存在")
            for other in s.scalars(
                select(CommitteeTerm).where(CommitteeTerm.organisation_id == org_id)
            ):
                if other.start_date < end and start < other.end_date:
                    raise ValidationError(
                        {"start_date": f"与 {other.start_date}—{other.end_date} 的届次时间重叠"}
                    )
            term = CommitteeTerm(
                organisation_id=org_id, start_date=start, end_date=end, note=note.strip()
            )
            s.add(term)
            s.flush()
            return term.id

    def add_post(
        self,
        actor: Actor,
        term_id: int,
        member_id: int,
        post: str,
        start: dt.date,
        end: dt.date | None = None,
    ) -> int:
        actor.require(*EDITORS)
        with self.db.write(actor.username, f"委员会任职 {post}") as s:
            term = s.get(CommitteeTerm, term_id)
            member = s.get(Member, member_id)
            if term is None or member is None:
                raise NotFound("届次或党员不存在")
            errors = {}
            if post.strip() not in COMMITTEE_POSTS:
                errors["post"] = "请选择职务：" + "、".join(COMMITTEE_POSTS)
            if member.stage != "full":
                errors["member"] = f"{member.name}不是正式党员，不能担任委员"
            if not term.start_date <= start <= term.end_date:
                errors["start_date"] = f"任职日期应在本届任期 {term.start_date}—{term.end_date} 内"
            if end is not None and end < start:
                errors["end_date"] = "离任日期不能早于任职日期"
            if post.strip() in ("书记",) and any(
                p.post == "书记" and p.end_date is None for p in term.posts
            ):
                errors["post"] = "本届已有在任书记，请先登记原书记离任"
            if errors:
                raise ValidationError(errors)
            entry = CommitteePost(
                term_id=term_id,
                member_id=member_id,
                post=post.strip(),
                start_date=start,
                end_date=end,
                sort_order=COMMITTEE_POSTS.index(post.strip()),
            )
            s.add(entry)
            s.flush()
            return entry.id

    def end_post(self, actor: Actor, post_id: int, end: dt.date) -> None:
        actor.require(*EDITORS)
        with guarded_write(self.db, actor.username, "委员离任") as s:
            post = s.get(CommitteePost, post_id)
            if post is None:
                raise NotFound("任职记录不存在")
            if end < post.start_date:
                raise ValidationError({"end_date": "离任日期不能早于任职日期"})
            post.end_date = end
