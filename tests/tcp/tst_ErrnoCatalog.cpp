// SPDX-License-Identifier: GPL-3.0-or-later
// The errno catalog: lookup by number and by name agree, the meanings are the C library's
// own texts, and numbers the catalog does not know still get a usable name.

#include "core/tcp/ErrnoCatalog.h"

#include <QSet>
#include <QTest>

#include <cerrno>
#include <clocale>
#include <cstring>

using namespace halfopen::core;

class TestErrnoCatalog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void lookupByNumber_data();
    void lookupByNumber();
    void lookupByNameIgnoresCase();
    void everyEntryRoundTrips();
    void meaningsAreTheLibcTexts();
    void tcpErrorsAreCatalogued();
    void unknownNumbers();
    void unknownNames();
    void describe();
};

void TestErrnoCatalog::initTestCase()
{
    // QCoreApplication adopted the user's locale; the C library's texts are compared in English.
    std::setlocale(LC_MESSAGES, "C");
}

void TestErrnoCatalog::lookupByNumber_data()
{
    QTest::addColumn<int>("value");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("meaning");
    QTest::newRow("ETIMEDOUT") << ETIMEDOUT << "ETIMEDOUT"
                               << "Connection timed out";
    QTest::newRow("ECONNRESET") << ECONNRESET << "ECONNRESET"
                                << "Connection reset by peer";
    QTest::newRow("EPIPE") << EPIPE << "EPIPE"
                           << "Broken pipe";
    QTest::newRow("EHOSTUNREACH") << EHOSTUNREACH << "EHOSTUNREACH"
                                  << "No route to host";
    QTest::newRow("ECONNREFUSED") << ECONNREFUSED << "ECONNREFUSED"
                                  << "Connection refused";
}

void TestErrnoCatalog::lookupByNumber()
{
    QFETCH(int, value);
    QFETCH(QString, name);
    QFETCH(QString, meaning);
    const auto info = ErrnoCatalog::lookup(value);
    QVERIFY(info.has_value());
    QCOMPARE(info->value, value);
    QCOMPARE(info->name, name);
    QCOMPARE(info->meaning, meaning);
    QVERIFY(!info->tcpCause.isEmpty());
    QCOMPARE(ErrnoCatalog::name(value), name);
}

void TestErrnoCatalog::lookupByNameIgnoresCase()
{
    for (const QString &spelling :
         {QStringLiteral("ETIMEDOUT"), QStringLiteral("etimedout"), QStringLiteral("ETimedOut")}) {
        const auto info = ErrnoCatalog::lookup(QStringView(spelling));
        QVERIFY2(info.has_value(), qPrintable(spelling));
        QCOMPARE(info->value, ETIMEDOUT);
        QCOMPARE(info->name, QStringLiteral("ETIMEDOUT"));
    }
}

void TestErrnoCatalog::everyEntryRoundTrips()
{
    const QList<ErrnoInfo> all = ErrnoCatalog::all();
    QVERIFY(all.size() >= 10);
    QSet<int> values;
    QSet<QString> names;
    for (const ErrnoInfo &info : all) {
        QVERIFY2(!values.contains(info.value), qPrintable(info.name));
        QVERIFY2(!names.contains(info.name), qPrintable(info.name));
        values.insert(info.value);
        names.insert(info.name);
        QVERIFY2(info.name.startsWith(QLatin1Char('E')), qPrintable(info.name));
        QVERIFY2(!info.meaning.isEmpty() && !info.tcpCause.isEmpty(), qPrintable(info.name));
        QCOMPARE(ErrnoCatalog::lookup(info.value)->name, info.name);
        QCOMPARE(ErrnoCatalog::lookup(QStringView(info.name))->value, info.value);
        // The catalog's name is the C library's name for that number.
        QCOMPARE(QString::fromLatin1(::strerrorname_np(info.value)), info.name);
    }
}

void TestErrnoCatalog::meaningsAreTheLibcTexts()
{
    // Untranslated, the meaning is exactly what strerror() says, so it reads like every other tool.
    for (const ErrnoInfo &info : ErrnoCatalog::all())
        QCOMPARE(info.meaning, QString::fromLocal8Bit(::strerror(info.value)));
}

void TestErrnoCatalog::tcpErrorsAreCatalogued()
{
    // Every errno a dying TCP connection can hand the application (TCP-FACTS "Which errno").
    for (int value : {ETIMEDOUT, ECONNRESET, EPIPE, EHOSTUNREACH, ENETUNREACH, ECONNREFUSED, ECONNABORTED})
        QVERIFY2(ErrnoCatalog::lookup(value).has_value(), qPrintable(QString::number(value)));
}

void TestErrnoCatalog::unknownNumbers()
{
    QVERIFY(!ErrnoCatalog::lookup(0).has_value());
    QVERIFY(!ErrnoCatalog::lookup(-1).has_value());
    QVERIFY(!ErrnoCatalog::lookup(99999).has_value());
    // Not in the catalog but known to the C library: its symbolic name.
    QVERIFY(!ErrnoCatalog::lookup(ENOENT).has_value());
    QCOMPARE(ErrnoCatalog::name(ENOENT), QStringLiteral("ENOENT"));
    // Unknown to everybody: the number, still recognisable as an errno.
    QCOMPARE(ErrnoCatalog::name(99999), QStringLiteral("E99999"));
}

void TestErrnoCatalog::unknownNames()
{
    QVERIFY(!ErrnoCatalog::lookup(QStringView(u"ENOPE")).has_value());
    QVERIFY(!ErrnoCatalog::lookup(QStringView(u"")).has_value());
    QVERIFY(!ErrnoCatalog::lookup(QStringView(u"TIMEDOUT")).has_value());
    QVERIFY(!ErrnoCatalog::lookup(QStringView(u"ETIMEDOUT ")).has_value());
}

void TestErrnoCatalog::describe()
{
    QCOMPARE(ErrnoCatalog::describe(ECONNRESET), QStringLiteral("ECONNRESET (Connection reset by peer)"));
    QCOMPARE(ErrnoCatalog::describe(ENOENT), QStringLiteral("ENOENT (No such file or directory)"));
    QVERIFY2(ErrnoCatalog::describe(99999).startsWith(QStringLiteral("E99999 (")),
             qPrintable(ErrnoCatalog::describe(99999)));
}

QTEST_GUILESS_MAIN(TestErrnoCatalog)
#include "tst_ErrnoCatalog.moc"
