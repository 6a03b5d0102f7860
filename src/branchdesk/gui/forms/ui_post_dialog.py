# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'post_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################
# Generated from ui/post_dialog.ui by ui/build_forms.py — do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from branchdesk.gui.common import OptionalDateEdit

class Ui_PostDialog(object):
    def setupUi(self, PostDialog):
        if not PostDialog.objectName():
            PostDialog.setObjectName(u"PostDialog")
        PostDialog.resize(420, 240)
        self.mainLayout = QVBoxLayout(PostDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.heading = QLabel(PostDialog)
        self.heading.setObjectName(u"heading")
        self.heading.setWordWrap(True)

        self.mainLayout.addWidget(self.heading)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.memberLabel = QLabel(PostDialog)
        self.memberLabel.setObjectName(u"memberLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.memberLabel)

        self.member = QComboBox(PostDialog)
        self.member.setObjectName(u"member")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.member)

        self.err_member = QLabel(PostDialog)
        self.err_member.setObjectName(u"err_member")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.err_member)

        self.postLabel = QLabel(PostDialog)
        self.postLabel.setObjectName(u"postLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.postLabel)

        self.post = QComboBox(PostDialog)
        self.post.setObjectName(u"post")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.post)

        self.err_post = QLabel(PostDialog)
        self.err_post.setObjectName(u"err_post")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.err_post)

        self.start_dateLabel = QLabel(PostDialog)
        self.start_dateLabel.setObjectName(u"start_dateLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.start_dateLabel)

        self.start_date = QDateEdit(PostDialog)
        self.start_date.setObjectName(u"start_date")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.start_date)

        self.err_start_date = QLabel(PostDialog)
        self.err_start_date.setObjectName(u"err_start_date")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.err_start_date)

        self.end_dateLabel = QLabel(PostDialog)
        self.end_dateLabel.setObjectName(u"end_dateLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.end_dateLabel)

        self.end_date = OptionalDateEdit(PostDialog)
        self.end_date.setObjectName(u"end_date")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.end_date)

        self.err_end_date = QLabel(PostDialog)
        self.err_end_date.setObjectName(u"err_end_date")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.err_end_date)


        self.mainLayout.addLayout(self.form)

        self.err_general = QLabel(PostDialog)
        self.err_general.setObjectName(u"err_general")

        self.mainLayout.addWidget(self.err_general)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.spacer)

        self.buttons = QDialogButtonBox(PostDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.memberLabel.setBuddy(self.member)
        self.postLabel.setBuddy(self.post)
        self.start_dateLabel.setBuddy(self.start_date)
        self.end_dateLabel.setBuddy(self.end_date)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.member, self.post)
        QWidget.setTabOrder(self.post, self.start_date)
        QWidget.setTabOrder(self.start_date, self.end_date)
        QWidget.setTabOrder(self.end_date, self.buttons)

        self.retranslateUi(PostDialog)

        QMetaObject.connectSlotsByName(PostDialog)
    # setupUi

    def retranslateUi(self, PostDialog):
        PostDialog.setWindowTitle(QCoreApplication.translate("PostDialog", u"\u65b0\u589e\u4efb\u804c", None))
        self.memberLabel.setText(QCoreApplication.translate("PostDialog", u"\u515a\u5458(&M)\uff1a", None))
        self.postLabel.setText(QCoreApplication.translate("PostDialog", u"\u804c\u52a1(&P)\uff1a", None))
        self.start_dateLabel.setText(QCoreApplication.translate("PostDialog", u"\u4efb\u804c\u65e5\u671f(&S)\uff1a", None))
        self.end_dateLabel.setText(QCoreApplication.translate("PostDialog", u"\u79bb\u4efb\u65e5\u671f(&E)\uff1a", None))
    # retranslateUi

