"""The services of one open database, wired together (built by the composition root)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from argon2 import PasswordHasher

from branchdesk.core.accounts import AccountService
from branchdesk.core.audit_log import AuditService
from branchdesk.core.backups import BackupService
from branchdesk.core.development import DevelopmentDueProvider, DevelopmentService
from branchdesk.core.home import CommitteeTermProvider, PoliticalBirthdayProvider, SummaryService
from branchdesk.core.materials import MaterialService
from branchdesk.core.meeting_calendar import MeetingCalendar, MeetingDueProvider
from branchdesk.core.meeting_list import MeetingList
from branchdesk.core.meetings import MeetingService
from branchdesk.core.member_export import MemberExporter
from branchdesk.core.member_import import MemberImporter
from branchdesk.core.members import MemberService, ResumeService
from branchdesk.core.organisations import OrganisationService
from branchdesk.core.precheck import FilePrecheckService
from branchdesk.core.todo import TodoBoard
from branchdesk.core.transfer_list import TransferList
from branchdesk.core.transfer_package import TransferPackages
from branchdesk.core.transfers import (
    IncomingProvider,
    IncomingTransfers,
    TransferReceiptProvider,
    TransferService,
)
from branchdesk.core.work_list import MonthlyWorkList
from branchdesk.core.workday_settings import WorkdaySettings
from branchdesk.storage.database import Database


@dataclass
class Services:
    """Everything the GUI and the CLI need to work on one database."""

    db: Database
    backup_dir: Path
    accounts: AccountService
    organisations: OrganisationService
    members: MemberService
    summary: SummaryService
    todo: TodoBoard
    audit: AuditService
    development: DevelopmentService
    materials: MaterialService
    workdays: WorkdaySettings
    resume: ResumeService
    meetings: MeetingService
    meeting_list: MeetingList
    meeting_calendar: MeetingCalendar
    transfers: TransferService
    incoming: IncomingTransfers
    transfer_list: TransferList
    packages: TransferPackages
    member_import: MemberImporter
    member_export: MemberExporter
    work_list: MonthlyWorkList
    backups: BackupService
    #: the 档案预审 of development files
    precheck: FilePrecheckService
    #: what the clerk should be told once the program has opened (a daily backup not taken)
    startup_notices: list[str] = field(default_factory=list)

    @classmethod
    def build(
        cls,
        db: Database,
        backup_dir: Path,
        today: dt.date | None = None,
        hasher: PasswordHasher | None = None,
    ) -> Services:
        summary = SummaryService(db)
        workdays = WorkdaySettings(db)
        members = MemberService(db, today)
        development = DevelopmentService(db, workdays.calendar, today)
        meetings = MeetingService(db, development, today)
        meeting_calendar = MeetingCalendar(db, meetings)
        todo = TodoBoard(
            [
                DevelopmentDueProvider(db),
                MeetingDueProvider(meeting_calendar),
                TransferReceiptProvider(db),
                IncomingProvider(db),
                CommitteeTermProvider(db),
                PoliticalBirthdayProvider(summary),
            ]
        )
        return cls(
            db=db,
            backup_dir=backup_dir,
            accounts=AccountService(db, hasher),
            organisations=OrganisationService(db),
            members=members,
            summary=summary,
            todo=todo,
            audit=AuditService(db),
            development=development,
            materials=MaterialService(db),
            workdays=workdays,
            resume=ResumeService(db),
            meetings=meetings,
            meeting_list=MeetingList(db),
            meeting_calendar=meeting_calendar,
            transfers=TransferService(db, today),
            incoming=IncomingTransfers(db, members, today),
            transfer_list=TransferList(db, today),
            packages=TransferPackages(db, today),
            member_import=MemberImporter(db, today),
            member_export=MemberExporter(db),
            work_list=MonthlyWorkList(todo, OrganisationService(db), today),
            backups=BackupService(db, backup_dir),
            precheck=FilePrecheckService(db, workdays.calendar, today),
        )
