# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'account_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################
# Generated from ui/account_dialog.ui by ui/build_forms.py — do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_AccountDialog(object):
    def setupUi(self, AccountDialog):
        if not AccountDialog.objectName():
            AccountDialog.setObjectName(u"AccountDialog")
        AccountDialog.resize(420, 300)
        self.mainLayout = QVBoxLayout(AccountDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.heading = QLabel(AccountDialog)
        self.heading.setObjectName(u"heading")
        self.heading.setWordWrap(True)

        self.mainLayout.addWidget(self.heading)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.usernameLabel = QLabel(AccountDialog)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.username = QLineEdit(AccountDialog)
        self.username.setObjectName(u"username")
        self.username.setMaxLength(30)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.username)

        self.err_username = QLabel(AccountDialog)
        self.err_username.setObjectName(u"err_username")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.err_username)

        self.display_nameLabel = QLabel(AccountDialog)
        self.display_nameLabel.setObjectName(u"display_nameLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.display_nameLabel)

        self.display_name = QLineEdit(AccountDialog)
        self.display_name.setObjectName(u"display_name")
        self.display_name.setMaxLength(50)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.display_name)

        self.err_display_name = QLabel(AccountDialog)
        self.err_display_name.setObjectName(u"err_display_name")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.err_display_name)

        self.roleLabel = QLabel(AccountDialog)
        self.roleLabel.setObjectName(u"roleLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.role = QComboBox(AccountDialog)
        self.role.setObjectName(u"role")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.role)

        self.err_role = QLabel(AccountDialog)
        self.err_role.setObjectName(u"err_role")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.err_role)

        self.passwordLabel = QLabel(AccountDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.password = QLineEdit(AccountDialog)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.password)

        self.err_password = QLabel(AccountDialog)
        self.err_password.setObjectName(u"err_password")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.err_password)

        self.password2Label = QLabel(AccountDialog)
        self.password2Label.setObjectName(u"password2Label")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.password2Label)

        self.password2 = QLineEdit(AccountDialog)
        self.password2.setObjectName(u"password2")
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.password2)

        self.err_password2 = QLabel(AccountDialog)
        self.err_password2.setObjectName(u"err_password2")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.err_password2)

        self.activeLabel = QLabel(AccountDialog)
        self.activeLabel.setObjectName(u"activeLabel")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.activeLabel)

        self.active = QCheckBox(AccountDialog)
        self.active.setObjectName(u"active")
        self.active.setChecked(True)

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.active)


        self.mainLayout.addLayout(self.form)

        self.err_general = QLabel(AccountDialog)
        self.err_general.setObjectName(u"err_general")

        self.mainLayout.addWidget(self.err_general)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.spacer)

        self.buttons = QDialogButtonBox(AccountDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.usernameLabel.setBuddy(self.username)
        self.display_nameLabel.setBuddy(self.display_name)
        self.roleLabel.setBuddy(self.role)
        self.passwordLabel.setBuddy(self.password)
        self.password2Label.setBuddy(self.password2)
        self.activeLabel.setBuddy(self.active)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.username, self.display_name)
        QWidget.setTabOrder(self.display_name, self.role)
        QWidget.setTabOrder(self.role, self.password)
        QWidget.setTabOrder(self.password, self.password2)
        QWidget.setTabOrder(self.password2, self.active)
        QWidget.setTabOrder(self.active, self.buttons)

        self.retranslateUi(AccountDialog)

        QMetaObject.connectSlotsByName(AccountDialog)
    # setupUi

    def retranslateUi(self, AccountDialog):
        AccountDialog.setWindowTitle(QCoreApplication.translate("AccountDialog", u"\u8d26\u6237", None))
        self.usernameLabel.setText(QCoreApplication.translate("AccountDialog", u"\u7528\u6237\u540d(&U)\uff1a", None))
        self.username.setPlaceholderText(QCoreApplication.translate("AccountDialog", u"\u82f1\u6587\u5b57\u6bcd\u3001\u6570\u5b57\uff0c\u5982 zhangsan", None))
        self.display_nameLabel.setText(QCoreApplication.translate("AccountDialog", u"\u59d3\u540d(&N)\uff1a", None))
        self.roleLabel.setText(QCoreApplication.translate("AccountDialog", u"\u89d2\u8272(&R)\uff1a", None))
        self.passwordLabel.setText(QCoreApplication.translate("AccountDialog", u"\u5bc6\u7801(&P)\uff1a", None))
        self.password2Label.setText(QCoreApplication.translate("AccountDialog", u"\u518d\u8f93\u4e00\u6b21(&A)\uff1a", None))
        self.activeLabel.setText(QCoreApplication.translate("AccountDialog", u"\u72b6\u6001\uff1a", None))
        self.active.setText(QCoreApplication.translate("AccountDialog", u"\u542f\u7528(&E)", None))
    # retranslateUi

