# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'precheck_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################
# Generated from ui/precheck_dialog.ui by ui/build_forms.py — do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QFrame,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTreeView, QVBoxLayout,
    QWidget)

class Ui_PrecheckDialog(object):
    def setupUi(self, PrecheckDialog):
        if not PrecheckDialog.objectName():
            PrecheckDialog.setObjectName(u"PrecheckDialog")
        PrecheckDialog.resize(900, 560)
        self.mainLayout = QVBoxLayout(PrecheckDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.heading = QLabel(PrecheckDialog)
        self.heading.setObjectName(u"heading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.heading)

        self.summary = QLabel(PrecheckDialog)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.summary)

        self.problemsLabel = QLabel(PrecheckDialog)
        self.problemsLabel.setObjectName(u"problemsLabel")

        self.mainLayout.addWidget(self.problemsLabel)

        self.problems = QTreeView(PrecheckDialog)
        self.problems.setObjectName(u"problems")
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.problems.setWordWrap(True)
        self.problems.setUniformRowHeights(False)
        self.problems.setAlternatingRowColors(False)

        self.mainLayout.addWidget(self.problems)

        self.detail = QLabel(PrecheckDialog)
        self.detail.setObjectName(u"detail")
        self.detail.setMinimumSize(QSize(0, 0))
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setFrameShape(QFrame.Shape.StyledPanel)
        self.detail.setMargin(4)

        self.mainLayout.addWidget(self.detail)

        self.hint = QLabel(PrecheckDialog)
        self.hint.setObjectName(u"hint")
        self.hint.setWordWrap(True)

        self.mainLayout.addWidget(self.hint)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.recheck_button = QPushButton(PrecheckDialog)
        self.recheck_button.setObjectName(u"recheck_button")
        self.recheck_button.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.recheck_button)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.print_button = QPushButton(PrecheckDialog)
        self.print_button.setObjectName(u"print_button")
        self.print_button.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.print_button)

        self.close_button = QPushButton(PrecheckDialog)
        self.close_button.setObjectName(u"close_button")
        self.close_button.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.close_button)


        self.mainLayout.addLayout(self.buttonsLayout)

#if QT_CONFIG(shortcut)
        self.problemsLabel.setBuddy(self.problems)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.problems, self.print_button)
        QWidget.setTabOrder(self.print_button, self.recheck_button)
        QWidget.setTabOrder(self.recheck_button, self.close_button)

        self.retranslateUi(PrecheckDialog)

        QMetaObject.connectSlotsByName(PrecheckDialog)
    # setupUi

    def retranslateUi(self, PrecheckDialog):
        PrecheckDialog.setWindowTitle(QCoreApplication.translate("PrecheckDialog", u"\u6863\u6848\u9884\u5ba1", None))
        self.problemsLabel.setText(QCoreApplication.translate("PrecheckDialog", u"\u95ee\u9898\u6e05\u5355(&L)\uff1a", None))
#if QT_CONFIG(accessibility)
        self.problems.setAccessibleName(QCoreApplication.translate("PrecheckDialog", u"\u6863\u6848\u9884\u5ba1\u53d1\u73b0\u7684\u95ee\u9898", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.detail.setAccessibleName(QCoreApplication.translate("PrecheckDialog", u"\u9009\u4e2d\u95ee\u9898\u7684\u8be6\u60c5", None))
#endif // QT_CONFIG(accessibility)
        self.hint.setText(QCoreApplication.translate("PrecheckDialog", u"\u53cc\u51fb\u95ee\u9898\uff08\u6216\u9009\u4e2d\u540e\u6309\u56de\u8f66\uff09\u6253\u5f00\u8be5\u4eba\u5458\u7684\u53d1\u5c55\u515a\u5458\u6863\u6848\u5e76\u5b9a\u4f4d\u5230\u76f8\u5e94\u6b65\u9aa4\uff1b\u201c\u9519\u8bef\u201d\u4e3a\u7ea2\u8272\uff0c\u987b\u7ea0\u6b63\u6216\u8865\u6b63\uff0c\u201c\u63d0\u9192\u201d\u987b\u6838\u5b9e\u6216\u8bf4\u660e\u7406\u7531\u3002", None))
        self.hint.setStyleSheet(QCoreApplication.translate("PrecheckDialog", u"color: #555;", None))
        self.recheck_button.setText(QCoreApplication.translate("PrecheckDialog", u"\u91cd\u65b0\u9884\u5ba1(&R)", None))
#if QT_CONFIG(tooltip)
        self.recheck_button.setToolTip(QCoreApplication.translate("PrecheckDialog", u"\u6863\u6848\u4fee\u6539\u540e\uff0c\u91cd\u65b0\u68c0\u67e5\u4e00\u904d\uff08F5\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.print_button.setText(QCoreApplication.translate("PrecheckDialog", u"\u6253\u5370\u9884\u5ba1\u610f\u89c1(&P)\u2026", None))
#if QT_CONFIG(tooltip)
        self.print_button.setToolTip(QCoreApplication.translate("PrecheckDialog", u"\u751f\u6210\u300a\u53d1\u5c55\u515a\u5458\u6863\u6848\u9884\u5ba1\u610f\u89c1\u300b\uff08A4\uff0cPDF\uff09\uff0c\u9884\u89c8\u6253\u5370\u6216\u53e6\u5b58\uff08Ctrl+P\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.close_button.setText(QCoreApplication.translate("PrecheckDialog", u"\u5173\u95ed", None))
#if QT_CONFIG(tooltip)
        self.close_button.setToolTip(QCoreApplication.translate("PrecheckDialog", u"\u5173\u95ed\uff08Esc\uff09", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

