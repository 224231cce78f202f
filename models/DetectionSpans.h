// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/predict/TimeReference.h"
#include "core/session/Event.h"

#include <QList>
#include <optional>

namespace halfopen::models {

// The time from the verdict's reference point (the fault, the last packet received...) to the
// moment the application knew: shaded on the timeline, in the lane of the host that knew, and
// labelled with the verdict's own duration. A fault nothing noticed ends when it is undone
// (replug, power on, thaw) or when the run ends.
struct DetectionSpan
{
    core::Host host = core::Host::None; // the host whose application saw the error (open: the one expected to)
    QString fault;                      // the fault's name ("power-off"), empty when unknown
    double startX = 0;                  // the fault, seconds since the session's origin
    double endX = 0;                    // the detection; for an open span, the latest time the session reached
    double seconds = 0;
    QString label; // "5.09 s"
    core::DetectionMechanism mechanism = core::DetectionMechanism::None;
    int errnoValue = 0;
    bool fromVerdict = false; // measured by a verdict event; otherwise fault -> first fatal error
    bool open = false;        // a fault with nothing detected yet
    bool undetected = false;  // closed without a detection: undone, or the run ended
    bool cut = false;         // a recording that was cut (no orderly end) ends here: nothing more is known
    std::optional<core::TimeReference> reference; // what startX is (a verdict's); none: the fault
};

// Verdict events carry the measured span (fault time and detection time). Until one arrives,
// the first fault that can kill a connection and the first fatal error after it stand in; a
// verdict then replaces the stand-in it overlaps.
class DetectionSpans
{
public:
    // How the session ends, for a fault nothing noticed: still running (the wait goes on), ended
    // (a recording closed in order: nothing was noticed until its end), or cut (a recording
    // without its end: it stops there, what came after is not known).
    enum class SessionEnd { Running, Ended, Cut };

    // Returns true when the spans changed.
    bool feed(const core::Event &event, qint64 originUs);
    QList<DetectionSpan> spans(double nowX, SessionEnd end = SessionEnd::Running) const;
    void clear();

private:
    struct PendingFault
    {
        double x = 0;
        core::Host host = core::Host::None; // the one expected to notice
        QString name;
        core::Host faultHost = core::Host::None;
    };

    static bool startsDetection(const core::Event &fault);
    static bool undoes(const core::Event &recovery, const PendingFault &fault);
    bool feedVerdict(const core::Event &verdict, qint64 originUs);
    void closeUndetected(double x);

    QList<DetectionSpan> m_spans;
    std::optional<PendingFault> m_pending;
};

} // namespace halfopen::models
