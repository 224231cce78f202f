// SPDX-License-Identifier: GPL-3.0-or-later
// ScenarioListModel: shows the list it was given (title for display, name/explanation/path
// behind roles) and appends opened files once, refreshing a file opened again.

#include "models/ScenarioListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using halfopen::models::ScenarioListModel;

namespace {

QList<ScenarioListModel::Entry> builtIns()
{
    return {
        {QStringLiteral("idle-peer-powered-off"),
         QStringLiteral("Idle peer powered off"),
         QStringLiteral("Nothing is noticed."),
         {}},
        {QStringLiteral("kill-process"), QStringLiteral("Process killed"), QStringLiteral("The kernel sends FIN."), {}},
    };
}

} // namespace

class TestScenarioListModel : public QObject
{
    Q_OBJECT
private slots:
    void showsTheGivenEntries();
    void addsAFileOnce();
    void findsRowsByName();
};

void TestScenarioListModel::showsTheGivenEntries()
{
    ScenarioListModel model(builtIns());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex first = model.index(0);
    QCOMPARE(first.data().toString(), QStringLiteral("Idle peer powered off"));
    QCOMPARE(first.data(ScenarioListModel::NameRole).toString(), QStringLiteral("idle-peer-powered-off"));
    QCOMPARE(first.data(ScenarioListModel::ExplanationRole).toString(), QStringLiteral("Nothing is noticed."));
    QVERIFY(first.data(ScenarioListModel::PathRole).toString().isEmpty());
    QVERIFY(first.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Nothing is noticed.")));
    QVERIFY(model.roleNames().values().contains("explanation"));
}

void TestScenarioListModel::addsAFileOnce()
{
    ScenarioListModel model(builtIns());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    // A file without a title shows its name.
    const ScenarioListModel::Entry file{QStringLiteral("mine"), {}, {}, QStringLiteral("/tmp/mine.json")};
    QCOMPARE(model.addFile(file), 2);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.index(2).data().toString(), QStringLiteral("mine"));

    ScenarioListModel::Entry edited = file;
    edited.title = QStringLiteral("My experiment");
    QCOMPARE(model.addFile(edited), 2);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(2).data().toString(), QStringLiteral("My experiment"));
}

void TestScenarioListModel::findsRowsByName()
{
    ScenarioListModel model(builtIns());
    QCOMPARE(model.rowOf(QStringLiteral("kill-process")), 1);
    QCOMPARE(model.rowOf(QStringLiteral("no-such")), -1);
    QCOMPARE(model.entry(1).title, QStringLiteral("Process killed"));
}

QTEST_GUILESS_MAIN(TestScenarioListModel)
#include "tst_ScenarioListModel.moc"
