// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n/LanguageLoader.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>

namespace halfopen::i18n {

namespace {
const QString kResourceDir = QStringLiteral(":/i18n");
const QString kPrefix = QStringLiteral("halfopen_");
constexpr const char kEnvironment[] = "HALFOPEN_LANGUAGE";

QLocale localeFor(const QString &language)
{
    if (!language.isEmpty())
        return QLocale(language);
    const QString inherited = qEnvironmentVariable(kEnvironment);
    return inherited.isEmpty() ? QLocale::system() : QLocale(inherited);
}
} // namespace

LanguageLoader::~LanguageLoader()
{
    clear();
}

QStringList LanguageLoader::available()
{
    QStringList codes;
    for (const QString &file :
         QDir(kResourceDir).entryList({kPrefix + QStringLiteral("*.qm")}, QDir::Files, QDir::Name))
        codes << file.mid(kPrefix.size()).chopped(3);
    // English is the source language: always there, listed first.
    codes.removeAll(QStringLiteral("en"));
    codes.prepend(QStringLiteral("en"));
    return codes;
}

QString LanguageLoader::nativeName(const QString &code)
{
    // QLocale would say "American English" and "中文（中国）".
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    if (code == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    const QString name = QLocale(code).nativeLanguageName();
    return name.isEmpty() ? code : name;
}

QString LanguageLoader::install(const QString &language)
{
    clear();
    const QLocale wanted = localeFor(language);
    // Tries each of the locale's UI languages in order: zh_CN for zh-Hans-CN, en for en_GB.
    QLocale locale = wanted;
    auto translator = std::make_unique<QTranslator>();
    bool found = translator->load(wanted, QStringLiteral("halfopen"), QStringLiteral("_"), kResourceDir);
    if (!found) {
        // English needs its catalogue too: it holds the plural forms ("1 probe", "2 probes").
        locale = QLocale(QLocale::English, QLocale::UnitedStates);
        found = translator->load(locale, QStringLiteral("halfopen"), QStringLiteral("_"), kResourceDir);
    }
    if (found) {
        m_installed = translator->language();
        QCoreApplication::installTranslator(translator.get());
        m_translators.push_back(std::move(translator));
    }
    // Qt's own strings (QCommandLineParser's help, dialog buttons), where the system has them
    // (Debian: qt6-translations-l10n).
    add(locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (m_installed.isEmpty())
        m_installed = QStringLiteral("en");
    qputenv(kEnvironment, m_installed.toUtf8());
    return m_installed;
}

bool LanguageLoader::add(const QLocale &locale, const QString &name, const QString &directory)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(locale, name, QStringLiteral("_"), directory))
        return false;
    QCoreApplication::installTranslator(translator.get());
    m_translators.push_back(std::move(translator));
    return true;
}

void LanguageLoader::clear()
{
    for (const auto &translator : m_translators)
        QCoreApplication::removeTranslator(translator.get());
    m_translators.clear();
    m_installed.clear();
}

} // namespace halfopen::i18n
