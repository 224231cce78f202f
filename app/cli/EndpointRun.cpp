// SPDX-License-Identifier: GPL-3.0-or-later
#include "EndpointRun.h"

#include "CliUsage.h"
#include "core/session/ErrorFields.h"
#include "core/session/JsonlRecorder.h"
#include "core/session/MonotonicClock.h"
#include "core/tcp/ErrnoCatalog.h"
#include "lab/scenario/Detection.h"
#include "lab/scenario/DetectionPrediction.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSocketNotifier>

#include <sys/signalfd.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>

namespace halfopen::cli {

using namespace halfopen::core;

EndpointRun::EndpointRun(bool json, QObject *parent)
    : QObject(parent)
    , m_json(json)
{
    connect(&m_session, &Session::eventAdded, this, [this](const Event &e) {
        print(e);
        const bool fatal = e.kind == EventKind::Error
            && (e.mechanism == DetectionMechanism::Fin || core::ErrorFields::of(e).fatal.value_or(false));
        if (fatal)
            m_lastDeath = e;
        if (e.kind == EventKind::Fault) {
            m_faultUs = e.tUs;
            m_faultName = e.what;
            if (e.is(core::FaultKind::Marker))
                m_markerUs = e.tUs;
        }
        if (e.kind == EventKind::Sample && e.sample && !e.remote.isEmpty() && e.sample->rttUs > 0)
            m_rttMs = e.sample->rttMs();
    });

    m_stdin = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_stdin, &QSocketNotifier::activated, this, &EndpointRun::readStdin);

    // SIGINT/SIGTERM through a signalfd: a clean quit from the event loop, not from a handler.
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGINT);
    sigaddset(&mask, SIGTERM);
    ::sigprocmask(SIG_BLOCK, &mask, nullptr);
    m_signalFd = ::signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
    if (m_signalFd >= 0) {
        m_signals = new QSocketNotifier(m_signalFd, QSocketNotifier::Read, this);
        connect(m_signals, &QSocketNotifier::activated, this, &EndpointRun::readSignal);
    }
}

EndpointRun::~EndpointRun()
{
    if (m_signalFd >= 0)
        ::close(m_signalFd);
}

bool EndpointRun::record(const QString &path)
{
    if (path.isEmpty())
        return true;
    m_recorder = std::make_unique<JsonlRecorder>(&m_session);
    QString error;
    if (!m_recorder->open(path, &error)) {
        runtimeError(error);
        return false;
    }
    connect(m_recorder.get(), &JsonlRecorder::writeFailed, this,
            [](const QString &message) { QCoreApplication::exit(runtimeError(message)); });
    return true;
}

void EndpointRun::print(const Event &event)
{
    if (m_json) {
        const QByteArray line = QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact);
        std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
        std::fputc('\n', stdout);
    } else {
        std::printf("%s\n", qPrintable(describeEvent(event, m_session.originUs())));
    }
    std::fflush(stdout);
}

void EndpointRun::setPredictionSettings(const lab::LabConfig &settings)
{
    m_settings = settings;
}

void EndpointRun::reportDeath(const Event &e) const
{
    // The death as a detection with every reference this side knows, and the prediction for it.
    lab::Detection d;
    d.host = e.host;
    d.errnoValue = e.errnoValue;
    d.mechanism = e.mechanism;
    d.fatal = true;
    const core::ErrorFields fields = core::ErrorFields::of(e);
    d.operation = fields.operation;
    d.detectedUs = e.tUs;
    const double sinceRxMs = fields.sinceLastReceivedMs.value_or(-1);
    const double sinceSendMs = fields.sinceFirstUnackedSendMs.value_or(-1);
    if (sinceRxMs >= 0)
        d.lastReceivedUs = e.tUs - qRound64(sinceRxMs * 1000);
    if (sinceSendMs >= 0)
        d.firstUnackedSendUs = e.tUs - qRound64(sinceSendMs * 1000);
    if (m_markerUs) {
        d.faultUs = m_markerUs;
        d.faultName = QStringLiteral("marker");
    } else if (m_faultUs) {
        d.faultUs = m_faultUs;
        d.faultName = m_faultName;
    }
    d.rttMs = m_rttMs;
    if (m_settings)
        d.prediction = lab::DetectionPrediction::forDetection(*m_settings, d);

    const auto since = [&d](TimeReference r) {
        const double s = *d.elapsedS(r);
        switch (r) {
        case TimeReference::LastReceived:
            return QCoreApplication::translate("cli", "%1 s after the last packet received").arg(s, 0, 'f', 2);
        case TimeReference::FirstUnackedSend:
            return QCoreApplication::translate("cli", "%1 s after the first unacknowledged send").arg(s, 0, 'f', 2);
        case TimeReference::Fault:
            break;
        }
        return d.faultName == QLatin1String("marker")
            ? QCoreApplication::translate("cli", "%1 s after your marker").arg(s, 0, 'f', 2)
            : QCoreApplication::translate("cli", "%1 s after the fault").arg(s, 0, 'f', 2);
    };
    // The headline's reference first, by the window's rule, then the others.
    const TimeReference headline = d.headlineReference();
    QString first;
    if (d.elapsedS(headline)) {
        first = since(headline);
        if (d.prediction && d.prediction->reference == headline && d.prediction->seconds())
            first = QCoreApplication::translate("cli", "%1 (predicted %2 s, %3 to %4 s)")
                        .arg(first)
                        .arg(*d.prediction->seconds(), 0, 'f', 2)
                        .arg(d.prediction->minUs / 1e6, 0, 'f', 2)
                        .arg(d.prediction->maxUs / 1e6, 0, 'f', 2);
    }
    QStringList others;
    for (TimeReference r : {TimeReference::LastReceived, TimeReference::FirstUnackedSend, TimeReference::Fault}) {
        if (r != headline && d.elapsedS(r))
            others << since(r);
    }
    QString line;
    if (e.mechanism == DetectionMechanism::Fin) {
        line = QCoreApplication::translate("cli", "EOF: the peer closed the connection (FIN, read() returned 0)");
        if (!first.isEmpty())
            line += QStringLiteral(", ") + first;
    } else {
        const QString errnoText = ErrnoCatalog::describe(e.errnoValue);
        const QString operation = core::socketOperationName(d.operation);
        line = first.isEmpty() ? QCoreApplication::translate("cli", "%1: connection died, detected by %2 during %3")
                                     .arg(errnoText, mechanismName(e.mechanism), operation)
                               : QCoreApplication::translate("cli", "%1: connection died, detected by %2 during %3, %4")
                                     .arg(errnoText, mechanismName(e.mechanism), operation, first);
    }
    if (!others.isEmpty())
        line += QStringLiteral("; ") + others.join(QStringLiteral(", "));
    std::fprintf(stderr, "halfopen-cli: %s\n", qPrintable(line));
}

void EndpointRun::readStdin()
{
    char buffer[4096];
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n <= 0) {
        m_stdin->setEnabled(false); // stdin closed: keep running, commands just end
        return;
    }
    for (const core::LineSplitter::Line &stdinLine : m_stdinLines.feed(QByteArrayView(buffer, n))) {
        if (stdinLine.overlong) {
            std::fprintf(stderr, "halfopen-cli: command: longer than %lld bytes, skipped\n",
                         static_cast<long long>(core::LineSplitter::kDefaultMaxLineBytes));
            continue;
        }
        const QString line = QString::fromUtf8(stdinLine.text);
        if (line == QLatin1String("marker")) {
            // A script's "I cut the link now": a fault event the verdict and reportDeath count from.
            Event marker;
            marker.kind = EventKind::Fault;
            marker.tUs = monotonicNowUs();
            marker.what = core::faultKindName(core::FaultKind::Marker);
            m_session.add(marker);
            continue;
        }
        QString error;
        const auto parsed = EndpointCommand::parse(line, &error);
        if (!parsed) {
            std::fprintf(stderr, "halfopen-cli: command: %s\n", qPrintable(error));
            continue;
        }
        if (parsed->kind == EndpointCommand::Kind::Quit)
            emit quitRequested();
        else
            emit command(*parsed);
    }
}

void EndpointRun::readSignal()
{
    signalfd_siginfo info{};
    while (::read(m_signalFd, &info, sizeof info) == sizeof info) { }
    emit quitRequested();
}

} // namespace halfopen::cli
