# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'meeting_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################
# Generated from ui/meeting_dialog.ui by ui/build_forms.py — do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QTabWidget,
    QTableView, QVBoxLayout, QWidget)

class Ui_MeetingDialog(object):
    def setupUi(self, MeetingDialog):
        if not MeetingDialog.objectName():
            MeetingDialog.setObjectName(u"MeetingDialog")
        MeetingDialog.resize(1000, 740)
        self.mainLayout = QVBoxLayout(MeetingDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.heading = QLabel(MeetingDialog)
        self.heading.setObjectName(u"heading")
        self.heading.setWordWrap(True)

        self.mainLayout.addWidget(self.heading)

        self.correctionForm = QFormLayout()
        self.correctionForm.setObjectName(u"correctionForm")
        self.correctionLabel = QLabel(MeetingDialog)
        self.correctionLabel.setObjectName(u"correctionLabel")

        self.correctionForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.correctionLabel)

        self.correction_reason = QLineEdit(MeetingDialog)
        self.correction_reason.setObjectName(u"correction_reason")

        self.correctionForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.correction_reason)

        self.err_correction_reason = QLabel(MeetingDialog)
        self.err_correction_reason.setObjectName(u"err_correction_reason")
        self.err_correction_reason.setWordWrap(True)

        self.correctionForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.err_correction_reason)


        self.mainLayout.addLayout(self.correctionForm)

        self.tabs = QTabWidget(MeetingDialog)
        self.tabs.setObjectName(u"tabs")
        self.basicTab = QWidget()
        self.basicTab.setObjectName(u"basicTab")
        self.basicLayout = QVBoxLayout(self.basicTab)
        self.basicLayout.setObjectName(u"basicLayout")
        self.basicForm = QFormLayout()
        self.basicForm.setObjectName(u"basicForm")
        self.kindLabel = QLabel(self.basicTab)
        self.kindLabel.setObjectName(u"kindLabel")

        self.basicForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kind = QComboBox(self.basicTab)
        self.kind.setObjectName(u"kind")

        self.basicForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kind)

        self.err_kind = QLabel(self.basicTab)
        self.err_kind.setObjectName(u"err_kind")
        self.err_kind.setWordWrap(True)

        self.basicForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.err_kind)

        self.organisationLabel = QLabel(self.basicTab)
        self.organisationLabel.setObjectName(u"organisationLabel")

        self.basicForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.organisationLabel)

        self.organisation_id = QComboBox(self.basicTab)
        self.organisation_id.setObjectName(u"organisation_id")

        self.basicForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.organisation_id)

        self.err_organisation_id = QLabel(self.basicTab)
        self.err_organisation_id.setObjectName(u"err_organisation_id")
        self.err_organisation_id.setWordWrap(True)

        self.basicForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.err_organisation_id)

        self.dateLabel = QLabel(self.basicTab)
        self.dateLabel.setObjectName(u"dateLabel")

        self.basicForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.date = QDateEdit(self.basicTab)
        self.date.setObjectName(u"date")

        self.basicForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.date)

        self.err_date = QLabel(self.basicTab)
        self.err_date.setObjectName(u"err_date")
        self.err_date.setWordWrap(True)

        self.basicForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.err_date)

        self.timeLabel = QLabel(self.basicTab)
        self.timeLabel.setObjectName(u"timeLabel")

        self.basicForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.timeLabel)

        self.timeWidget = QWidget(self.basicTab)
        self.timeWidget.setObjectName(u"timeWidget")
        self.timeLayout = QHBoxLayout(self.timeWidget)
        self.timeLayout.setObjectName(u"timeLayout")
        self.timeLayout.setContentsMargins(0, 0, 0, 0)
        self.start_time = QLineEdit(self.timeWidget)
        self.start_time.setObjectName(u"start_time")
        self.start_time.setMaxLength(5)
        self.start_time.setMaximumSize(QSize(110, 16777215))

        self.timeLayout.addWidget(self.start_time)

        self.toLabel = QLabel(self.timeWidget)
        self.toLabel.setObjectName(u"toLabel")

        self.timeLayout.addWidget(self.toLabel)

        self.end_time = QLineEdit(self.timeWidget)
        self.end_time.setObjectName(u"end_time")
        self.end_time.setMaxLength(5)
        self.end_time.setMaximumSize(QSize(110, 16777215))

        self.timeLayout.addWidget(self.end_time)

        self.timeSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.timeLayout.addItem(self.timeSpacer)


        self.basicForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.timeWidget)

        self.err_start_time = QLabel(self.basicTab)
        self.err_start_time.setObjectName(u"err_start_time")
        self.err_start_time.setWordWrap(True)

        self.basicForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.err_start_time)

        self.err_end_time = QLabel(self.basicTab)
        self.err_end_time.setObjectName(u"err_end_time")
        self.err_end_time.setWordWrap(True)

        self.basicForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.err_end_time)

        self.placeLabel = QLabel(self.basicTab)
        self.placeLabel.setObjectName(u"placeLabel")

        self.basicForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.placeLabel)

        self.place = QLineEdit(self.basicTab)
        self.place.setObjectName(u"place")

        self.basicForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.place)

        self.err_place = QLabel(self.basicTab)
        self.err_place.setObjectName(u"err_place")
        self.err_place.setWordWrap(True)

        self.basicForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.err_place)

        self.hostLabel = QLabel(self.basicTab)
        self.hostLabel.setObjectName(u"hostLabel")

        self.basicForm.setWidget(11, QFormLayout.ItemRole.LabelRole, self.hostLabel)

        self.host = QLineEdit(self.basicTab)
        self.host.setObjectName(u"host")

        self.basicForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.host)

        self.err_host = QLabel(self.basicTab)
        self.err_host.setObjectName(u"err_host")
        self.err_host.setWordWrap(True)

        self.basicForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.err_host)

        self.recorderLabel = QLabel(self.basicTab)
        self.recorderLabel.setObjectName(u"recorderLabel")

        self.basicForm.setWidget(13, QFormLayout.ItemRole.LabelRole, self.recorderLabel)

        self.recorder = QLineEdit(self.basicTab)
        self.recorder.setObjectName(u"recorder")

        self.basicForm.setWidget(13, QFormLayout.ItemRole.FieldRole, self.recorder)

        self.err_recorder = QLabel(self.basicTab)
        self.err_recorder.setObjectName(u"err_recorder")
        self.err_recorder.setWordWrap(True)

        self.basicForm.setWidget(14, QFormLayout.ItemRole.FieldRole, self.err_recorder)

        self.speakerLabel = QLabel(self.basicTab)
        self.speakerLabel.setObjectName(u"speakerLabel")

        self.basicForm.setWidget(15, QFormLayout.ItemRole.LabelRole, self.speakerLabel)

        self.speaker = QLineEdit(self.basicTab)
        self.speaker.setObjectName(u"speaker")

        self.basicForm.setWidget(15, QFormLayout.ItemRole.FieldRole, self.speaker)

        self.err_speaker = QLabel(self.basicTab)
        self.err_speaker.setObjectName(u"err_speaker")
        self.err_speaker.setWordWrap(True)

        self.basicForm.setWidget(16, QFormLayout.ItemRole.FieldRole, self.err_speaker)

        self.topicLabel = QLabel(self.basicTab)
        self.topicLabel.setObjectName(u"topicLabel")

        self.basicForm.setWidget(17, QFormLayout.ItemRole.LabelRole, self.topicLabel)

        self.topic = QLineEdit(self.basicTab)
        self.topic.setObjectName(u"topic")

        self.basicForm.setWidget(17, QFormLayout.ItemRole.FieldRole, self.topic)

        self.err_topic = QLabel(self.basicTab)
        self.err_topic.setObjectName(u"err_topic")
        self.err_topic.setWordWrap(True)

        self.basicForm.setWidget(18, QFormLayout.ItemRole.FieldRole, self.err_topic)


        self.basicLayout.addLayout(self.basicForm)

        self.basicSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.basicLayout.addItem(self.basicSpacer)

        self.tabs.addTab(self.basicTab, "")
        self.attendanceTab = QWidget()
        self.attendanceTab.setObjectName(u"attendanceTab")
        self.attendanceLayout = QVBoxLayout(self.attendanceTab)
        self.attendanceLayout.setObjectName(u"attendanceLayout")
        self.attendanceHint = QLabel(self.attendanceTab)
        self.attendanceHint.setObjectName(u"attendanceHint")
        self.attendanceHint.setWordWrap(True)

        self.attendanceLayout.addWidget(self.attendanceHint)

        self.quorumWarning = QLabel(self.attendanceTab)
        self.quorumWarning.setObjectName(u"quorumWarning")
        self.quorumWarning.setWordWrap(True)

        self.attendanceLayout.addWidget(self.quorumWarning)

        self.attendanceLabel = QLabel(self.attendanceTab)
        self.attendanceLabel.setObjectName(u"attendanceLabel")

        self.attendanceLayout.addWidget(self.attendanceLabel)

        self.attendance = QTableView(self.attendanceTab)
        self.attendance.setObjectName(u"attendance")

        self.attendanceLayout.addWidget(self.attendance)

        self.attendanceButtons = QHBoxLayout()
        self.attendanceButtons.setObjectName(u"attendanceButtons")
        self.attendanceCount = QLabel(self.attendanceTab)
        self.attendanceCount.setObjectName(u"attendanceCount")

        self.attendanceButtons.addWidget(self.attendanceCount)

        self.attendanceSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.attendanceButtons.addItem(self.attendanceSpacer)

        self.allPresent = QPushButton(self.attendanceTab)
        self.allPresent.setObjectName(u"allPresent")
        self.allPresent.setAutoDefault(False)

        self.attendanceButtons.addWidget(self.allPresent)


        self.attendanceLayout.addLayout(self.attendanceButtons)

        self.err_present = QLabel(self.attendanceTab)
        self.err_present.setObjectName(u"err_present")
        self.err_present.setWordWrap(True)

        self.attendanceLayout.addWidget(self.err_present)

        self.err_absences = QLabel(self.attendanceTab)
        self.err_absences.setObjectName(u"err_absences")
        self.err_absences.setWordWrap(True)

        self.attendanceLayout.addWidget(self.err_absences)

        self.guestsLayout = QHBoxLayout()
        self.guestsLayout.setObjectName(u"guestsLayout")
        self.guestsLabel = QLabel(self.attendanceTab)
        self.guestsLabel.setObjectName(u"guestsLabel")

        self.guestsLayout.addWidget(self.guestsLabel)

        self.guests = QLineEdit(self.attendanceTab)
        self.guests.setObjectName(u"guests")

        self.guestsLayout.addWidget(self.guests)


        self.attendanceLayout.addLayout(self.guestsLayout)

        self.tabs.addTab(self.attendanceTab, "")
        self.agendaTab = QWidget()
        self.agendaTab.setObjectName(u"agendaTab")
        self.agendaTabLayout = QVBoxLayout(self.agendaTab)
        self.agendaTabLayout.setObjectName(u"agendaTabLayout")
        self.meetingQuorum = QLabel(self.agendaTab)
        self.meetingQuorum.setObjectName(u"meetingQuorum")
        self.meetingQuorum.setWordWrap(True)

        self.agendaTabLayout.addWidget(self.meetingQuorum)

        self.agendaLayout = QHBoxLayout()
        self.agendaLayout.setObjectName(u"agendaLayout")
        self.agendaLeft = QVBoxLayout()
        self.agendaLeft.setObjectName(u"agendaLeft")
        self.agendaLabel = QLabel(self.agendaTab)
        self.agendaLabel.setObjectName(u"agendaLabel")

        self.agendaLeft.addWidget(self.agendaLabel)

        self.agendaList = QListWidget(self.agendaTab)
        self.agendaList.setObjectName(u"agendaList")
        self.agendaList.setMaximumSize(QSize(300, 16777215))

        self.agendaLeft.addWidget(self.agendaList)

        self.agendaButtons = QHBoxLayout()
        self.agendaButtons.setObjectName(u"agendaButtons")
        self.addItem = QPushButton(self.agendaTab)
        self.addItem.setObjectName(u"addItem")
        self.addItem.setAutoDefault(False)

        self.agendaButtons.addWidget(self.addItem)

        self.removeItem = QPushButton(self.agendaTab)
        self.removeItem.setObjectName(u"removeItem")
        self.removeItem.setAutoDefault(False)

        self.agendaButtons.addWidget(self.removeItem)

        self.itemUp = QPushButton(self.agendaTab)
        self.itemUp.setObjectName(u"itemUp")
        self.itemUp.setAutoDefault(False)

        self.agendaButtons.addWidget(self.itemUp)

        self.itemDown = QPushButton(self.agendaTab)
        self.itemDown.setObjectName(u"itemDown")
        self.itemDown.setAutoDefault(False)

        self.agendaButtons.addWidget(self.itemDown)


        self.agendaLeft.addLayout(self.agendaButtons)

        self.err_agenda = QLabel(self.agendaTab)
        self.err_agenda.setObjectName(u"err_agenda")
        self.err_agenda.setWordWrap(True)
        self.err_agenda.setMaximumSize(QSize(300, 16777215))

        self.agendaLeft.addWidget(self.err_agenda)


        self.agendaLayout.addLayout(self.agendaLeft)

        self.itemBox = QGroupBox(self.agendaTab)
        self.itemBox.setObjectName(u"itemBox")
        self.itemLayout = QVBoxLayout(self.itemBox)
        self.itemLayout.setObjectName(u"itemLayout")
        self.itemForm = QFormLayout()
        self.itemForm.setObjectName(u"itemForm")
        self.itemTitleLabel = QLabel(self.itemBox)
        self.itemTitleLabel.setObjectName(u"itemTitleLabel")

        self.itemForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.itemTitleLabel)

        self.item_title = QLineEdit(self.itemBox)
        self.item_title.setObjectName(u"item_title")

        self.itemForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.item_title)

        self.itemDiscussionLabel = QLabel(self.itemBox)
        self.itemDiscussionLabel.setObjectName(u"itemDiscussionLabel")

        self.itemForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.itemDiscussionLabel)

        self.item_discussion = QPlainTextEdit(self.itemBox)
        self.item_discussion.setObjectName(u"item_discussion")
        self.item_discussion.setTabChangesFocus(True)
        self.item_discussion.setMaximumSize(QSize(16777215, 70))

        self.itemForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.item_discussion)

        self.itemResolutionLabel = QLabel(self.itemBox)
        self.itemResolutionLabel.setObjectName(u"itemResolutionLabel")

        self.itemForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.itemResolutionLabel)

        self.item_resolution = QPlainTextEdit(self.itemBox)
        self.item_resolution.setObjectName(u"item_resolution")
        self.item_resolution.setTabChangesFocus(True)
        self.item_resolution.setMaximumSize(QSize(16777215, 56))

        self.itemForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.item_resolution)


        self.itemLayout.addLayout(self.itemForm)

        self.voteBox = QGroupBox(self.itemBox)
        self.voteBox.setObjectName(u"voteBox")
        self.voteLayout = QVBoxLayout(self.voteBox)
        self.voteLayout.setObjectName(u"voteLayout")
        self.voteTop = QHBoxLayout()
        self.voteTop.setObjectName(u"voteTop")
        self.voteList = QListWidget(self.voteBox)
        self.voteList.setObjectName(u"voteList")
        self.voteList.setMaximumSize(QSize(16777215, 84))

        self.voteTop.addWidget(self.voteList)

        self.voteButtons = QVBoxLayout()
        self.voteButtons.setObjectName(u"voteButtons")
        self.addVote = QPushButton(self.voteBox)
        self.addVote.setObjectName(u"addVote")
        self.addVote.setAutoDefault(False)

        self.voteButtons.addWidget(self.addVote)

        self.removeVote = QPushButton(self.voteBox)
        self.removeVote.setObjectName(u"removeVote")
        self.removeVote.setAutoDefault(False)

        self.voteButtons.addWidget(self.removeVote)

        self.voteButtonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.voteButtons.addItem(self.voteButtonSpacer)


        self.voteTop.addLayout(self.voteButtons)


        self.voteLayout.addLayout(self.voteTop)

        self.voteHint = QLabel(self.voteBox)
        self.voteHint.setObjectName(u"voteHint")
        self.voteHint.setWordWrap(True)

        self.voteLayout.addWidget(self.voteHint)

        self.voteEditor = QWidget(self.voteBox)
        self.voteEditor.setObjectName(u"voteEditor")
        self.voteForm = QFormLayout(self.voteEditor)
        self.voteForm.setObjectName(u"voteForm")
        self.voteForm.setContentsMargins(0, 0, 0, 0)
        self.purposeLabel = QLabel(self.voteEditor)
        self.purposeLabel.setObjectName(u"purposeLabel")

        self.voteForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.purposeLabel)

        self.purpose = QComboBox(self.voteEditor)
        self.purpose.setObjectName(u"purpose")

        self.voteForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.purpose)

        self.candidateLabel = QLabel(self.voteEditor)
        self.candidateLabel.setObjectName(u"candidateLabel")

        self.voteForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.candidateLabel)

        self.candidate = QComboBox(self.voteEditor)
        self.candidate.setObjectName(u"candidate")

        self.voteForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.candidate)

        self.outcomeLabel = QLabel(self.voteEditor)
        self.outcomeLabel.setObjectName(u"outcomeLabel")

        self.voteForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.outcomeLabel)

        self.outcomeWidget = QWidget(self.voteEditor)
        self.outcomeWidget.setObjectName(u"outcomeWidget")
        self.outcomeLayout = QHBoxLayout(self.outcomeWidget)
        self.outcomeLayout.setObjectName(u"outcomeLayout")
        self.outcomeLayout.setContentsMargins(0, 0, 0, 0)
        self.outcome = QComboBox(self.outcomeWidget)
        self.outcome.setObjectName(u"outcome")

        self.outcomeLayout.addWidget(self.outcome)

        self.extension_months = QSpinBox(self.outcomeWidget)
        self.extension_months.setObjectName(u"extension_months")
        self.extension_months.setMaximum(12)

        self.outcomeLayout.addWidget(self.extension_months)

        self.outcomeSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outcomeLayout.addItem(self.outcomeSpacer)


        self.voteForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.outcomeWidget)

        self.subjectLabel = QLabel(self.voteEditor)
        self.subjectLabel.setObjectName(u"subjectLabel")

        self.voteForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.subjectLabel)

        self.subject = QLineEdit(self.voteEditor)
        self.subject.setObjectName(u"subject")

        self.voteForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.subject)

        self.methodLabel = QLabel(self.voteEditor)
        self.methodLabel.setObjectName(u"methodLabel")

        self.voteForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.methodLabel)

        self.method = QComboBox(self.voteEditor)
        self.method.setObjectName(u"method")

        self.voteForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.method)

        self.peopleLabel = QLabel(self.voteEditor)
        self.peopleLabel.setObjectName(u"peopleLabel")

        self.voteForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.peopleLabel)

        self.peopleWidget = QWidget(self.voteEditor)
        self.peopleWidget.setObjectName(u"peopleWidget")
        self.peopleLayout = QHBoxLayout(self.peopleWidget)
        self.peopleLayout.setObjectName(u"peopleLayout")
        self.peopleLayout.setContentsMargins(0, 0, 0, 0)
        self.entitledLabel = QLabel(self.peopleWidget)
        self.entitledLabel.setObjectName(u"entitledLabel")

        self.peopleLayout.addWidget(self.entitledLabel)

        self.entitled = QSpinBox(self.peopleWidget)
        self.entitled.setObjectName(u"entitled")
        self.entitled.setMaximum(100000)

        self.peopleLayout.addWidget(self.entitled)

        self.votePresentLabel = QLabel(self.peopleWidget)
        self.votePresentLabel.setObjectName(u"votePresentLabel")

        self.peopleLayout.addWidget(self.votePresentLabel)

        self.vote_present = QSpinBox(self.peopleWidget)
        self.vote_present.setObjectName(u"vote_present")
        self.vote_present.setMaximum(100000)

        self.peopleLayout.addWidget(self.vote_present)

        self.writtenLabel = QLabel(self.peopleWidget)
        self.writtenLabel.setObjectName(u"writtenLabel")

        self.peopleLayout.addWidget(self.writtenLabel)

        self.written = QSpinBox(self.peopleWidget)
        self.written.setObjectName(u"written")
        self.written.setMaximum(100000)

        self.peopleLayout.addWidget(self.written)

        self.peopleSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.peopleLayout.addItem(self.peopleSpacer)


        self.voteForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.peopleWidget)

        self.countsLabel = QLabel(self.voteEditor)
        self.countsLabel.setObjectName(u"countsLabel")

        self.voteForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.countsLabel)

        self.countsWidget = QWidget(self.voteEditor)
        self.countsWidget.setObjectName(u"countsWidget")
        self.countsLayout = QHBoxLayout(self.countsWidget)
        self.countsLayout.setObjectName(u"countsLayout")
        self.countsLayout.setContentsMargins(0, 0, 0, 0)
        self.yesLabel = QLabel(self.countsWidget)
        self.yesLabel.setObjectName(u"yesLabel")

        self.countsLayout.addWidget(self.yesLabel)

        self.yes = QSpinBox(self.countsWidget)
        self.yes.setObjectName(u"yes")
        self.yes.setMaximum(100000)

        self.countsLayout.addWidget(self.yes)

        self.againstLabel = QLabel(self.countsWidget)
        self.againstLabel.setObjectName(u"againstLabel")

        self.countsLayout.addWidget(self.againstLabel)

        self.against = QSpinBox(self.countsWidget)
        self.against.setObjectName(u"against")
        self.against.setMaximum(100000)

        self.countsLayout.addWidget(self.against)

        self.abstainLabel = QLabel(self.countsWidget)
        self.abstainLabel.setObjectName(u"abstainLabel")

        self.countsLayout.addWidget(self.abstainLabel)

        self.abstain = QSpinBox(self.countsWidget)
        self.abstain.setObjectName(u"abstain")
        self.abstain.setMaximum(100000)

        self.countsLayout.addWidget(self.abstain)

        self.countsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.countsLayout.addItem(self.countsSpacer)


        self.voteForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.countsWidget)

        self.quorumText = QLabel(self.voteEditor)
        self.quorumText.setObjectName(u"quorumText")
        self.quorumText.setWordWrap(True)

        self.voteForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.quorumText)

        self.resultText = QLabel(self.voteEditor)
        self.resultText.setObjectName(u"resultText")
        self.resultText.setWordWrap(True)

        self.voteForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.resultText)


        self.voteLayout.addWidget(self.voteEditor)


        self.itemLayout.addWidget(self.voteBox)


        self.agendaLayout.addWidget(self.itemBox)


        self.agendaTabLayout.addLayout(self.agendaLayout)

        self.tabs.addTab(self.agendaTab, "")
        self.discussionTab = QWidget()
        self.discussionTab.setObjectName(u"discussionTab")
        self.discussionForm = QFormLayout(self.discussionTab)
        self.discussionForm.setObjectName(u"discussionForm")
        self.discussionLabel = QLabel(self.discussionTab)
        self.discussionLabel.setObjectName(u"discussionLabel")

        self.discussionForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.discussionLabel)

        self.discussion = QPlainTextEdit(self.discussionTab)
        self.discussion.setObjectName(u"discussion")
        self.discussion.setTabChangesFocus(True)

        self.discussionForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.discussion)

        self.resolutionsLabel = QLabel(self.discussionTab)
        self.resolutionsLabel.setObjectName(u"resolutionsLabel")

        self.discussionForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.resolutionsLabel)

        self.resolutions = QPlainTextEdit(self.discussionTab)
        self.resolutions.setObjectName(u"resolutions")
        self.resolutions.setTabChangesFocus(True)

        self.discussionForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.resolutions)

        self.tabs.addTab(self.discussionTab, "")
        self.attachmentsTab = QWidget()
        self.attachmentsTab.setObjectName(u"attachmentsTab")
        self.attachmentsLayout = QVBoxLayout(self.attachmentsTab)
        self.attachmentsLayout.setObjectName(u"attachmentsLayout")
        self.attachmentHint = QLabel(self.attachmentsTab)
        self.attachmentHint.setObjectName(u"attachmentHint")
        self.attachmentHint.setWordWrap(True)

        self.attachmentsLayout.addWidget(self.attachmentHint)

        self.attachments = QListWidget(self.attachmentsTab)
        self.attachments.setObjectName(u"attachments")

        self.attachmentsLayout.addWidget(self.attachments)

        self.attachmentButtons = QHBoxLayout()
        self.attachmentButtons.setObjectName(u"attachmentButtons")
        self.addAttachment = QPushButton(self.attachmentsTab)
        self.addAttachment.setObjectName(u"addAttachment")
        self.addAttachment.setAutoDefault(False)

        self.attachmentButtons.addWidget(self.addAttachment)

        self.openAttachment = QPushButton(self.attachmentsTab)
        self.openAttachment.setObjectName(u"openAttachment")
        self.openAttachment.setAutoDefault(False)

        self.attachmentButtons.addWidget(self.openAttachment)

        self.attachmentSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.attachmentButtons.addItem(self.attachmentSpacer)


        self.attachmentsLayout.addLayout(self.attachmentButtons)

        self.err_file = QLabel(self.attachmentsTab)
        self.err_file.setObjectName(u"err_file")
        self.err_file.setWordWrap(True)

        self.attachmentsLayout.addWidget(self.err_file)

        self.tabs.addTab(self.attachmentsTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.err_general = QLabel(MeetingDialog)
        self.err_general.setObjectName(u"err_general")
        self.err_general.setWordWrap(True)

        self.mainLayout.addWidget(self.err_general)

        self.buttons = QDialogButtonBox(MeetingDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.correctionLabel.setBuddy(self.correction_reason)
        self.kindLabel.setBuddy(self.kind)
        self.organisationLabel.setBuddy(self.organisation_id)
        self.dateLabel.setBuddy(self.date)
        self.timeLabel.setBuddy(self.start_time)
        self.toLabel.setBuddy(self.end_time)
        self.placeLabel.setBuddy(self.place)
        self.hostLabel.setBuddy(self.host)
        self.recorderLabel.setBuddy(self.recorder)
        self.speakerLabel.setBuddy(self.speaker)
        self.topicLabel.setBuddy(self.topic)
        self.attendanceLabel.setBuddy(self.attendance)
        self.guestsLabel.setBuddy(self.guests)
        self.agendaLabel.setBuddy(self.agendaList)
        self.itemTitleLabel.setBuddy(self.item_title)
        self.itemDiscussionLabel.setBuddy(self.item_discussion)
        self.itemResolutionLabel.setBuddy(self.item_resolution)
        self.purposeLabel.setBuddy(self.purpose)
        self.candidateLabel.setBuddy(self.candidate)
        self.outcomeLabel.setBuddy(self.outcome)
        self.subjectLabel.setBuddy(self.subject)
        self.methodLabel.setBuddy(self.method)
        self.peopleLabel.setBuddy(self.entitled)
        self.entitledLabel.setBuddy(self.entitled)
        self.votePresentLabel.setBuddy(self.vote_present)
        self.writtenLabel.setBuddy(self.written)
        self.countsLabel.setBuddy(self.yes)
        self.yesLabel.setBuddy(self.yes)
        self.againstLabel.setBuddy(self.against)
        self.abstainLabel.setBuddy(self.abstain)
        self.discussionLabel.setBuddy(self.discussion)
        self.resolutionsLabel.setBuddy(self.resolutions)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.correction_reason, self.tabs)
        QWidget.setTabOrder(self.tabs, self.kind)
        QWidget.setTabOrder(self.kind, self.organisation_id)
        QWidget.setTabOrder(self.organisation_id, self.date)
        QWidget.setTabOrder(self.date, self.start_time)
        QWidget.setTabOrder(self.start_time, self.end_time)
        QWidget.setTabOrder(self.end_time, self.place)
        QWidget.setTabOrder(self.place, self.host)
        QWidget.setTabOrder(self.host, self.recorder)
        QWidget.setTabOrder(self.recorder, self.speaker)
        QWidget.setTabOrder(self.speaker, self.topic)
        QWidget.setTabOrder(self.topic, self.attendance)
        QWidget.setTabOrder(self.attendance, self.allPresent)
        QWidget.setTabOrder(self.allPresent, self.guests)
        QWidget.setTabOrder(self.guests, self.agendaList)
        QWidget.setTabOrder(self.agendaList, self.addItem)
        QWidget.setTabOrder(self.addItem, self.removeItem)
        QWidget.setTabOrder(self.removeItem, self.itemUp)
        QWidget.setTabOrder(self.itemUp, self.itemDown)
        QWidget.setTabOrder(self.itemDown, self.item_title)
        QWidget.setTabOrder(self.item_title, self.item_discussion)
        QWidget.setTabOrder(self.item_discussion, self.item_resolution)
        QWidget.setTabOrder(self.item_resolution, self.voteList)
        QWidget.setTabOrder(self.voteList, self.addVote)
        QWidget.setTabOrder(self.addVote, self.removeVote)
        QWidget.setTabOrder(self.removeVote, self.purpose)
        QWidget.setTabOrder(self.purpose, self.candidate)
        QWidget.setTabOrder(self.candidate, self.outcome)
        QWidget.setTabOrder(self.outcome, self.extension_months)
        QWidget.setTabOrder(self.extension_months, self.subject)
        QWidget.setTabOrder(self.subject, self.method)
        QWidget.setTabOrder(self.method, self.entitled)
        QWidget.setTabOrder(self.entitled, self.vote_present)
        QWidget.setTabOrder(self.vote_present, self.written)
        QWidget.setTabOrder(self.written, self.yes)
        QWidget.setTabOrder(self.yes, self.against)
        QWidget.setTabOrder(self.against, self.abstain)
        QWidget.setTabOrder(self.abstain, self.discussion)
        QWidget.setTabOrder(self.discussion, self.resolutions)
        QWidget.setTabOrder(self.resolutions, self.attachments)
        QWidget.setTabOrder(self.attachments, self.addAttachment)
        QWidget.setTabOrder(self.addAttachment, self.openAttachment)
        QWidget.setTabOrder(self.openAttachment, self.buttons)

        self.retranslateUi(MeetingDialog)

        QMetaObject.connectSlotsByName(MeetingDialog)
    # setupUi

    def retranslateUi(self, MeetingDialog):
        MeetingDialog.setWindowTitle(QCoreApplication.translate("MeetingDialog", u"\u4f1a\u8bae\u8bb0\u5f55", None))
        self.correctionLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u66f4\u6b63\u539f\u56e0(&W)\uff1a", None))
        self.correction_reason.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"\u5982 \u5730\u70b9\u8bb0\u9519\uff1b\u66f4\u6b63\u540e\u539f\u8bb0\u5f55\u4ecd\u4fdd\u7559\uff0c\u53ef\u5728\u7248\u672c\u4e2d\u67e5\u770b", None))
        self.kindLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u4f1a\u8bae\u7c7b\u578b(&K)\uff1a", None))
        self.organisationLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u53ec\u5f00\u7ec4\u7ec7(&O)\uff1a", None))
        self.dateLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u65e5\u671f(&D)\uff1a", None))
        self.timeLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u65f6\u95f4(&T)\uff1a", None))
        self.start_time.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"\u5982 14:30", None))
#if QT_CONFIG(tooltip)
        self.start_time.setToolTip(QCoreApplication.translate("MeetingDialog", u"\u5f00\u59cb\u65f6\u95f4\uff0c24 \u5c0f\u65f6\u5236\u201c\u65f6:\u5206\u201d", None))
#endif // QT_CONFIG(tooltip)
        self.toLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u81f3", None))
        self.end_time.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"\u5982 16:00", None))
#if QT_CONFIG(tooltip)
        self.end_time.setToolTip(QCoreApplication.translate("MeetingDialog", u"\u7ed3\u675f\u65f6\u95f4\uff0c24 \u5c0f\u65f6\u5236\u201c\u65f6:\u5206\u201d", None))
#endif // QT_CONFIG(tooltip)
        self.placeLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u5730\u70b9(&P)\uff1a", None))
        self.place.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"\u5982 \u652f\u90e8\u4f1a\u8bae\u5ba4", None))
        self.hostLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u4e3b\u6301\u4eba(&H)\uff1a", None))
        self.recorderLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u8bb0\u5f55\u4eba(&R)\uff1a", None))
        self.speakerLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u6388\u8bfe\u4eba(&S)\uff1a", None))
        self.speaker.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"\u515a\u8bfe\u7684\u6388\u8bfe\u4eba\uff0c\u5982 \u652f\u90e8\u4e66\u8bb0 \u5f20\u4e09", None))
        self.topicLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u515a\u8bfe\u9898\u76ee(&U)\uff1a", None))
        self.tabs.setTabText(self.tabs.indexOf(self.basicTab), QCoreApplication.translate("MeetingDialog", u"\u57fa\u672c\u60c5\u51b5", None))
        self.attendanceHint.setText(QCoreApplication.translate("MeetingDialog", u"\u5e94\u5230\u4eba\u5458\u6309\u4f1a\u8bae\u7c7b\u578b\u3001\u53ec\u5f00\u7ec4\u7ec7\u548c\u65e5\u671f\u81ea\u52a8\u5217\u51fa\u3002\u5230\u4f1a\u7684\u8bf7\u52fe\u9009\u201c\u5b9e\u5230\u201d\uff1b\u672a\u5230\u4f1a\u7684\u53d6\u6d88\u52fe\u9009\uff0c\u5e76\u5728\u201c\u7f3a\u5e2d\u539f\u56e0\u201d\u4e2d\u5199\u660e\u539f\u56e0\uff08\u5982 \u75c5\u5047\u3001\u51fa\u5dee\uff09\u3002", None))
        self.attendanceLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u5e94\u5230\u4eba\u5458(&Y)\uff1a", None))
        self.allPresent.setText(QCoreApplication.translate("MeetingDialog", u"\u5168\u90e8\u5b9e\u5230(&L)", None))
#if QT_CONFIG(tooltip)
        self.allPresent.setToolTip(QCoreApplication.translate("MeetingDialog", u"\u628a\u5e94\u5230\u4eba\u5458\u5168\u90e8\u6807\u4e3a\u5b9e\u5230", None))
#endif // QT_CONFIG(tooltip)
        self.guestsLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u5217\u5e2d\u4eba\u5458(&E)\uff1a", None))
        self.guests.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"\u4e0d\u662f\u672c\u7ec4\u7ec7\u515a\u5458\u7684\u5217\u5e2d\u4eba\u5458\uff0c\u5982 \u4e0a\u7ea7\u515a\u59d4\u7ec4\u7ec7\u59d4\u5458 \u738b\u4e94", None))
        self.tabs.setTabText(self.tabs.indexOf(self.attendanceTab), QCoreApplication.translate("MeetingDialog", u"\u51fa\u5e2d\u60c5\u51b5", None))
        self.agendaLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u8bae\u9898(&G)\uff1a", None))
        self.addItem.setText(QCoreApplication.translate("MeetingDialog", u"\u6dfb\u52a0(&N)", None))
#if QT_CONFIG(tooltip)
        self.addItem.setToolTip(QCoreApplication.translate("MeetingDialog", u"\u6dfb\u52a0\u4e00\u9879\u8bae\u9898", None))
#endif // QT_CONFIG(tooltip)
        self.removeItem.setText(QCoreApplication.translate("MeetingDialog", u"\u5220\u9664", None))
#if QT_CONFIG(tooltip)
        self.removeItem.setToolTip(QCoreApplication.translate("MeetingDialog", u"\u5220\u9664\u9009\u4e2d\u7684\u8bae\u9898", None))
#endif // QT_CONFIG(tooltip)
        self.itemUp.setText(QCoreApplication.translate("MeetingDialog", u"\u4e0a\u79fb", None))
        self.itemDown.setText(QCoreApplication.translate("MeetingDialog", u"\u4e0b\u79fb", None))
        self.itemBox.setTitle(QCoreApplication.translate("MeetingDialog", u"\u9009\u4e2d\u7684\u8bae\u9898", None))
        self.itemTitleLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u8bae\u9898\u540d\u79f0(&M)\uff1a", None))
        self.item_title.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"\u5982 \u8ba8\u8bba\u63a5\u6536\u5b59\u5586\u4e3a\u9884\u5907\u515a\u5458", None))
        self.itemDiscussionLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u8ba8\u8bba\u60c5\u51b5(&I)\uff1a", None))
        self.itemResolutionLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u51b3\u8bae(&J)\uff1a", None))
        self.voteBox.setTitle(QCoreApplication.translate("MeetingDialog", u"\u8868\u51b3", None))
        self.addVote.setText(QCoreApplication.translate("MeetingDialog", u"\u6dfb\u52a0\u8868\u51b3(&V)", None))
        self.removeVote.setText(QCoreApplication.translate("MeetingDialog", u"\u5220\u9664\u8868\u51b3", None))
        self.purposeLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u8868\u51b3\u4e8b\u9879(&X)\uff1a", None))
        self.candidateLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u8868\u51b3\u5bf9\u8c61(&C)\uff1a", None))
        self.outcomeLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u7ed3\u8bba(&O)\uff1a", None))
        self.extension_months.setSuffix(QCoreApplication.translate("MeetingDialog", u" \u4e2a\u6708", None))
#if QT_CONFIG(tooltip)
        self.extension_months.setToolTip(QCoreApplication.translate("MeetingDialog", u"\u5ef6\u957f\u9884\u5907\u671f\u7684\u6708\u6570\uff08\u6700\u957f\u4e00\u5e74\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.subjectLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u8868\u51b3\u5185\u5bb9(&B)\uff1a", None))
        self.subject.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"\u5982 \u901a\u8fc7\u672c\u5e74\u5ea6\u515a\u8d39\u4f7f\u7528\u8ba1\u5212", None))
        self.methodLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u8868\u51b3\u65b9\u5f0f(&H)\uff1a", None))
        self.peopleLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u4eba\u6570\uff1a", None))
        self.entitledLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u5e94\u5230\u6709\u8868\u51b3\u6743(&Y)\uff1a", None))
        self.entitled.setSuffix(QCoreApplication.translate("MeetingDialog", u" \u4eba", None))
#if QT_CONFIG(tooltip)
        self.entitled.setToolTip(QCoreApplication.translate("MeetingDialog", u"\u5e94\u5230\u4f1a\u7684\u6709\u8868\u51b3\u6743\u7684\u6b63\u5f0f\u515a\u5458\u4eba\u6570", None))
#endif // QT_CONFIG(tooltip)
        self.votePresentLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u5b9e\u5230(&A)\uff1a", None))
        self.vote_present.setSuffix(QCoreApplication.translate("MeetingDialog", u" \u4eba", None))
#if QT_CONFIG(tooltip)
        self.vote_present.setToolTip(QCoreApplication.translate("MeetingDialog", u"\u5b9e\u5230\u4f1a\u7684\u6709\u8868\u51b3\u6743\u7684\u6b63\u5f0f\u515a\u5458\u4eba\u6570", None))
#endif // QT_CONFIG(tooltip)
        self.writtenLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u4f1a\u524d\u4e66\u9762\u610f\u89c1(&W)\uff1a", None))
        self.written.setSuffix(QCoreApplication.translate("MeetingDialog", u" \u4efd", None))
#if QT_CONFIG(tooltip)
        self.written.setToolTip(QCoreApplication.translate("MeetingDialog", u"\u56e0\u6545\u4e0d\u80fd\u5230\u4f1a\u7684\u6709\u8868\u51b3\u6743\u7684\u515a\u5458\u4f1a\u524d\u6b63\u5f0f\u63d0\u4ea4\u7684\u4e66\u9762\u610f\u89c1\uff0c\u8ba1\u5165\u7968\u6570", None))
#endif // QT_CONFIG(tooltip)
        self.countsLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u7968\u6570\uff1a", None))
        self.yesLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u8d5e\u6210(&Z)\uff1a", None))
        self.yes.setSuffix(QCoreApplication.translate("MeetingDialog", u" \u7968", None))
        self.againstLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u53cd\u5bf9(&F)\uff1a", None))
        self.against.setSuffix(QCoreApplication.translate("MeetingDialog", u" \u7968", None))
        self.abstainLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u5f03\u6743(&Q)\uff1a", None))
        self.abstain.setSuffix(QCoreApplication.translate("MeetingDialog", u" \u7968", None))
        self.tabs.setTabText(self.tabs.indexOf(self.agendaTab), QCoreApplication.translate("MeetingDialog", u"\u8bae\u9898\u4e0e\u8868\u51b3", None))
        self.discussionLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u8ba8\u8bba\u60c5\u51b5(&I)\uff1a", None))
        self.discussion.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"\u4f1a\u8bae\u603b\u7684\u8ba8\u8bba\u60c5\u51b5\uff1a\u4e0e\u4f1a\u4eba\u5458\u7684\u53d1\u8a00\u8981\u70b9", None))
        self.resolutionsLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u4f1a\u8bae\u51b3\u8bae(&J)\uff1a", None))
        self.resolutions.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"\u4f1a\u8bae\u4f5c\u51fa\u7684\u51b3\u8bae\u3001\u51b3\u5b9a", None))
        self.tabs.setTabText(self.tabs.indexOf(self.discussionTab), QCoreApplication.translate("MeetingDialog", u"\u8ba8\u8bba\u4e0e\u51b3\u8bae", None))
        self.addAttachment.setText(QCoreApplication.translate("MeetingDialog", u"\u6dfb\u52a0\u9644\u4ef6(&F)\u2026", None))
#if QT_CONFIG(tooltip)
        self.addAttachment.setToolTip(QCoreApplication.translate("MeetingDialog", u"\u6dfb\u52a0\u7b7e\u5230\u8868\u3001\u7167\u7247\u7b49\u626b\u63cf\u4ef6\uff08PDF\u3001JPG\u3001PNG\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.openAttachment.setText(QCoreApplication.translate("MeetingDialog", u"\u6253\u5f00(&P)", None))
#if QT_CONFIG(tooltip)
        self.openAttachment.setToolTip(QCoreApplication.translate("MeetingDialog", u"\u7528\u7cfb\u7edf\u7684\u770b\u56fe\u6216 PDF \u7a0b\u5e8f\u6253\u5f00\u9009\u4e2d\u7684\u9644\u4ef6", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.attachmentsTab), QCoreApplication.translate("MeetingDialog", u"\u9644\u4ef6", None))
    # retranslateUi

