// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SessionReport.h"

#include "core/session/Session.h"
#include "core/tcp/ErrnoCatalog.h"
#include "core/tcp/MechanismText.h"
#include "models/DurationText.h"
#include "models/SocketOptionsText.h"
#include "ui/VerdictPanel.h"
#include "ui/views/EventWords.h"
#include "ui/views/PacketClassStyle.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QLocale>
#include <QMap>
#include <QPageLayout>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSysInfo>
#include <QTextDocument>
#include <QUrl>

namespace halfopen::ui {

using core::Event;
using core::EventKind;

namespace {

constexpr core::Host kClient = core::Host::Client;
constexpr core::Host kServer = core::Host::Server;

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString row(const QStringList &cells, bool header = false)
{
    const QString tag = header ? QStringLiteral("th") : QStringLiteral("td");
    QString html = QStringLiteral("<tr>");
    for (const QString &cell : cells)
        html += QStringLiteral("<%1>%2</%1>").arg(tag, cell);
    return html + QStringLiteral("</tr>\n");
}

QString onOff(bool on)
{
    return on ? SessionReport::tr("on") : SessionReport::tr("off");
}

// A date and time for a reader: local time with its offset, and UTC beside it.
QString dateText(const QDateTime &utc)
{
    if (!utc.isValid())
        return SessionReport::tr("not known");
    return SessionReport::tr("%1 (UTC %2)")
        .arg(utc.toLocalTime().toString(Qt::ISODate), utc.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
}

QString pngDataUrl(const QImage &image)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64());
}

QString heartbeatText(const core::HeartbeatSettings &h)
{
    if (!h.enabled)
        return onOff(false);
    return SessionReport::tr("every %1 ms, dead after %2 missed (%3)")
        .arg(h.intervalMs)
        .arg(h.misses)
        .arg(h.sends ? SessionReport::tr("sends") : SessionReport::tr("answers"));
}

QString userTimeoutText(int ms)
{
    return ms == 0 ? SessionReport::tr("off (kernel default)") : SessionReport::tr("%1 ms").arg(ms);
}

QString sysctlsText(const QMap<QString, QString> &sysctls)
{
    if (sysctls.isEmpty())
        return SessionReport::tr("kernel defaults");
    QStringList parts;
    for (auto it = sysctls.cbegin(); it != sysctls.cend(); ++it)
        parts << QStringLiteral("%1 = %2").arg(it.key(), it.value());
    return parts.join(QStringLiteral("<br>"));
}

QString roleText(const lab::HostConfig &host)
{
    switch (host.role) {
    case lab::HostConfig::Role::Client:
        return SessionReport::tr("client, connects to port %1").arg(host.port);
    case lab::HostConfig::Role::Server:
        return SessionReport::tr("server, listens on port %1").arg(host.port);
    case lab::HostConfig::Role::None:
        break;
    }
    return SessionReport::tr("no endpoint");
}

QString settingsSection(const SessionReport::Input &input)
{
    QString html = QStringLiteral("<h2>%1</h2>\n").arg(esc(SessionReport::tr("Settings")));
    if (!input.run) {
        return html
            + QStringLiteral("<p>%1</p>\n")
                  .arg(esc(SessionReport::tr("This recording does not say which settings it was made with (it was "
                                             "made before HalfOpen recorded them).")));
    }
    const lab::LabConfig &c = input.run->config;
    if (input.run->realNetwork)
        html += QStringLiteral("<p>%1</p>\n")
                    .arg(esc(SessionReport::tr("Real network: only this machine's side (%1) is HalfOpen's; the "
                                               "other column is not used.")
                                 .arg(hostTitle(
                                     core::hostFromName(input.run->network.value(QStringLiteral("role")).toString())
                                         .value_or(core::Host::None)))));
    html += QStringLiteral("<table class=\"grid\">\n");
    html += row({esc(SessionReport::tr("Setting")), esc(hostTitle(kClient)), esc(hostTitle(kServer))}, true);
    const auto both = [&](const QString &name, const auto &text) {
        html += row({esc(name), text(c.client), text(c.server)});
    };
    both(SessionReport::tr("Role"), [](const lab::HostConfig &h) { return esc(roleText(h)); });
    both(SessionReport::tr("Address"), [](const lab::HostConfig &h) { return esc(h.address); });
    both(SessionReport::tr("TCP keepalive (SO_KEEPALIVE)"), [](const lab::HostConfig &h) {
        const core::KeepaliveSettings &k = h.endpoint.options.keepalive;
        return esc(k.enabled ? SessionReport::tr("on: %1").arg(models::keepaliveText(k)) : onOff(false));
    });
    both(SessionReport::tr("TCP_USER_TIMEOUT"),
         [](const lab::HostConfig &h) { return esc(userTimeoutText(h.endpoint.options.userTimeoutMs)); });
    both(SessionReport::tr("Close with RST (SO_LINGER 0)"),
         [](const lab::HostConfig &h) { return esc(onOff(h.endpoint.options.lingerAbort)); });
    both(QStringLiteral("IP_RECVERR"), [](const lab::HostConfig &h) { return esc(onOff(h.endpoint.options.recvErr)); });
    both(QStringLiteral("TCP_NODELAY"),
         [](const lab::HostConfig &h) { return esc(onOff(h.endpoint.options.noDelay)); });
    both(SessionReport::tr("Application heartbeat"),
         [](const lab::HostConfig &h) { return esc(heartbeatText(h.endpoint.heartbeat)); });
    both(SessionReport::tr("Traffic"), [](const lab::HostConfig &h) { return esc(h.endpoint.traffic.toString()); });
    both(SessionReport::tr("After the peer's FIN"), [](const lab::HostConfig &h) {
        return esc(h.endpoint.closeOnEof ? SessionReport::tr("closes") : SessionReport::tr("stays in CLOSE_WAIT"));
    });
    both(SessionReport::tr("Kernel (sysctls)"), [](const lab::HostConfig &h) { return sysctlsText(h.sysctls); });
    both(SessionReport::tr("Starts powered off"), [](const lab::HostConfig &h) { return esc(onOff(h.poweredOff)); });
    html += QStringLiteral("</table>\n");
    if (!input.run->realNetwork) {
        const lab::CableConfig &k = c.cable;
        QStringList cable;
        cable << SessionReport::tr("loss %1 %").arg(k.lossPercent) << SessionReport::tr("delay %1 ms").arg(k.delayMs)
              << SessionReport::tr("jitter %1 ms").arg(k.jitterMs)
              << (k.arp ? SessionReport::tr("ARP on request") : SessionReport::tr("static neighbour entries"))
              << (k.natTimeoutS > 0 ? SessionReport::tr("NAT forgets idle flows after %1 s%2")
                                          .arg(k.natTimeoutS)
                                          .arg(k.natReset ? SessionReport::tr(", then answers RST") : QString())
                                    : SessionReport::tr("no NAT"));
        html += QStringLiteral("<p><b>%1</b> %2</p>\n")
                    .arg(esc(SessionReport::tr("Cable:")), esc(cable.join(SessionReport::tr(", "))));
    }
    return html;
}

QString verdictSection(const SessionReport::Input &input)
{
    QString html = QStringLiteral("<h2>%1</h2>\n").arg(esc(SessionReport::tr("Verdict: measured and predicted")));
    QStringList items;
    for (const Event &e : input.session->events()) {
        if (e.kind != EventKind::Verdict)
            continue;
        QString item = QStringLiteral("<b>%1</b>").arg(esc(verdictHeadline(e)));
        if (const auto info = core::ErrnoCatalog::lookup(e.errnoValue))
            item += QStringLiteral("<br>%1").arg(
                esc(SessionReport::tr("%1: %2").arg(core::ErrnoCatalog::describe(e.errnoValue), info->tcpCause)));
        items << item;
    }
    if (items.isEmpty())
        html += QStringLiteral("<p><b>%1</b></p>\n").arg(esc(SessionReport::tr("Nothing noticed a problem.")));
    else
        html += QStringLiteral("<ul>\n<li>%1</li>\n</ul>\n").arg(items.join(QStringLiteral("</li>\n<li>")));
    if (input.outcome && !input.outcome->expectations.isEmpty()) {
        int met = 0;
        QStringList lines;
        for (const lab::ExpectationResult &r : input.outcome->expectations) {
            met += r.met ? 1 : 0;
            lines << esc(SessionReport::tr("%1: %2").arg(
                r.expectation.id, r.met ? SessionReport::tr("met") : SessionReport::tr("not met")));
        }
        html += QStringLiteral("<p>%1<br>%2</p>\n")
                    .arg(esc(SessionReport::tr("Expectations met: %1 of %2")
                                 .arg(met)
                                 .arg(input.outcome->expectations.size())),
                         lines.join(QStringLiteral("<br>")));
    }
    return html;
}

QString summarySection(const SessionReport::Input &input)
{
    const QList<Event> &events = input.session->events();
    const qint64 origin = input.session->originUs();
    const core::WallClock &wall = input.session->wallClock();
    QString html = QStringLiteral("<h2>%1</h2>\n").arg(esc(SessionReport::tr("Events")));
    if (events.isEmpty())
        return html + QStringLiteral("<p>%1</p>\n").arg(esc(SessionReport::tr("No events.")));
    const double spanS = (events.constLast().tUs - events.constFirst().tUs) / 1e6;
    html += QStringLiteral("<p>%1</p>\n")
                .arg(esc(SessionReport::tr("%n event(s) over %1.", nullptr, int(events.size()))
                             .arg(models::humanSeconds(spanS))));

    // Packets per class and host, the way the timeline draws them.
    QMap<QString, QMap<core::Host, int>> packets; // class -> host -> count
    QMap<EventKind, int> kinds;
    QStringList happenings; // faults and errors, in time order
    for (const Event &e : events) {
        kinds[e.kind] += 1;
        if (e.kind == EventKind::Packet)
            packets[e.what][e.host] += 1;
        const QString at = models::secondsText((e.tUs - origin) / 1e6);
        const QString when = wall.isValid() ? SessionReport::tr("%1 (%2)").arg(
                                 at, wall.at(e.tUs).toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz")))
                                            : at;
        if (e.kind == EventKind::Fault)
            happenings << row({esc(when), esc(hostTitle(e.host)), esc(faultTitle(e.what))});
        else if (e.kind == EventKind::Error)
            happenings << row(
                {esc(when), esc(hostTitle(e.host)),
                 esc(SessionReport::tr("%1 by %2")
                         .arg(core::ErrnoCatalog::name(e.errnoValue), core::MechanismText::title(e.mechanism)))});
    }
    if (!packets.isEmpty()) {
        html += QStringLiteral("<table class=\"grid\">\n");
        html += row({esc(SessionReport::tr("Packets sent")), esc(hostTitle(kClient)), esc(hostTitle(kServer))}, true);
        for (auto it = packets.cbegin(); it != packets.cend(); ++it)
            html += row({esc(packetClassStyle(it.key()).title), QString::number(it->value(kClient)),
                         QString::number(it->value(kServer))});
        html += QStringLiteral("</table>\n");
    }
    QStringList kindCounts;
    for (auto it = kinds.cbegin(); it != kinds.cend(); ++it)
        kindCounts << QStringLiteral("%1 %2").arg(core::eventKindName(it.key())).arg(it.value());
    html += QStringLiteral("<p>%1 %2</p>\n")
                .arg(esc(SessionReport::tr("By kind:")), esc(kindCounts.join(SessionReport::tr(", "))));
    if (!happenings.isEmpty()) {
        html
            += QStringLiteral("<h3>%1</h3>\n<table class=\"grid\">\n").arg(esc(SessionReport::tr("Faults and errors")));
        html += row({esc(wall.isValid() ? SessionReport::tr("Time (wall clock)") : SessionReport::tr("Time")),
                     esc(SessionReport::tr("Host")), esc(SessionReport::tr("What"))},
                    true);
        html += happenings.join(QString()) + QStringLiteral("</table>\n");
    }
    return html;
}

} // namespace

void SessionReport::stampNow(Input *input)
{
    input->madeUtc = QDateTime::currentDateTimeUtc();
    input->madeOnHost = QSysInfo::machineHostName();
    input->madeOnKernel = QSysInfo::kernelVersion();
}

QString SessionReport::html(const Input &input, Images images)
{
    const QList<Event> &events = input.session->events();
    const core::WallClock &wall = input.session->wallClock();
    // A browser picks its own sans-serif face with Chinese in it; the PDF keeps the document's
    // default font (write()), whose families include one that has Chinese.
    const QString body = images == Images::Embedded ? QStringLiteral("body { font-family: sans-serif; }\n") : QString();
    QString html = QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<title>%1</title>\n"
                                  "<style>\n%2"
                                  "table.grid { border-collapse: collapse; }\n"
                                  "table.grid td, table.grid th { border: 1px solid #999; padding: 3px 8px; "
                                  "text-align: left; vertical-align: top; }\n"
                                  "img { max-width: 100%; }\n</style></head><body>\n")
                       .arg(esc(tr("HalfOpen report")), body);
    html += QStringLiteral("<h1>%1</h1>\n").arg(esc(tr("HalfOpen report")));

    // What ran.
    const lab::RecordedRun *run = input.run ? &*input.run : nullptr;
    QString what;
    if (run && run->scenario == QLatin1String("free"))
        what = tr("Free lab session: your settings, faults pressed by hand.");
    else if (run && run->realNetwork)
        what = run->title.isEmpty() ? tr("Real network") : run->title;
    else if (run && !run->title.isEmpty())
        what = tr("Scenario: %1").arg(run->title);
    else if (!input.scenario.title.isEmpty())
        what = input.scenario.title;
    html += QStringLiteral("<p><b>%1</b></p>\n").arg(esc(what));
    const QString explanation = run && !run->explanation.isEmpty() ? run->explanation : input.scenario.explanation;
    if (!explanation.isEmpty() && !(run && run->scenario == QLatin1String("free")))
        html += QStringLiteral("<p>%1</p>\n").arg(esc(explanation));

    // When and where.
    html += QStringLiteral("<table>\n");
    const auto line = [&](const QString &name, const QString &value) {
        html += row({QStringLiteral("<b>%1</b>").arg(esc(name)), esc(value)});
    };
    if (run)
        line(tr("Where"),
             run->realNetwork ? tr("real network (this machine against a real peer)")
                              : tr("virtual lab (two hosts on this machine, joined by a cable)"));
    line(tr("Started"), events.isEmpty() ? tr("not known") : dateText(wall.at(events.constFirst().tUs)));
    if (!events.isEmpty())
        line(tr("Length"), models::humanSeconds((events.constLast().tUs - events.constFirst().tUs) / 1e6));
    if (run && !run->hostName.isEmpty())
        line(tr("Ran on"), tr("%1, Linux %2").arg(run->hostName, run->kernel));
    if (!input.recordingFile.isEmpty())
        line(tr("Recording"), QDir::toNativeSeparators(input.recordingFile));
    line(tr("Report made"),
         tr("%1 on %2, Linux %3").arg(dateText(input.madeUtc), input.madeOnHost, input.madeOnKernel));
    html += QStringLiteral("</table>\n");

    html += verdictSection(input);
    html += settingsSection(input);

    html += QStringLiteral("<h2>%1</h2>\n").arg(esc(tr("Timeline")));
    const auto picture = [&](const QImage &image, const QString &name, const QString &caption) {
        if (image.isNull())
            return;
        const QString src = images == Images::Embedded ? pngDataUrl(image) : QStringLiteral("report:") + name;
        html += QStringLiteral("<p><img src=\"%1\" alt=\"%2\" width=\"%3\"><br><i>%2</i></p>\n")
                    .arg(src, esc(caption))
                    .arg(images == Images::Embedded ? image.width() / 2 : 640);
    };
    picture(input.timeline, QStringLiteral("timeline"),
            tr("A lane per host: packets coloured by kind, the TCP state as a band, faults as lines."));
    picture(input.rto, QStringLiteral("rto"), tr("Each socket's retransmission timeout (RTO), on a log scale."));

    html += summarySection(input);
    html += QStringLiteral("<p><small>%1</small></p>\n")
                .arg(esc(tr("Made by HalfOpen %1. Times are seconds from the run's time zero (the lab ready).")
                             .arg(QCoreApplication::applicationVersion())));
    html += QStringLiteral("</body></html>\n");
    return html;
}

bool SessionReport::isReportPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("pdf") || suffix == QLatin1String("html") || suffix == QLatin1String("htm");
}

bool SessionReport::write(const QString &path, const Input &input, QString *error)
{
    const QString shown = QDir::toNativeSeparators(path);
    if (!isReportPath(path)) {
        *error = tr("Could not write the report %1: the name must end in .pdf or .html").arg(shown);
        return false;
    }
    if (QFileInfo(path).suffix().toLower() != QLatin1String("pdf")) {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(html(input, Images::Embedded).toUtf8()) < 0
            || !file.commit()) {
            *error = tr("Could not write the report %1: %2").arg(shown, file.errorString());
            return false;
        }
        return true;
    }
    // The PDF: the same HTML laid out on A4 pages. Chinese needs a font that has it: Noto Sans
    // CJK (fonts-noto-cjk) is named after the Latin face, so every glyph has a face.
    QTextDocument document;
    QFont font(QStringLiteral("Noto Sans"), 9);
    font.setFamilies({QStringLiteral("Noto Sans"), QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans CJK SC"),
                      QStringLiteral("WenQuanYi Zen Hei")});
    document.setDefaultFont(font);
    document.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("report:timeline")), input.timeline);
    document.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("report:rto")), input.rto);
    document.setHtml(html(input, Images::Resources));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Could not write the report %1: %2").arg(shown, file.errorString());
        return false;
    }
    {
        QPdfWriter writer(&file);
        writer.setTitle(tr("HalfOpen report"));
        writer.setCreator(QStringLiteral("HalfOpen"));
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        document.print(&writer);
    }
    if (!file.commit()) {
        *error = tr("Could not write the report %1: %2").arg(shown, file.errorString());
        return false;
    }
    return true;
}

} // namespace halfopen::ui
