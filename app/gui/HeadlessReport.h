// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

namespace halfopen::control {
class LabSessionController;
}
namespace halfopen::ui {
class SessionFiles;
} // namespace halfopen::ui

namespace halfopen::app {

// `halfopen --open FILE.jsonl --report OUT.pdf`: opens the recording in the (unseen) window,
// writes its report once all of it is in, and ends the application: status 0 when the report
// was written, 1 with a sentence on standard error naming the problem otherwise (a file that
// cannot be read or holds no event, a report that cannot be written). Damaged lines of a
// recording that still has events are said on standard error and the report is written.
class HeadlessReport : public QObject
{
    Q_OBJECT
public:
    HeadlessReport(ui::SessionFiles *files, control::LabSessionController *controller, const QString &recording,
                   const QString &report);

private:
    void onOpened();
    void finish(int status);

    ui::SessionFiles *m_files;
    control::LabSessionController *m_controller;
    QString m_recording;
    QString m_report;
    QStringList m_problems;
    bool m_finished = false;
};

} // namespace halfopen::app
