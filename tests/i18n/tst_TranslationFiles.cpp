// SPDX-License-Identifier: GPL-3.0-or-later
// The committed translations are complete and match the sources: lupdate runs over the sources
// into a copy of each resources/translations/*.ts (scripts/update-translations.sh, the same
// command as the update_translations target), and the test fails when that adds or drops a
// string, or when an entry is unfinished, vanished or obsolete, or its placeholders differ.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

const QString kHowToFix = QStringLiteral(
    "\nTo fix: cmake --build build --target update_translations (or: make translations), then translate "
    "what is unfinished in resources/translations/*.ts and commit them (resources/translations/README.md).");

struct Message
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type;             // "", "unfinished", "vanished", "obsolete"
    QStringList translations; // one, or the numerus forms

    QString key() const { return context + QChar(0) + source + QChar(0) + comment; }
    QString where() const { return QStringLiteral("[%1] \"%2\"").arg(context, source.left(80)); }
};

struct TsFile
{
    QString language;
    QList<Message> messages;
};

TsFile read(const QString &path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ts;
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    bool inTranslation = false;
    while (!xml.atEnd()) {
        xml.readNext();
        const auto name = xml.name();
        if (xml.isStartElement()) {
            if (name == QLatin1String("TS"))
                ts.language = xml.attributes().value(QLatin1String("language")).toString();
            else if (name == QLatin1String("name") && !inTranslation)
                context = xml.readElementText();
            else if (name == QLatin1String("message"))
                message = Message{
                    context, {}, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes"), {}, {}};
            else if (name == QLatin1String("source"))
                message.source = xml.readElementText();
            else if (name == QLatin1String("comment"))
                message.comment = xml.readElementText();
            else if (name == QLatin1String("translation")) {
                message.type = xml.attributes().value(QLatin1String("type")).toString();
                if (message.numerus)
                    inTranslation = true;
                else
                    message.translations = {xml.readElementText()};
            } else if (name == QLatin1String("numerusform"))
                message.translations.append(xml.readElementText());
        } else if (xml.isEndElement()) {
            if (name == QLatin1String("translation"))
                inTranslation = false;
            else if (name == QLatin1String("message"))
                ts.messages.append(message);
        }
    }
    if (xml.hasError())
        qWarning("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return ts;
}

// %1..%99 and %n, each as often as it occurs.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(\\d{1,2}|n)"));
    QStringList found;
    for (const auto &match : pattern.globalMatch(text))
        found << match.captured(0);
    found.sort();
    return found;
}

// How many plural forms lupdate expects for a language (`numerus` entries).
int pluralForms(const QString &language)
{
    if (language.startsWith(QLatin1String("zh")) || language.startsWith(QLatin1String("ja"))
        || language.startsWith(QLatin1String("ko")))
        return 1;
    return 2; // en, de, ...: singular and plural (add a language with other rules here)
}

} // namespace

class TranslationFiles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_dir = QStringLiteral(HALFOPEN_SOURCE_DIR "/resources/translations");
        m_files = QDir(m_dir).entryList({QStringLiteral("halfopen_*.ts")}, QDir::Files, QDir::Name);
        QVERIFY2(m_files.contains(QStringLiteral("halfopen_en.ts")), qPrintable(m_files.join(',')));
        QVERIFY2(m_files.contains(QStringLiteral("halfopen_zh_CN.ts")), qPrintable(m_files.join(',')));
        QVERIFY2(QFileInfo::exists(QStringLiteral(HALFOPEN_LUPDATE)), HALFOPEN_LUPDATE);

        // lupdate over the sources into a copy, exactly as update_translations does.
        QVERIFY(m_copy.isValid());
        for (const QString &name : std::as_const(m_files))
            QVERIFY(QFile::copy(QDir(m_dir).filePath(name), m_copy.filePath(name)));
        QProcess lupdate;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LUPDATE"), QStringLiteral(HALFOPEN_LUPDATE));
        lupdate.setProcessEnvironment(env);
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(HALFOPEN_SOURCE_DIR "/scripts/update-translations.sh"),
                      {QStringLiteral("--dir"), m_copy.path()});
        QVERIFY(lupdate.waitForFinished(240000));
        m_lupdateOutput = QString::fromUtf8(lupdate.readAll());
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, qPrintable(m_lupdateOutput));
    }

    void upToDateWithTheSources_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString &name : std::as_const(m_files))
            QTest::newRow(qPrintable(name)) << name;
    }

    // A new tr() string (or one changed or removed) shows up as a difference.
    void upToDateWithTheSources()
    {
        QFETCH(QString, file);
        const TsFile committed = read(QDir(m_dir).filePath(file));
        const TsFile updated = read(m_copy.filePath(file));
        QVERIFY(!updated.messages.isEmpty());
        QSet<QString> committedKeys;
        for (const Message &m : committed.messages)
            committedKeys.insert(m.key());
        QSet<QString> updatedKeys;
        for (const Message &m : updated.messages)
            updatedKeys.insert(m.key());
        QStringList added;
        for (const Message &m : updated.messages) {
            if (!committedKeys.contains(m.key()))
                added << m.where();
        }
        QStringList gone;
        for (const Message &m : committed.messages) {
            if (!updatedKeys.contains(m.key()))
                gone << m.where();
        }
        QVERIFY2(added.isEmpty(),
                 qPrintable(QStringLiteral("%1: %2 string(s) in the sources are missing:\n  %3%4")
                                .arg(file)
                                .arg(added.size())
                                .arg(added.mid(0, 20).join(QStringLiteral("\n  ")), kHowToFix)));
        QVERIFY2(gone.isEmpty(),
                 qPrintable(QStringLiteral("%1: %2 string(s) are no longer in the sources:\n  %3%4")
                                .arg(file)
                                .arg(gone.size())
                                .arg(gone.mid(0, 20).join(QStringLiteral("\n  ")), kHowToFix)));
    }

    void complete_data() { upToDateWithTheSources_data(); }

    // Every entry translated: nothing unfinished, vanished or obsolete, the right number of
    // plural forms, and the same placeholders as the source.
    void complete()
    {
        QFETCH(QString, file);
        const TsFile ts = read(QDir(m_dir).filePath(file));
        QVERIFY(!ts.language.isEmpty());
        QVERIFY(!ts.messages.isEmpty());
        const int forms = pluralForms(ts.language);
        QStringList problems;
        for (const Message &m : ts.messages) {
            if (!m.type.isEmpty()) {
                problems << QStringLiteral("%1 is %2").arg(m.where(), m.type);
                continue;
            }
            if (m.numerus && m.translations.size() != forms) {
                problems << QStringLiteral("%1 has %2 plural form(s), %3 expects %4")
                                .arg(m.where())
                                .arg(m.translations.size())
                                .arg(ts.language)
                                .arg(forms);
                continue;
            }
            for (const QString &t : m.translations) {
                if (t.trimmed().isEmpty())
                    problems << QStringLiteral("%1 has an empty translation").arg(m.where());
                else if (placeholders(t) != placeholders(m.source))
                    problems << QStringLiteral("%1: placeholders %2 in the translation, %3 in the source")
                                    .arg(m.where(), placeholders(t).join(','), placeholders(m.source).join(','));
            }
        }
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("%1: %2 problem(s):\n  %3%4")
                                .arg(file)
                                .arg(problems.size())
                                .arg(problems.mid(0, 20).join(QStringLiteral("\n  ")), kHowToFix)));
    }

    // English carries the plural forms only: singular, then plural, no "(s)" left.
    void englishPlurals()
    {
        const TsFile en = read(QDir(m_dir).filePath(QStringLiteral("halfopen_en.ts")));
        QVERIFY(!en.messages.isEmpty());
        for (const Message &m : en.messages) {
            QVERIFY2(m.numerus,
                     qPrintable(m.where() + QStringLiteral(": English needs plural forms only (-pluralonly)")));
            QCOMPARE(m.translations.size(), 2);
            // "%n probe(s)": "%n probe", "%n probes".
            for (const QString &form : m.translations)
                QVERIFY2(!form.contains(QLatin1String("(s)")), qPrintable(m.where() + QStringLiteral(": ") + form));
            QVERIFY2(m.translations.at(0) != m.translations.at(1), qPrintable(m.where()));
        }
    }

    // .qm files are built, never committed: none lies beside the .ts files.
    void noCompiledFilesInTheSources()
    {
        QCOMPARE(QDir(m_dir).entryList({QStringLiteral("*.qm")}, QDir::Files), QStringList());
    }

private:
    QString m_dir;
    QStringList m_files;
    QTemporaryDir m_copy;
    QString m_lupdateOutput;
};

QTEST_GUILESS_MAIN(TranslationFiles)
#include "tst_TranslationFiles.moc"
