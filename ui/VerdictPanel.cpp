// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/VerdictPanel.h"

#include "core/predict/VerdictFields.h"
#include "core/session/MonotonicClock.h"
#include "core/session/RunStepFields.h"
#include "core/session/Session.h"
#include "core/tcp/ErrnoCatalog.h"
#include "core/tcp/MechanismText.h"
#include "models/DurationText.h"
#include "ui/views/EventWords.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace halfopen::ui {

using core::Event;
using core::EventKind;

namespace {
constexpr int kTickMs = 100;

} // namespace

VerdictPanel::VerdictPanel(core::Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_title(new QLabel(this))
    , m_headline(new QLabel(this))
    , m_meaning(new QLabel(this))
    , m_later(new QLabel(this))
    , m_countdown(new QLabel(this))
    , m_expectations(new QLabel(this))
    , m_explanation(new QLabel(this))
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("verdictPanel"));
    m_title->setObjectName(QStringLiteral("verdictTitle"));
    m_headline->setObjectName(QStringLiteral("verdictHeadline"));
    m_meaning->setObjectName(QStringLiteral("verdictMeaning"));
    m_later->setObjectName(QStringLiteral("verdictLater"));
    m_countdown->setObjectName(QStringLiteral("verdictCountdown"));
    m_expectations->setObjectName(QStringLiteral("verdictExpectations"));
    m_explanation->setObjectName(QStringLiteral("verdictExplanation"));
    m_hint->setObjectName(QStringLiteral("verdictHint"));
    setRealNetwork(false);
    updateHeadlineFont();
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    auto *layout = new QVBoxLayout(this);
    for (QLabel *label :
         {m_title, m_headline, m_hint, m_meaning, m_later, m_countdown, m_expectations, m_explanation}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(label);
    }
    layout->addStretch();

    m_tick.setInterval(kTickMs);
    connect(&m_tick, &QTimer::timeout, this, &VerdictPanel::updateCountdown);
    connect(session, &core::Session::eventAdded, this, &VerdictPanel::onEvent);
    connect(session, &core::Session::cleared, this, &VerdictPanel::reset);
    reset();
}

void VerdictPanel::setScenario(const lab::Scenario &scenario)
{
    m_scenario = scenario;
    m_title->setText(scenario.title.isEmpty() ? scenario.name : scenario.title);
    m_explanation->setText(scenario.explanation);
    m_expectations->clear();
    hideEmptyLines();
}

void VerdictPanel::updateHint()
{
    // Only while nothing has run yet: afterwards the panel has its own story to tell.
    m_hint->setVisible(!m_running && m_session->size() == 0 && !m_labFailed);
}

void VerdictPanel::labFailed(const QString &message)
{
    if (m_labFailed)
        return;
    m_labFailed = true;
    m_lastSample.clear();
    // A lab that broke down after a detection keeps that answer; one that never ran has none.
    if (m_detected) {
        const QString line = m_real ? tr("Then this machine's endpoint failed: %1").arg(message)
                                    : tr("Then the lab failed: %1").arg(message);
        m_later->setText(m_later->text().isEmpty() ? line : m_later->text() + QLatin1Char('\n') + line);
    } else {
        m_headline->setText(m_real || m_scenario.name == QLatin1String("real-network")
                                ? tr("This machine's endpoint failed: nothing was measured.")
                                : tr("The lab failed: nothing was measured."));
        m_countdown->clear();
        m_meaning->setText(message);
    }
    updateHint();
    hideEmptyLines();
}

void VerdictPanel::runEnded(qint64 tUs)
{
    // "Yet" promises a future the run no longer has (a replay, a finished scenario): say what the
    // end found instead, and whether a host was still cut off or powered off then.
    if (m_detected || m_labFailed)
        return;
    const double endS = double(tUs - m_session->originUs()) / 1e6;
    m_headline->setText(
        tr("Nothing noticed a problem: the run ended at %1 s without an error on either side.").arg(endS, 0, 'f', 2));
    if (m_peerLost != core::Host::None)
        m_meaning->setText(tr("%1 was still cut off or powered off when it ended: the other side would only notice "
                              "by a timer (keepalive, retransmissions, TCP_USER_TIMEOUT or a heartbeat).")
                               .arg(hostTitle(m_peerLost)));
    m_countdown->clear();
    hideEmptyLines();
}

void VerdictPanel::updateHeadlineFont()
{
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_headline->setFont(big);
}

void VerdictPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        updateHeadlineFont();
    QWidget::changeEvent(event);
}

void VerdictPanel::setRealNetwork(bool real)
{
    m_real = real;
    m_hint->setText(
        real ? tr("To begin: press Start (Ctrl+R): this machine connects to the peer (or waits for it). Then pull "
                  "the real cable or switch the peer off, and press “I pulled the cable now” (Space) at that "
                  "moment. This panel then tells when and how this machine noticed.")
             : tr("To begin: press Start (Ctrl+R). In a free lab session, then press Power off on the Server row; "
                  "a scenario does its faults by itself. This panel then tells when and how each side noticed."));
}

void VerdictPanel::setRunning(bool running)
{
    m_running = running;
    if (running)
        m_tick.start();
    else
        m_tick.stop();
    updateHint();
    updateCountdown();
}

void VerdictPanel::setOutcome(const lab::ScenarioOutcome &outcome)
{
    if (outcome.ending == lab::ScenarioOutcome::Ending::LabFailed)
        labFailed(outcome.error);
    if (outcome.ending == lab::ScenarioOutcome::Ending::LabFailed && outcome.readyUs == 0) {
        m_expectations->setText(outcome.expectations.isEmpty()
                                    ? QString()
                                    : tr("Expectations not judged: the lab failed before time zero."));
        hideEmptyLines();
        return;
    }
    if (outcome.expectations.isEmpty()) {
        m_expectations->clear();
        hideEmptyLines();
        return;
    }
    int met = 0;
    QStringList open;
    for (const lab::ExpectationResult &r : outcome.expectations) {
        if (r.met)
            ++met;
        else
            open << r.expectation.id;
    }
    const bool failed = outcome.ending == lab::ScenarioOutcome::Ending::LabFailed;
    const QString text = failed
        ? tr("Expectations met: %1 of %2 before the lab failed").arg(met).arg(outcome.expectations.size())
        : open.isEmpty() ? tr("Expectations met: %1 of %2").arg(met).arg(outcome.expectations.size())
                         : tr("Expectations met: %1 of %2 (waiting for or missed: %3)")
                               .arg(met)
                               .arg(outcome.expectations.size())
                               .arg(open.join(QStringLiteral(", ")));
    m_expectations->setText(text);
    hideEmptyLines();
}

void VerdictPanel::hideEmptyLines()
{
    // An empty line would still take its spacing and open gaps between the ones that speak.
    for (QLabel *label : {m_title, m_meaning, m_later, m_countdown, m_expectations, m_explanation})
        label->setVisible(!label->text().isEmpty());
}

QString VerdictPanel::headline() const
{
    return m_headline->text();
}

QString VerdictPanel::laterDetections() const
{
    return m_later->text();
}

QString VerdictPanel::countdown() const
{
    return m_countdown->text();
}

void VerdictPanel::reset()
{
    m_detected = false;
    m_markerUs = 0;
    m_peerLost = core::Host::None;
    m_labFailed = false;
    m_lastSample.clear();
    m_heartbeatMisses.clear();
    m_headline->setText(tr("Nothing has noticed a problem yet."));
    m_meaning->clear();
    m_later->clear();
    m_countdown->clear();
    updateHint();
    hideEmptyLines();
}

void VerdictPanel::onEvent(const Event &event)
{
    switch (event.kind) {
    case EventKind::Verdict: {
        const bool fatal = core::VerdictFields::of(event).fatal;
        if (fatal)
            m_lastSample.remove(event.host); // its timers are over
        // The first fatal detection is the answer and stays the headline; what came after it
        // (the other side noticing too, a soft warning) is listed below.
        if (m_detected) {
            m_later->setText(m_later->text().isEmpty()
                                 ? tr("Then: %1").arg(verdictHeadline(event))
                                 : m_later->text() + QLatin1Char('\n') + tr("Then: %1").arg(verdictHeadline(event)));
            break;
        }
        m_detected = fatal;
        m_headline->setText(verdictHeadline(event));
        const auto info = core::ErrnoCatalog::lookup(event.errnoValue);
        m_meaning->setText(info ? tr("%1: %2", "errno and its meaning, then the cause in TCP's terms")
                                      .arg(core::ErrnoCatalog::describe(event.errnoValue), info->tcpCause)
                                : QString());
        updateCountdown(); // the stopwatch stops here, not at the next tick
        break;
    }
    case EventKind::Sample:
        // The test connection only: a listener has no timers worth counting down.
        if (!event.remote.isEmpty() && event.sample && event.sample->state != core::TcpState::Listen)
            m_lastSample.insert(event.host, event);
        break;
    case EventKind::State:
        if (event.toState == core::TcpState::Closed && m_lastSample.value(event.host).socketKey() == event.socketKey())
            m_lastSample.remove(event.host);
        break;
    case EventKind::Fault:
        if (event.is(core::FaultKind::Marker))
            m_markerUs = event.tUs;
        else if (event.is(core::FaultKind::PowerOff) || event.is(core::FaultKind::Unplug))
            m_peerLost = event.host;
        else if (event.is(core::FaultKind::PowerOn) || event.is(core::FaultKind::Replug))
            m_peerLost = core::Host::None;
        break;
    case EventKind::Endpoint:
        // A lab that could not start or broke down measured nothing: say so instead of waiting.
        if (event.is(core::RunStep::Failed))
            labFailed(core::RunStepFields::of(event).message);
        else if (event.is(core::RunStep::Stopped))
            runEnded(event.tUs);
        break;
    case EventKind::Heartbeat:
        if (event.is(core::HeartbeatPhase::Missed))
            m_heartbeatMisses.insert(event.host, event.count);
        else if (event.is(core::HeartbeatPhase::Answered))
            m_heartbeatMisses.remove(event.host);
        break;
    default:
        break;
    }
    updateHint();
    hideEmptyLines();
}

QString VerdictPanel::keepaliveCountdown(const core::TcpInfoSample &s, const core::SocketOptions &options,
                                         double timerLeftS, qint64 ageMs)
{
    const core::KeepaliveSettings &k = options.keepalive;
    // Data in flight: keepalive stands aside (tcp_keepalive_timer re-arms), the
    // retransmission timer decides.
    if (s.unacked > 0 || s.sendQ > 0)
        return tr("keepalive waits while data is in flight");
    // The kernel probes only once the connection has been idle for the idle time: when its timer
    // fires early (something was received meanwhile) it re-arms for the rest. Idle is counted
    // from the last segment received (tcp_info's last data and last ACK received).
    const double idleForS = (std::min(s.lastDataRecvMs, s.lastAckRecvMs) + std::max<qint64>(0, ageMs)) / 1000.0;
    const auto when = [](double seconds) {
        return seconds < 0.05 ? tr("due now") : tr("in %1").arg(models::humanSeconds(seconds));
    };
    if (s.probes == 0) {
        const double nextS = std::max(timerLeftS, k.idleS - idleForS);
        QString line = tr("first keepalive probe %1 if nothing more is received (every packet received restarts "
                          "the %2 s idle count)")
                           .arg(when(nextS))
                           .arg(k.idleS);
        if (options.userTimeoutMs == 0)
            line += tr(", gives up %1 unanswered").arg(when(nextS + double(k.count) * k.intervalS));
        return line;
    }
    if (s.probes >= k.count)
        return tr("keepalive probe %1 of %2 sent unanswered, gives up %3")
            .arg(s.probes)
            .arg(k.count)
            .arg(when(timerLeftS));
    return tr("keepalive probe %1 of %2 sent unanswered, next %3, gives up %4")
        .arg(s.probes)
        .arg(k.count)
        .arg(when(timerLeftS))
        .arg(when(timerLeftS + double(k.count - s.probes) * k.intervalS));
}

QString VerdictPanel::countdownFor(core::Host host) const
{
    const lab::HostConfig &config = host == core::Host::Server ? m_scenario.lab.server : m_scenario.lab.client;
    QStringList parts;
    const auto found = m_lastSample.constFind(host);
    if (found != m_lastSample.cend() && found->sample && found->sample->timerKnown) {
        const core::TcpInfoSample &s = *found->sample;
        const double leftS
            = std::max<double>(0, (s.timerExpiresMs * 1000 - (core::monotonicNowUs() - found->tUs)) / 1e6);
        if (s.timer == core::TcpTimer::Keepalive) {
            const QString keepalive
                = keepaliveCountdown(s, config.endpoint.options, leftS, (core::monotonicNowUs() - found->tUs) / 1000);
            if (!keepalive.isEmpty())
                parts << keepalive;
        } else if (s.timer == core::TcpTimer::Retransmit && (s.retransmits > 0 || s.unacked > 0)) {
            parts << tr("retransmission %1, RTO %2 ms (backoff %3), next in %4 s")
                         .arg(s.retransmits)
                         .arg(s.rtoMs(), 0, 'f', 0)
                         .arg(s.backoff)
                         .arg(leftS, 0, 'f', 1);
        } else if (s.timer == core::TcpTimer::Persist) {
            parts << tr("zero-window probe in %1 s").arg(leftS, 0, 'f', 1);
        }
    }
    // The other host is gone and this one's connection sits idle with no timer: the textbook
    // half-open connection. Say so, and what would end the wait, instead of a silent panel.
    const bool otherLost = m_peerLost != core::Host::None && m_peerLost != host;
    if (otherLost && parts.isEmpty() && found != m_lastSample.cend() && found->sample && found->sample->timerKnown
        && found->sample->timer == core::TcpTimer::Off && !config.endpoint.heartbeat.enabled)
        parts << tr("no timer running: with nothing to send and keepalive off it will never notice (a half-open "
                    "connection). Turn on TCP keepalive in Settings (it applies at once) or press Send now.");
    const qint64 misses = m_heartbeatMisses.value(host);
    if (misses > 0)
        parts << tr("heartbeat: %1 of %2 missed").arg(misses).arg(config.endpoint.heartbeat.misses);
    if (parts.isEmpty())
        return {};
    return tr("%1: %2", "lab host, what its timers are doing")
        .arg(hostTitle(host), parts.join(tr("; ", "between two timers")));
}

void VerdictPanel::updateCountdown()
{
    if (!m_running) {
        m_countdown->clear();
        hideEmptyLines();
        return;
    }
    QStringList lines;
    // The stopwatch the marker started runs until something notices.
    if (m_markerUs > 0 && !m_detected)
        lines << tr("Stopwatch: %1 s since your marker, nothing has noticed yet")
                     .arg((core::monotonicNowUs() - m_markerUs) / 1e6, 0, 'f', 1);
    for (const core::Host host : {core::Host::Client, core::Host::Server}) {
        const QString line = countdownFor(host);
        if (!line.isEmpty())
            lines << line;
    }
    m_countdown->setText(lines.join(QLatin1Char('\n')));
    hideEmptyLines();
}

} // namespace halfopen::ui
