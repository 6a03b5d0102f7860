# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'member_import_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################
# Generated from ui/member_import_dialog.ui by ui/build_forms.py — do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QDialog, QHBoxLayout, QHeaderView, QLabel,
    QProgressBar, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_MemberImportDialog(object):
    def setupUi(self, MemberImportDialog):
        if not MemberImportDialog.objectName():
            MemberImportDialog.setObjectName(u"MemberImportDialog")
        MemberImportDialog.resize(1060, 640)
        self.mainLayout = QVBoxLayout(MemberImportDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.intro = QLabel(MemberImportDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.mainLayout.addWidget(self.intro)

        self.fileLayout = QHBoxLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.fileLabel = QLabel(MemberImportDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.fileLayout.addWidget(self.fileLabel)

        self.path = QLabel(MemberImportDialog)
        self.path.setObjectName(u"path")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.path.sizePolicy().hasHeightForWidth())
        self.path.setSizePolicy(sizePolicy)
        self.path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.fileLayout.addWidget(self.path)

        self.choose_button = QPushButton(MemberImportDialog)
        self.choose_button.setObjectName(u"choose_button")

        self.fileLayout.addWidget(self.choose_button)


        self.mainLayout.addLayout(self.fileLayout)

        self.optionsLayout = QHBoxLayout()
        self.optionsLayout.setObjectName(u"optionsLayout")
        self.branchLabel = QLabel(MemberImportDialog)
        self.branchLabel.setObjectName(u"branchLabel")

        self.optionsLayout.addWidget(self.branchLabel)

        self.branch = QComboBox(MemberImportDialog)
        self.branch.setObjectName(u"branch")
        self.branch.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.optionsLayout.addWidget(self.branch)

        self.optionsSpacer1 = QSpacerItem(16, 10, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.optionsLayout.addItem(self.optionsSpacer1)

        self.update = QCheckBox(MemberImportDialog)
        self.update.setObjectName(u"update")

        self.optionsLayout.addWidget(self.update)

        self.optionsSpacer2 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.optionsLayout.addItem(self.optionsSpacer2)


        self.mainLayout.addLayout(self.optionsLayout)

        self.summary = QLabel(MemberImportDialog)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.summary)

        self.progressLayout = QHBoxLayout()
        self.progressLayout.setObjectName(u"progressLayout")
        self.progress = QProgressBar(MemberImportDialog)
        self.progress.setObjectName(u"progress")
        self.progress.setVisible(False)
        self.progress.setTextVisible(True)

        self.progressLayout.addWidget(self.progress)

        self.cancel_button = QPushButton(MemberImportDialog)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setVisible(False)
        self.cancel_button.setAutoDefault(False)

        self.progressLayout.addWidget(self.cancel_button)


        self.mainLayout.addLayout(self.progressLayout)

        self.table = QTableView(MemberImportDialog)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)

        self.mainLayout.addWidget(self.table)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.template_button = QPushButton(MemberImportDialog)
        self.template_button.setObjectName(u"template_button")
        self.template_button.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.template_button)

        self.report_button = QPushButton(MemberImportDialog)
        self.report_button.setObjectName(u"report_button")
        self.report_button.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.report_button)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.import_all_button = QPushButton(MemberImportDialog)
        self.import_all_button.setObjectName(u"import_all_button")
        self.import_all_button.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.import_all_button)

        self.import_valid_button = QPushButton(MemberImportDialog)
        self.import_valid_button.setObjectName(u"import_valid_button")
        self.import_valid_button.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.import_valid_button)

        self.close_button = QPushButton(MemberImportDialog)
        self.close_button.setObjectName(u"close_button")
        self.close_button.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.close_button)


        self.mainLayout.addLayout(self.buttonsLayout)

#if QT_CONFIG(shortcut)
        self.branchLabel.setBuddy(self.branch)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.choose_button, self.branch)
        QWidget.setTabOrder(self.branch, self.update)
        QWidget.setTabOrder(self.update, self.table)
        QWidget.setTabOrder(self.table, self.import_all_button)
        QWidget.setTabOrder(self.import_all_button, self.import_valid_button)
        QWidget.setTabOrder(self.import_valid_button, self.report_button)
        QWidget.setTabOrder(self.report_button, self.template_button)
        QWidget.setTabOrder(self.template_button, self.close_button)
        QWidget.setTabOrder(self.close_button, self.cancel_button)

        self.retranslateUi(MemberImportDialog)

        QMetaObject.connectSlotsByName(MemberImportDialog)
    # setupUi

    def retranslateUi(self, MemberImportDialog):
        MemberImportDialog.setWindowTitle(QCoreApplication.translate("MemberImportDialog", u"\u5bfc\u5165\u515a\u5458\u540d\u518c", None))
        self.intro.setText(QCoreApplication.translate("MemberImportDialog", u"\u9009\u62e9 Excel\uff08.xlsx\uff09\u6216 CSV \u6587\u4ef6\u3002\u5bfc\u5165\u524d\u7a0b\u5e8f\u9010\u884c\u68c0\u67e5\uff0c\u6709\u95ee\u9898\u7684\u683c\u5b50\u6807\u7ea2\uff1b\u5168\u90e8\u65e0\u8bef\u65f6\u624d\u80fd\u201c\u5bfc\u5165\u5168\u90e8\u201d\uff0c\u4e5f\u53ef\u4ee5\u53ea\u5bfc\u5165\u65e0\u8bef\u7684\u884c\uff0c\u628a\u95ee\u9898\u6e05\u5355\u4fdd\u5b58\u4e0b\u6765\u6539\u6b63\u540e\u518d\u5bfc\u5165\u3002", None))
        self.fileLabel.setText(QCoreApplication.translate("MemberImportDialog", u"\u6587\u4ef6\uff1a", None))
        self.path.setText(QCoreApplication.translate("MemberImportDialog", u"\uff08\u5c1a\u672a\u9009\u62e9\u6587\u4ef6\uff09", None))
        self.choose_button.setText(QCoreApplication.translate("MemberImportDialog", u"\u9009\u62e9\u6587\u4ef6(&O)\u2026", None))
#if QT_CONFIG(tooltip)
        self.choose_button.setToolTip(QCoreApplication.translate("MemberImportDialog", u"\u9009\u62e9\u8981\u5bfc\u5165\u7684\u515a\u5458\u540d\u518c\uff08Excel .xlsx \u6216 CSV \u6587\u4ef6\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.branchLabel.setText(QCoreApplication.translate("MemberImportDialog", u"\u6240\u5728\u515a\u652f\u90e8\uff08\u6587\u4ef6\u4e2d\u6ca1\u6709\u6b64\u5217\u65f6\uff09(&B)\uff1a", None))
#if QT_CONFIG(tooltip)
        self.branch.setToolTip(QCoreApplication.translate("MemberImportDialog", u"\u6587\u4ef6\u4e2d\u6ca1\u6709\u201c\u6240\u5728\u515a\u652f\u90e8\u201d\u4e00\u5217\u65f6\uff0c\u5168\u90e8\u4eba\u5458\u7f16\u5165\u6b64\u515a\u652f\u90e8\uff1b\u6587\u4ef6\u4e2d\u6709\u6b64\u5217\u65f6\u6309\u5404\u884c\u6240\u586b", None))
#endif // QT_CONFIG(tooltip)
        self.update.setText(QCoreApplication.translate("MemberImportDialog", u"\u66f4\u65b0\u5df2\u767b\u8bb0\u7684\u4eba\u5458(&U)", None))
#if QT_CONFIG(tooltip)
        self.update.setToolTip(QCoreApplication.translate("MemberImportDialog", u"\u516c\u6c11\u8eab\u4efd\u53f7\u7801\u5df2\u5728\u672c\u5355\u4f4d\u767b\u8bb0\u7684\u4eba\u5458\uff0c\u6309\u6587\u4ef6\u66f4\u65b0\u5176\u4fe1\u606f\uff1b\u4e0d\u52fe\u9009\u65f6\u8fd9\u6837\u7684\u884c\u6807\u4e3a\u6709\u95ee\u9898\u3001\u4e0d\u5bfc\u5165", None))
#endif // QT_CONFIG(tooltip)
        self.cancel_button.setText(QCoreApplication.translate("MemberImportDialog", u"\u53d6\u6d88", None))
#if QT_CONFIG(tooltip)
        self.cancel_button.setToolTip(QCoreApplication.translate("MemberImportDialog", u"\u505c\u6b62\u8bfb\u53d6\u6216\u5bfc\u5165\uff1b\u5df2\u8bfb\u7684\u5185\u5bb9\u4e22\u5f03\uff0c\u4e0d\u5bfc\u5165\u4efb\u4f55\u8bb0\u5f55", None))
#endif // QT_CONFIG(tooltip)
        self.template_button.setText(QCoreApplication.translate("MemberImportDialog", u"\u4e0b\u8f7d\u6a21\u677f(&T)\u2026", None))
#if QT_CONFIG(tooltip)
        self.template_button.setToolTip(QCoreApplication.translate("MemberImportDialog", u"\u4fdd\u5b58\u4e00\u4efd\u7a7a\u767d\u7684\u5bfc\u5165\u6a21\u677f\uff08\u542b\u586b\u5199\u8bf4\u660e\u548c\u793a\u4f8b\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.report_button.setText(QCoreApplication.translate("MemberImportDialog", u"\u4fdd\u5b58\u95ee\u9898\u6e05\u5355(&R)\u2026", None))
#if QT_CONFIG(tooltip)
        self.report_button.setToolTip(QCoreApplication.translate("MemberImportDialog", u"\u628a\u6709\u95ee\u9898\u7684\u884c\u8fde\u540c\u201c\u95ee\u9898\u201d\u4e00\u5217\u4fdd\u5b58\u4e3a Excel \u6587\u4ef6\uff0c\u6539\u6b63\u540e\u518d\u5bfc\u5165", None))
#endif // QT_CONFIG(tooltip)
        self.import_all_button.setText(QCoreApplication.translate("MemberImportDialog", u"\u5bfc\u5165\u5168\u90e8(&I)", None))
#if QT_CONFIG(tooltip)
        self.import_all_button.setToolTip(QCoreApplication.translate("MemberImportDialog", u"\u6bcf\u4e00\u884c\u90fd\u65e0\u8bef\u65f6\uff0c\u5bfc\u5165\u5168\u90e8\u4eba\u5458", None))
#endif // QT_CONFIG(tooltip)
        self.import_valid_button.setText(QCoreApplication.translate("MemberImportDialog", u"\u53ea\u5bfc\u5165\u65e0\u8bef\u7684\u884c(&V)", None))
#if QT_CONFIG(tooltip)
        self.import_valid_button.setToolTip(QCoreApplication.translate("MemberImportDialog", u"\u8df3\u8fc7\u6709\u95ee\u9898\u7684\u884c\uff0c\u53ea\u5bfc\u5165\u65e0\u8bef\u7684\u884c", None))
#endif // QT_CONFIG(tooltip)
        self.close_button.setText(QCoreApplication.translate("MemberImportDialog", u"\u5173\u95ed", None))
    # retranslateUi

