// SPDX-License-Identifier: GPL-3.0-or-later
#include "HeadlessReport.h"

#include "control/LabSessionController.h"
#include "core/session/Session.h"
#include "ui/SessionFiles.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <cstdio>

namespace halfopen::app {

HeadlessReport::HeadlessReport(ui::SessionFiles *files, control::LabSessionController *controller,
                               const QString &recording, const QString &report)
    : QObject(files)
    , m_files(files)
    , m_controller(controller)
    , m_recording(recording)
    , m_report(report)
{
    connect(files, &ui::SessionFiles::problem, this, [this](const QString &message) { m_problems << message; });
    connect(controller, &control::LabSessionController::recordingOpened, this, &HeadlessReport::onOpened);
    if (!files->open(recording))
        finish(1);
}

void HeadlessReport::onOpened()
{
    if (m_controller->session()->size() == 0) {
        m_problems.prepend(QCoreApplication::translate("HeadlessReport", "the recording %1 holds no event to report on")
                               .arg(QFileInfo(m_recording).fileName()));
        finish(1);
        return;
    }
    // What was wrong with the recording is said, and the report of what it holds is written.
    for (const QString &problem : std::as_const(m_problems))
        std::fprintf(stderr, "halfopen: %s\n", qPrintable(problem));
    m_problems.clear();
    // On the next turn of the event loop: the window lays its views out first (a small
    // recording is all in before the loop even runs).
    QMetaObject::invokeMethod(
        this, [this] { finish(m_files->exportReportTo(m_report) ? 0 : 1); }, Qt::QueuedConnection);
}

void HeadlessReport::finish(int status)
{
    if (m_finished)
        return;
    m_finished = true;
    for (const QString &problem : std::as_const(m_problems))
        std::fprintf(stderr, "halfopen: %s\n", qPrintable(problem));
    // Queued: the recording may be read before the event loop runs, when exit() would be lost.
    QMetaObject::invokeMethod(
        qApp, [status] { QCoreApplication::exit(status); }, Qt::QueuedConnection);
}

} // namespace halfopen::app
