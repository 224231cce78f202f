// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>
#include <QTranslator>
#include <memory>
#include <vector>

namespace halfopen::i18n {

// Installs HalfOpen's translation (built into the executable from resources/translations) and
// Qt's own (dialog buttons, --help) for one language. Every executable makes one at start, after
// its QCoreApplication; the processes it starts follow through HALFOPEN_LANGUAGE.
class LanguageLoader
{
public:
    LanguageLoader() = default;
    ~LanguageLoader();
    LanguageLoader(const LanguageLoader &) = delete;
    LanguageLoader &operator=(const LanguageLoader &) = delete;

    // Codes with a translation built in, "en" first: "en", "zh_CN".
    static QStringList available();
    // The language's name in itself ("English", "简体中文"), for choosing it.
    static QString nativeName(const QString &code);

    // `language`: a code from available(), or empty for HALFOPEN_LANGUAGE if set, else the
    // system's (QLocale::system().uiLanguages()). A language without a translation falls back
    // to English. Replaces what an earlier install() put in place; returns the code installed.
    // Sets HALFOPEN_LANGUAGE to it, so that child processes speak the same language.
    QString install(const QString &language = QString());

    QString installed() const { return m_installed; }

private:
    void clear();
    bool add(const QLocale &locale, const QString &name, const QString &directory);

    std::vector<std::unique_ptr<QTranslator>> m_translators;
    QString m_installed;
};

} // namespace halfopen::i18n
