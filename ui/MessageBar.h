// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;

namespace halfopen::ui {

// A line across the top of the window for what the user should read now: the lab could not
// start, a file could not be read. Stays until closed or replaced; never only on stderr.
class MessageBar : public QFrame
{
    Q_OBJECT
public:
    explicit MessageBar(QWidget *parent = nullptr);

    void showProblem(const QString &text);
    QString text() const; // empty while dismissed

private:
    QLabel *m_icon;
    QLabel *m_text;
};

} // namespace halfopen::ui
