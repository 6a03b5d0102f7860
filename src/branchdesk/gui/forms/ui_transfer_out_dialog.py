# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'transfer_out_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################
# Generated from ui/transfer_out_dialog.ui by ui/build_forms.py — do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QSizePolicy, QSpacerItem, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_TransferOutDialog(object):
    def setupUi(self, TransferOutDialog):
        if not TransferOutDialog.objectName():
            TransferOutDialog.setObjectName(u"TransferOutDialog")
        TransferOutDialog.resize(560, 540)
        self.mainLayout = QVBoxLayout(TransferOutDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.intro = QLabel(TransferOutDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.mainLayout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.memberLabel = QLabel(TransferOutDialog)
        self.memberLabel.setObjectName(u"memberLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.memberLabel)

        self.memberColumn = QVBoxLayout()
        self.memberColumn.setObjectName(u"memberColumn")
        self.member_search = QLineEdit(TransferOutDialog)
        self.member_search.setObjectName(u"member_search")
        self.member_search.setClearButtonEnabled(True)

        self.memberColumn.addWidget(self.member_search)

        self.member = QListWidget(TransferOutDialog)
        self.member.setObjectName(u"member")
        self.member.setMinimumSize(QSize(0, 120))
        self.member.setMaximumSize(QSize(16777215, 150))
        self.member.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.member.setAlternatingRowColors(True)

        self.memberColumn.addWidget(self.member)

        self.member_hint = QLabel(TransferOutDialog)
        self.member_hint.setObjectName(u"member_hint")
        self.member_hint.setStyleSheet(u"color: #555;")
        self.member_hint.setWordWrap(True)

        self.memberColumn.addWidget(self.member_hint)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.memberColumn)

        self.err_member = QLabel(TransferOutDialog)
        self.err_member.setObjectName(u"err_member")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.err_member)

        self.to_organisationLabel = QLabel(TransferOutDialog)
        self.to_organisationLabel.setObjectName(u"to_organisationLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.to_organisationLabel)

        self.to_organisation = QLineEdit(TransferOutDialog)
        self.to_organisation.setObjectName(u"to_organisation")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.to_organisation)

        self.err_to_organisation = QLabel(TransferOutDialog)
        self.err_to_organisation.setObjectName(u"err_to_organisation")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.err_to_organisation)

        self.reasonLabel = QLabel(TransferOutDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reason = QComboBox(TransferOutDialog)
        self.reason.setObjectName(u"reason")
        self.reason.setEditable(True)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.reason)

        self.err_reason = QLabel(TransferOutDialog)
        self.err_reason.setObjectName(u"err_reason")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.err_reason)

        self.duesLabel = QLabel(TransferOutDialog)
        self.duesLabel.setObjectName(u"duesLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.duesLabel)

        self.duesRow = QHBoxLayout()
        self.duesRow.setObjectName(u"duesRow")
        self.dues_year = QSpinBox(TransferOutDialog)
        self.dues_year.setObjectName(u"dues_year")
        self.dues_year.setMinimum(1950)
        self.dues_year.setMaximum(2100)

        self.duesRow.addWidget(self.dues_year)

        self.dues_month = QSpinBox(TransferOutDialog)
        self.dues_month.setObjectName(u"dues_month")
        self.dues_month.setMinimum(1)
        self.dues_month.setMaximum(12)

        self.duesRow.addWidget(self.dues_month)

        self.duesSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.duesRow.addItem(self.duesSpacer)


        self.form.setLayout(6, QFormLayout.ItemRole.FieldRole, self.duesRow)

        self.err_dues = QLabel(TransferOutDialog)
        self.err_dues.setObjectName(u"err_dues")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.err_dues)

        self.issue_dateLabel = QLabel(TransferOutDialog)
        self.issue_dateLabel.setObjectName(u"issue_dateLabel")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.issue_dateLabel)

        self.issue_date = QDateEdit(TransferOutDialog)
        self.issue_date.setObjectName(u"issue_date")
        self.issue_date.setCalendarPopup(True)

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.issue_date)

        self.err_issue_date = QLabel(TransferOutDialog)
        self.err_issue_date.setObjectName(u"err_issue_date")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.err_issue_date)

        self.validity_daysLabel = QLabel(TransferOutDialog)
        self.validity_daysLabel.setObjectName(u"validity_daysLabel")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.validity_daysLabel)

        self.validity_days = QSpinBox(TransferOutDialog)
        self.validity_days.setObjectName(u"validity_days")
        self.validity_days.setMinimum(1)
        self.validity_days.setMaximum(365)
        self.validity_days.setValue(30)

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.validity_days)

        self.err_validity_days = QLabel(TransferOutDialog)
        self.err_validity_days.setObjectName(u"err_validity_days")

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.err_validity_days)

        self.contactLabel = QLabel(TransferOutDialog)
        self.contactLabel.setObjectName(u"contactLabel")

        self.form.setWidget(12, QFormLayout.ItemRole.LabelRole, self.contactLabel)

        self.contact = QLineEdit(TransferOutDialog)
        self.contact.setObjectName(u"contact")

        self.form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.contact)

        self.member_phoneLabel = QLabel(TransferOutDialog)
        self.member_phoneLabel.setObjectName(u"member_phoneLabel")

        self.form.setWidget(13, QFormLayout.ItemRole.LabelRole, self.member_phoneLabel)

        self.member_phone = QLineEdit(TransferOutDialog)
        self.member_phone.setObjectName(u"member_phone")

        self.form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.member_phone)


        self.mainLayout.addLayout(self.form)

        self.err_general = QLabel(TransferOutDialog)
        self.err_general.setObjectName(u"err_general")

        self.mainLayout.addWidget(self.err_general)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttons = QDialogButtonBox(TransferOutDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.memberLabel.setBuddy(self.member_search)
        self.to_organisationLabel.setBuddy(self.to_organisation)
        self.reasonLabel.setBuddy(self.reason)
        self.duesLabel.setBuddy(self.dues_year)
        self.issue_dateLabel.setBuddy(self.issue_date)
        self.validity_daysLabel.setBuddy(self.validity_days)
        self.contactLabel.setBuddy(self.contact)
        self.member_phoneLabel.setBuddy(self.member_phone)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.member_search, self.member)
        QWidget.setTabOrder(self.member, self.to_organisation)
        QWidget.setTabOrder(self.to_organisation, self.reason)
        QWidget.setTabOrder(self.reason, self.dues_year)
        QWidget.setTabOrder(self.dues_year, self.dues_month)
        QWidget.setTabOrder(self.dues_month, self.issue_date)
        QWidget.setTabOrder(self.issue_date, self.validity_days)
        QWidget.setTabOrder(self.validity_days, self.contact)
        QWidget.setTabOrder(self.contact, self.member_phone)
        QWidget.setTabOrder(self.member_phone, self.buttons)

        self.retranslateUi(TransferOutDialog)

        QMetaObject.connectSlotsByName(TransferOutDialog)
    # setupUi

    def retranslateUi(self, TransferOutDialog):
        TransferOutDialog.setWindowTitle(QCoreApplication.translate("TransferOutDialog", u"\u5f00\u5177\u515a\u5458\u7ec4\u7ec7\u5173\u7cfb\u4ecb\u7ecd\u4fe1", None))
        self.intro.setText(QCoreApplication.translate("TransferOutDialog", u"\u4ecb\u7ecd\u4fe1\u7f16\u53f7\u6309\u5e74\u5ea6\u548c\u5f00\u5177\u515a\u59d4\u81ea\u52a8\u7f16\u6392\uff0c\u5982\uff082026\uff09\u7ec4\u5b57\u7b2c 012 \u53f7\uff1b\u6536\u5230\u56de\u6267\u524d\uff0c\u8be5\u515a\u5458\u4ecd\u7531\u672c\u652f\u90e8\u8d1f\u8d23\uff08\u8f6c\u51fa\u4e2d\uff09\u3002", None))
        self.memberLabel.setText(QCoreApplication.translate("TransferOutDialog", u"\u515a\u5458(&M)\uff1a", None))
        self.member_search.setPlaceholderText(QCoreApplication.translate("TransferOutDialog", u"\u8f93\u5165\u59d3\u540d\u3001\u62fc\u97f3\u9996\u5b57\u6bcd\u6216\u8eab\u4efd\u8bc1\u53f7\u67e5\u627e", None))
#if QT_CONFIG(tooltip)
        self.member.setToolTip(QCoreApplication.translate("TransferOutDialog", u"\u6b63\u5f0f\u515a\u5458\u3001\u9884\u5907\u515a\u5458\u4e2d\u515a\u7c4d\u72b6\u6001\u6b63\u5e38\u7684\uff1b\u6700\u591a\u663e\u793a 50 \u540d\uff0c\u8f93\u5165\u66f4\u591a\u6587\u5b57\u53ef\u7f29\u5c0f\u8303\u56f4", None))
#endif // QT_CONFIG(tooltip)
        self.to_organisationLabel.setText(QCoreApplication.translate("TransferOutDialog", u"\u8f6c\u5f80\u515a\u7ec4\u7ec7(&T)\uff1a", None))
        self.to_organisation.setPlaceholderText(QCoreApplication.translate("TransferOutDialog", u"\u5982\uff1a\u4e2d\u5171\u67d0\u67d0\u59d4\u5458\u4f1a\u7ec4\u7ec7\u90e8", None))
        self.reasonLabel.setText(QCoreApplication.translate("TransferOutDialog", u"\u8f6c\u51fa\u539f\u56e0(&R)\uff1a", None))
        self.duesLabel.setText(QCoreApplication.translate("TransferOutDialog", u"\u515a\u8d39\u4ea4\u81f3(&D)\uff1a", None))
        self.dues_year.setSuffix(QCoreApplication.translate("TransferOutDialog", u" \u5e74", None))
        self.dues_month.setSuffix(QCoreApplication.translate("TransferOutDialog", u" \u6708", None))
        self.issue_dateLabel.setText(QCoreApplication.translate("TransferOutDialog", u"\u5f00\u5177\u65e5\u671f(&I)\uff1a", None))
        self.issue_date.setDisplayFormat(QCoreApplication.translate("TransferOutDialog", u"yyyy-MM-dd", None))
        self.validity_daysLabel.setText(QCoreApplication.translate("TransferOutDialog", u"\u6709\u6548\u671f(&V)\uff1a", None))
        self.validity_days.setSuffix(QCoreApplication.translate("TransferOutDialog", u" \u5929", None))
        self.contactLabel.setText(QCoreApplication.translate("TransferOutDialog", u"\u8054\u7cfb\u4eba(&C)\uff1a", None))
        self.contact.setPlaceholderText(QCoreApplication.translate("TransferOutDialog", u"\u5f00\u5177\u5355\u4f4d\u7684\u8054\u7cfb\u4eba", None))
        self.member_phoneLabel.setText(QCoreApplication.translate("TransferOutDialog", u"\u515a\u5458\u7535\u8bdd(&P)\uff1a", None))
        self.member_phone.setPlaceholderText(QCoreApplication.translate("TransferOutDialog", u"\u7559\u7a7a\u5219\u7528\u515a\u5458\u8bb0\u5f55\u4e2d\u7684\u7535\u8bdd", None))
    # retranslateUi

