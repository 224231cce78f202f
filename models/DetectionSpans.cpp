#include "models/DetectionSpans.h"

#include "models/DurationText.h"

namespace halfopen::models {

using core::Event;
using core::EventKind;

namespace {
double xOf(qint64 tUs, qint64 originUs)
{
    return (tUs - originUs) / 1e6;
}
} // namespace

bool DetectionSpans::startsDetection(const Event &fault)
{
    // Undoing a fault, or merely slowing the cable, does not start the wait for a detection.
    static const QStringList kRecoveries = {
        QStringLiteral("replug"), QStringLiteral("power-on"), QStringLiteral("thaw-process"),
        QStringLiteral("icmp-unreachable-off"), QStringLiteral("send"), QStringLiteral("delay"),
    };
    if (kRecoveries.contains(fault.what))
        return false;
    if (fault.what == QLatin1String("loss"))
        return fault.detail.value(QStringLiteral("value")).toDouble() >= 100;
    return true;
}

bool DetectionSpans::feed(const Event &e, qint64 originUs)
{
    switch (e.kind) {
    case EventKind::Fault:
        if (m_pending || !startsDetection(e))
            return false;
        m_pending = PendingFault{xOf(e.tUs, originUs), e.host, e.what};
        return true;
    case EventKind::Error: {
        if (!m_pending || !e.detail.value(QStringLiteral("fatal")).toBool(true))
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
    const QJsonValue faultS = e.detail.value(QStringLiteral("fault_t_s"));
    const QJsonValue detectedS = e.detail.value(QStringLiteral("detected_t_s"));
    if (!faultS.isDouble() || !detectedS.isDouble())
        return false;
    DetectionSpan span;
    span.host = e.host;
    span.fault = e.detail.value(QStringLiteral("fault")).toString();
    span.endX = xOf(e.tUs, originUs);
    span.seconds = qMax(0.0, detectedS.toDouble() - faultS.toDouble());
    span.startX = span.endX - span.seconds;
    span.label = secondsText(span.seconds);
    span.mechanism = e.mechanism;
    span.errnoValue = e.errnoValue;
    span.fromVerdict = true;

    m_spans.removeIf([&span](const DetectionSpan &s) {
        return !s.fromVerdict && s.startX <= span.endX && s.endX >= span.startX;
    });
    if (m_pending && m_pending->x <= span.endX)
        m_pending.reset();
    m_spans.append(span);
    return true;
}

QList<DetectionSpan> DetectionSpans::spans(double nowX) const
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
        open.open = true;
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
