# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'package_import_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################
# Generated from ui/package_import_dialog.ui by ui/build_forms.py — do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QLabel, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_PackageImportDialog(object):
    def setupUi(self, PackageImportDialog):
        if not PackageImportDialog.objectName():
            PackageImportDialog.setObjectName(u"PackageImportDialog")
        PackageImportDialog.resize(560, 520)
        self.mainLayout = QVBoxLayout(PackageImportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.intro = QLabel(PackageImportDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.mainLayout.addWidget(self.intro)

        self.contentsBox = QGroupBox(PackageImportDialog)
        self.contentsBox.setObjectName(u"contentsBox")
        self.contentsLayout = QVBoxLayout(self.contentsBox)
        self.contentsLayout.setObjectName(u"contentsLayout")
        self.summary = QLabel(self.contentsBox)
        self.summary.setObjectName(u"summary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.contentsLayout.addWidget(self.summary)


        self.mainLayout.addWidget(self.contentsBox)

        self.situation = QLabel(PackageImportDialog)
        self.situation.setObjectName(u"situation")
        self.situation.setWordWrap(True)

        self.mainLayout.addWidget(self.situation)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.branch_idLabel = QLabel(PackageImportDialog)
        self.branch_idLabel.setObjectName(u"branch_idLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.branch_idLabel)

        self.branch_id = QComboBox(PackageImportDialog)
        self.branch_id.setObjectName(u"branch_id")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.branch_id)

        self.err_branch_id = QLabel(PackageImportDialog)
        self.err_branch_id.setObjectName(u"err_branch_id")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.err_branch_id)

        self.group_idLabel = QLabel(PackageImportDialog)
        self.group_idLabel.setObjectName(u"group_idLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.group_idLabel)

        self.group_id = QComboBox(PackageImportDialog)
        self.group_id.setObjectName(u"group_id")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.group_id)

        self.err_group_id = QLabel(PackageImportDialog)
        self.err_group_id.setObjectName(u"err_group_id")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.err_group_id)

        self.arrival_dateLabel = QLabel(PackageImportDialog)
        self.arrival_dateLabel.setObjectName(u"arrival_dateLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.arrival_dateLabel)

        self.arrival_date = QDateEdit(PackageImportDialog)
        self.arrival_date.setObjectName(u"arrival_date")
        self.arrival_date.setCalendarPopup(True)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.arrival_date)

        self.err_arrival_date = QLabel(PackageImportDialog)
        self.err_arrival_date.setObjectName(u"err_arrival_date")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.err_arrival_date)


        self.mainLayout.addLayout(self.form)

        self.err_general = QLabel(PackageImportDialog)
        self.err_general.setObjectName(u"err_general")

        self.mainLayout.addWidget(self.err_general)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttons = QDialogButtonBox(PackageImportDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.branch_idLabel.setBuddy(self.branch_id)
        self.group_idLabel.setBuddy(self.group_id)
        self.arrival_dateLabel.setBuddy(self.arrival_date)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.branch_id, self.group_id)
        QWidget.setTabOrder(self.group_id, self.arrival_date)
        QWidget.setTabOrder(self.arrival_date, self.buttons)

        self.retranslateUi(PackageImportDialog)

        QMetaObject.connectSlotsByName(PackageImportDialog)
    # setupUi

    def retranslateUi(self, PackageImportDialog):
        PackageImportDialog.setWindowTitle(QCoreApplication.translate("PackageImportDialog", u"\u5bfc\u5165\u8f6c\u63a5\u5305", None))
        self.intro.setText(QCoreApplication.translate("PackageImportDialog", u"\u8f6c\u63a5\u5305\u7531\u8f6c\u51fa\u515a\u7ec4\u7ec7\u7684 BranchDesk \u5bfc\u51fa\u3002\u6821\u9a8c\u7801\u5df2\u6838\u5bf9\u65e0\u8bef\uff1b\u8bf7\u6838\u5bf9\u4ee5\u4e0b\u5185\u5bb9\uff0c\u5fc5\u8981\u65f6\u4e0e\u8f6c\u51fa\u515a\u7ec4\u7ec7\u7535\u8bdd\u6838\u5bf9\u6821\u9a8c\u7801\uff0c\u518d\u9009\u62e9\u7f16\u5165\u7684\u515a\u652f\u90e8\u3002", None))
        self.contentsBox.setTitle(QCoreApplication.translate("PackageImportDialog", u"\u8f6c\u63a5\u5305\u5185\u5bb9", None))
        self.branch_idLabel.setText(QCoreApplication.translate("PackageImportDialog", u"\u7f16\u5165\u515a\u652f\u90e8(&B)\uff1a", None))
        self.group_idLabel.setText(QCoreApplication.translate("PackageImportDialog", u"\u515a\u5c0f\u7ec4(&G)\uff1a", None))
        self.arrival_dateLabel.setText(QCoreApplication.translate("PackageImportDialog", u"\u6536\u5230\u65e5\u671f(&D)\uff1a", None))
        self.arrival_date.setDisplayFormat(QCoreApplication.translate("PackageImportDialog", u"yyyy-MM-dd", None))
    # retranslateUi

