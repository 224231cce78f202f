// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QWidget;

namespace halfopen::control {
class LabSessionController;
}

namespace halfopen::ui {

class AppSettings;
using control::LabSessionController;
class TimelineChart;

// The file side of a session, behind dialogs: record to JSONL, open a recording, export the
// events as CSV, the timeline as a picture, the cable's capture as pcap and the report (PDF or
// HTML, SessionReport). Problems come back as sentences naming the file.
class SessionFiles : public QObject
{
    Q_OBJECT
public:
    enum class Image { Png, Svg };

    SessionFiles(LabSessionController *controller, AppSettings *settings, TimelineChart *timeline,
                 QWidget *dialogParent);

    // Asks where to record (on) or stops recording (off).
    void setRecording(bool on);
    void openRecording();
    void exportEventsCsv();
    void exportTimeline(Image format);
    void exportCapture();
    void exportReport();

    // The same without a dialog (command line, tests). open() returns once the recording's
    // first part is shown; done (or problem) follows when all of it is in.
    bool record(const QString &path);
    bool open(const QString &path);
    bool exportCsv(const QString &path);
    bool exportTimelineTo(const QString &path, Image format);
    bool exportCaptureTo(const QString &path);
    // A PDF or an HTML file, by the name's suffix.
    bool exportReportTo(const QString &path);

signals:
    void recordingChanged(bool recording);
    void problem(const QString &message);
    void done(const QString &message);

private:
    QString askSave(const QString &title, const QString &filter, const QString &suffix);
    void remember(const QString &path);
    void onRecordingOpened(const QString &path, const QStringList &problems);

    QString m_openedPath; // the recording shown, for the report; empty once a run starts
    LabSessionController *m_controller;
    AppSettings *m_settings;
    TimelineChart *m_timeline;
    QWidget *m_dialogParent;
};

} // namespace halfopen::ui
