// SPDX-License-Identifier: GPL-3.0-or-later
// docs/recommendations.md quotes the predictor: every row of its table names the arguments of
// `halfopen-cli predict` and the times it gives. Run each row and compare, so the page cannot
// drift from the program.
#include "../support/CliRun.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using halfopen::testing::runCli;

namespace {

struct Row
{
    QString use;
    QStringList arguments;
    QStringList times; // idle, in flight, frozen: "never" or seconds with one decimal
};

QList<Row> readTable(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = file.errorString();
        return {};
    }
    const QString text = QString::fromUtf8(file.readAll());
    const qsizetype begin = text.indexOf(QLatin1String("<!-- predicted:begin"));
    const qsizetype end = text.indexOf(QLatin1String("<!-- predicted:end"));
    if (begin < 0 || end < begin) {
        *error = QStringLiteral("no predicted:begin/end markers");
        return {};
    }
    QList<Row> rows;
    const QStringList lines = text.mid(begin, end - begin).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (!line.startsWith(QLatin1Char('|')) || line.startsWith(QLatin1String("|---")))
            continue;
        QStringList cells = line.split(QLatin1Char('|'));
        cells = cells.mid(1, cells.size() - 2); // the empty text outside the outer bars
        if (cells.size() != 5) {
            *error = QStringLiteral("a row without 5 columns: ") + line;
            return {};
        }
        for (QString &cell : cells)
            cell = cell.trimmed();
        if (cells[0] == QLatin1String("Use"))
            continue; // the header
        QString args = cells[1];
        args.remove(QLatin1Char('`'));
        rows.append({cells[0], args.split(QLatin1Char(' '), Qt::SkipEmptyParts), cells.mid(2)});
    }
    return rows;
}

QString formatSeconds(const QJsonValue &seconds)
{
    if (seconds.isNull() || seconds.isUndefined())
        return QStringLiteral("never");
    return QString::number(std::round(seconds.toDouble() * 10) / 10, 'f', 1);
}

} // namespace

class tst_Recommendations : public QObject
{
    Q_OBJECT

private slots:
    void everyRowIsWhatThePredictorSays_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QStringList>("times");
        QString error;
        const QList<Row> rows = readTable(QStringLiteral(HALFOPEN_SOURCE_DIR "/docs/recommendations.md"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(rows.size() >= 5, "the table has fewer rows than expected");
        for (const Row &row : rows)
            QTest::newRow(qPrintable(row.use)) << row.arguments << row.times;
    }

    void everyRowIsWhatThePredictorSays()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QStringList, times);
        const auto run
            = runCli(QStringList{QStringLiteral("predict")} + arguments + QStringList{QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject prediction = QJsonDocument::fromJson(run.outBytes).object();
        const char *kinds[] = {"idle_peer_powered_off", "peer_unplugged_data_in_flight", "peer_process_frozen"};
        for (int i = 0; i < 3; ++i) {
            const QJsonObject kind = prediction.value(QLatin1String(kinds[i])).toObject();
            QVERIFY2(!kind.isEmpty(), kinds[i]);
            const QString predicted = formatSeconds(kind.value(QLatin1String("seconds")));
            QVERIFY2(
                predicted == times[i],
                qPrintable(QStringLiteral("%1: the page says %2, the predictor %3 (update docs/recommendations.md)")
                               .arg(QLatin1String(kinds[i]), times[i], predicted)));
        }
    }
};

QTEST_GUILESS_MAIN(tst_Recommendations)
#include "tst_Recommendations.moc"
