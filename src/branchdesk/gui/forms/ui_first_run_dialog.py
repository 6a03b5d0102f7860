# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_run_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################
# Generated from ui/first_run_dialog.ui by ui/build_forms.py — do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QDialog, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QStackedWidget, QVBoxLayout,
    QWidget)

class Ui_FirstRunDialog(object):
    def setupUi(self, FirstRunDialog):
        if not FirstRunDialog.objectName():
            FirstRunDialog.setObjectName(u"FirstRunDialog")
        FirstRunDialog.resize(520, 420)
        self.mainLayout = QVBoxLayout(FirstRunDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.stepTitle = QLabel(FirstRunDialog)
        self.stepTitle.setObjectName(u"stepTitle")

        self.mainLayout.addWidget(self.stepTitle)

        self.pages = QStackedWidget(FirstRunDialog)
        self.pages.setObjectName(u"pages")
        self.adminPage = QWidget()
        self.adminPage.setObjectName(u"adminPage")
        self.adminLayout = QVBoxLayout(self.adminPage)
        self.adminLayout.setObjectName(u"adminLayout")
        self.adminIntro = QLabel(self.adminPage)
        self.adminIntro.setObjectName(u"adminIntro")
        self.adminIntro.setWordWrap(True)

        self.adminLayout.addWidget(self.adminIntro)

        self.adminForm = QFormLayout()
        self.adminForm.setObjectName(u"adminForm")
        self.usernameLabel = QLabel(self.adminPage)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.adminForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.username = QLineEdit(self.adminPage)
        self.username.setObjectName(u"username")

        self.adminForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.username)

        self.err_username = QLabel(self.adminPage)
        self.err_username.setObjectName(u"err_username")

        self.adminForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.err_username)

        self.displayNameLabel = QLabel(self.adminPage)
        self.displayNameLabel.setObjectName(u"displayNameLabel")

        self.adminForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.displayNameLabel)

        self.display_name = QLineEdit(self.adminPage)
        self.display_name.setObjectName(u"display_name")

        self.adminForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.display_name)

        self.err_display_name = QLabel(self.adminPage)
        self.err_display_name.setObjectName(u"err_display_name")

        self.adminForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.err_display_name)

        self.passwordLabel = QLabel(self.adminPage)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.adminForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.password = QLineEdit(self.adminPage)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.adminForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.password)

        self.err_password = QLabel(self.adminPage)
        self.err_password.setObjectName(u"err_password")

        self.adminForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.err_password)

        self.password2Label = QLabel(self.adminPage)
        self.password2Label.setObjectName(u"password2Label")

        self.adminForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.password2Label)

        self.password2 = QLineEdit(self.adminPage)
        self.password2.setObjectName(u"password2")
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)

        self.adminForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.password2)

        self.err_password2 = QLabel(self.adminPage)
        self.err_password2.setObjectName(u"err_password2")

        self.adminForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.err_password2)


        self.adminLayout.addLayout(self.adminForm)

        self.adminSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.adminLayout.addItem(self.adminSpacer)

        self.pages.addWidget(self.adminPage)
        self.orgPage = QWidget()
        self.orgPage.setObjectName(u"orgPage")
        self.orgLayout = QVBoxLayout(self.orgPage)
        self.orgLayout.setObjectName(u"orgLayout")
        self.orgIntro = QLabel(self.orgPage)
        self.orgIntro.setObjectName(u"orgIntro")
        self.orgIntro.setWordWrap(True)

        self.orgLayout.addWidget(self.orgIntro)

        self.orgForm = QFormLayout()
        self.orgForm.setObjectName(u"orgForm")
        self.committeeLabel = QLabel(self.orgPage)
        self.committeeLabel.setObjectName(u"committeeLabel")

        self.orgForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.committeeLabel)

        self.committee = QLineEdit(self.orgPage)
        self.committee.setObjectName(u"committee")

        self.orgForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.committee)

        self.err_committee = QLabel(self.orgPage)
        self.err_committee.setObjectName(u"err_committee")

        self.orgForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.err_committee)

        self.branchesLabel = QLabel(self.orgPage)
        self.branchesLabel.setObjectName(u"branchesLabel")

        self.orgForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.branchesLabel)

        self.branches = QPlainTextEdit(self.orgPage)
        self.branches.setObjectName(u"branches")
        self.branches.setTabChangesFocus(True)

        self.orgForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.branches)

        self.err_branches = QLabel(self.orgPage)
        self.err_branches.setObjectName(u"err_branches")

        self.orgForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.err_branches)


        self.orgLayout.addLayout(self.orgForm)

        self.pages.addWidget(self.orgPage)

        self.mainLayout.addWidget(self.pages)

        self.err_general = QLabel(FirstRunDialog)
        self.err_general.setObjectName(u"err_general")

        self.mainLayout.addWidget(self.err_general)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.backButton = QPushButton(FirstRunDialog)
        self.backButton.setObjectName(u"backButton")
        self.backButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.backButton)

        self.nextButton = QPushButton(FirstRunDialog)
        self.nextButton.setObjectName(u"nextButton")

        self.buttonRow.addWidget(self.nextButton)

        self.cancelButton = QPushButton(FirstRunDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.cancelButton)


        self.mainLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.usernameLabel.setBuddy(self.username)
        self.displayNameLabel.setBuddy(self.display_name)
        self.passwordLabel.setBuddy(self.password)
        self.password2Label.setBuddy(self.password2)
        self.committeeLabel.setBuddy(self.committee)
        self.branchesLabel.setBuddy(self.branches)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.username, self.display_name)
        QWidget.setTabOrder(self.display_name, self.password)
        QWidget.setTabOrder(self.password, self.password2)
        QWidget.setTabOrder(self.password2, self.committee)
        QWidget.setTabOrder(self.committee, self.branches)
        QWidget.setTabOrder(self.branches, self.nextButton)
        QWidget.setTabOrder(self.nextButton, self.backButton)
        QWidget.setTabOrder(self.backButton, self.cancelButton)

        self.retranslateUi(FirstRunDialog)

        self.nextButton.setDefault(True)


        QMetaObject.connectSlotsByName(FirstRunDialog)
    # setupUi

    def retranslateUi(self, FirstRunDialog):
        FirstRunDialog.setWindowTitle(QCoreApplication.translate("FirstRunDialog", u"\u9996\u6b21\u4f7f\u7528 \u2014 \u652f\u90e8\u53f0\u8d26", None))
        self.stepTitle.setText(QCoreApplication.translate("FirstRunDialog", u"<b>\u7b2c 1 \u6b65\uff08\u5171 2 \u6b65\uff09\uff1a\u521b\u5efa\u7ba1\u7406\u5458\u8d26\u6237</b>", None))
        self.adminIntro.setText(QCoreApplication.translate("FirstRunDialog", u"\u8fd9\u662f\u4e00\u4e2a\u65b0\u7684\u6570\u636e\u5e93\u3002\u8bf7\u5148\u521b\u5efa\u7ba1\u7406\u5458\u8d26\u6237\uff1a\u7ba1\u7406\u5458\u53ef\u4ee5\u7ba1\u7406\u8d26\u6237\u548c\u8bbe\u7f6e\uff0c\u4e5f\u53ef\u4ee5\u5f55\u5165\u53f0\u8d26\u3002", None))
        self.usernameLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u7528\u6237\u540d(&U)\uff1a", None))
        self.username.setText(QCoreApplication.translate("FirstRunDialog", u"admin", None))
        self.username.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u82f1\u6587\u5b57\u6bcd\u3001\u6570\u5b57\uff0c\u5982 admin", None))
        self.displayNameLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u59d3\u540d(&N)\uff1a", None))
        self.display_name.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u7ba1\u7406\u5458\u7684\u59d3\u540d", None))
        self.passwordLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u5bc6\u7801(&P)\uff1a", None))
        self.password2Label.setText(QCoreApplication.translate("FirstRunDialog", u"\u518d\u8f93\u4e00\u6b21(&R)\uff1a", None))
        self.orgIntro.setText(QCoreApplication.translate("FirstRunDialog", u"\u8bf7\u586b\u5199\u4e0a\u7ea7\u515a\u59d4\u548c\u672c\u5355\u4f4d\u7684\u515a\u652f\u90e8\u3002\u4ee5\u540e\u53ef\u4ee5\u5728\u201c\u8bbe\u7f6e \u2192 \u7ec4\u7ec7\u673a\u6784\u201d\u4e2d\u589e\u52a0\u515a\u603b\u652f\u3001\u515a\u5c0f\u7ec4\u548c\u59d4\u5458\u4f1a\u3002", None))
        self.committeeLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u515a\u59d4\u540d\u79f0(&C)\uff1a", None))
        self.committee.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u5982\uff1a\u4e2d\u5171\u00d7\u00d7\u53bf\u516c\u5b89\u5c40\u59d4\u5458\u4f1a", None))
        self.branchesLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u515a\u652f\u90e8(&B)\uff1a", None))
        self.branches.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u6bcf\u884c\u4e00\u4e2a\u515a\u652f\u90e8\u540d\u79f0\uff0c\u5982\uff1a\n"
"\u673a\u5173\u7b2c\u4e00\u515a\u652f\u90e8\n"
"\u673a\u5173\u7b2c\u4e8c\u515a\u652f\u90e8", None))
        self.backButton.setText(QCoreApplication.translate("FirstRunDialog", u"\u4e0a\u4e00\u6b65(&B)", None))
        self.nextButton.setText(QCoreApplication.translate("FirstRunDialog", u"\u4e0b\u4e00\u6b65(&N)", None))
        self.cancelButton.setText(QCoreApplication.translate("FirstRunDialog", u"\u53d6\u6d88", None))
    # retranslateUi

