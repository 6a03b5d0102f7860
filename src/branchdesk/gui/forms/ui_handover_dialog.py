# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'handover_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################
# Generated from ui/handover_dialog.ui by ui/build_forms.py — do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_HandoverDialog(object):
    def setupUi(self, HandoverDialog):
        if not HandoverDialog.objectName():
            HandoverDialog.setObjectName(u"HandoverDialog")
        HandoverDialog.resize(500, 380)
        self.mainLayout = QVBoxLayout(HandoverDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.intro = QLabel(HandoverDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.mainLayout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.searchLabel = QLabel(HandoverDialog)
        self.searchLabel.setObjectName(u"searchLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.searchLabel)

        self.search = QLineEdit(HandoverDialog)
        self.search.setObjectName(u"search")
        self.search.setClearButtonEnabled(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.search)

        self.memberLabel = QLabel(HandoverDialog)
        self.memberLabel.setObjectName(u"memberLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.memberLabel)

        self.member = QComboBox(HandoverDialog)
        self.member.setObjectName(u"member")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.member)

        self.err_member = QLabel(HandoverDialog)
        self.err_member.setObjectName(u"err_member")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.err_member)

        self.to_organisationLabel = QLabel(HandoverDialog)
        self.to_organisationLabel.setObjectName(u"to_organisationLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.to_organisationLabel)

        self.to_organisation = QLineEdit(HandoverDialog)
        self.to_organisation.setObjectName(u"to_organisation")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.to_organisation)

        self.err_to_organisation = QLabel(HandoverDialog)
        self.err_to_organisation.setObjectName(u"err_to_organisation")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.err_to_organisation)

        self.reasonLabel = QLabel(HandoverDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reason = QComboBox(HandoverDialog)
        self.reason.setObjectName(u"reason")
        self.reason.setEditable(True)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.reason)

        self.err_reason = QLabel(HandoverDialog)
        self.err_reason.setObjectName(u"err_reason")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.err_reason)

        self.issue_dateLabel = QLabel(HandoverDialog)
        self.issue_dateLabel.setObjectName(u"issue_dateLabel")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.issue_dateLabel)

        self.issue_date = QDateEdit(HandoverDialog)
        self.issue_date.setObjectName(u"issue_date")
        self.issue_date.setCalendarPopup(True)

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.issue_date)

        self.err_issue_date = QLabel(HandoverDialog)
        self.err_issue_date.setObjectName(u"err_issue_date")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.err_issue_date)

        self.contactLabel = QLabel(HandoverDialog)
        self.contactLabel.setObjectName(u"contactLabel")

        self.form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.contactLabel)

        self.contact = QLineEdit(HandoverDialog)
        self.contact.setObjectName(u"contact")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.contact)


        self.mainLayout.addLayout(self.form)

        self.err_general = QLabel(HandoverDialog)
        self.err_general.setObjectName(u"err_general")

        self.mainLayout.addWidget(self.err_general)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttons = QDialogButtonBox(HandoverDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.searchLabel.setBuddy(self.search)
        self.memberLabel.setBuddy(self.member)
        self.to_organisationLabel.setBuddy(self.to_organisation)
        self.reasonLabel.setBuddy(self.reason)
        self.issue_dateLabel.setBuddy(self.issue_date)
        self.contactLabel.setBuddy(self.contact)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.search, self.member)
        QWidget.setTabOrder(self.member, self.to_organisation)
        QWidget.setTabOrder(self.to_organisation, self.reason)
        QWidget.setTabOrder(self.reason, self.issue_date)
        QWidget.setTabOrder(self.issue_date, self.contact)
        QWidget.setTabOrder(self.contact, self.buttons)

        self.retranslateUi(HandoverDialog)

        QMetaObject.connectSlotsByName(HandoverDialog)
    # setupUi

    def retranslateUi(self, HandoverDialog):
        HandoverDialog.setWindowTitle(QCoreApplication.translate("HandoverDialog", u"\u53d1\u5c55\u6750\u6599\u8f6c\u9012", None))
        self.intro.setText(QCoreApplication.translate("HandoverDialog", u"\u5165\u515a\u7533\u8bf7\u4eba\u3001\u5165\u515a\u79ef\u6781\u5206\u5b50\u6216\u53d1\u5c55\u5bf9\u8c61\u5de5\u4f5c\u3001\u5b66\u4e60\u5c97\u4f4d\u53d8\u52a8\u65f6\uff0c\u5c06\u5176\u57f9\u517b\u6559\u80b2\u8003\u5bdf\u6750\u6599\uff08\u53d1\u5c55\u6863\u6848\uff09\u8f6c\u4ea4\u73b0\u5355\u4f4d\u515a\u7ec4\u7ec7\uff0c\u57f9\u517b\u6559\u80b2\u65f6\u95f4\u53ef\u4ee5\u8fde\u7eed\u8ba1\u7b97\u3002\u8f6c\u9012\u540e\u8bf7\u5bfc\u51fa\u8f6c\u63a5\u5305\u4ea4\u63a5\u6536\u5355\u4f4d\uff1b\u63a5\u6536\u5355\u4f4d\u786e\u8ba4\u540e\u767b\u8bb0\u56de\u6267\u3002", None))
        self.searchLabel.setText(QCoreApplication.translate("HandoverDialog", u"\u67e5\u627e(&S)\uff1a", None))
        self.search.setPlaceholderText(QCoreApplication.translate("HandoverDialog", u"\u59d3\u540d\u3001\u62fc\u97f3\u9996\u5b57\u6bcd\u6216\u8eab\u4efd\u8bc1\u53f7\u7247\u6bb5", None))
        self.memberLabel.setText(QCoreApplication.translate("HandoverDialog", u"\u8f6c\u9012\u5bf9\u8c61(&M)\uff1a", None))
        self.to_organisationLabel.setText(QCoreApplication.translate("HandoverDialog", u"\u63a5\u6536\u515a\u7ec4\u7ec7(&T)\uff1a", None))
        self.to_organisation.setPlaceholderText(QCoreApplication.translate("HandoverDialog", u"\u73b0\u5355\u4f4d\u515a\u7ec4\u7ec7\u5168\u79f0", None))
        self.reasonLabel.setText(QCoreApplication.translate("HandoverDialog", u"\u8f6c\u9012\u539f\u56e0(&R)\uff1a", None))
        self.issue_dateLabel.setText(QCoreApplication.translate("HandoverDialog", u"\u8f6c\u9012\u65e5\u671f(&D)\uff1a", None))
        self.issue_date.setDisplayFormat(QCoreApplication.translate("HandoverDialog", u"yyyy-MM-dd", None))
        self.contactLabel.setText(QCoreApplication.translate("HandoverDialog", u"\u7ecf\u529e\u4eba(&C)\uff1a", None))
    # retranslateUi

