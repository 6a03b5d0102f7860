# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'step_review_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################
# Generated from ui/step_review_dialog.ui by ui/build_forms.py — do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QRadioButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_StepReviewDialog(object):
    def setupUi(self, StepReviewDialog):
        if not StepReviewDialog.objectName():
            StepReviewDialog.setObjectName(u"StepReviewDialog")
        StepReviewDialog.resize(500, 420)
        self.mainLayout = QVBoxLayout(StepReviewDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.heading = QLabel(StepReviewDialog)
        self.heading.setObjectName(u"heading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)

        self.mainLayout.addWidget(self.heading)

        self.outcomeBox = QGroupBox(StepReviewDialog)
        self.outcomeBox.setObjectName(u"outcomeBox")
        self.outcomeLayout = QHBoxLayout(self.outcomeBox)
        self.outcomeLayout.setObjectName(u"outcomeLayout")
        self.passed = QRadioButton(self.outcomeBox)
        self.passed.setObjectName(u"passed")
        self.passed.setChecked(True)

        self.outcomeLayout.addWidget(self.passed)

        self.returned = QRadioButton(self.outcomeBox)
        self.returned.setObjectName(u"returned")

        self.outcomeLayout.addWidget(self.returned)

        self.outcomeSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.outcomeLayout.addItem(self.outcomeSpacer)


        self.mainLayout.addWidget(self.outcomeBox)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.opinionLabel = QLabel(StepReviewDialog)
        self.opinionLabel.setObjectName(u"opinionLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.opinionLabel)

        self.opinion = QPlainTextEdit(StepReviewDialog)
        self.opinion.setObjectName(u"opinion")
        self.opinion.setTabChangesFocus(True)
        self.opinion.setMaximumSize(QSize(16777215, 90))

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.opinion)

        self.err_opinion = QLabel(StepReviewDialog)
        self.err_opinion.setObjectName(u"err_opinion")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.err_opinion)

        self.nameLabel = QLabel(StepReviewDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.reviewer_name = QLineEdit(StepReviewDialog)
        self.reviewer_name.setObjectName(u"reviewer_name")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reviewer_name)

        self.err_reviewer_name = QLabel(StepReviewDialog)
        self.err_reviewer_name.setObjectName(u"err_reviewer_name")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.err_reviewer_name)

        self.postLabel = QLabel(StepReviewDialog)
        self.postLabel.setObjectName(u"postLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.postLabel)

        self.reviewer_post = QLineEdit(StepReviewDialog)
        self.reviewer_post.setObjectName(u"reviewer_post")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.reviewer_post)

        self.err_reviewer_post = QLabel(StepReviewDialog)
        self.err_reviewer_post.setObjectName(u"err_reviewer_post")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.err_reviewer_post)

        self.dateLabel = QLabel(StepReviewDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.review_date = QDateEdit(StepReviewDialog)
        self.review_date.setObjectName(u"review_date")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.review_date)

        self.err_review_date = QLabel(StepReviewDialog)
        self.err_review_date.setObjectName(u"err_review_date")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.err_review_date)


        self.mainLayout.addLayout(self.form)

        self.hint = QLabel(StepReviewDialog)
        self.hint.setObjectName(u"hint")
        self.hint.setWordWrap(True)

        self.mainLayout.addWidget(self.hint)

        self.err_general = QLabel(StepReviewDialog)
        self.err_general.setObjectName(u"err_general")

        self.mainLayout.addWidget(self.err_general)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.spacer)

        self.buttons = QDialogButtonBox(StepReviewDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.opinionLabel.setBuddy(self.opinion)
        self.nameLabel.setBuddy(self.reviewer_name)
        self.postLabel.setBuddy(self.reviewer_post)
        self.dateLabel.setBuddy(self.review_date)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.passed, self.returned)
        QWidget.setTabOrder(self.returned, self.opinion)
        QWidget.setTabOrder(self.opinion, self.reviewer_name)
        QWidget.setTabOrder(self.reviewer_name, self.reviewer_post)
        QWidget.setTabOrder(self.reviewer_post, self.review_date)
        QWidget.setTabOrder(self.review_date, self.buttons)

        self.retranslateUi(StepReviewDialog)

        QMetaObject.connectSlotsByName(StepReviewDialog)
    # setupUi

    def retranslateUi(self, StepReviewDialog):
        StepReviewDialog.setWindowTitle(QCoreApplication.translate("StepReviewDialog", u"\u5ba1\u6838", None))
        self.outcomeBox.setTitle(QCoreApplication.translate("StepReviewDialog", u"\u5ba1\u6838\u7ed3\u8bba", None))
        self.passed.setText(QCoreApplication.translate("StepReviewDialog", u"\u901a\u8fc7(&P)", None))
        self.returned.setText(QCoreApplication.translate("StepReviewDialog", u"\u9000\u56de\u66f4\u6b63(&R)", None))
        self.opinionLabel.setText(QCoreApplication.translate("StepReviewDialog", u"\u5ba1\u6838\u610f\u89c1(&O)\uff1a", None))
        self.nameLabel.setText(QCoreApplication.translate("StepReviewDialog", u"\u5ba1\u6838\u4eba\u59d3\u540d(&N)\uff1a", None))
        self.postLabel.setText(QCoreApplication.translate("StepReviewDialog", u"\u5ba1\u6838\u4eba\u804c\u52a1(&T)\uff1a", None))
        self.reviewer_post.setPlaceholderText(QCoreApplication.translate("StepReviewDialog", u"\u5982\u201c\u515a\u59d4\u7ec4\u7ec7\u59d4\u5458\u201d", None))
        self.dateLabel.setText(QCoreApplication.translate("StepReviewDialog", u"\u5ba1\u6838\u65e5\u671f(&D)\uff1a", None))
    # retranslateUi

