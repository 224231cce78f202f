// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lab/scenario/RecordedRun.h"
#include "lab/scenario/Scenario.h"
#include "lab/scenario/ScenarioOutcome.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QImage>
#include <QString>
#include <optional>

namespace halfopen::core {
class Session;
}

namespace halfopen::ui {

// The report of a session, for a teacher's hand-out or a technician's ticket: the verdict
// (measured beside predicted), what ran (the scenario, a free lab session or a real network),
// the settings of both hosts and of the cable, when and on which machine, the timeline and the
// RTO plot as pictures, and a summary of the events. Built here and only here, in the reader's
// language; written as a PDF or as one self-contained HTML file (pictures inside), chosen by the
// file name's suffix.
class SessionReport
{
    Q_DECLARE_TR_FUNCTIONS(SessionReport)
public:
    struct Input
    {
        const core::Session *session = nullptr;
        lab::Scenario scenario;                      // what the window says ran (a recording's title)
        std::optional<lab::RecordedRun> run;         // what the session itself says (RecordedRun::find)
        std::optional<lab::ScenarioOutcome> outcome; // a run's expectations; none for a replay
        QString recordingFile;                       // the recording shown, empty for a live session
        QImage timeline;                             // the lanes
        QImage rto;                                  // the RTO plot
        QDateTime madeUtc;                           // when the report is made
        QString madeOnHost;                          // the machine that makes it
        QString madeOnKernel;
    };

    // The machine and the time now, for Input's made* fields.
    static void stampNow(Input *input);

    enum class Images { Embedded, Resources };
    // The report as HTML. Embedded: pictures as data: URLs (a file that stands alone);
    // Resources: as "report:timeline" and "report:rto", for a QTextDocument that holds them.
    static QString html(const Input &input, Images images);

    // Writes `path`: a PDF when it ends in .pdf, HTML when in .html or .htm. False with a
    // sentence naming the file and the reason otherwise.
    static bool write(const QString &path, const Input &input, QString *error);
    // Whether `path` names a kind of report write() makes.
    static bool isReportPath(const QString &path);
};

} // namespace halfopen::ui
