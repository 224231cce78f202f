// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SessionFiles.h"

#include "control/LabSessionController.h"
#include "models/DurationText.h"
#include "models/TimelineModel.h"
#include "ui/AppSettings.h"
#include "ui/EventCsvExport.h"
#include "ui/SessionReport.h"
#include "ui/views/TimelineChart.h"
#include "ui/views/TimelineChartView.h"
#include "ui/views/TimelineExport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>

namespace halfopen::ui {

SessionFiles::SessionFiles(LabSessionController *controller, AppSettings *settings, TimelineChart *timeline,
                           QWidget *dialogParent)
    : QObject(dialogParent)
    , m_controller(controller)
    , m_settings(settings)
    , m_timeline(timeline)
    , m_dialogParent(dialogParent)
{
    connect(controller, &LabSessionController::recordingOpened, this, &SessionFiles::onRecordingOpened);
    connect(controller, &LabSessionController::sessionStarted, this, [this] { m_openedPath.clear(); });
}

void SessionFiles::remember(const QString &path)
{
    m_settings->setLastDirectory(QFileInfo(path).absolutePath());
}

QString SessionFiles::askSave(const QString &title, const QString &filter, const QString &suffix)
{
    QString path = QFileDialog::getSaveFileName(m_dialogParent, title, m_settings->lastDirectory(), filter);
    if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
        path += suffix;
    return path;
}

void SessionFiles::setRecording(bool on)
{
    if (!on) {
        m_controller->stopRecording(); // the controller says recordingEnded
        return;
    }
    const QString path = askSave(tr("Record session"), tr("HalfOpen recordings (*.jsonl)"), QStringLiteral(".jsonl"));
    if (path.isEmpty() || !record(path))
        emit recordingChanged(false);
}

bool SessionFiles::record(const QString &path)
{
    QString error;
    if (!m_controller->startRecording(path, &error)) {
        emit problem(tr("Recording did not start: %1").arg(error));
        return false;
    }
    remember(path);
    emit recordingChanged(true);
    emit done(tr("Recording to %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

void SessionFiles::openRecording()
{
    const QString path = QFileDialog::getOpenFileName(m_dialogParent, tr("Open recording"), m_settings->lastDirectory(),
                                                      tr("HalfOpen recordings (*.jsonl);;All files (*)"));
    if (!path.isEmpty())
        open(path);
}

bool SessionFiles::open(const QString &path)
{
    QString error;
    if (!m_controller->openRecording(path, &error)) {
        emit problem(tr("The recording %1 cannot be opened: %2").arg(QFileInfo(path).fileName(), error));
        return false;
    }
    remember(path);
    m_openedPath = path;
    if (m_controller->isOpeningRecording())
        emit done(tr("Opening %1…").arg(QDir::toNativeSeparators(path)));
    return true;
}

void SessionFiles::onRecordingOpened(const QString &path, const QStringList &problems)
{
    // One message: a recording cut by a kill often ends with a half-written line as well.
    QStringList said;
    if (!problems.isEmpty())
        said << tr("%1: %n damaged line(s) skipped, the rest is shown. First: %2", nullptr, int(problems.size()))
                    .arg(QFileInfo(path).fileName(), problems.constFirst());
    if (m_controller->recordingWasCut())
        said << tr("%1: recording incomplete: it ends at %2 without its orderly end (the program recording it was "
                   "killed or the machine stopped); what came after is not known.")
                    .arg(QFileInfo(path).fileName(), models::secondsText(m_controller->timeline()->lastX()));
    if (!said.isEmpty())
        emit problem(said.join(QLatin1Char(' ')));
    m_openedPath = path;
    emit done(m_controller->recordedRun()
                  ? tr("Opened %1; the settings shown are those it was made with").arg(QDir::toNativeSeparators(path))
                  : tr("Opened %1; it does not say which settings it was made with (recorded before HalfOpen kept "
                       "them)")
                        .arg(QDir::toNativeSeparators(path)));
}

void SessionFiles::exportEventsCsv()
{
    const QString path = askSave(tr("Export events"), tr("CSV files (*.csv)"), QStringLiteral(".csv"));
    if (!path.isEmpty())
        exportCsv(path);
}

bool SessionFiles::exportCsv(const QString &path)
{
    QString error;
    const core::Session *session = m_controller->session();
    if (!EventCsvExport::write(path, session->events(), session->originUs(), session->wallClock(), &error)) {
        emit problem(error);
        return false;
    }
    remember(path);
    emit done(tr("Exported %n event(s) to %1", nullptr, int(session->size())).arg(QDir::toNativeSeparators(path)));
    return true;
}

void SessionFiles::exportTimeline(Image format)
{
    const QString path = format == Image::Png
        ? askSave(tr("Export timeline"), tr("PNG images (*.png)"), QStringLiteral(".png"))
        : askSave(tr("Export timeline"), tr("SVG drawings (*.svg)"), QStringLiteral(".svg"));
    if (!path.isEmpty())
        exportTimelineTo(path, format);
}

bool SessionFiles::exportTimelineTo(const QString &path, Image format)
{
    const bool written = format == Image::Png ? m_timeline->exportPng(path) : m_timeline->exportSvg(path);
    if (!written) {
        emit problem(tr("Could not write %1: check that the folder exists and is writable.")
                         .arg(QDir::toNativeSeparators(path)));
        return false;
    }
    remember(path);
    emit done(tr("Timeline exported to %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

void SessionFiles::exportCapture()
{
    const QString path = askSave(tr("Export capture"), tr("Packet captures (*.pcap)"), QStringLiteral(".pcap"));
    if (!path.isEmpty())
        exportCaptureTo(path);
}

bool SessionFiles::exportCaptureTo(const QString &path)
{
    const QString capture = m_controller->capturePath();
    if (capture.isEmpty() || !QFileInfo::exists(capture)) {
        emit problem(
            m_controller->isRealNetwork()
                ? tr("There is no capture of a real network: HalfOpen sees this machine's sockets, not the frames on "
                     "the real cable (use tcpdump or Wireshark there). The virtual lab captures every frame.")
                : tr("There is no capture yet: start the lab, and every frame on the cable is captured."));
        return false;
    }
    // QFile::copy does not overwrite; the user already agreed to replace the file.
    if (QFileInfo::exists(path))
        QFile::remove(path);
    QFile source(capture);
    if (!source.copy(path)) {
        emit problem(tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), source.errorString()));
        return false;
    }
    remember(path);
    emit done(tr("Capture exported to %1 (opens in Wireshark)").arg(QDir::toNativeSeparators(path)));
    return true;
}

void SessionFiles::exportReport()
{
    QString filter;
    QString path = QFileDialog::getSaveFileName(m_dialogParent, tr("Export report"), m_settings->lastDirectory(),
                                                tr("PDF documents (*.pdf);;Web pages (*.html)"), &filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += filter.contains(QLatin1String("*.html")) ? QStringLiteral(".html") : QStringLiteral(".pdf");
    exportReportTo(path);
}

bool SessionFiles::exportReportTo(const QString &path)
{
    SessionReport::Input input;
    input.session = m_controller->session();
    input.scenario = m_controller->scenario();
    input.run = lab::RecordedRun::find(input.session->events());
    input.recordingFile = m_openedPath;
    // A replay has no judgement of its own; a run's expectations are in its outcome.
    if (m_openedPath.isEmpty() && !m_controller->outcome().expectations.isEmpty())
        input.outcome = m_controller->outcome();
    // The whole session in the pictures, then the view as the user left it.
    const bool following = m_timeline->isFollowing();
    const double min = m_timeline->xMin();
    const double max = m_timeline->xMax();
    m_timeline->showAll();
    m_timeline->setLaneTimeLabelsAlways(true); // the lanes' picture stands alone
    // The charts lay their axes and legend out on the next turn of the event loop: now, before
    // they are drawn (otherwise the labels of the range just set are elided).
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    input.timeline = renderChartViews({m_timeline->laneView()}, 2);
    input.rto = renderChartViews({m_timeline->rtoView()}, 2);
    m_timeline->setLaneTimeLabelsAlways(false);
    if (following)
        m_timeline->follow();
    else
        m_timeline->setXRange(min, max);
    SessionReport::stampNow(&input);
    QString error;
    if (!SessionReport::write(path, input, &error)) {
        emit problem(error);
        return false;
    }
    remember(path);
    emit done(tr("Report written to %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

} // namespace halfopen::ui
