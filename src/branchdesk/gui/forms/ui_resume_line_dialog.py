# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'resume_line_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################
# Generated from ui/resume_line_dialog.ui by ui/build_forms.py — do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_ResumeLineDialog(object):
    def setupUi(self, ResumeLineDialog):
        if not ResumeLineDialog.objectName():
            ResumeLineDialog.setObjectName(u"ResumeLineDialog")
        ResumeLineDialog.resize(460, 300)
        self.mainLayout = QVBoxLayout(ResumeLineDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.startLabel = QLabel(ResumeLineDialog)
        self.startLabel.setObjectName(u"startLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.start = QLineEdit(ResumeLineDialog)
        self.start.setObjectName(u"start")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.start)

        self.err_start = QLabel(ResumeLineDialog)
        self.err_start.setObjectName(u"err_start")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.err_start)

        self.endLabel = QLabel(ResumeLineDialog)
        self.endLabel.setObjectName(u"endLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.endLabel)

        self.end = QLineEdit(ResumeLineDialog)
        self.end.setObjectName(u"end")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.end)

        self.whatLabel = QLabel(ResumeLineDialog)
        self.whatLabel.setObjectName(u"whatLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.whatLabel)

        self.what = QLineEdit(ResumeLineDialog)
        self.what.setObjectName(u"what")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.what)

        self.err_what = QLabel(ResumeLineDialog)
        self.err_what.setObjectName(u"err_what")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.err_what)

        self.witnessLabel = QLabel(ResumeLineDialog)
        self.witnessLabel.setObjectName(u"witnessLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.witnessLabel)

        self.witness = QLineEdit(ResumeLineDialog)
        self.witness.setObjectName(u"witness")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.witness)

        self.struck_out = QCheckBox(ResumeLineDialog)
        self.struck_out.setObjectName(u"struck_out")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.struck_out)


        self.mainLayout.addLayout(self.form)

        self.err_general = QLabel(ResumeLineDialog)
        self.err_general.setObjectName(u"err_general")

        self.mainLayout.addWidget(self.err_general)

        self.buttons = QDialogButtonBox(ResumeLineDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.startLabel.setBuddy(self.start)
        self.endLabel.setBuddy(self.end)
        self.whatLabel.setBuddy(self.what)
        self.witnessLabel.setBuddy(self.witness)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.start, self.end)
        QWidget.setTabOrder(self.end, self.what)
        QWidget.setTabOrder(self.what, self.witness)
        QWidget.setTabOrder(self.witness, self.struck_out)
        QWidget.setTabOrder(self.struck_out, self.buttons)

        self.retranslateUi(ResumeLineDialog)

        QMetaObject.connectSlotsByName(ResumeLineDialog)
    # setupUi

    def retranslateUi(self, ResumeLineDialog):
        ResumeLineDialog.setWindowTitle(QCoreApplication.translate("ResumeLineDialog", u"\u672c\u4eba\u7b80\u5386", None))
        self.startLabel.setText(QCoreApplication.translate("ResumeLineDialog", u"\u8d77\u59cb\u5e74\u6708(&S)\uff1a", None))
        self.start.setPlaceholderText(QCoreApplication.translate("ResumeLineDialog", u"\u5982 2015.09", None))
        self.endLabel.setText(QCoreApplication.translate("ResumeLineDialog", u"\u7ec8\u6b62\u5e74\u6708(&E)\uff1a", None))
        self.end.setPlaceholderText(QCoreApplication.translate("ResumeLineDialog", u"\u5982 2018.07\uff1b\u81f3\u4eca\u53ef\u7559\u7a7a", None))
        self.whatLabel.setText(QCoreApplication.translate("ResumeLineDialog", u"\u4f55\u5730\u4f55\u5355\u4f4d(&W)\uff1a", None))
        self.what.setPlaceholderText(QCoreApplication.translate("ResumeLineDialog", u"\u5728\u4f55\u5730\u3001\u4f55\u5355\u4f4d\u5b66\u4e60\u6216\u5de5\u4f5c\uff0c\u4efb\u4f55\u804c", None))
        self.witnessLabel.setText(QCoreApplication.translate("ResumeLineDialog", u"\u8bc1\u660e\u4eba(&R)\uff1a", None))
        self.struck_out.setText(QCoreApplication.translate("ResumeLineDialog", u"\u5212\u53bb\u6b64\u6761\uff08\u586b\u9519\u4e86\uff1b\u4fdd\u7559\u5728\u5386\u53f2\u4e2d\uff0c\u4e0d\u518d\u6253\u5370\uff09", None))
    # retranslateUi

