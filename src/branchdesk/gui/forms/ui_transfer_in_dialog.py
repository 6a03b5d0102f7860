# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'transfer_in_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################
# Generated from ui/transfer_in_dialog.ui by ui/build_forms.py — do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QSizePolicy, QSpacerItem,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_TransferInDialog(object):
    def setupUi(self, TransferInDialog):
        if not TransferInDialog.objectName():
            TransferInDialog.setObjectName(u"TransferInDialog")
        TransferInDialog.resize(500, 400)
        self.mainLayout = QVBoxLayout(TransferInDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.intro = QLabel(TransferInDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.mainLayout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.from_organisationLabel = QLabel(TransferInDialog)
        self.from_organisationLabel.setObjectName(u"from_organisationLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.from_organisationLabel)

        self.from_organisation = QLineEdit(TransferInDialog)
        self.from_organisation.setObjectName(u"from_organisation")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.from_organisation)

        self.err_from_organisation = QLabel(TransferInDialog)
        self.err_from_organisation.setObjectName(u"err_from_organisation")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.err_from_organisation)

        self.letter_numberLabel = QLabel(TransferInDialog)
        self.letter_numberLabel.setObjectName(u"letter_numberLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.letter_numberLabel)

        self.letter_number = QLineEdit(TransferInDialog)
        self.letter_number.setObjectName(u"letter_number")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.letter_number)

        self.err_letter_number = QLabel(TransferInDialog)
        self.err_letter_number.setObjectName(u"err_letter_number")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.err_letter_number)

        self.arrival_dateLabel = QLabel(TransferInDialog)
        self.arrival_dateLabel.setObjectName(u"arrival_dateLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.arrival_dateLabel)

        self.arrival_date = QDateEdit(TransferInDialog)
        self.arrival_date.setObjectName(u"arrival_date")
        self.arrival_date.setCalendarPopup(True)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.arrival_date)

        self.err_arrival_date = QLabel(TransferInDialog)
        self.err_arrival_date.setObjectName(u"err_arrival_date")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.err_arrival_date)

        self.nameLabel = QLabel(TransferInDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(TransferInDialog)
        self.name.setObjectName(u"name")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.name)

        self.err_name = QLabel(TransferInDialog)
        self.err_name.setObjectName(u"err_name")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.err_name)

        self.id_numberLabel = QLabel(TransferInDialog)
        self.id_numberLabel.setObjectName(u"id_numberLabel")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.id_numberLabel)

        self.id_number = QLineEdit(TransferInDialog)
        self.id_number.setObjectName(u"id_number")
        self.id_number.setMaxLength(18)

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.id_number)

        self.err_id_number = QLabel(TransferInDialog)
        self.err_id_number.setObjectName(u"err_id_number")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.err_id_number)

        self.stageLabel = QLabel(TransferInDialog)
        self.stageLabel.setObjectName(u"stageLabel")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.stageLabel)

        self.stage = QComboBox(TransferInDialog)
        self.stage.setObjectName(u"stage")

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.stage)

        self.err_stage = QLabel(TransferInDialog)
        self.err_stage.setObjectName(u"err_stage")

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.err_stage)

        self.duesLabel = QLabel(TransferInDialog)
        self.duesLabel.setObjectName(u"duesLabel")

        self.form.setWidget(12, QFormLayout.ItemRole.LabelRole, self.duesLabel)

        self.duesRow = QHBoxLayout()
        self.duesRow.setObjectName(u"duesRow")
        self.dues_year = QSpinBox(TransferInDialog)
        self.dues_year.setObjectName(u"dues_year")
        self.dues_year.setMinimum(1950)
        self.dues_year.setMaximum(2100)

        self.duesRow.addWidget(self.dues_year)

        self.dues_month = QSpinBox(TransferInDialog)
        self.dues_month.setObjectName(u"dues_month")
        self.dues_month.setMinimum(1)
        self.dues_month.setMaximum(12)

        self.duesRow.addWidget(self.dues_month)

        self.duesHint = QLabel(TransferInDialog)
        self.duesHint.setObjectName(u"duesHint")

        self.duesRow.addWidget(self.duesHint)

        self.duesSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.duesRow.addItem(self.duesSpacer)


        self.form.setLayout(12, QFormLayout.ItemRole.FieldRole, self.duesRow)

        self.err_dues = QLabel(TransferInDialog)
        self.err_dues.setObjectName(u"err_dues")

        self.form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.err_dues)


        self.mainLayout.addLayout(self.form)

        self.err_general = QLabel(TransferInDialog)
        self.err_general.setObjectName(u"err_general")

        self.mainLayout.addWidget(self.err_general)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttons = QDialogButtonBox(TransferInDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.from_organisationLabel.setBuddy(self.from_organisation)
        self.letter_numberLabel.setBuddy(self.letter_number)
        self.arrival_dateLabel.setBuddy(self.arrival_date)
        self.nameLabel.setBuddy(self.name)
        self.id_numberLabel.setBuddy(self.id_number)
        self.stageLabel.setBuddy(self.stage)
        self.duesLabel.setBuddy(self.dues_year)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.from_organisation, self.letter_number)
        QWidget.setTabOrder(self.letter_number, self.arrival_date)
        QWidget.setTabOrder(self.arrival_date, self.name)
        QWidget.setTabOrder(self.name, self.id_number)
        QWidget.setTabOrder(self.id_number, self.stage)
        QWidget.setTabOrder(self.stage, self.dues_year)
        QWidget.setTabOrder(self.dues_year, self.dues_month)
        QWidget.setTabOrder(self.dues_month, self.buttons)

        self.retranslateUi(TransferInDialog)

        QMetaObject.connectSlotsByName(TransferInDialog)
    # setupUi

    def retranslateUi(self, TransferInDialog):
        TransferInDialog.setWindowTitle(QCoreApplication.translate("TransferInDialog", u"\u767b\u8bb0\u8f6c\u5165", None))
        self.intro.setText(QCoreApplication.translate("TransferInDialog", u"\u6309\u6536\u5230\u7684\u4ecb\u7ecd\u4fe1\u767b\u8bb0\u3002\u8eab\u4efd\u8bc1\u53f7\u4e0e\u672c\u5355\u4f4d\u66fe\u8f6c\u51fa\u7684\u515a\u5458\u76f8\u540c\u65f6\uff0c\u7f16\u5165\u540e\u6062\u590d\u5176\u539f\u6863\u6848\u3002", None))
        self.from_organisationLabel.setText(QCoreApplication.translate("TransferInDialog", u"\u8f6c\u51fa\u515a\u7ec4\u7ec7(&F)\uff1a", None))
        self.from_organisation.setPlaceholderText(QCoreApplication.translate("TransferInDialog", u"\u4ecb\u7ecd\u4fe1\u7684\u5f00\u5177\u5355\u4f4d", None))
        self.letter_numberLabel.setText(QCoreApplication.translate("TransferInDialog", u"\u4ecb\u7ecd\u4fe1\u7f16\u53f7(&N)\uff1a", None))
        self.letter_number.setPlaceholderText(QCoreApplication.translate("TransferInDialog", u"\u5982\uff1a\uff082026\uff09\u7ec4\u5b57\u7b2c 008 \u53f7", None))
        self.arrival_dateLabel.setText(QCoreApplication.translate("TransferInDialog", u"\u6536\u5230\u65e5\u671f(&D)\uff1a", None))
        self.arrival_date.setDisplayFormat(QCoreApplication.translate("TransferInDialog", u"yyyy-MM-dd", None))
        self.nameLabel.setText(QCoreApplication.translate("TransferInDialog", u"\u59d3\u540d(&A)\uff1a", None))
        self.id_numberLabel.setText(QCoreApplication.translate("TransferInDialog", u"\u516c\u6c11\u8eab\u4efd\u53f7\u7801(&I)\uff1a", None))
        self.stageLabel.setText(QCoreApplication.translate("TransferInDialog", u"\u515a\u5458\u7c7b\u522b(&S)\uff1a", None))
        self.duesLabel.setText(QCoreApplication.translate("TransferInDialog", u"\u515a\u8d39\u4ea4\u81f3(&U)\uff1a", None))
        self.dues_year.setSuffix(QCoreApplication.translate("TransferInDialog", u" \u5e74", None))
        self.dues_month.setSuffix(QCoreApplication.translate("TransferInDialog", u" \u6708", None))
        self.duesHint.setText(QCoreApplication.translate("TransferInDialog", u"\uff08\u6309\u4ecb\u7ecd\u4fe1\u586b\u5199\uff09", None))
    # retranslateUi

