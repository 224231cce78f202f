// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/DetectionSpans.h"

#include "core/predict/VerdictFields.h"
#include "core/session/ErrorFields.h"
#include "core/session/FaultFields.h"
#include "models/DurationText.h"

namespace halfopen::models {

using core::Event;
using core::EventKind;
using core::FaultKind;

namespace {
double xOf(qint64 tUs, qint64 originUs)
{
    return (tUs - originUs) / 1e6;
}

// A fault done to one host is noticed by the other: its lane holds the wait.
core::Host detectingHost(core::Host faultHost)
{
    return core::peerOf(faultHost).value_or(faultHost);
}
} // namespace

bool DetectionSpans::undoes(const Event &recovery, const PendingFault &fault)
{
    if (recovery.host != fault.faultHost)
        return false;
    const std::optional<FaultKind> r = recovery.faultKind();
    const std::optional<FaultKind> f = core::faultKindFromName(fault.name);
    if (!r || !f)
        return false;
    switch (*r) {
    case FaultKind::Replug:
        return *f == FaultKind::Unplug;
    case FaultKind::PowerOn:
        return *f == FaultKind::PowerOff || *f == FaultKind::Reboot;
    case FaultKind::ThawProcess:
        return *f == FaultKind::FreezeProcess;
    case FaultKind::IcmpUnreachableOff:
        return *f == FaultKind::IcmpUnreachableOn;
    default:
        return false;
    }
}

void DetectionSpans::closeUndetected(double x)
{
    DetectionSpan span;
    span.host = m_pending->host;
    span.fault = m_pending->name;
    span.startX = m_pending->x;
    span.endX = qMax(span.startX, x);
    span.seconds = span.endX - span.startX;
    span.label = secondsText(span.seconds);
    span.undetected = true;
    m_pending.reset();
    m_spans.append(span);
}

bool DetectionSpans::startsDetection(const Event &fault)
{
    // Undoing a fault, or merely slowing the cable, does not start the wait for a detection.
    // A fault this version does not know (hostfault's own, a newer recording's) does.
    switch (fault.faultKind().value_or(FaultKind::Marker)) {
    case FaultKind::Replug:
    case FaultKind::PowerOn:
    case FaultKind::ThawProcess:
    case FaultKind::IcmpUnreachableOff:
    case FaultKind::Send:
    case FaultKind::Delay:
        return false;
    case FaultKind::Loss:
        return core::FaultFields::of(fault).value >= 100;
    default:
        return true;
    }
}

bool DetectionSpans::feed(const Event &e, qint64 originUs)
{
    switch (e.kind) {
    case EventKind::Fault:
        if (m_pending && undoes(e, *m_pending)) {
            // Undone before anything noticed (a cable replugged in time): the wait ends here.
            closeUndetected(xOf(e.tUs, originUs));
            return true;
        }
        if (m_pending || !startsDetection(e))
            return false;
        m_pending = PendingFault{xOf(e.tUs, originUs), detectingHost(e.host), e.what, e.host};
        return true;
    case EventKind::Endpoint:
        // The run ended with nothing noticed: the span ends with it.
        if (m_pending && (e.is(core::RunStep::Stopped) || e.is(core::RunStep::Failed))) {
            closeUndetected(xOf(e.tUs, originUs));
            return true;
        }
        return false;
    case EventKind::Error: {
        if (!m_pending || !core::ErrorFields::of(e).isFatal())
            return false;
        DetectionSpan span;
        span.host = e.host;
        span.fault = m_pending->name;
        span.startX = m_pending->x;
        span.endX = qMax(span.startX, xOf(e.tUs, originUs));
        span.seconds = span.endX - span.startX;
        span.label = secondsText(span.seconds);
        span.mechanism = e.mechanism;
        span.errnoValue = e.errnoValue;
        m_pending.reset();
        m_spans.append(span);
        return true;
    }
    case EventKind::Verdict:
        return feedVerdict(e, originUs);
    default:
        return false;
    }
}

bool DetectionSpans::feedVerdict(const Event &e, qint64 originUs)
{
    // The verdict's times are relative to the run's start; their difference is the span, and
    // the verdict itself is stamped at the detection.
    const core::VerdictFields v = core::VerdictFields::of(e);
    if (!v.faultTS || !v.detectedTS)
        return false;
    DetectionSpan span;
    span.host = e.host;
    span.fault = v.fault;
    span.endX = xOf(e.tUs, originUs);
    // The verdict's own number from its own reference point (the last packet received, say),
    // so the drawing and the headline say the same time.
    if (v.elapsedS && v.reference) {
        span.seconds = qMax(0.0, *v.elapsedS);
        span.reference = v.reference;
    } else {
        span.seconds = qMax(0.0, *v.detectedTS - *v.faultTS);
    }
    span.startX = span.endX - span.seconds;
    span.label = secondsText(span.seconds);
    span.mechanism = e.mechanism;
    span.errnoValue = e.errnoValue;
    span.fromVerdict = true;

    m_spans.removeIf(
        [&span](const DetectionSpan &s) { return !s.fromVerdict && s.startX <= span.endX && s.endX >= span.startX; });
    if (m_pending && m_pending->x <= span.endX)
        m_pending.reset();
    m_spans.append(span);
    return true;
}

QList<DetectionSpan> DetectionSpans::spans(double nowX, SessionEnd end) const
{
    QList<DetectionSpan> result = m_spans;
    if (m_pending) {
        DetectionSpan open;
        open.host = m_pending->host;
        open.fault = m_pending->name;
        open.startX = m_pending->x;
        open.endX = qMax(open.startX, nowX);
        open.seconds = open.endX - open.startX;
        open.label = secondsText(open.seconds);
        open.open = end == SessionEnd::Running;
        open.undetected = end == SessionEnd::Ended;
        open.cut = end == SessionEnd::Cut;
        result.append(open);
    }
    return result;
}

void DetectionSpans::clear()
{
    m_spans.clear();
    m_pending.reset();
}

} // namespace halfopen::models
