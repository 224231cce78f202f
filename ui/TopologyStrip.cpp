// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/TopologyStrip.h"

#include "core/session/Session.h"
#include "ui/views/ThemeColors.h"

#include <QPainter>
#include <QPainterPath>

namespace halfopen::ui {

namespace {
// Semantic colours, chosen to read on light and dark backgrounds alike.
const QColor kBroken(220, 50, 47);
const QColor kDegraded(230, 150, 0);
const QColor kFrozen(38, 139, 210);
const QColor kHealthy(60, 160, 70);
} // namespace

TopologyStrip::TopologyStrip(core::Session *session, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("topologyStrip"));
    setToolTip(tr("The virtual lab: the client, the server and the cable between them, as the faults left them."));
    connect(session, &core::Session::eventAdded, this, [this](const core::Event &event) {
        const bool firstEvent = !m_started;
        m_started = true;
        const bool marker = event.is(core::FaultKind::Marker);
        if (marker)
            m_markerUs = event.tUs;
        // On a real network the addresses become known as the connection is made.
        if (m_real && event.host == m_realHost) {
            if (event.is(core::EndpointStep::Connected))
                m_thisMachine = event.local;
            else if (event.is(core::EndpointStep::Accepted))
                m_peer = event.remote;
        }
        // LabWorld follows the lab's own lifecycle events too (a failed lab is not running).
        const bool changed = m_state.apply(event);
        if (changed || firstEvent || marker)
            update();
        if (changed)
            emit stateChanged(m_state);
    });
    connect(session, &core::Session::cleared, this, [this] {
        m_state = lab::LabWorld();
        m_started = false;
        m_markerUs = 0;
        m_thisMachine = m_thisMachineSet;
        m_peer = m_peerSet;
        update();
        emit stateChanged(m_state);
    });
}

void TopologyStrip::setRealNetwork(bool real, core::Host host, const QString &thisMachine, const QString &peer)
{
    m_real = real;
    m_realHost = host;
    m_thisMachine = m_thisMachineSet = thisMachine;
    m_peer = m_peerSet = peer;
    setToolTip(
        real ? tr("This machine and the real peer: HalfOpen sees this machine's side only; what happens to the "
                  "cable and the peer, you do and mark.")
             : tr("The virtual lab: the client, the server and the cable between them, as the faults left them."));
    update();
}

void TopologyStrip::setLabFailed(const QString &message)
{
    m_state.labFailed(message);
    update();
}

QSize TopologyStrip::sizeHint() const
{
    return {600, fontMetrics().height() * 5};
}

QSize TopologyStrip::minimumSizeHint() const
{
    return {300, fontMetrics().height() * 4};
}

QString TopologyStrip::hostStatus(core::Host name) const
{
    const lab::LabWorld::HostState *host = m_state.host(name);
    return host ? status(*host) : QString();
}

QString TopologyStrip::status(const lab::LabWorld::HostState &host) const
{
    using Lab = lab::LabWorld::Lab;
    if (m_state.lab == Lab::Failed)
        return m_real ? tr("failed", "this machine's endpoint state") : tr("the lab failed", "lab host state");
    if (!m_started)
        return tr("not started", "lab host state");
    if (host.poweredOff)
        return tr("powered off");
    if (host.processKilled)
        return tr("process killed");
    if (host.frozen)
        return tr("process frozen");
    if (m_state.lab == Lab::NotStarted)
        return tr("starting…", "lab host state");
    if (m_state.lab == Lab::Stopped)
        return tr("stopped", "lab host state");
    return tr("running", "lab host state");
}

void TopologyStrip::drawHost(QPainter &painter, const QRectF &box, const QString &name, const QString &address,
                             const lab::LabWorld::HostState &host, bool realPeer)
{
    // Grey while nothing runs there: not started, a lab that failed, or one stopped since.
    const bool idle = !m_started || m_state.lab == lab::LabWorld::Lab::Failed;
    const bool stopped = m_state.lab != lab::LabWorld::Lab::Running;
    const QColor accent = idle || realPeer      ? palette().color(QPalette::PlaceholderText)
        : host.poweredOff || host.processKilled ? kBroken
        : host.frozen                           ? kFrozen
        : stopped                               ? palette().color(QPalette::PlaceholderText)
                                                : kHealthy;
    painter.setPen(QPen(accent, 2));
    painter.setBrush(host.poweredOff ? palette().color(QPalette::Window) : palette().color(QPalette::Base));
    painter.drawRoundedRect(box, 6, 6);
    painter.setPen(palette().color(host.poweredOff ? QPalette::PlaceholderText : QPalette::Text));
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    const qreal line = fontMetrics().height();
    QRectF text = box.adjusted(8, 4, -8, -4);
    painter.drawText(text.adjusted(0, 0, 0, -line * 2), Qt::AlignLeft | Qt::AlignVCenter, name);
    painter.setFont(font());
    painter.drawText(text.adjusted(0, line, 0, -line), Qt::AlignLeft | Qt::AlignVCenter, address);
    // The status in the accent's hue, as dark or light as the box needs to read.
    painter.setPen(readableOn(accent, painter.brush().color()));
    // A real peer is another machine: HalfOpen cannot see how it is doing.
    painter.drawText(text.adjusted(0, line * 2, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                     realPeer ? tr("not watched: another machine") : status(host));
}

qreal TopologyStrip::hostWidth() const
{
    return std::max<qreal>(fontMetrics().horizontalAdvance(m_real ? QStringLiteral("[fe80::1234:5678]:65535")
                                                                  : QStringLiteral("198.18.0.2:5000"))
                               + 24,
                           width() * 0.2);
}

TopologyStrip::CableWay TopologyStrip::cableWay(bool clientToServer) const
{
    // Where the way is cut: at the end of the host whose unplug (or power) cut it.
    const bool markedCut = m_real && m_markerUs > 0; // the user's word: drawn at the peer's end
    const bool peerIsServer = m_realHost != core::Host::Server;
    const lab::LabWorld::HostState &c = m_state.client;
    const lab::LabWorld::HostState &s = m_state.server;
    CableWay way;
    way.cutAtClient
        = c.poweredOff || (clientToServer ? c.unpluggedFromHost : c.unpluggedToHost) || (markedCut && !peerIsServer);
    way.cutAtServer
        = s.poweredOff || (clientToServer ? s.unpluggedToHost : s.unpluggedFromHost) || (markedCut && peerIsServer);
    return way;
}

QList<QLineF> TopologyStrip::cableStrands() const
{
    const qreal y = height() / 2.0;
    const qreal left = 2 + hostWidth();
    const qreal right = width() - hostWidth() - 2;
    if (cableWay(true) == cableWay(false))
        return {QLineF(left, y, right, y)};
    // Cut one way only: the two ways drawn apart, client → server above.
    return {QLineF(left, y - kStrandOffset, right, y - kStrandOffset),
            QLineF(right, y + kStrandOffset, left, y + kStrandOffset)};
}

void TopologyStrip::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal line = fontMetrics().height();
    const qreal hostWidth = this->hostWidth();
    const QRectF client(2, 2, hostWidth, height() - 4);
    const QRectF server(width() - hostWidth - 2, 2, hostWidth, height() - 4);
    if (m_real) {
        // Client on the left, server on the right, as in the lab; one of them is this machine.
        const bool weAreClient = m_realHost != core::Host::Server;
        const QString ours = weAreClient ? tr("this machine (client)") : tr("this machine (server)");
        const QString theirs = weAreClient ? tr("peer (server)") : tr("peer (client)");
        drawHost(painter, client, weAreClient ? ours : theirs, weAreClient ? m_thisMachine : m_peer, m_state.client,
                 !weAreClient);
        drawHost(painter, server, weAreClient ? theirs : ours, weAreClient ? m_peer : m_thisMachine, m_state.server,
                 weAreClient);
    } else {
        drawHost(painter, client, tr("client"), QStringLiteral("198.18.0.1"), m_state.client);
        drawHost(painter, server, tr("server"), QStringLiteral("198.18.0.2:5000"), m_state.server);
    }

    // The cable: one line, broken near a host that is unplugged or powered off — a gap between
    // two red ends. Cut one way only, its two ways are drawn apart, each with its arrow, and only
    // the dead one is broken.
    const qreal y = height() / 2.0;
    const qreal left = client.right();
    const qreal right = server.left();
    const qreal gap = std::min<qreal>(40, (right - left) / 6);
    const bool lossy = m_state.lossPercent > 0;
    const bool failed = m_state.lab == lab::LabWorld::Lab::Failed;
    const QColor wire = lossy ? kDegraded : palette().color(failed ? QPalette::PlaceholderText : QPalette::Text);
    const QList<QLineF> strands = cableStrands();
    const bool twoWays = strands.size() == 2;
    for (int i = 0; i < strands.size(); ++i) {
        const QLineF strand = strands.at(i);
        const bool clientToServer = strand.x2() > strand.x1();
        const CableWay way = cableWay(clientToServer);
        const bool dead = way.cutAtClient || way.cutAtServer;
        QPen pen(twoWays && dead ? kBroken : wire, twoWays ? 2 : 3);
        if (lossy)
            pen.setStyle(Qt::DashLine);
        pen.setCapStyle(Qt::FlatCap);
        const qreal sy = strand.y1();
        // The pieces between the cuts: a cut near a host leaves a stub on that host's side.
        QList<qreal> stops{left};
        if (way.cutAtClient)
            stops << left + gap * 0.6 << left + gap * 1.4;
        if (way.cutAtServer)
            stops << right - gap * 1.4 << right - gap * 0.6;
        stops << right;
        painter.setPen(pen);
        for (int k = 0; k + 1 < stops.size(); k += 2)
            painter.drawLine(QPointF(stops.at(k), sy), QPointF(stops.at(k + 1), sy));
        // The two ends at each cut, like a cable's cut ends.
        painter.setPen(QPen(kBroken, 3, Qt::SolidLine, Qt::FlatCap));
        const qreal end = twoWays ? kStrandOffset - 1 : 6;
        for (int k = 1; k + 1 < stops.size(); ++k)
            painter.drawLine(QPointF(stops.at(k), sy - end), QPointF(stops.at(k), sy + end));
        if (twoWays) {
            // The way's direction: an arrowhead in the middle third, clear of the cuts.
            const qreal x = clientToServer ? left + (right - left) * 0.62 : left + (right - left) * 0.38;
            const qreal dx = clientToServer ? 6 : -6;
            QPainterPath arrow;
            arrow.moveTo(x + dx, sy);
            arrow.lineTo(x - dx, sy - 4);
            arrow.lineTo(x - dx, sy + 4);
            arrow.closeSubpath();
            painter.setPen(Qt::NoPen);
            painter.setBrush(dead ? kBroken : wire);
            painter.drawPath(arrow);
            painter.setBrush(Qt::NoBrush);
        }
    }

    QStringList notes;
    if (failed)
        notes << (m_real ? tr("this machine's endpoint failed: see the message above")
                         : tr("the lab failed: see the message above"));
    const bool toServer = !cableWay(true).cutAtClient && !cableWay(true).cutAtServer;
    const bool toClient = !cableWay(false).cutAtClient && !cableWay(false).cutAtServer;
    if (m_state.client.unplugged() || m_state.server.unplugged()) {
        if (!toServer && !toClient)
            notes << tr("cable cut");
        else if (!toServer)
            notes << tr("cable cut one way: client → server lost", "the cable drops frames one way only");
        else if (!toClient)
            notes << tr("cable cut one way: server → client lost", "the cable drops frames one way only");
    }
    if (m_real && m_markerUs > 0)
        notes << tr("you pulled the cable (marker)");
    if (lossy)
        notes << tr("loss %1 %").arg(m_state.lossPercent);
    if (m_state.delayMs > 0)
        notes << tr("delay %1 ms").arg(m_state.delayMs);
    if (m_state.server.icmpUnreachable)
        notes << tr("ICMP unreachable → server");
    if (m_state.client.icmpUnreachable)
        notes << tr("ICMP unreachable → client");
    painter.setPen(notes.isEmpty() ? palette().color(QPalette::PlaceholderText)
                                   : readableOn(kBroken, palette().color(QPalette::Window)));
    const QRectF label(left + gap, y - kStrandOffset - line * 1.5, right - left - 2 * gap, line * 1.4);
    const bool stopped = m_state.lab == lab::LabWorld::Lab::Stopped;
    const QString idle = !m_started ? (m_real ? tr("press Start to connect") : tr("press Start to build the lab"))
        : stopped                   ? (m_real ? tr("stopped") : tr("lab stopped"))
        : m_real                    ? tr("real network")
                                    : tr("cable connected");
    painter.drawText(label, Qt::AlignCenter, notes.isEmpty() ? idle : notes.join(QStringLiteral(" · ")));
}

} // namespace halfopen::ui
