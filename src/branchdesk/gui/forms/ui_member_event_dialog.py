# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'member_event_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################
# Generated from ui/member_event_dialog.ui by ui/build_forms.py — do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QPlainTextEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_MemberEventDialog(object):
    def setupUi(self, MemberEventDialog):
        if not MemberEventDialog.objectName():
            MemberEventDialog.setObjectName(u"MemberEventDialog")
        MemberEventDialog.resize(440, 260)
        self.mainLayout = QVBoxLayout(MemberEventDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.heading = QLabel(MemberEventDialog)
        self.heading.setObjectName(u"heading")
        self.heading.setWordWrap(True)

        self.mainLayout.addWidget(self.heading)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.valueLabel = QLabel(MemberEventDialog)
        self.valueLabel.setObjectName(u"valueLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.valueLabel)

        self.value = QComboBox(MemberEventDialog)
        self.value.setObjectName(u"value")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.value)

        self.err_value = QLabel(MemberEventDialog)
        self.err_value.setObjectName(u"err_value")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.err_value)

        self.dateLabel = QLabel(MemberEventDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.date = QDateEdit(MemberEventDialog)
        self.date.setObjectName(u"date")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.date)

        self.err_date = QLabel(MemberEventDialog)
        self.err_date.setObjectName(u"err_date")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.err_date)

        self.reasonLabel = QLabel(MemberEventDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reason = QPlainTextEdit(MemberEventDialog)
        self.reason.setObjectName(u"reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumSize(QSize(16777215, 80))

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.reason)

        self.err_reason = QLabel(MemberEventDialog)
        self.err_reason.setObjectName(u"err_reason")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.err_reason)


        self.mainLayout.addLayout(self.form)

        self.err_general = QLabel(MemberEventDialog)
        self.err_general.setObjectName(u"err_general")

        self.mainLayout.addWidget(self.err_general)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.spacer)

        self.buttons = QDialogButtonBox(MemberEventDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.valueLabel.setBuddy(self.value)
        self.dateLabel.setBuddy(self.date)
        self.reasonLabel.setBuddy(self.reason)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.value, self.date)
        QWidget.setTabOrder(self.date, self.reason)
        QWidget.setTabOrder(self.reason, self.buttons)

        self.retranslateUi(MemberEventDialog)

        QMetaObject.connectSlotsByName(MemberEventDialog)
    # setupUi

    def retranslateUi(self, MemberEventDialog):
        MemberEventDialog.setWindowTitle(QCoreApplication.translate("MemberEventDialog", u"\u53d8\u66f4", None))
        self.valueLabel.setText(QCoreApplication.translate("MemberEventDialog", u"\u65b0\u503c(&V)\uff1a", None))
        self.dateLabel.setText(QCoreApplication.translate("MemberEventDialog", u"\u65e5\u671f(&D)\uff1a", None))
        self.reasonLabel.setText(QCoreApplication.translate("MemberEventDialog", u"\u539f\u56e0(&R)\uff1a", None))
        self.reason.setPlaceholderText(QCoreApplication.translate("MemberEventDialog", u"\u5982\uff1a\u7ecf\u652f\u90e8\u5927\u4f1a\u8ba8\u8bba\u901a\u8fc7\uff0c\u4e0a\u7ea7\u515a\u59d4\u6279\u51c6", None))
    # retranslateUi

