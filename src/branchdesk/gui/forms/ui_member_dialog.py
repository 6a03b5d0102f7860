# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'member_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################
# Generated from ui/member_dialog.ui by ui/build_forms.py — do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QCheckBox,
    QComboBox, QDialog, QDialogButtonBox, QFormLayout,
    QFrame, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTabWidget, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

from branchdesk.gui.common import OptionalDateEdit

class Ui_MemberDialog(object):
    def setupUi(self, MemberDialog):
        if not MemberDialog.objectName():
            MemberDialog.setObjectName(u"MemberDialog")
        MemberDialog.resize(900, 560)
        self.mainLayout = QVBoxLayout(MemberDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.banner = QLabel(MemberDialog)
        self.banner.setObjectName(u"banner")
        self.banner.setWordWrap(True)

        self.mainLayout.addWidget(self.banner)

        self.tabs = QTabWidget(MemberDialog)
        self.tabs.setObjectName(u"tabs")
        self.infoTab = QWidget()
        self.infoTab.setObjectName(u"infoTab")
        self.columns = QHBoxLayout(self.infoTab)
        self.columns.setObjectName(u"columns")
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
        self.leftForm = QFormLayout()
        self.leftForm.setObjectName(u"leftForm")
        self.nameLabel = QLabel(self.infoTab)
        self.nameLabel.setObjectName(u"nameLabel")

        self.leftForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(self.infoTab)
        self.name.setObjectName(u"name")
        self.name.setMaxLength(50)

        self.leftForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.err_name = QLabel(self.infoTab)
        self.err_name.setObjectName(u"err_name")

        self.leftForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.err_name)

        self.id_numberLabel = QLabel(self.infoTab)
        self.id_numberLabel.setObjectName(u"id_numberLabel")

        self.leftForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.id_numberLabel)

        self.id_number = QLineEdit(self.infoTab)
        self.id_number.setObjectName(u"id_number")
        self.id_number.setMaxLength(20)

        self.leftForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.id_number)

        self.err_id_number = QLabel(self.infoTab)
        self.err_id_number.setObjectName(u"err_id_number")

        self.leftForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.err_id_number)

        self.genderLabel = QLabel(self.infoTab)
        self.genderLabel.setObjectName(u"genderLabel")

        self.leftForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.genderLabel)

        self.gender = QLineEdit(self.infoTab)
        self.gender.setObjectName(u"gender")
        self.gender.setReadOnly(True)
        self.gender.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.leftForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.gender)

        self.err_gender = QLabel(self.infoTab)
        self.err_gender.setObjectName(u"err_gender")

        self.leftForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.err_gender)

        self.birth_dateLabel = QLabel(self.infoTab)
        self.birth_dateLabel.setObjectName(u"birth_dateLabel")

        self.leftForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.birth_dateLabel)

        self.birth_date = QLineEdit(self.infoTab)
        self.birth_date.setObjectName(u"birth_date")
        self.birth_date.setReadOnly(True)
        self.birth_date.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.leftForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.birth_date)

        self.err_birth_date = QLabel(self.infoTab)
        self.err_birth_date.setObjectName(u"err_birth_date")

        self.leftForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.err_birth_date)

        self.ethnicityLabel = QLabel(self.infoTab)
        self.ethnicityLabel.setObjectName(u"ethnicityLabel")

        self.leftForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.ethnicityLabel)

        self.ethnicity = QComboBox(self.infoTab)
        self.ethnicity.setObjectName(u"ethnicity")

        self.leftForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.ethnicity)

        self.err_ethnicity = QLabel(self.infoTab)
        self.err_ethnicity.setObjectName(u"err_ethnicity")

        self.leftForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.err_ethnicity)

        self.native_placeLabel = QLabel(self.infoTab)
        self.native_placeLabel.setObjectName(u"native_placeLabel")

        self.leftForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.native_placeLabel)

        self.native_place = QLineEdit(self.infoTab)
        self.native_place.setObjectName(u"native_place")

        self.leftForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.native_place)

        self.err_native_place = QLabel(self.infoTab)
        self.err_native_place.setObjectName(u"err_native_place")

        self.leftForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.err_native_place)

        self.educationLabel = QLabel(self.infoTab)
        self.educationLabel.setObjectName(u"educationLabel")

        self.leftForm.setWidget(12, QFormLayout.ItemRole.LabelRole, self.educationLabel)

        self.education = QComboBox(self.infoTab)
        self.education.setObjectName(u"education")

        self.leftForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.education)

        self.err_education = QLabel(self.infoTab)
        self.err_education.setObjectName(u"err_education")

        self.leftForm.setWidget(13, QFormLayout.ItemRole.FieldRole, self.err_education)

        self.jobLabel = QLabel(self.infoTab)
        self.jobLabel.setObjectName(u"jobLabel")

        self.leftForm.setWidget(14, QFormLayout.ItemRole.LabelRole, self.jobLabel)

        self.job = QLineEdit(self.infoTab)
        self.job.setObjectName(u"job")

        self.leftForm.setWidget(14, QFormLayout.ItemRole.FieldRole, self.job)

        self.err_job = QLabel(self.infoTab)
        self.err_job.setObjectName(u"err_job")

        self.leftForm.setWidget(15, QFormLayout.ItemRole.FieldRole, self.err_job)

        self.phoneLabel = QLabel(self.infoTab)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.leftForm.setWidget(16, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phone = QLineEdit(self.infoTab)
        self.phone.setObjectName(u"phone")

        self.leftForm.setWidget(16, QFormLayout.ItemRole.FieldRole, self.phone)

        self.err_phone = QLabel(self.infoTab)
        self.err_phone.setObjectName(u"err_phone")

        self.leftForm.setWidget(17, QFormLayout.ItemRole.FieldRole, self.err_phone)

        self.addressLabel = QLabel(self.infoTab)
        self.addressLabel.setObjectName(u"addressLabel")

        self.leftForm.setWidget(18, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.address = QLineEdit(self.infoTab)
        self.address.setObjectName(u"address")

        self.leftForm.setWidget(18, QFormLayout.ItemRole.FieldRole, self.address)

        self.err_address = QLabel(self.infoTab)
        self.err_address.setObjectName(u"err_address")

        self.leftForm.setWidget(19, QFormLayout.ItemRole.FieldRole, self.err_address)

        self.orgsLabel = QLabel(self.infoTab)
        self.orgsLabel.setObjectName(u"orgsLabel")

        self.leftForm.setWidget(20, QFormLayout.ItemRole.LabelRole, self.orgsLabel)

        self.organisations_joined = QLineEdit(self.infoTab)
        self.organisations_joined.setObjectName(u"organisations_joined")

        self.leftForm.setWidget(20, QFormLayout.ItemRole.FieldRole, self.organisations_joined)

        self.err_organisations_joined = QLabel(self.infoTab)
        self.err_organisations_joined.setObjectName(u"err_organisations_joined")

        self.leftForm.setWidget(21, QFormLayout.ItemRole.FieldRole, self.err_organisations_joined)

        self.disciplineLabel = QLabel(self.infoTab)
        self.disciplineLabel.setObjectName(u"disciplineLabel")

        self.leftForm.setWidget(22, QFormLayout.ItemRole.LabelRole, self.disciplineLabel)

        self.discipline = QComboBox(self.infoTab)
        self.discipline.setObjectName(u"discipline")

        self.leftForm.setWidget(22, QFormLayout.ItemRole.FieldRole, self.discipline)

        self.err_discipline = QLabel(self.infoTab)
        self.err_discipline.setObjectName(u"err_discipline")

        self.leftForm.setWidget(23, QFormLayout.ItemRole.FieldRole, self.err_discipline)


        self.leftColumn.addLayout(self.leftForm)

        self.leftSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leftColumn.addItem(self.leftSpacer)


        self.columns.addLayout(self.leftColumn)

        self.columnLine = QFrame(self.infoTab)
        self.columnLine.setObjectName(u"columnLine")
        self.columnLine.setFrameShape(QFrame.Shape.VLine)
        self.columnLine.setFrameShadow(QFrame.Shadow.Sunken)

        self.columns.addWidget(self.columnLine)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.rightForm = QFormLayout()
        self.rightForm.setObjectName(u"rightForm")
        self.stageLabel = QLabel(self.infoTab)
        self.stageLabel.setObjectName(u"stageLabel")

        self.rightForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.stageLabel)

        self.stage = QComboBox(self.infoTab)
        self.stage.setObjectName(u"stage")

        self.rightForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.stage)

        self.err_stage = QLabel(self.infoTab)
        self.err_stage.setObjectName(u"err_stage")

        self.rightForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.err_stage)

        self.statusLabel = QLabel(self.infoTab)
        self.statusLabel.setObjectName(u"statusLabel")

        self.rightForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.status = QLineEdit(self.infoTab)
        self.status.setObjectName(u"status")
        self.status.setReadOnly(True)
        self.status.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.rightForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.status)

        self.err_status = QLabel(self.infoTab)
        self.err_status.setObjectName(u"err_status")

        self.rightForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.err_status)

        self.branch_idLabel = QLabel(self.infoTab)
        self.branch_idLabel.setObjectName(u"branch_idLabel")

        self.rightForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.branch_idLabel)

        self.branch_id = QComboBox(self.infoTab)
        self.branch_id.setObjectName(u"branch_id")

        self.rightForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.branch_id)

        self.err_branch_id = QLabel(self.infoTab)
        self.err_branch_id.setObjectName(u"err_branch_id")

        self.rightForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.err_branch_id)

        self.group_idLabel = QLabel(self.infoTab)
        self.group_idLabel.setObjectName(u"group_idLabel")

        self.rightForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.group_idLabel)

        self.group_id = QComboBox(self.infoTab)
        self.group_id.setObjectName(u"group_id")

        self.rightForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.group_id)

        self.err_group_id = QLabel(self.infoTab)
        self.err_group_id.setObjectName(u"err_group_id")

        self.rightForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.err_group_id)

        self.join_dateLabel = QLabel(self.infoTab)
        self.join_dateLabel.setObjectName(u"join_dateLabel")

        self.rightForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.join_dateLabel)

        self.join_date = OptionalDateEdit(self.infoTab)
        self.join_date.setObjectName(u"join_date")

        self.rightForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.join_date)

        self.err_join_date = QLabel(self.infoTab)
        self.err_join_date.setObjectName(u"err_join_date")

        self.rightForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.err_join_date)

        self.full_member_dateLabel = QLabel(self.infoTab)
        self.full_member_dateLabel.setObjectName(u"full_member_dateLabel")

        self.rightForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.full_member_dateLabel)

        self.full_member_date = OptionalDateEdit(self.infoTab)
        self.full_member_date.setObjectName(u"full_member_date")

        self.rightForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.full_member_date)

        self.err_full_member_date = QLabel(self.infoTab)
        self.err_full_member_date.setObjectName(u"err_full_member_date")

        self.rightForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.err_full_member_date)

        self.dues_paid_throughLabel = QLabel(self.infoTab)
        self.dues_paid_throughLabel.setObjectName(u"dues_paid_throughLabel")

        self.rightForm.setWidget(12, QFormLayout.ItemRole.LabelRole, self.dues_paid_throughLabel)

        self.dues_paid_through = OptionalDateEdit(self.infoTab)
        self.dues_paid_through.setObjectName(u"dues_paid_through")

        self.rightForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.dues_paid_through)

        self.err_dues_paid_through = QLabel(self.infoTab)
        self.err_dues_paid_through.setObjectName(u"err_dues_paid_through")

        self.rightForm.setWidget(13, QFormLayout.ItemRole.FieldRole, self.err_dues_paid_through)

        self.lost_contactLabel = QLabel(self.infoTab)
        self.lost_contactLabel.setObjectName(u"lost_contactLabel")

        self.rightForm.setWidget(14, QFormLayout.ItemRole.LabelRole, self.lost_contactLabel)

        self.lostContactRow = QHBoxLayout()
        self.lostContactRow.setObjectName(u"lostContactRow")
        self.lost_contact = QCheckBox(self.infoTab)
        self.lost_contact.setObjectName(u"lost_contact")

        self.lostContactRow.addWidget(self.lost_contact)

        self.lostContactDateLabel = QLabel(self.infoTab)
        self.lostContactDateLabel.setObjectName(u"lostContactDateLabel")

        self.lostContactRow.addWidget(self.lostContactDateLabel)

        self.lost_contact_date = OptionalDateEdit(self.infoTab)
        self.lost_contact_date.setObjectName(u"lost_contact_date")

        self.lostContactRow.addWidget(self.lost_contact_date)


        self.rightForm.setLayout(14, QFormLayout.ItemRole.FieldRole, self.lostContactRow)

        self.err_lost_contact_date = QLabel(self.infoTab)
        self.err_lost_contact_date.setObjectName(u"err_lost_contact_date")

        self.rightForm.setWidget(15, QFormLayout.ItemRole.FieldRole, self.err_lost_contact_date)

        self.mobileLabel = QLabel(self.infoTab)
        self.mobileLabel.setObjectName(u"mobileLabel")

        self.rightForm.setWidget(16, QFormLayout.ItemRole.LabelRole, self.mobileLabel)

        self.mobileRow = QHBoxLayout()
        self.mobileRow.setObjectName(u"mobileRow")
        self.mobile = QCheckBox(self.infoTab)
        self.mobile.setObjectName(u"mobile")

        self.mobileRow.addWidget(self.mobile)

        self.mobile_destination = QLineEdit(self.infoTab)
        self.mobile_destination.setObjectName(u"mobile_destination")

        self.mobileRow.addWidget(self.mobile_destination)


        self.rightForm.setLayout(16, QFormLayout.ItemRole.FieldRole, self.mobileRow)

        self.err_mobile_destination = QLabel(self.infoTab)
        self.err_mobile_destination.setObjectName(u"err_mobile_destination")

        self.rightForm.setWidget(17, QFormLayout.ItemRole.FieldRole, self.err_mobile_destination)

        self.noteLabel = QLabel(self.infoTab)
        self.noteLabel.setObjectName(u"noteLabel")

        self.rightForm.setWidget(18, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.note = QPlainTextEdit(self.infoTab)
        self.note.setObjectName(u"note")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumSize(QSize(16777215, 70))

        self.rightForm.setWidget(18, QFormLayout.ItemRole.FieldRole, self.note)

        self.err_note = QLabel(self.infoTab)
        self.err_note.setObjectName(u"err_note")

        self.rightForm.setWidget(19, QFormLayout.ItemRole.FieldRole, self.err_note)


        self.rightColumn.addLayout(self.rightForm)

        self.rightSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rightColumn.addItem(self.rightSpacer)


        self.columns.addLayout(self.rightColumn)

        self.tabs.addTab(self.infoTab, "")
        self.resumeTab = QWidget()
        self.resumeTab.setObjectName(u"resumeTab")
        self.resumeLayout = QVBoxLayout(self.resumeTab)
        self.resumeLayout.setObjectName(u"resumeLayout")
        self.resumeIntro = QLabel(self.resumeTab)
        self.resumeIntro.setObjectName(u"resumeIntro")
        self.resumeIntro.setWordWrap(True)

        self.resumeLayout.addWidget(self.resumeIntro)

        self.resume = QTableWidget(self.resumeTab)
        self.resume.setObjectName(u"resume")
        self.resume.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.resume.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.resume.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.resumeLayout.addWidget(self.resume)

        self.resumeButtons = QHBoxLayout()
        self.resumeButtons.setObjectName(u"resumeButtons")
        self.addResumeButton = QPushButton(self.resumeTab)
        self.addResumeButton.setObjectName(u"addResumeButton")
        self.addResumeButton.setAutoDefault(False)

        self.resumeButtons.addWidget(self.addResumeButton)

        self.editResumeButton = QPushButton(self.resumeTab)
        self.editResumeButton.setObjectName(u"editResumeButton")
        self.editResumeButton.setAutoDefault(False)

        self.resumeButtons.addWidget(self.editResumeButton)

        self.resumeSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.resumeButtons.addItem(self.resumeSpacer)


        self.resumeLayout.addLayout(self.resumeButtons)

        self.tabs.addTab(self.resumeTab, "")
        self.historyTab = QWidget()
        self.historyTab.setObjectName(u"historyTab")
        self.historyLayout = QVBoxLayout(self.historyTab)
        self.historyLayout.setObjectName(u"historyLayout")
        self.historyIntro = QLabel(self.historyTab)
        self.historyIntro.setObjectName(u"historyIntro")
        self.historyIntro.setWordWrap(True)

        self.historyLayout.addWidget(self.historyIntro)

        self.events = QTableWidget(self.historyTab)
        self.events.setObjectName(u"events")
        self.events.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.events.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.events.setAlternatingRowColors(True)

        self.historyLayout.addWidget(self.events)

        self.eventButtons = QHBoxLayout()
        self.eventButtons.setObjectName(u"eventButtons")
        self.changeStageButton = QPushButton(self.historyTab)
        self.changeStageButton.setObjectName(u"changeStageButton")
        self.changeStageButton.setAutoDefault(False)

        self.eventButtons.addWidget(self.changeStageButton)

        self.changeStatusButton = QPushButton(self.historyTab)
        self.changeStatusButton.setObjectName(u"changeStatusButton")
        self.changeStatusButton.setAutoDefault(False)

        self.eventButtons.addWidget(self.changeStatusButton)

        self.eventSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.eventButtons.addItem(self.eventSpacer)

        self.voidButton = QPushButton(self.historyTab)
        self.voidButton.setObjectName(u"voidButton")
        self.voidButton.setAutoDefault(False)

        self.eventButtons.addWidget(self.voidButton)

        self.restoreButton = QPushButton(self.historyTab)
        self.restoreButton.setObjectName(u"restoreButton")
        self.restoreButton.setAutoDefault(False)

        self.eventButtons.addWidget(self.restoreButton)


        self.historyLayout.addLayout(self.eventButtons)

        self.tabs.addTab(self.historyTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.err_general = QLabel(MemberDialog)
        self.err_general.setObjectName(u"err_general")

        self.mainLayout.addWidget(self.err_general)

        self.buttons = QDialogButtonBox(MemberDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.name)
        self.id_numberLabel.setBuddy(self.id_number)
        self.genderLabel.setBuddy(self.gender)
        self.birth_dateLabel.setBuddy(self.birth_date)
        self.ethnicityLabel.setBuddy(self.ethnicity)
        self.native_placeLabel.setBuddy(self.native_place)
        self.educationLabel.setBuddy(self.education)
        self.jobLabel.setBuddy(self.job)
        self.phoneLabel.setBuddy(self.phone)
        self.addressLabel.setBuddy(self.address)
        self.orgsLabel.setBuddy(self.organisations_joined)
        self.disciplineLabel.setBuddy(self.discipline)
        self.stageLabel.setBuddy(self.stage)
        self.statusLabel.setBuddy(self.status)
        self.branch_idLabel.setBuddy(self.branch_id)
        self.group_idLabel.setBuddy(self.group_id)
        self.join_dateLabel.setBuddy(self.join_date)
        self.full_member_dateLabel.setBuddy(self.full_member_date)
        self.dues_paid_throughLabel.setBuddy(self.dues_paid_through)
        self.lost_contactLabel.setBuddy(self.lost_contact)
        self.lostContactDateLabel.setBuddy(self.lost_contact_date)
        self.mobileLabel.setBuddy(self.mobile)
        self.noteLabel.setBuddy(self.note)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name, self.id_number)
        QWidget.setTabOrder(self.id_number, self.ethnicity)
        QWidget.setTabOrder(self.ethnicity, self.native_place)
        QWidget.setTabOrder(self.native_place, self.education)
        QWidget.setTabOrder(self.education, self.job)
        QWidget.setTabOrder(self.job, self.phone)
        QWidget.setTabOrder(self.phone, self.address)
        QWidget.setTabOrder(self.address, self.stage)
        QWidget.setTabOrder(self.stage, self.branch_id)
        QWidget.setTabOrder(self.branch_id, self.group_id)
        QWidget.setTabOrder(self.group_id, self.join_date)
        QWidget.setTabOrder(self.join_date, self.full_member_date)
        QWidget.setTabOrder(self.full_member_date, self.dues_paid_through)
        QWidget.setTabOrder(self.dues_paid_through, self.lost_contact)
        QWidget.setTabOrder(self.lost_contact, self.lost_contact_date)
        QWidget.setTabOrder(self.lost_contact_date, self.mobile)
        QWidget.setTabOrder(self.mobile, self.mobile_destination)
        QWidget.setTabOrder(self.mobile_destination, self.organisations_joined)
        QWidget.setTabOrder(self.organisations_joined, self.discipline)
        QWidget.setTabOrder(self.discipline, self.note)
        QWidget.setTabOrder(self.note, self.buttons)
        QWidget.setTabOrder(self.buttons, self.tabs)
        QWidget.setTabOrder(self.tabs, self.resume)
        QWidget.setTabOrder(self.resume, self.addResumeButton)
        QWidget.setTabOrder(self.addResumeButton, self.editResumeButton)
        QWidget.setTabOrder(self.editResumeButton, self.events)
        QWidget.setTabOrder(self.events, self.changeStageButton)
        QWidget.setTabOrder(self.changeStageButton, self.changeStatusButton)
        QWidget.setTabOrder(self.changeStatusButton, self.voidButton)
        QWidget.setTabOrder(self.voidButton, self.restoreButton)

        self.retranslateUi(MemberDialog)

        QMetaObject.connectSlotsByName(MemberDialog)
    # setupUi

    def retranslateUi(self, MemberDialog):
        MemberDialog.setWindowTitle(QCoreApplication.translate("MemberDialog", u"\u515a\u5458\u4fe1\u606f", None))
        self.nameLabel.setText(QCoreApplication.translate("MemberDialog", u"\u59d3\u540d(&M)\uff1a", None))
        self.name.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u5982\uff1a\u5f20\u4e09", None))
        self.id_numberLabel.setText(QCoreApplication.translate("MemberDialog", u"\u516c\u6c11\u8eab\u4efd\u53f7\u7801(&I)\uff1a", None))
        self.id_number.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"18 \u4f4d\uff0c\u6700\u540e\u4e00\u4f4d\u53ef\u4e3a X", None))
        self.genderLabel.setText(QCoreApplication.translate("MemberDialog", u"\u6027\u522b\uff1a", None))
        self.gender.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u7531\u516c\u6c11\u8eab\u4efd\u53f7\u7801\u81ea\u52a8\u586b\u5199", None))
        self.birth_dateLabel.setText(QCoreApplication.translate("MemberDialog", u"\u51fa\u751f\u65e5\u671f\uff1a", None))
        self.birth_date.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u7531\u516c\u6c11\u8eab\u4efd\u53f7\u7801\u81ea\u52a8\u586b\u5199", None))
        self.ethnicityLabel.setText(QCoreApplication.translate("MemberDialog", u"\u6c11\u65cf(&E)\uff1a", None))
        self.native_placeLabel.setText(QCoreApplication.translate("MemberDialog", u"\u7c4d\u8d2f(&G)\uff1a", None))
        self.native_place.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u5982\uff1a\u6d59\u6c5f\u676d\u5dde", None))
        self.educationLabel.setText(QCoreApplication.translate("MemberDialog", u"\u5b66\u5386(&D)\uff1a", None))
        self.jobLabel.setText(QCoreApplication.translate("MemberDialog", u"\u5de5\u4f5c\u5c97\u4f4d(&J)\uff1a", None))
        self.job.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u5355\u4f4d\u804c\u52a1\u6216\u804c\u4e1a", None))
        self.phoneLabel.setText(QCoreApplication.translate("MemberDialog", u"\u8054\u7cfb\u7535\u8bdd(&T)\uff1a", None))
        self.phone.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u624b\u673a 11 \u4f4d\uff0c\u6216\u5ea7\u673a\u5982 0571-87654321", None))
        self.addressLabel.setText(QCoreApplication.translate("MemberDialog", u"\u5bb6\u5ead\u4f4f\u5740(&A)\uff1a", None))
        self.orgsLabel.setText(QCoreApplication.translate("MemberDialog", u"\u53c2\u52a0\u515a\u6d3e\u56e2\u4f53(&G)\uff1a", None))
        self.organisations_joined.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u53c2\u52a0\u8fc7\u4f55\u79cd\u515a\u6d3e\u548c\u56e2\u4f53\uff0c\u5982\uff1a\u4e2d\u56fd\u5171\u4ea7\u4e3b\u4e49\u9752\u5e74\u56e2", None))
        self.disciplineLabel.setText(QCoreApplication.translate("MemberDialog", u"\u515a\u7eaa\u5904\u5206(&K)\uff1a", None))
#if QT_CONFIG(tooltip)
        self.discipline.setToolTip(QCoreApplication.translate("MemberDialog", u"\u6b63\u5728\u53d7\u5230\u7684\u515a\u7eaa\u5904\u5206\u3002\u53d7\u7559\u515a\u5bdf\u770b\u5904\u5206\u7684\u515a\u5458\u4e0d\u80fd\u62c5\u4efb\u5165\u515a\u4ecb\u7ecd\u4eba\u3002", None))
#endif // QT_CONFIG(tooltip)
        self.stageLabel.setText(QCoreApplication.translate("MemberDialog", u"\u4eba\u5458\u7c7b\u522b(&S)\uff1a", None))
        self.statusLabel.setText(QCoreApplication.translate("MemberDialog", u"\u515a\u7c4d\u72b6\u6001\uff1a", None))
        self.branch_idLabel.setText(QCoreApplication.translate("MemberDialog", u"\u6240\u5728\u515a\u652f\u90e8(&B)\uff1a", None))
        self.group_idLabel.setText(QCoreApplication.translate("MemberDialog", u"\u6240\u5728\u515a\u5c0f\u7ec4(&P)\uff1a", None))
        self.join_dateLabel.setText(QCoreApplication.translate("MemberDialog", u"\u52a0\u5165\u515a\u7ec4\u7ec7\u65e5\u671f(&Y)\uff1a", None))
        self.full_member_dateLabel.setText(QCoreApplication.translate("MemberDialog", u"\u8f6c\u4e3a\u6b63\u5f0f\u515a\u5458\u65e5\u671f(&F)\uff1a", None))
        self.dues_paid_throughLabel.setText(QCoreApplication.translate("MemberDialog", u"\u515a\u8d39\u4ea4\u81f3(&U)\uff1a", None))
#if QT_CONFIG(tooltip)
        self.dues_paid_through.setToolTip(QCoreApplication.translate("MemberDialog", u"\u515a\u8d39\u5df2\u4ea4\u5230\u54ea\u4e00\u5e74\u54ea\u4e00\u6708\uff08\u53ef\u9884\u4ea4\uff0c\u6700\u591a 12 \u4e2a\u6708\uff09\uff1b\u4e0d\u6e05\u695a\u65f6\u6309 Delete \u6e05\u7a7a\u4e3a\u201c\u672a\u586b\u201d", None))
#endif // QT_CONFIG(tooltip)
        self.dues_paid_through.setDisplayFormat(QCoreApplication.translate("MemberDialog", u"yyyy\u5e74M\u6708", None))
        self.lost_contactLabel.setText(QCoreApplication.translate("MemberDialog", u"\u662f\u5426\u5931\u8054\uff1a", None))
        self.lost_contact.setText(QCoreApplication.translate("MemberDialog", u"\u5931\u8054(&L)", None))
        self.lostContactDateLabel.setText(QCoreApplication.translate("MemberDialog", u"\u5931\u53bb\u8054\u7cfb\u65e5\u671f\uff1a", None))
        self.mobileLabel.setText(QCoreApplication.translate("MemberDialog", u"\u662f\u5426\u6d41\u52a8\u515a\u5458\uff1a", None))
#if QT_CONFIG(tooltip)
        self.mobile.setToolTip(QCoreApplication.translate("MemberDialog", u"\u6d41\u52a8\u515a\u5458\uff1b\u5165\u515a\u7533\u8bf7\u4eba\u3001\u5165\u515a\u79ef\u6781\u5206\u5b50\u3001\u53d1\u5c55\u5bf9\u8c61\u4e3a\u6d41\u52a8\u4eba\u5458\u7684\u4e5f\u52fe\u9009\u6b64\u9879\uff1a\u786e\u5b9a\u53d1\u5c55\u5bf9\u8c61\u524d\u987b\u5728\u5de5\u4f5c\uff08\u5b66\u4e60\uff09\u5355\u4f4d\u548c\u5c45\u4f4f\u5730\u4e24\u5904\u516c\u793a", None))
#endif // QT_CONFIG(tooltip)
        self.mobile.setText(QCoreApplication.translate("MemberDialog", u"\u6d41\u52a8\u515a\u5458(&O)", None))
        self.mobile_destination.setPlaceholderText(QCoreApplication.translate("MemberDialog", u"\u5916\u51fa\u6d41\u5411\uff0c\u5982\uff1a\u4e0a\u6d77\u5e02\u6d66\u4e1c\u65b0\u533a", None))
        self.noteLabel.setText(QCoreApplication.translate("MemberDialog", u"\u5907\u6ce8(&N)\uff1a", None))
        self.tabs.setTabText(self.tabs.indexOf(self.infoTab), QCoreApplication.translate("MemberDialog", u"\u57fa\u672c\u4fe1\u606f", None))
        self.resumeIntro.setText(QCoreApplication.translate("MemberDialog", u"\u4ece\u4e0a\u5b66\u8d77\u586b\u5199\uff0c\u8d77\u6b62\u5e74\u6708\u76f8\u8854\u63a5\u3002\u586b\u9519\u7684\u6761\u76ee\u53ef\u4fee\u6539\u6216\u5212\u53bb\uff08\u5212\u53bb\u7684\u6761\u76ee\u4fdd\u7559\u5728\u5386\u53f2\u4e2d\uff0c\u4e0d\u518d\u6253\u5370\uff09\u3002", None))
        self.addResumeButton.setText(QCoreApplication.translate("MemberDialog", u"\u6dfb\u52a0\u7b80\u5386\u2026", None))
        self.editResumeButton.setText(QCoreApplication.translate("MemberDialog", u"\u4fee\u6539\u6216\u5212\u53bb\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.resumeTab), QCoreApplication.translate("MemberDialog", u"\u672c\u4eba\u7b80\u5386", None))
        self.historyIntro.setText(QCoreApplication.translate("MemberDialog", u"\u4eba\u5458\u7c7b\u522b\u548c\u515a\u7c4d\u72b6\u6001\u53ea\u80fd\u901a\u8fc7\u53d8\u66f4\u4e8b\u4ef6\u4fee\u6539\uff0c\u6bcf\u6b21\u53d8\u66f4\u90fd\u8bb0\u5f55\u65e5\u671f\u548c\u539f\u56e0\u3002", None))
        self.changeStageButton.setText(QCoreApplication.translate("MemberDialog", u"\u53d8\u66f4\u4eba\u5458\u7c7b\u522b\u2026", None))
        self.changeStatusButton.setText(QCoreApplication.translate("MemberDialog", u"\u53d8\u66f4\u515a\u7c4d\u72b6\u6001\u2026", None))
        self.voidButton.setText(QCoreApplication.translate("MemberDialog", u"\u4f5c\u5e9f\u2026", None))
        self.restoreButton.setText(QCoreApplication.translate("MemberDialog", u"\u64a4\u9500\u4f5c\u5e9f\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.historyTab), QCoreApplication.translate("MemberDialog", u"\u53d8\u66f4\u8bb0\u5f55", None))
    # retranslateUi

