# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'login_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################
# Generated from ui/login_dialog.ui by ui/build_forms.py — do not edit.

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

class Ui_LoginDialog(object):
    def setupUi(self, LoginDialog):
        if not LoginDialog.objectName():
            LoginDialog.setObjectName(u"LoginDialog")
        LoginDialog.resize(380, 210)
        self.mainLayout = QVBoxLayout(LoginDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.heading = QLabel(LoginDialog)
        self.heading.setObjectName(u"heading")

        self.mainLayout.addWidget(self.heading)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.usernameLabel = QLabel(LoginDialog)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.username = QLineEdit(LoginDialog)
        self.username.setObjectName(u"username")
        self.username.setMinimumSize(QSize(220, 0))

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.username)

        self.passwordLabel = QLabel(LoginDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.password = QLineEdit(LoginDialog)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.password)


        self.mainLayout.addLayout(self.form)

        self.err_general = QLabel(LoginDialog)
        self.err_general.setObjectName(u"err_general")
        self.err_general.setWordWrap(True)

        self.mainLayout.addWidget(self.err_general)

        self.verticalSpacer = QSpacerItem(0, 4, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttons = QDialogButtonBox(LoginDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.usernameLabel.setBuddy(self.username)
        self.passwordLabel.setBuddy(self.password)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.username, self.password)
        QWidget.setTabOrder(self.password, self.buttons)

        self.retranslateUi(LoginDialog)

        QMetaObject.connectSlotsByName(LoginDialog)
    # setupUi

    def retranslateUi(self, LoginDialog):
        LoginDialog.setWindowTitle(QCoreApplication.translate("LoginDialog", u"\u767b\u5f55 \u2014 \u652f\u90e8\u53f0\u8d26", None))
        self.heading.setText(QCoreApplication.translate("LoginDialog", u"<b>\u652f\u90e8\u53f0\u8d26</b>\u3000\u8bf7\u8f93\u5165\u7528\u6237\u540d\u548c\u5bc6\u7801", None))
        self.usernameLabel.setText(QCoreApplication.translate("LoginDialog", u"\u7528\u6237\u540d(&U)\uff1a", None))
        self.passwordLabel.setText(QCoreApplication.translate("LoginDialog", u"\u5bc6\u7801(&P)\uff1a", None))
    # retranslateUi

