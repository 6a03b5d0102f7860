# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'transfer_receipt_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################
# Generated from ui/transfer_receipt_dialog.ui by ui/build_forms.py — do not edit.

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

class Ui_TransferReceiptDialog(object):
    def setupUi(self, TransferReceiptDialog):
        if not TransferReceiptDialog.objectName():
            TransferReceiptDialog.setObjectName(u"TransferReceiptDialog")
        TransferReceiptDialog.resize(460, 300)
        self.mainLayout = QVBoxLayout(TransferReceiptDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.intro = QLabel(TransferReceiptDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.mainLayout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.receipt_dateLabel = QLabel(TransferReceiptDialog)
        self.receipt_dateLabel.setObjectName(u"receipt_dateLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.receipt_dateLabel)

        self.receipt_date = QDateEdit(TransferReceiptDialog)
        self.receipt_date.setObjectName(u"receipt_date")
        self.receipt_date.setCalendarPopup(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.receipt_date)

        self.err_receipt_date = QLabel(TransferReceiptDialog)
        self.err_receipt_date.setObjectName(u"err_receipt_date")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.err_receipt_date)

        self.receipt_organisationLabel = QLabel(TransferReceiptDialog)
        self.receipt_organisationLabel.setObjectName(u"receipt_organisationLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.receipt_organisationLabel)

        self.receipt_organisation = QLineEdit(TransferReceiptDialog)
        self.receipt_organisation.setObjectName(u"receipt_organisation")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.receipt_organisation)

        self.err_receipt_organisation = QLabel(TransferReceiptDialog)
        self.err_receipt_organisation.setObjectName(u"err_receipt_organisation")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.err_receipt_organisation)

        self.receipt_handlerLabel = QLabel(TransferReceiptDialog)
        self.receipt_handlerLabel.setObjectName(u"receipt_handlerLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.receipt_handlerLabel)

        self.receipt_handler = QLineEdit(TransferReceiptDialog)
        self.receipt_handler.setObjectName(u"receipt_handler")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.receipt_handler)

        self.err_receipt_handler = QLabel(TransferReceiptDialog)
        self.err_receipt_handler.setObjectName(u"err_receipt_handler")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.err_receipt_handler)

        self.receipt_phoneLabel = QLabel(TransferReceiptDialog)
        self.receipt_phoneLabel.setObjectName(u"receipt_phoneLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.receipt_phoneLabel)

        self.receipt_phone = QLineEdit(TransferReceiptDialog)
        self.receipt_phone.setObjectName(u"receipt_phone")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.receipt_phone)


        self.mainLayout.addLayout(self.form)

        self.err_general = QLabel(TransferReceiptDialog)
        self.err_general.setObjectName(u"err_general")

        self.mainLayout.addWidget(self.err_general)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttons = QDialogButtonBox(TransferReceiptDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.receipt_dateLabel.setBuddy(self.receipt_date)
        self.receipt_organisationLabel.setBuddy(self.receipt_organisation)
        self.receipt_handlerLabel.setBuddy(self.receipt_handler)
        self.receipt_phoneLabel.setBuddy(self.receipt_phone)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.receipt_date, self.receipt_organisation)
        QWidget.setTabOrder(self.receipt_organisation, self.receipt_handler)
        QWidget.setTabOrder(self.receipt_handler, self.receipt_phone)
        QWidget.setTabOrder(self.receipt_phone, self.buttons)

        self.retranslateUi(TransferReceiptDialog)

        QMetaObject.connectSlotsByName(TransferReceiptDialog)
    # setupUi

    def retranslateUi(self, TransferReceiptDialog):
        TransferReceiptDialog.setWindowTitle(QCoreApplication.translate("TransferReceiptDialog", u"\u767b\u8bb0\u4ecb\u7ecd\u4fe1\u56de\u6267", None))
        self.intro.setText(QCoreApplication.translate("TransferReceiptDialog", u"\u63a5\u6536\u515a\u7ec4\u7ec7\u5bc4\u56de\u56de\u6267\u540e\u767b\u8bb0\uff1b\u767b\u8bb0\u540e\u8be5\u515a\u5458\u4e3a\u201c\u5df2\u8f6c\u51fa\u201d\uff0c\u6863\u6848\u4fdd\u7559\u3001\u53ea\u8bfb\u3002", None))
        self.receipt_dateLabel.setText(QCoreApplication.translate("TransferReceiptDialog", u"\u56de\u6267\u65e5\u671f(&D)\uff1a", None))
        self.receipt_date.setDisplayFormat(QCoreApplication.translate("TransferReceiptDialog", u"yyyy-MM-dd", None))
        self.receipt_organisationLabel.setText(QCoreApplication.translate("TransferReceiptDialog", u"\u63a5\u6536\u515a\u7ec4\u7ec7(&O)\uff1a", None))
        self.receipt_organisation.setPlaceholderText(QCoreApplication.translate("TransferReceiptDialog", u"\u56de\u6267\u4e0a\u76d6\u7ae0\u7684\u515a\u7ec4\u7ec7", None))
        self.receipt_handlerLabel.setText(QCoreApplication.translate("TransferReceiptDialog", u"\u7ecf\u529e\u4eba(&H)\uff1a", None))
        self.receipt_phoneLabel.setText(QCoreApplication.translate("TransferReceiptDialog", u"\u8054\u7cfb\u7535\u8bdd(&P)\uff1a", None))
    # retranslateUi

