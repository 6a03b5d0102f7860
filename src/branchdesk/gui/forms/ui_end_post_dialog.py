# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'end_post_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################
# Generated from ui/end_post_dialog.ui by ui/build_forms.py — do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_EndPostDialog(object):
    def setupUi(self, EndPostDialog):
        if not EndPostDialog.objectName():
            EndPostDialog.setObjectName(u"EndPostDialog")
        EndPostDialog.resize(380, 160)
        self.mainLayout = QVBoxLayout(EndPostDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.heading = QLabel(EndPostDialog)
        self.heading.setObjectName(u"heading")
        self.heading.setWordWrap(True)

        self.mainLayout.addWidget(self.heading)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.end_dateLabel = QLabel(EndPostDialog)
        self.end_dateLabel.setObjectName(u"end_dateLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.end_dateLabel)

        self.end_date = QDateEdit(EndPostDialog)
        self.end_date.setObjectName(u"end_date")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.end_date)

        self.err_end_date = QLabel(EndPostDialog)
        self.err_end_date.setObjectName(u"err_end_date")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.err_end_date)


        self.mainLayout.addLayout(self.form)

        self.err_general = QLabel(EndPostDialog)
        self.err_general.setObjectName(u"err_general")

        self.mainLayout.addWidget(self.err_general)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.spacer)

        self.buttons = QDialogButtonBox(EndPostDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.end_dateLabel.setBuddy(self.end_date)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.end_date, self.buttons)

        self.retranslateUi(EndPostDialog)

        QMetaObject.connectSlotsByName(EndPostDialog)
    # setupUi

    def retranslateUi(self, EndPostDialog):
        EndPostDialog.setWindowTitle(QCoreApplication.translate("EndPostDialog", u"\u59d4\u5458\u79bb\u4efb", None))
        self.end_dateLabel.setText(QCoreApplication.translate("EndPostDialog", u"\u79bb\u4efb\u65e5\u671f(&E)\uff1a", None))
    # retranslateUi

