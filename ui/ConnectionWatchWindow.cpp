// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ConnectionWatchWindow.h"

#include "models/SocketTableModel.h"
#include "models/TimelineModel.h"
#include "ui/views/SocketTableView.h"
#include "ui/views/TimelineChart.h"

#include <QCoreApplication>
#include <QDir>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

namespace halfopen::ui {

ConnectionWatchWindow::ConnectionWatchWindow(const QString &local, const QString &remote, const QString &netnsPath,
                                             QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_table(new models::SocketTableModel(&m_session, models::SocketTableModel::kDefaultFadeMs, this))
    , m_timeline(new models::TimelineModel(&m_session, this))
{
    setObjectName(QStringLiteral("connectionWatch"));
    setWindowTitle(tr("Watching %1 → %2").arg(local, remote));
    auto *layout = new QVBoxLayout(this);
    m_status = new QLabel(tr("Starting the watch…"), this);
    m_status->setObjectName(QStringLiteral("watchStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_tableView = new SocketTableView(m_table, this);
    // The one connection watched: its TIME_WAIT is how its story ends, so it stays listed.
    m_tableView->setTimeWaitShown(true);
    m_chart = new TimelineChart(m_timeline, this);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_tableView);
    split->addWidget(m_chart);
    split->setSizes({120, 480});
    layout->addWidget(split, 1);
    resize(1100, 700);

    connect(&m_process, &QProcess::readyReadStandardOutput, this, &ConnectionWatchWindow::readEvents);
    connect(&m_process, &QProcess::readyReadStandardError, this, &ConnectionWatchWindow::readErrors);
    connect(&m_process, &QProcess::started, this, [this, local, remote] {
        m_status->setText(tr("Watching %1 → %2: states, samples and packets as they happen.").arg(local, remote));
        m_chart->setLive(true);
    });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            m_status->setText(tr("Cannot start %1: %2").arg(cliPath(), m_process.errorString()));
    });
    connect(&m_process, &QProcess::finished, this, [this](int code) {
        readEvents();
        readErrors();
        m_chart->setLive(false);
        QString text = code == 0 ? tr("The connection is gone: the watch ended.")
                                 : tr("The watch stopped (exit status %1).").arg(code);
        if (!m_problems.isEmpty())
            text += QLatin1Char(' ') + m_problems.join(QLatin1Char(' '));
        m_status->setText(text);
    });
    QStringList args{QStringLiteral("watch"), local, remote, QStringLiteral("--json")};
    if (!netnsPath.isEmpty())
        args << QStringLiteral("--netns") << netnsPath;
    m_process.start(cliPath(), args);
}

ConnectionWatchWindow::~ConnectionWatchWindow()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(2000))
            m_process.kill();
        m_process.waitForFinished(1000);
    }
}

QString ConnectionWatchWindow::cliPath()
{
    // HALFOPEN_CLI for tests and unusual layouts; else the one installed or built beside us.
    const QString chosen = qEnvironmentVariable("HALFOPEN_CLI");
    if (!chosen.isEmpty())
        return chosen;
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("halfopen-cli"));
}

QString ConnectionWatchWindow::statusText() const
{
    return m_status->text();
}

void ConnectionWatchWindow::readEvents()
{
    for (const core::Event &e : m_events.feed(m_process.readAllStandardOutput()))
        m_session.add(e);
}

void ConnectionWatchWindow::readErrors()
{
    // "halfopen-cli: no packet capture (…): … needs CAP_NET_RAW …": said in the window.
    for (const QByteArray &line : m_process.readAllStandardError().split('\n')) {
        const QString text = QString::fromLocal8Bit(line).remove(QStringLiteral("halfopen-cli: ")).trimmed();
        if (text.isEmpty())
            continue;
        m_problems << text;
        m_status->setText(m_status->text() + QLatin1Char(' ') + text);
    }
}

} // namespace halfopen::ui
