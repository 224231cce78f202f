// SPDX-License-Identifier: GPL-3.0-or-later
#include "realnet/ConnectionCapture.h"

#include "lab/cable/FrameView.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>

#include <grp.h>
#include <sys/xattr.h>

namespace halfopen::realnet {

ConnectionCapture::ConnectionCapture(QObject *parent)
    : QObject(parent)
    , m_helper(defaultHelperPath())
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &ConnectionCapture::read);
    connect(&m_process, &QProcess::finished, this, [this](int code) {
        read();
        const QString said = QString::fromLocal8Bit(m_process.readAllStandardError().trimmed());
        if (code != 0 && !m_stopping) {
            m_problem = describeExit(m_helper, code, said);
            if (!m_starting) // start() returns false with it instead
                emit failed(m_problem);
        }
    });
}

ConnectionCapture::~ConnectionCapture()
{
    m_stopping = true;
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(1000))
            m_process.kill();
        m_process.waitForFinished(1000);
    }
}

QString ConnectionCapture::defaultHelperPath()
{
    const QString dir = QCoreApplication::applicationDirPath();
    const QString beside = QDir(dir).filePath(QStringLiteral("halfopen-capture"));
    if (QFileInfo::exists(beside))
        return beside;
    return QDir::cleanPath(dir + QStringLiteral("/../libexec/halfopen/halfopen-capture"));
}

bool ConnectionCapture::start(const core::SocketAddress &local, const core::SocketAddress &remote, core::Host localHost,
                              core::Host peerHost, const QString &netnsPath)
{
    m_local = local.toString();
    m_localHost = localHost;
    m_peerHost = peerHost;
    m_problem.clear();
    m_ready = false;
    m_stopping = false;
    m_buffer.clear();
    m_starting = true;
    const auto started = qScopeGuard([this] { m_starting = false; });
    QStringList args{QStringLiteral("--local"), local.toString(), QStringLiteral("--remote"), remote.toString()};
    if (!netnsPath.isEmpty())
        args << QStringLiteral("--netns") << netnsPath;
    m_process.start(m_helper, args);
    if (!m_process.waitForStarted(3000)) {
        m_problem = describeStartFailure(m_helper, m_process.errorString());
        return false;
    }
    // The capture must run before the first packet matters: wait for its go-ahead.
    while (!m_ready && m_process.state() == QProcess::Running && m_process.waitForReadyRead(3000))
        read();
    if (!m_ready && m_process.state() != QProcess::Running) {
        m_process.waitForFinished(1000); // its exit status and message: problem()
        return false;
    }
    return m_ready;
}

void ConnectionCapture::stop()
{
    m_stopping = true;
    // Packets the helper captured before the end are still in the pipe.
    if (m_process.state() == QProcess::Running) {
        m_process.waitForReadyRead(200);
        read();
        m_process.terminate();
        m_process.waitForFinished(1000);
    }
}

void ConnectionCapture::read()
{
    m_buffer += m_process.readAllStandardOutput();
    if (!m_ready) {
        const qsizetype newline = m_buffer.indexOf('\n');
        if (newline < 0)
            return;
        m_ready = m_buffer.left(newline) == "HOCAP1";
        m_buffer.remove(0, newline + 1);
    }
    // Per frame: u64 CLOCK_MONOTONIC microseconds, u32 length (little-endian), the frame.
    qsizetype at = 0;
    while (m_buffer.size() - at >= 12) {
        const auto *h = reinterpret_cast<const uchar *>(m_buffer.constData() + at);
        quint64 t = 0;
        for (int i = 7; i >= 0; --i)
            t = t << 8 | h[i];
        const quint32 length = quint32(h[8]) | quint32(h[9]) << 8 | quint32(h[10]) << 16 | quint32(h[11]) << 24;
        if (m_buffer.size() - at < 12 + qsizetype(length))
            break;
        onFrame(QByteArrayView(m_buffer.constData() + at + 12, length), qint64(t));
        at += 12 + length;
    }
    m_buffer.remove(0, at);
}

void ConnectionCapture::onFrame(QByteArrayView bytes, qint64 tUs)
{
    emit frame(bytes, tUs);
    const lab::FrameView view(bytes);
    if (!view.isTcp()) // IPv4 or IPv6
        return;
    const bool outgoing = view.tcpSource() == m_local;
    emit event(
        m_classifier.classify(view, tUs, outgoing ? m_localHost : m_peerHost, outgoing ? m_peerHost : m_localHost));
}

// Why the capture helper did not capture, in words that name what is missing: its capability,
// the user's group membership, or root for another user's connection.
QString ConnectionCapture::describeExit(const QString &helper, int exitCode, const QString &helperSaid)
{
    if (exitCode == 5) { // no CAP_NET_RAW
        const QByteArray path = QFile::encodeName(helper);
        if (getxattr(path.constData(), "security.capability", nullptr, 0) < 0)
            return tr("no packet capture: the capture helper %1 has no capability; it needs cap_net_raw "
                      "(the Debian package grants it to the group halfopen-capture when installed: sudo "
                      "dpkg-reconfigure halfopen; by hand, as root: setcap cap_net_raw=ep %1)")
                .arg(helper);
        return tr("no packet capture: the capture helper %1 has cap_net_raw, but did not get it when it ran "
                  "(a file system mounted nosuid, or a sandbox that sets no_new_privs)")
            .arg(helper);
    }
    if (exitCode == 4)
        return tr("no packet capture: the connection belongs to another user, and watching another user's "
                  "connection needs root (the helper said: %1)")
            .arg(helperSaid);
    return tr("no packet capture (%1 exited %2): %3").arg(helper).arg(exitCode).arg(helperSaid);
}

// Why the helper could not even be started: most often, not being in the group it belongs to.
QString ConnectionCapture::describeStartFailure(const QString &helper, const QString &error)
{
    const QFileInfo file(helper);
    if (!file.exists())
        return tr("no packet capture: the capture helper %1 is missing (reinstall halfopen)").arg(helper);
    if (!file.isExecutable()) {
        const QString group = file.group();
        const QString user = QString::fromLocal8Bit(qgetenv("USER"));
        bool listed = false; // in /etc/group (or whatever the system reads)
        if (const struct group *entry = getgrnam(QFile::encodeName(group).constData())) {
            for (char **member = entry->gr_mem; member && *member; ++member)
                listed = listed || QString::fromLocal8Bit(*member) == user;
        }
        if (listed)
            return tr("no packet capture: you were added to the group %1, whose members may capture with "
                      "%2, but this session started before: log out and in again")
                .arg(group, helper);
        return tr("no packet capture: only members of the group %1 may capture packets with %2: as root, "
                  "adduser %3 %1, then log out and in again")
            .arg(group, helper, user.isEmpty() ? tr("YOUR-USER") : user);
    }
    return tr("no packet capture: cannot start %1: %2").arg(helper, error);
}

} // namespace halfopen::realnet
