// SocketTableProxy: sorts by the raw values (numbers, not text) and narrows the table by host,
// by state and by any text in the row, following the source as it changes.

#include "ModelFixtures.h"

#include "core/session/Session.h"
#include "models/SocketTableModel.h"
#include "models/SocketTableProxy.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace halfopen;
using namespace fixtures;
using models::SocketColumn;
using models::SocketTableModel;
using models::SocketTableProxy;

namespace {

struct Fixture {
    core::Session session;
    SocketTableModel model{&session};
    SocketTableProxy proxy;
    QAbstractItemModelTester sourceTester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
    QAbstractItemModelTester proxyTester{&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest};

    Fixture()
    {
        model.setRefreshMs(0);
        proxy.setSourceModel(&model);
    }

    QStringList column(SocketColumn c) const
    {
        QStringList values;
        for (int row = 0; row < proxy.rowCount(); ++row)
            values.append(proxy.index(row, int(c)).data().toString());
        return values;
    }
};

core::TcpInfoSample withState(core::TcpState state, double rtoMs = 204)
{
    core::TcpInfoSample s = established(rtoMs);
    s.state = state;
    if (state != core::TcpState::Established)
        s.timer = core::TcpTimer::Off;
    return s;
}

// Client sockets in several states and a server with a listener and one accepted socket.
void addMixedSockets(core::Session &session)
{
    session.add(sample(1, QStringLiteral("client"), 40000, withState(core::TcpState::Established)));
    session.add(sample(1, QStringLiteral("client"), 40001, withState(core::TcpState::TimeWait)));
    session.add(sample(1, QStringLiteral("client"), 40002, withState(core::TcpState::CloseWait)));
    session.add(sample(1, QStringLiteral("server"), 5000, withState(core::TcpState::Listen)));
    session.add(sample(1, QStringLiteral("server"), 5001, withState(core::TcpState::Established)));
}

} // namespace

class TestSocketTableProxy : public QObject
{
    Q_OBJECT
private slots:
    void sortsNumbersAsNumbers();
    void sortsPortsAsNumbers();
    void resortsWhenAValueChanges();
    void filtersByHost();
    void filtersByState();
    void filtersByText();
    void filtersCombine();
};

void TestSocketTableProxy::sortsNumbersAsNumbers()
{
    Fixture f;
    const QList<double> rtos = {1000, 204, 3000, 412};
    for (int i = 0; i < rtos.size(); ++i)
        f.session.add(sample(1, QStringLiteral("client"), 40000 + i, established(rtos[i])));
    QTRY_COMPARE(f.proxy.rowCount(), 4);
    f.proxy.sort(int(SocketColumn::Rto), Qt::AscendingOrder);
    // As text, "1000 ms" would come first.
    QCOMPARE(f.column(SocketColumn::Rto),
             (QStringList{QStringLiteral("204 ms"), QStringLiteral("412 ms"), QStringLiteral("1000 ms"), QStringLiteral("3000 ms")}));
    f.proxy.sort(int(SocketColumn::Rto), Qt::DescendingOrder);
    QCOMPARE(f.column(SocketColumn::Rto).first(), QStringLiteral("3000 ms"));
}

void TestSocketTableProxy::sortsPortsAsNumbers()
{
    Fixture f;
    for (int port : {40000, 5000, 612, 33000})
        f.session.add(sample(1, QStringLiteral("client"), port));
    QTRY_COMPARE(f.proxy.rowCount(), 4);
    f.proxy.sort(int(SocketColumn::Local), Qt::AscendingOrder);
    QCOMPARE(f.column(SocketColumn::Local),
             (QStringList{localOf(612), localOf(5000), localOf(33000), localOf(40000)}));
}

void TestSocketTableProxy::resortsWhenAValueChanges()
{
    Fixture f;
    f.session.add(sample(1, QStringLiteral("client"), 40000, established(204)));
    f.session.add(sample(1, QStringLiteral("client"), 40001, established(408)));
    QTRY_COMPARE(f.proxy.rowCount(), 2);
    f.proxy.sort(int(SocketColumn::Rto), Qt::AscendingOrder);
    QCOMPARE(f.column(SocketColumn::Local).first(), localOf(40000));
    // Backoff doubles the first socket's RTO past the second's.
    core::TcpInfoSample backedOff = established(816);
    backedOff.backoff = 2;
    f.session.add(sample(2, QStringLiteral("client"), 40000, backedOff));
    QTRY_COMPARE(f.column(SocketColumn::Local).first(), localOf(40001));
}

void TestSocketTableProxy::filtersByHost()
{
    Fixture f;
    addMixedSockets(f.session);
    QTRY_COMPARE(f.proxy.rowCount(), 5);
    f.proxy.setHostFilter(QStringLiteral("server"));
    QCOMPARE(f.column(SocketColumn::Host), (QStringList{QStringLiteral("server"), QStringLiteral("server")}));
    // New rows follow the filter.
    f.session.add(sample(2, QStringLiteral("client"), 40003));
    f.session.add(sample(2, QStringLiteral("server"), 5002));
    QTRY_COMPARE(f.proxy.rowCount(), 3);
    f.proxy.setHostFilter({});
    QCOMPARE(f.proxy.rowCount(), 7);
}

void TestSocketTableProxy::filtersByState()
{
    Fixture f;
    addMixedSockets(f.session);
    QTRY_COMPARE(f.proxy.rowCount(), 5);
    f.proxy.setStateFilter({core::TcpState::Established});
    QCOMPARE(f.column(SocketColumn::State), (QStringList{QStringLiteral("ESTABLISHED"), QStringLiteral("ESTABLISHED")}));
    f.proxy.setStateFilter({core::TcpState::TimeWait, core::TcpState::CloseWait});
    QCOMPARE(f.proxy.rowCount(), 2);
    // A socket leaving the shown states leaves the view.
    f.session.add(state(2, QStringLiteral("client"), 40002, core::TcpState::CloseWait, core::TcpState::LastAck));
    QTRY_COMPARE(f.proxy.rowCount(), 1);
    QCOMPARE(f.column(SocketColumn::State), QStringList{QStringLiteral("TIME_WAIT")});
}

void TestSocketTableProxy::filtersByText()
{
    Fixture f;
    addMixedSockets(f.session);
    QTRY_COMPARE(f.proxy.rowCount(), 5);
    f.proxy.setTextFilter(QStringLiteral("40001"));
    QCOMPARE(f.column(SocketColumn::Local), QStringList{localOf(40001)});
    f.proxy.setTextFilter(QStringLiteral("listen")); // any case
    QCOMPARE(f.column(SocketColumn::Local), QStringList{localOf(5000)});
    f.proxy.setTextFilter(QStringLiteral("keepalive")); // the timer column's text
    QCOMPARE(f.proxy.rowCount(), 2);
    f.proxy.setTextFilter(QStringLiteral("no such text"));
    QCOMPARE(f.proxy.rowCount(), 0);
    f.proxy.setTextFilter({});
    QCOMPARE(f.proxy.rowCount(), 5);
}

void TestSocketTableProxy::filtersCombine()
{
    Fixture f;
    addMixedSockets(f.session);
    QTRY_COMPARE(f.proxy.rowCount(), 5);
    f.proxy.setHostFilter(QStringLiteral("client"));
    f.proxy.setStateFilter({core::TcpState::Established, core::TcpState::TimeWait});
    QCOMPARE(f.proxy.rowCount(), 2);
    f.proxy.setTextFilter(QStringLiteral("TIME"));
    QCOMPARE(f.column(SocketColumn::Local), QStringList{localOf(40001)});
}

QTEST_GUILESS_MAIN(TestSocketTableProxy)
#include "tst_SocketTableProxy.moc"
