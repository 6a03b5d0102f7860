# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'workday_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################
# Generated from ui/workday_dialog.ui by ui/build_forms.py — do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QRadioButton, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_WorkdayDialog(object):
    def setupUi(self, WorkdayDialog):
        if not WorkdayDialog.objectName():
            WorkdayDialog.setObjectName(u"WorkdayDialog")
        WorkdayDialog.resize(420, 220)
        self.mainLayout = QVBoxLayout(WorkdayDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.intro = QLabel(WorkdayDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.mainLayout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.dayLabel = QLabel(WorkdayDialog)
        self.dayLabel.setObjectName(u"dayLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dayLabel)

        self.day = QDateEdit(WorkdayDialog)
        self.day.setObjectName(u"day")
        self.day.setCalendarPopup(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.day)

        self.kindLabel = QLabel(WorkdayDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindRow = QHBoxLayout()
        self.kindRow.setObjectName(u"kindRow")
        self.rest = QRadioButton(WorkdayDialog)
        self.rest.setObjectName(u"rest")
        self.rest.setChecked(True)

        self.kindRow.addWidget(self.rest)

        self.work = QRadioButton(WorkdayDialog)
        self.work.setObjectName(u"work")

        self.kindRow.addWidget(self.work)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.kindRow)

        self.noteLabel = QLabel(WorkdayDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.note = QLineEdit(WorkdayDialog)
        self.note.setObjectName(u"note")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.note)

        self.err_note = QLabel(WorkdayDialog)
        self.err_note.setObjectName(u"err_note")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.err_note)


        self.mainLayout.addLayout(self.form)

        self.err_general = QLabel(WorkdayDialog)
        self.err_general.setObjectName(u"err_general")

        self.mainLayout.addWidget(self.err_general)

        self.buttons = QDialogButtonBox(WorkdayDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.dayLabel.setBuddy(self.day)
        self.kindLabel.setBuddy(self.rest)
        self.noteLabel.setBuddy(self.note)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.day, self.rest)
        QWidget.setTabOrder(self.rest, self.work)
        QWidget.setTabOrder(self.work, self.note)
        QWidget.setTabOrder(self.note, self.buttons)

        self.retranslateUi(WorkdayDialog)

        QMetaObject.connectSlotsByName(WorkdayDialog)
    # setupUi

    def retranslateUi(self, WorkdayDialog):
        WorkdayDialog.setWindowTitle(QCoreApplication.translate("WorkdayDialog", u"\u5f55\u5165\u653e\u5047\u5b89\u6392", None))
        self.intro.setText(QCoreApplication.translate("WorkdayDialog", u"\u6309\u56fd\u52a1\u9662\u529e\u516c\u5385\u5f53\u5e74\u7684\u8282\u5047\u65e5\u5b89\u6392\u901a\u77e5\uff0c\u9010\u65e5\u5f55\u5165\u653e\u5047\u65e5\u548c\u8c03\u4f11\u4e0a\u73ed\u65e5\u3002", None))
        self.dayLabel.setText(QCoreApplication.translate("WorkdayDialog", u"\u65e5\u671f(&D)\uff1a", None))
        self.day.setDisplayFormat(QCoreApplication.translate("WorkdayDialog", u"yyyy-MM-dd", None))
        self.kindLabel.setText(QCoreApplication.translate("WorkdayDialog", u"\u8fd9\u4e00\u5929(&K)\uff1a", None))
        self.rest.setText(QCoreApplication.translate("WorkdayDialog", u"\u653e\u5047", None))
        self.work.setText(QCoreApplication.translate("WorkdayDialog", u"\u4e0a\u73ed\uff08\u8c03\u4f11\uff09", None))
        self.noteLabel.setText(QCoreApplication.translate("WorkdayDialog", u"\u8bf4\u660e(&N)\uff1a", None))
        self.note.setPlaceholderText(QCoreApplication.translate("WorkdayDialog", u"\u5982\uff1a\u6625\u8282\uff0c\u6216 \u6625\u8282\u8c03\u4f11\u4e0a\u73ed", None))
    # retranslateUi

