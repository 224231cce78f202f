// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/LanguageMenu.h"

#include "i18n/LanguageLoader.h"
#include "ui/AppSettings.h"

#include <QActionGroup>

namespace halfopen::ui {

LanguageMenu::LanguageMenu(AppSettings *settings, QWidget *parent)
    : QMenu(tr("&Language"), parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(this);
    const QString current = settings->language();
    auto addChoice = [&](const QString &text, const QString &code) {
        QAction *action = addAction(text);
        action->setObjectName(QStringLiteral("language_%1").arg(code.isEmpty() ? QStringLiteral("system") : code));
        action->setCheckable(true);
        action->setChecked(code == current);
        action->setActionGroup(group);
        connect(action, &QAction::triggered, this, [this, code] { choose(code); });
    };
    addChoice(tr("System language"), QString());
    addSeparator();
    // Each language under its own name, so that whoever reads it can find it.
    for (const QString &code : i18n::LanguageLoader::available())
        addChoice(i18n::LanguageLoader::nativeName(code), code);
    addSeparator();
    QAction *note = addAction(tr("Takes effect at the next start"));
    note->setEnabled(false);
}

void LanguageMenu::choose(const QString &code)
{
    if (code == m_settings->language())
        return;
    m_settings->setLanguage(code);
    m_settings->sync();
    emit chosen(tr("The language changes when HalfOpen starts again."));
}

} // namespace halfopen::ui
