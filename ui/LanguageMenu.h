// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMenu>

namespace halfopen::ui {

class AppSettings;

// View > Language: the system's language or one of the translations built in. The choice is kept
// in AppSettings and takes effect at the next start (the window's texts are set once, when built).
class LanguageMenu : public QMenu
{
    Q_OBJECT
public:
    LanguageMenu(AppSettings *settings, QWidget *parent = nullptr);

signals:
    // A different language was chosen; the message says when it applies.
    void chosen(const QString &message);

private:
    void choose(const QString &code);

    AppSettings *m_settings;
};

} // namespace halfopen::ui
