// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/HostSettingsPanel.h"

#include "core/predict/PredictionInput.h"
#include "ui/LiveSettingGroup.h"
#include "ui/SettingField.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace halfopen::ui {

using core::HeartbeatSettings;
using core::KeepaliveSettings;
using core::PredictionInput;
using core::TrafficPattern;

namespace {
const QString kRetries2 = QStringLiteral("net.ipv4.tcp_retries2");
const QString kSynRetries = QStringLiteral("net.ipv4.tcp_syn_retries");
constexpr int kDefaultRetries2 = 15; // the kernel's defaults: left out of the lab's sysctls
constexpr int kDefaultSynRetries = 6;
} // namespace

HostSettingsPanel::HostSettingsPanel(core::Host host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
{
    setObjectName(core::hostName(host) + QStringLiteral("Settings"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const QString side = m_host == core::Host::Server ? tr("the server's", "open connections of")
                                                      : tr("the client's", "open connections of");
    m_liveNotes.append(
        addNote(this, QStringLiteral("LiveNote"),
                tr("Keepalive and the socket options below apply at once to %1 open connections.").arg(side)));
    layout->addWidget(m_liveNotes.last());
    layout->addWidget(buildKeepalive());
    // Next to the fields most often typed into: what was not applied, and why.
    auto *problem = new QLabel(this);
    problem->setObjectName(core::hostName(m_host) + QStringLiteral("OptionsProblem"));
    layout->addWidget(problem);
    layout->addWidget(buildOptions());
    layout->addWidget(buildHeartbeat());
    layout->addWidget(buildTraffic());
    layout->addWidget(buildKernel());
    layout->addStretch();

    m_liveOptions = new LiveSettingGroup(problem, this);
    m_liveOptions->add(m_keepalive);
    m_liveOptions->add(m_idle, tr("Idle before first probe"));
    m_liveOptions->add(m_interval, tr("Between probes"));
    m_liveOptions->add(m_count, tr("Probes", "keepalive probe count"));
    m_liveOptions->add(m_userTimeout, tr("User timeout"));
    m_liveOptions->add(m_lingerAbort);
    m_liveOptions->add(m_recvErr);
    connect(m_liveOptions, &LiveSettingGroup::settled, this, &HostSettingsPanel::socketOptionsEdited);

    for (QSpinBox *box : findChildren<QSpinBox *>())
        connect(box, &QSpinBox::valueChanged, this, &HostSettingsPanel::changed);
    for (QCheckBox *box : findChildren<QCheckBox *>())
        connect(box, &QCheckBox::toggled, this, &HostSettingsPanel::changed);
    for (QGroupBox *box : {m_keepalive, m_heartbeat})
        connect(box, &QGroupBox::toggled, this, &HostSettingsPanel::changed);
    for (QComboBox *box : {m_heartbeatRole, m_traffic})
        connect(box, &QComboBox::currentIndexChanged, this, &HostSettingsPanel::changed);
    connect(m_traffic, &QComboBox::currentIndexChanged, this, &HostSettingsPanel::updateTrafficFields);
    setHost(m_host == core::Host::Server ? lab::LabConfig::defaults().server : lab::LabConfig::defaults().client);
}

QWidget *HostSettingsPanel::buildKeepalive()
{
    m_keepalive = new QGroupBox(tr("TCP keepalive"), this);
    m_keepalive->setObjectName(core::hostName(m_host) + QStringLiteral("Keepalive"));
    m_keepalive->setCheckable(true);
    m_keepalive->setToolTip(tr("SO_KEEPALIVE: when the connection has been silent for a while, the kernel sends an "
                               "empty probe the peer must answer. Off by default on Linux sockets."));
    auto *form = new QFormLayout(m_keepalive);
    m_idle = SettingField::spin(m_keepalive, core::hostName(m_host) + QStringLiteral("KeepaliveIdle"), 1,
                                KeepaliveSettings::kMaxIdleS, tr(" s"),
                                tr("TCP_KEEPIDLE: how long the connection must be silent before the first probe."));
    m_interval = SettingField::spin(m_keepalive, core::hostName(m_host) + QStringLiteral("KeepaliveInterval"), 1,
                                    KeepaliveSettings::kMaxIntervalS, tr(" s"),
                                    tr("TCP_KEEPINTVL: time between two unanswered probes."));
    m_count = SettingField::spin(
        m_keepalive, core::hostName(m_host) + QStringLiteral("KeepaliveCount"), 1, KeepaliveSettings::kMaxCount,
        QString(), tr("TCP_KEEPCNT: unanswered probes before the kernel gives up and reports ETIMEDOUT."));
    form->addRow(tr("Idle before first probe"), m_idle);
    form->addRow(tr("Between probes"), m_interval);
    form->addRow(tr("Probes", "keepalive probe count"), m_count);
    return m_keepalive;
}

QWidget *HostSettingsPanel::buildOptions()
{
    auto *box = new QGroupBox(tr("Socket options"), this);
    auto *form = new QFormLayout(box);
    m_userTimeout = SettingField::spin(box, core::hostName(m_host) + QStringLiteral("UserTimeout"), 0,
                                       core::SocketOptions::kMaxUserTimeoutMs, tr(" ms"),
                                       tr("TCP_USER_TIMEOUT: the longest sent data may stay unacknowledged (and, with "
                                          "keepalive, the longest probes may go unanswered) before the connection is "
                                          "dropped with ETIMEDOUT. 0 leaves it off."));
    m_userTimeout->setSpecialValueText(tr("off"));
    m_lingerAbort = SettingField::check(
        box, core::hostName(m_host) + QStringLiteral("LingerAbort"), tr("Close with RST (linger 0)"),
        tr("SO_LINGER with a zero timeout: closing the socket aborts the connection with "
           "an RST instead of a polite FIN."));
    m_recvErr = SettingField::check(
        box, core::hostName(m_host) + QStringLiteral("RecvErr"), tr("Report ICMP errors at once (IP_RECVERR)"),
        tr("IP_RECVERR: an ICMP 'unreachable' is reported to the application right away as a "
           "soft error, instead of only when the connection finally times out."));
    form->addRow(tr("User timeout"), m_userTimeout);
    form->addRow(m_lingerAbort);
    form->addRow(m_recvErr);
    return box;
}

QWidget *HostSettingsPanel::buildHeartbeat()
{
    m_heartbeat = new QGroupBox(tr("Application heartbeat"), this);
    m_heartbeat->setObjectName(core::hostName(m_host) + QStringLiteral("Heartbeat"));
    m_heartbeat->setCheckable(true);
    m_heartbeat->setToolTip(tr("The test application's own ping and answer. It notices a frozen or vanished peer that "
                               "the kernel alone would never notice."));
    auto *form = new QFormLayout(m_heartbeat);
    m_laterNotes.append(addNote(m_heartbeat, QStringLiteral("HeartbeatNote"),
                                tr("Applies at the next Start: the running test application keeps its heartbeat.")));
    form->addRow(m_laterNotes.last());
    m_heartbeatInterval = SettingField::spin(m_heartbeat, core::hostName(m_host) + QStringLiteral("HeartbeatInterval"),
                                             1, HeartbeatSettings::kMaxIntervalMs, tr(" ms"),
                                             tr("How often a ping is sent (or expected)."));
    m_heartbeatMisses = SettingField::spin(m_heartbeat, core::hostName(m_host) + QStringLiteral("HeartbeatMisses"), 1,
                                           HeartbeatSettings::kMaxMisses, QString(),
                                           tr("Pings missed in a row before the peer is declared dead."));
    m_heartbeatRole = new QComboBox(m_heartbeat);
    m_heartbeatRole->setObjectName(core::hostName(m_host) + QStringLiteral("HeartbeatRole"));
    m_heartbeatRole->addItem(tr("this side pings"), true);
    m_heartbeatRole->addItem(tr("this side answers"), false);
    m_heartbeatRole->setToolTip(
        tr("Who sends the pings. The other side answers them and counts the pings that do not come."));
    form->addRow(tr("Interval"), m_heartbeatInterval);
    form->addRow(tr("Misses", "heartbeat misses before dead"), m_heartbeatMisses);
    form->addRow(tr("Who sends"), m_heartbeatRole);
    return m_heartbeat;
}

QWidget *HostSettingsPanel::buildTraffic()
{
    auto *box = new QGroupBox(tr("Traffic"), this);
    auto *form = new QFormLayout(box);
    m_laterNotes.append(addNote(box, QStringLiteral("TrafficNote"),
                                tr("Applies at the next Start: the running test application keeps its traffic.")));
    form->addRow(m_laterNotes.last());
    m_traffic = new QComboBox(box);
    m_traffic->setObjectName(core::hostName(m_host) + QStringLiteral("Traffic"));
    m_traffic->addItem(tr("idle: sends nothing"), int(TrafficPattern::Kind::Idle));
    m_traffic->addItem(tr("periodic: a few bytes every interval"), int(TrafficPattern::Kind::Periodic));
    m_traffic->addItem(tr("stream: as fast as it can"), int(TrafficPattern::Kind::Stream));
    m_traffic->setToolTip(tr("What the test application sends on its own. With periodic traffic there is data in "
                             "flight when the peer dies, so retransmissions (not keepalive) notice it."));
    m_trafficInterval = SettingField::spin(box, core::hostName(m_host) + QStringLiteral("TrafficInterval"), 1,
                                           TrafficPattern::kMaxIntervalMs, tr(" ms"),
                                           tr("Periodic traffic: time between two sends."));
    m_trafficBytes
        = SettingField::spin(box, core::hostName(m_host) + QStringLiteral("TrafficBytes"), 1, TrafficPattern::kMaxBytes,
                             tr(" bytes"), tr("Periodic traffic: bytes per send."));
    form->addRow(tr("Pattern"), m_traffic);
    form->addRow(tr("Every"), m_trafficInterval);
    form->addRow(tr("Size"), m_trafficBytes);
    return box;
}

QWidget *HostSettingsPanel::buildKernel()
{
    auto *box = new QGroupBox(tr("Lab host's kernel"), this);
    box->setObjectName(core::hostName(m_host) + QStringLiteral("LabKernel"));
    m_kernel = box;
    auto *form = new QFormLayout(box);
    m_laterNotes.append(addNote(box, QStringLiteral("KernelNote"),
                                tr("Applies at the next Start: the lab host's kernel keeps the values it was "
                                   "started with until the lab is built again.")));
    form->addRow(m_laterNotes.last());
    m_retries2 = SettingField::spin(
        box, core::hostName(m_host) + QStringLiteral("Retries2"), 0, PredictionInput::kMaxRetries2, QString(),
        tr("net.ipv4.tcp_retries2: how many times unacknowledged data is retransmitted, with "
           "the wait doubling each time, before ETIMEDOUT. 15 (the default) is about 15 "
           "minutes; 5 is about 13 seconds."));
    m_synRetries = SettingField::spin(box, core::hostName(m_host) + QStringLiteral("SynRetries"),
                                      PredictionInput::kMinSynRetries, PredictionInput::kMaxSynRetries, QString(),
                                      tr("net.ipv4.tcp_syn_retries: how many times connect() resends its SYN before "
                                         "giving up. 6 (the default) is about 2 minutes."));
    form->addRow(tr("tcp_retries2"), m_retries2);
    form->addRow(tr("tcp_syn_retries"), m_synRetries);
    return box;
}

QLabel *HostSettingsPanel::addNote(QWidget *box, const QString &name, const QString &text)
{
    auto *note = new QLabel(text, box);
    note->setObjectName(core::hostName(m_host) + name);
    note->setWordWrap(true);
    QFont italic = note->font();
    italic.setItalic(true);
    note->setFont(italic);
    note->hide();
    return note;
}

void HostSettingsPanel::setRunning(bool running)
{
    for (QList<QLabel *> *notes : {&m_liveNotes, &m_laterNotes}) {
        for (QLabel *note : std::as_const(*notes))
            note->setVisible(running);
    }
}

void HostSettingsPanel::setRealNetwork(bool real)
{
    m_kernel->setVisible(!real);
    const QString tip = tr("The test application's own ping and answer. It notices a frozen or vanished peer that "
                           "the kernel alone would never notice.");
    m_heartbeat->setToolTip(
        real ? tip + QLatin1Char('\n')
                + tr("Only against a HalfOpen peer (halfopen-cli serve or connect with a heartbeat): "
                     "a broker, a PLC or any other device takes the pings for garbage and never answers.")
             : tip);
}

void HostSettingsPanel::updateTrafficFields()
{
    const bool periodic = TrafficPattern::Kind(m_traffic->currentData().toInt()) == TrafficPattern::Kind::Periodic;
    m_trafficInterval->setEnabled(periodic);
    m_trafficBytes->setEnabled(periodic);
}

void HostSettingsPanel::setHost(const lab::HostConfig &host)
{
    // The fields' signals reach changed() through this object: blocking it is enough.
    const QSignalBlocker blocker(this);
    const core::SocketOptions &o = host.endpoint.options;
    m_keepalive->setChecked(o.keepalive.enabled);
    m_idle->setValue(o.keepalive.idleS);
    m_interval->setValue(o.keepalive.intervalS);
    m_count->setValue(o.keepalive.count);
    m_userTimeout->setValue(o.userTimeoutMs);
    m_lingerAbort->setChecked(o.lingerAbort);
    m_recvErr->setChecked(o.recvErr);
    const HeartbeatSettings &h = host.endpoint.heartbeat;
    m_heartbeat->setChecked(h.enabled);
    m_heartbeatInterval->setValue(h.intervalMs);
    m_heartbeatMisses->setValue(h.misses);
    m_heartbeatRole->setCurrentIndex(h.sends ? 0 : 1);
    const TrafficPattern &t = host.endpoint.traffic;
    m_traffic->setCurrentIndex(m_traffic->findData(int(t.kind)));
    m_trafficInterval->setValue(t.intervalMs);
    m_trafficBytes->setValue(t.bytes);
    m_retries2->setValue(host.sysctls.value(kRetries2, QString::number(kDefaultRetries2)).toInt());
    m_synRetries->setValue(host.sysctls.value(kSynRetries, QString::number(kDefaultSynRetries)).toInt());
    updateTrafficFields();
    m_liveOptions->reset();
}

void HostSettingsPanel::applyTo(lab::HostConfig *host) const
{
    core::SocketOptions &o = host->endpoint.options;
    o.keepalive.enabled = m_keepalive->isChecked();
    o.keepalive.idleS = m_idle->value();
    o.keepalive.intervalS = m_interval->value();
    o.keepalive.count = m_count->value();
    o.userTimeoutMs = m_userTimeout->value();
    o.lingerAbort = m_lingerAbort->isChecked();
    o.recvErr = m_recvErr->isChecked();
    HeartbeatSettings &h = host->endpoint.heartbeat;
    h.enabled = m_heartbeat->isChecked();
    h.intervalMs = m_heartbeatInterval->value();
    h.misses = m_heartbeatMisses->value();
    h.sends = m_heartbeatRole->currentData().toBool();
    TrafficPattern &t = host->endpoint.traffic;
    t.kind = TrafficPattern::Kind(m_traffic->currentData().toInt());
    t.intervalMs = m_trafficInterval->value();
    t.bytes = m_trafficBytes->value();
    auto setSysctl = [host](const QString &name, int value, int kernelDefault) {
        if (value == kernelDefault)
            host->sysctls.remove(name);
        else
            host->sysctls.insert(name, QString::number(value));
    };
    setSysctl(kRetries2, m_retries2->value(), kDefaultRetries2);
    setSysctl(kSynRetries, m_synRetries->value(), kDefaultSynRetries);
}

} // namespace halfopen::ui
