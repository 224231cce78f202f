// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/LabProcess.h"

#include "core/session/RunStepFields.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace halfopen::lab {

using namespace halfopen::core;

namespace {
QString besideUs(const QString &name)
{
    return QDir(QCoreApplication::applicationDirPath()).filePath(name);
}

// Beside us in the build tree (and in a copied folder); installed, in libexec: /usr/bin/halfopen
// starts /usr/libexec/halfopen/halfopen-lab (HALFOPEN_LIBEXEC_FROM_BIN, from the install rules).
QString supervisorBesideUs()
{
    const QString beside = besideUs(QStringLiteral("halfopen-lab"));
    if (QFileInfo::exists(beside))
        return beside;
    const QString installed = QDir::cleanPath(besideUs(QStringLiteral(HALFOPEN_LIBEXEC_FROM_BIN "/halfopen-lab")));
    return QFileInfo::exists(installed) ? installed : beside;
}
} // namespace

LabProcess::LabProcess(const Options &options, QObject *parent)
    : LabDriver(parent)
    , m_options(options)
{
    if (m_options.supervisorPath.isEmpty())
        m_options.supervisorPath = supervisorBesideUs();
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &LabProcess::readEvents);
    connect(&m_process, &QProcess::readyReadStandardError, this,
            [this] { m_stderr += QString::fromLocal8Bit(m_process.readAllStandardError()); });
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            emit failed(
                tr("cannot start the lab supervisor %1: %2").arg(m_options.supervisorPath, m_process.errorString()));
    });
    connect(&m_process, &QProcess::finished, this, [this] {
        readEvents();
        if (!m_stopping && !m_ready)
            emit failed(tr("the lab supervisor ended before the lab was ready: %1").arg(m_stderr.trimmed()));
        emit stopped();
    });
}

LabProcess::~LabProcess()
{
    // Nothing is reported while we tear down: listeners may already be gone.
    m_process.disconnect(this);
    if (m_process.state() != QProcess::NotRunning) {
        m_process.closeWriteChannel(); // the supervisor stops when its stdin closes
        if (!m_process.waitForFinished(3000))
            m_process.kill();
        m_process.waitForFinished(1000);
    }
}

void LabProcess::start(const LabConfig &config)
{
    QStringList command = m_options.launcher;
    command << m_options.supervisorPath;
    m_process.start(command.takeFirst(), command);
    send(LabCommand::start(config, m_options.pcapPath, m_options.captureLimitMb));
}

void LabProcess::apply(const Fault &fault)
{
    send(LabCommand::applying(fault));
}

void LabProcess::setSocketOptions(core::Host host, const core::SocketOptions &options)
{
    send(LabCommand::settingOptions(host, options));
}

void LabProcess::stop()
{
    m_stopping = true;
    if (m_process.state() == QProcess::NotRunning) {
        emit stopped();
        return;
    }
    send(LabCommand::stop());
}

void LabProcess::send(const LabCommand &command)
{
    m_process.write(command.toLine());
}

void LabProcess::readEvents()
{
    for (const Event &e : m_events.feed(m_process.readAllStandardOutput())) {
        if (e.is(core::RunStep::Ready)) {
            m_ready = true;
            emit ready();
        } else if (e.is(core::RunStep::Failed)) {
            m_stopping = true;
            emit failed(core::RunStepFields::of(e).message);
        }
        emit event(e);
    }
}

} // namespace halfopen::lab
