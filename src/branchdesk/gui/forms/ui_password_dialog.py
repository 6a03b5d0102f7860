# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'password_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################
# Generated from ui/password_dialog.ui by ui/build_forms.py — do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_PasswordDialog(object):
    def setupUi(self, PasswordDialog):
        if not PasswordDialog.objectName():
            PasswordDialog.setObjectName(u"PasswordDialog")
        PasswordDialog.resize(400, 220)
        self.mainLayout = QVBoxLayout(PasswordDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.heading = QLabel(PasswordDialog)
        self.heading.setObjectName(u"heading")
        self.heading.setWordWrap(True)

        self.mainLayout.addWidget(self.heading)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.old_passwordLabel = QLabel(PasswordDialog)
        self.old_passwordLabel.setObjectName(u"old_passwordLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.old_passwordLabel)

        self.old_password = QLineEdit(PasswordDialog)
        self.old_password.setObjectName(u"old_password")
        self.old_password.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.old_password)

        self.err_old_password = QLabel(PasswordDialog)
        self.err_old_password.setObjectName(u"err_old_password")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.err_old_password)

        self.passwordLabel = QLabel(PasswordDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.password = QLineEdit(PasswordDialog)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.password)

        self.err_password = QLabel(PasswordDialog)
        self.err_password.setObjectName(u"err_password")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.err_password)

        self.password2Label = QLabel(PasswordDialog)
        self.password2Label.setObjectName(u"password2Label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.password2Label)

        self.password2 = QLineEdit(PasswordDialog)
        self.password2.setObjectName(u"password2")
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.password2)

        self.err_password2 = QLabel(PasswordDialog)
        self.err_password2.setObjectName(u"err_password2")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.err_password2)


        self.mainLayout.addLayout(self.form)

        self.err_general = QLabel(PasswordDialog)
        self.err_general.setObjectName(u"err_general")

        self.mainLayout.addWidget(self.err_general)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.spacer)

        self.buttons = QDialogButtonBox(PasswordDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.old_passwordLabel.setBuddy(self.old_password)
        self.passwordLabel.setBuddy(self.password)
        self.password2Label.setBuddy(self.password2)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.old_password, self.password)
        QWidget.setTabOrder(self.password, self.password2)
        QWidget.setTabOrder(self.password2, self.buttons)

        self.retranslateUi(PasswordDialog)

        QMetaObject.connectSlotsByName(PasswordDialog)
    # setupUi

    def retranslateUi(self, PasswordDialog):
        PasswordDialog.setWindowTitle(QCoreApplication.translate("PasswordDialog", u"\u4fee\u6539\u5bc6\u7801", None))
        self.old_passwordLabel.setText(QCoreApplication.translate("PasswordDialog", u"\u539f\u5bc6\u7801(&O)\uff1a", None))
        self.passwordLabel.setText(QCoreApplication.translate("PasswordDialog", u"\u65b0\u5bc6\u7801(&P)\uff1a", None))
        self.password2Label.setText(QCoreApplication.translate("PasswordDialog", u"\u518d\u8f93\u4e00\u6b21(&A)\uff1a", None))
    # retranslateUi

