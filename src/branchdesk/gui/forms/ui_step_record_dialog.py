# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'step_record_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################
# Generated from ui/step_record_dialog.ui by ui/build_forms.py — do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QFrame, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_StepRecordDialog(object):
    def setupUi(self, StepRecordDialog):
        if not StepRecordDialog.objectName():
            StepRecordDialog.setObjectName(u"StepRecordDialog")
        StepRecordDialog.resize(760, 760)
        self.mainLayout = QVBoxLayout(StepRecordDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.heading = QLabel(StepRecordDialog)
        self.heading.setObjectName(u"heading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)

        self.mainLayout.addWidget(self.heading)

        self.rulebook = QLabel(StepRecordDialog)
        self.rulebook.setObjectName(u"rulebook")
        self.rulebook.setWordWrap(True)

        self.mainLayout.addWidget(self.rulebook)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.dateLabel = QLabel(StepRecordDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.date = QDateEdit(StepRecordDialog)
        self.date.setObjectName(u"date")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.date)

        self.err_date = QLabel(StepRecordDialog)
        self.err_date.setObjectName(u"err_date")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.err_date)

        self.contentLabel = QLabel(StepRecordDialog)
        self.contentLabel.setObjectName(u"contentLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.contentLabel)

        self.content = QPlainTextEdit(StepRecordDialog)
        self.content.setObjectName(u"content")
        self.content.setTabChangesFocus(True)
        self.content.setMaximumSize(QSize(16777215, 64))

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.content)

        self.meetingLabel = QLabel(StepRecordDialog)
        self.meetingLabel.setObjectName(u"meetingLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.meetingLabel)

        self.meeting_ref = QLineEdit(StepRecordDialog)
        self.meeting_ref.setObjectName(u"meeting_ref")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.meeting_ref)

        self.serialLabel = QLabel(StepRecordDialog)
        self.serialLabel.setObjectName(u"serialLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.serialLabel)

        self.serial_number = QLineEdit(StepRecordDialog)
        self.serial_number.setObjectName(u"serial_number")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.serial_number)

        self.err_serial_number = QLabel(StepRecordDialog)
        self.err_serial_number.setObjectName(u"err_serial_number")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.err_serial_number)


        self.mainLayout.addLayout(self.form)

        self.detailsBox = QGroupBox(StepRecordDialog)
        self.detailsBox.setObjectName(u"detailsBox")
        self.detailsLayout = QVBoxLayout(self.detailsBox)
        self.detailsLayout.setObjectName(u"detailsLayout")
        self.detailsLayout.setContentsMargins(4, 4, 4, 4)
        self.detailsArea = QScrollArea(self.detailsBox)
        self.detailsArea.setObjectName(u"detailsArea")
        self.detailsArea.setFrameShape(QFrame.Shape.NoFrame)
        self.detailsArea.setWidgetResizable(True)
        self.detailsWidget = QWidget()
        self.detailsWidget.setObjectName(u"detailsWidget")
        self.detailsWidget.setGeometry(QRect(0, 0, 700, 200))
        self.detailsArea.setWidget(self.detailsWidget)

        self.detailsLayout.addWidget(self.detailsArea)


        self.mainLayout.addWidget(self.detailsBox)

        self.peopleBox = QGroupBox(StepRecordDialog)
        self.peopleBox.setObjectName(u"peopleBox")
        self.peopleLayout = QVBoxLayout(self.peopleBox)
        self.peopleLayout.setObjectName(u"peopleLayout")
        self.pickerLayout = QHBoxLayout()
        self.pickerLayout.setObjectName(u"pickerLayout")
        self.personLabel = QLabel(self.peopleBox)
        self.personLabel.setObjectName(u"personLabel")

        self.pickerLayout.addWidget(self.personLabel)

        self.personCombo = QComboBox(self.peopleBox)
        self.personCombo.setObjectName(u"personCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.personCombo.sizePolicy().hasHeightForWidth())
        self.personCombo.setSizePolicy(sizePolicy)

        self.pickerLayout.addWidget(self.personCombo)

        self.postLabel = QLabel(self.peopleBox)
        self.postLabel.setObjectName(u"postLabel")

        self.pickerLayout.addWidget(self.postLabel)

        self.personPost = QLineEdit(self.peopleBox)
        self.personPost.setObjectName(u"personPost")

        self.pickerLayout.addWidget(self.personPost)

        self.addPerson = QPushButton(self.peopleBox)
        self.addPerson.setObjectName(u"addPerson")
        self.addPerson.setAutoDefault(False)

        self.pickerLayout.addWidget(self.addPerson)


        self.peopleLayout.addLayout(self.pickerLayout)

        self.chosenLayout = QHBoxLayout()
        self.chosenLayout.setObjectName(u"chosenLayout")
        self.peopleTable = QTableWidget(self.peopleBox)
        if (self.peopleTable.columnCount() < 2):
            self.peopleTable.setColumnCount(2)
        __qtablewidgetitem = QTableWidgetItem()
        self.peopleTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.peopleTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        self.peopleTable.setObjectName(u"peopleTable")
        self.peopleTable.setMaximumSize(QSize(16777215, 90))
        self.peopleTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.peopleTable.setTabKeyNavigation(False)
        self.peopleTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.peopleTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.peopleTable.horizontalHeader().setStretchLastSection(True)
        self.peopleTable.verticalHeader().setVisible(False)

        self.chosenLayout.addWidget(self.peopleTable)

        self.removePerson = QPushButton(self.peopleBox)
        self.removePerson.setObjectName(u"removePerson")
        self.removePerson.setAutoDefault(False)

        self.chosenLayout.addWidget(self.removePerson)


        self.peopleLayout.addLayout(self.chosenLayout)

        self.err_people = QLabel(self.peopleBox)
        self.err_people.setObjectName(u"err_people")

        self.peopleLayout.addWidget(self.err_people)


        self.mainLayout.addWidget(self.peopleBox)

        self.reasonBox = QGroupBox(StepRecordDialog)
        self.reasonBox.setObjectName(u"reasonBox")
        self.reasonLayout = QVBoxLayout(self.reasonBox)
        self.reasonLayout.setObjectName(u"reasonLayout")
        self.reasonHint = QLabel(self.reasonBox)
        self.reasonHint.setObjectName(u"reasonHint")
        self.reasonHint.setWordWrap(True)

        self.reasonLayout.addWidget(self.reasonHint)

        self.exception_reason = QPlainTextEdit(self.reasonBox)
        self.exception_reason.setObjectName(u"exception_reason")
        self.exception_reason.setTabChangesFocus(True)
        self.exception_reason.setMaximumSize(QSize(16777215, 60))

        self.reasonLayout.addWidget(self.exception_reason)

        self.err_exception_reason = QLabel(self.reasonBox)
        self.err_exception_reason.setObjectName(u"err_exception_reason")

        self.reasonLayout.addWidget(self.err_exception_reason)


        self.mainLayout.addWidget(self.reasonBox)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.spacer)

        self.findings = QLabel(StepRecordDialog)
        self.findings.setObjectName(u"findings")
        self.findings.setWordWrap(True)

        self.mainLayout.addWidget(self.findings)

        self.err_general = QLabel(StepRecordDialog)
        self.err_general.setObjectName(u"err_general")

        self.mainLayout.addWidget(self.err_general)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.checkButton = QPushButton(StepRecordDialog)
        self.checkButton.setObjectName(u"checkButton")
        self.checkButton.setAutoDefault(False)

        self.buttonLayout.addWidget(self.checkButton)

        self.buttons = QDialogButtonBox(StepRecordDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.buttonLayout.addWidget(self.buttons)


        self.mainLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.date)
        self.contentLabel.setBuddy(self.content)
        self.meetingLabel.setBuddy(self.meeting_ref)
        self.serialLabel.setBuddy(self.serial_number)
        self.personLabel.setBuddy(self.personCombo)
        self.postLabel.setBuddy(self.personPost)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.date, self.content)
        QWidget.setTabOrder(self.content, self.meeting_ref)
        QWidget.setTabOrder(self.meeting_ref, self.serial_number)
        QWidget.setTabOrder(self.serial_number, self.detailsArea)
        QWidget.setTabOrder(self.detailsArea, self.personCombo)
        QWidget.setTabOrder(self.personCombo, self.personPost)
        QWidget.setTabOrder(self.personPost, self.addPerson)
        QWidget.setTabOrder(self.addPerson, self.peopleTable)
        QWidget.setTabOrder(self.peopleTable, self.removePerson)
        QWidget.setTabOrder(self.removePerson, self.exception_reason)
        QWidget.setTabOrder(self.exception_reason, self.checkButton)
        QWidget.setTabOrder(self.checkButton, self.buttons)

        self.retranslateUi(StepRecordDialog)

        QMetaObject.connectSlotsByName(StepRecordDialog)
    # setupUi

    def retranslateUi(self, StepRecordDialog):
        StepRecordDialog.setWindowTitle(QCoreApplication.translate("StepRecordDialog", u"\u8bb0\u5f55\u6b65\u9aa4", None))
        self.dateLabel.setText(QCoreApplication.translate("StepRecordDialog", u"\u65e5\u671f(&D)\uff1a", None))
        self.contentLabel.setText(QCoreApplication.translate("StepRecordDialog", u"\u60c5\u51b5\u8bb0\u8f7d(&C)\uff1a", None))
        self.content.setPlaceholderText(QCoreApplication.translate("StepRecordDialog", u"\u8fd9\u4e00\u6b65\u529e\u7406\u7684\u7ecf\u8fc7\uff0c\u5982\u201c\u672c\u4eba\u5411\u515a\u652f\u90e8\u9012\u4ea4\u5165\u515a\u7533\u8bf7\u4e66\u201d", None))
        self.meetingLabel.setText(QCoreApplication.translate("StepRecordDialog", u"\u51b3\u5b9a\u7684\u4f1a\u8bae(&M)\uff1a", None))
        self.meeting_ref.setPlaceholderText(QCoreApplication.translate("StepRecordDialog", u"\u5982\u201c2026\u5e74\u7b2c3\u6b21\u652f\u90e8\u59d4\u5458\u4f1a\u4f1a\u8bae\u201d\uff08\u4e0d\u662f\u4f1a\u8bae\u51b3\u5b9a\u7684\u53ef\u4e0d\u586b\uff09", None))
        self.serialLabel.setText(QCoreApplication.translate("StepRecordDialog", u"\u5165\u515a\u5fd7\u613f\u4e66\u7f16\u53f7(&S)\uff1a", None))
        self.serial_number.setPlaceholderText(QCoreApplication.translate("StepRecordDialog", u"\u5fd7\u613f\u4e66\u5c01\u9762\u4e0a\u5370\u5236\u7684\u7f16\u53f7\uff08\u5fd7\u613f\u4e66\u7531\u7701\u59d4\u7ec4\u7ec7\u90e8\u7edf\u4e00\u5370\u5236\uff0c\u672c\u7a0b\u5e8f\u4e0d\u6253\u5370\uff09", None))
        self.detailsBox.setTitle(QCoreApplication.translate("StepRecordDialog", u"\u7eaa\u5b9e\u8868\u4e8b\u9879", None))
        self.peopleBox.setTitle(QCoreApplication.translate("StepRecordDialog", u"\u4eba\u5458", None))
        self.personLabel.setText(QCoreApplication.translate("StepRecordDialog", u"\u515a\u5458(&P)\uff1a", None))
        self.postLabel.setText(QCoreApplication.translate("StepRecordDialog", u"\u804c\u52a1(&O)\uff1a", None))
        self.personPost.setPlaceholderText(QCoreApplication.translate("StepRecordDialog", u"\u4e0d\u586b\u5219\u7528\u5176\u5de5\u4f5c\u5c97\u4f4d", None))
        self.addPerson.setText(QCoreApplication.translate("StepRecordDialog", u"\u6dfb\u52a0(&A)", None))
        ___qtablewidgetitem = self.peopleTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("StepRecordDialog", u"\u59d3\u540d", None))
        ___qtablewidgetitem1 = self.peopleTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("StepRecordDialog", u"\u804c\u52a1", None))
        self.removePerson.setText(QCoreApplication.translate("StepRecordDialog", u"\u79fb\u9664(&V)", None))
        self.reasonBox.setTitle(QCoreApplication.translate("StepRecordDialog", u"\u4f8b\u5916\u60c5\u51b5\u7684\u539f\u56e0", None))
        self.exception_reason.setPlaceholderText(QCoreApplication.translate("StepRecordDialog", u"\u5199\u660e\u903e\u671f\u6216\u4f8b\u5916\u529e\u7406\u7684\u539f\u56e0\uff0c\u5982\u201c\u4e0a\u7ea7\u515a\u59d4\u96c6\u4e2d\u5ba1\u6279\uff0c\u4f1a\u8bae\u5ef6\u671f\u201d", None))
        self.checkButton.setText(QCoreApplication.translate("StepRecordDialog", u"\u68c0\u67e5(&K)", None))
#if QT_CONFIG(tooltip)
        self.checkButton.setToolTip(QCoreApplication.translate("StepRecordDialog", u"\u6309\u6240\u9002\u7528\u7684\u7ec6\u5219\u68c0\u67e5\u8fd9\u6761\u8bb0\u5f55\uff0c\u4e0d\u4fdd\u5b58", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

