# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'term_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################
# Generated from ui/term_dialog.ui by ui/build_forms.py — do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_TermDialog(object):
    def setupUi(self, TermDialog):
        if not TermDialog.objectName():
            TermDialog.setObjectName(u"TermDialog")
        TermDialog.resize(420, 220)
        self.mainLayout = QVBoxLayout(TermDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.heading = QLabel(TermDialog)
        self.heading.setObjectName(u"heading")
        self.heading.setWordWrap(True)

        self.mainLayout.addWidget(self.heading)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.start_dateLabel = QLabel(TermDialog)
        self.start_dateLabel.setObjectName(u"start_dateLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.start_dateLabel)

        self.start_date = QDateEdit(TermDialog)
        self.start_date.setObjectName(u"start_date")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.start_date)

        self.err_start_date = QLabel(TermDialog)
        self.err_start_date.setObjectName(u"err_start_date")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.err_start_date)

        self.end_dateLabel = QLabel(TermDialog)
        self.end_dateLabel.setObjectName(u"end_dateLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.end_dateLabel)

        self.end_date = QDateEdit(TermDialog)
        self.end_date.setObjectName(u"end_date")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.end_date)

        self.err_end_date = QLabel(TermDialog)
        self.err_end_date.setObjectName(u"err_end_date")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.err_end_date)

        self.noteLabel = QLabel(TermDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.note = QLineEdit(TermDialog)
        self.note.setObjectName(u"note")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.note)

        self.err_note = QLabel(TermDialog)
        self.err_note.setObjectName(u"err_note")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.err_note)


        self.mainLayout.addLayout(self.form)

        self.err_general = QLabel(TermDialog)
        self.err_general.setObjectName(u"err_general")

        self.mainLayout.addWidget(self.err_general)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.spacer)

        self.buttons = QDialogButtonBox(TermDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.start_dateLabel.setBuddy(self.start_date)
        self.end_dateLabel.setBuddy(self.end_date)
        self.noteLabel.setBuddy(self.note)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.start_date, self.end_date)
        QWidget.setTabOrder(self.end_date, self.note)
        QWidget.setTabOrder(self.note, self.buttons)

        self.retranslateUi(TermDialog)

        QMetaObject.connectSlotsByName(TermDialog)
    # setupUi

    def retranslateUi(self, TermDialog):
        TermDialog.setWindowTitle(QCoreApplication.translate("TermDialog", u"\u65b0\u589e\u59d4\u5458\u4f1a\u5c4a\u6b21", None))
        self.start_dateLabel.setText(QCoreApplication.translate("TermDialog", u"\u9009\u4e3e\u65e5\u671f(&S)\uff1a", None))
        self.end_dateLabel.setText(QCoreApplication.translate("TermDialog", u"\u5c4a\u6ee1\u65e5\u671f(&E)\uff1a", None))
        self.noteLabel.setText(QCoreApplication.translate("TermDialog", u"\u8bf4\u660e(&N)\uff1a", None))
        self.note.setPlaceholderText(QCoreApplication.translate("TermDialog", u"\u5982\uff1a\u7b2c\u4e09\u5c4a\u652f\u90e8\u59d4\u5458\u4f1a", None))
    # retranslateUi

