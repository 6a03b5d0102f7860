# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'organisation_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################
# Generated from ui/organisation_dialog.ui by ui/build_forms.py — do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_OrganisationDialog(object):
    def setupUi(self, OrganisationDialog):
        if not OrganisationDialog.objectName():
            OrganisationDialog.setObjectName(u"OrganisationDialog")
        OrganisationDialog.resize(460, 300)
        self.mainLayout = QVBoxLayout(OrganisationDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.heading = QLabel(OrganisationDialog)
        self.heading.setObjectName(u"heading")
        self.heading.setWordWrap(True)

        self.mainLayout.addWidget(self.heading)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.parent_nameLabel = QLabel(OrganisationDialog)
        self.parent_nameLabel.setObjectName(u"parent_nameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.parent_nameLabel)

        self.parent_name = QLabel(OrganisationDialog)
        self.parent_name.setObjectName(u"parent_name")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.parent_name)

        self.kindLabel = QLabel(OrganisationDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kind = QComboBox(OrganisationDialog)
        self.kind.setObjectName(u"kind")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kind)

        self.err_kind = QLabel(OrganisationDialog)
        self.err_kind.setObjectName(u"err_kind")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.err_kind)

        self.nameLabel = QLabel(OrganisationDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(OrganisationDialog)
        self.name.setObjectName(u"name")
        self.name.setMaxLength(100)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.name)

        self.err_name = QLabel(OrganisationDialog)
        self.err_name.setObjectName(u"err_name")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.err_name)

        self.addressLabel = QLabel(OrganisationDialog)
        self.addressLabel.setObjectName(u"addressLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.address = QLineEdit(OrganisationDialog)
        self.address.setObjectName(u"address")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.address)

        self.err_address = QLabel(OrganisationDialog)
        self.err_address.setObjectName(u"err_address")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.err_address)

        self.phoneLabel = QLabel(OrganisationDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phone = QLineEdit(OrganisationDialog)
        self.phone.setObjectName(u"phone")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.phone)

        self.err_phone = QLabel(OrganisationDialog)
        self.err_phone.setObjectName(u"err_phone")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.err_phone)

        self.postcodeLabel = QLabel(OrganisationDialog)
        self.postcodeLabel.setObjectName(u"postcodeLabel")

        self.form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.postcodeLabel)

        self.postcode = QLineEdit(OrganisationDialog)
        self.postcode.setObjectName(u"postcode")
        self.postcode.setMaxLength(6)

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.postcode)

        self.err_postcode = QLabel(OrganisationDialog)
        self.err_postcode.setObjectName(u"err_postcode")

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.err_postcode)


        self.mainLayout.addLayout(self.form)

        self.err_general = QLabel(OrganisationDialog)
        self.err_general.setObjectName(u"err_general")

        self.mainLayout.addWidget(self.err_general)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.spacer)

        self.buttons = QDialogButtonBox(OrganisationDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.parent_nameLabel.setBuddy(self.parent_name)
        self.kindLabel.setBuddy(self.kind)
        self.nameLabel.setBuddy(self.name)
        self.addressLabel.setBuddy(self.address)
        self.phoneLabel.setBuddy(self.phone)
        self.postcodeLabel.setBuddy(self.postcode)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kind, self.name)
        QWidget.setTabOrder(self.name, self.address)
        QWidget.setTabOrder(self.address, self.phone)
        QWidget.setTabOrder(self.phone, self.postcode)
        QWidget.setTabOrder(self.postcode, self.buttons)

        self.retranslateUi(OrganisationDialog)

        QMetaObject.connectSlotsByName(OrganisationDialog)
    # setupUi

    def retranslateUi(self, OrganisationDialog):
        OrganisationDialog.setWindowTitle(QCoreApplication.translate("OrganisationDialog", u"\u7ec4\u7ec7", None))
        self.parent_nameLabel.setText(QCoreApplication.translate("OrganisationDialog", u"\u4e0a\u7ea7\u7ec4\u7ec7\uff1a", None))
        self.kindLabel.setText(QCoreApplication.translate("OrganisationDialog", u"\u7c7b\u578b(&K)\uff1a", None))
        self.nameLabel.setText(QCoreApplication.translate("OrganisationDialog", u"\u540d\u79f0(&N)\uff1a", None))
        self.name.setPlaceholderText(QCoreApplication.translate("OrganisationDialog", u"\u5982\uff1a\u673a\u5173\u7b2c\u4e00\u515a\u652f\u90e8", None))
        self.addressLabel.setText(QCoreApplication.translate("OrganisationDialog", u"\u5730\u5740(&A)\uff1a", None))
        self.phoneLabel.setText(QCoreApplication.translate("OrganisationDialog", u"\u7535\u8bdd(&T)\uff1a", None))
        self.postcodeLabel.setText(QCoreApplication.translate("OrganisationDialog", u"\u90ae\u653f\u7f16\u7801(&P)\uff1a", None))
    # retranslateUi

