// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/FaultBar.h"

#include "lab/FaultRefusal.h"
#include "ui/SettingField.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace halfopen::ui {

using lab::Fault;
using lab::FaultKind;

namespace {

struct HostAction
{
    FaultKind kind;
    const char *id; // objectName part: "PowerOff" -> "serverPowerOffButton"
    const char *text;
    const char *tooltip;
    char key; // with the host's modifiers
    double value;
};

// One row per host, the two halves of a pair side by side.
const HostAction kHostActions[] = {
    {FaultKind::Unplug, "Unplug", QT_TRANSLATE_NOOP("FaultBar", "Unplug"),
     QT_TRANSLATE_NOOP(
         "FaultBar",
         "Pull this host's cable: every frame to and from it is dropped silently. The host itself notices nothing."),
     'U', 0},
    {FaultKind::Replug, "Replug", QT_TRANSLATE_NOOP("FaultBar", "Replug"),
     QT_TRANSLATE_NOOP("FaultBar", "Plug this host's cable back in."), 'R', 0},
    {FaultKind::PowerOff, "PowerOff", QT_TRANSLATE_NOOP("FaultBar", "Power off"),
     QT_TRANSLATE_NOOP("FaultBar",
                       "Cut the power: the host's processes and sockets vanish without sending FIN or RST."),
     'P', 0},
    {FaultKind::PowerOn, "PowerOn", QT_TRANSLATE_NOOP("FaultBar", "Power on"),
     QT_TRANSLATE_NOOP("FaultBar", "Power the host on again: same addresses, none of the old connections."), 'O', 0},
    {FaultKind::Reboot, "Reboot", QT_TRANSLATE_NOOP("FaultBar", "Reboot"),
     QT_TRANSLATE_NOOP("FaultBar",
                       "Power off, wait a second, power on: a fresh host that answers the old connection with RST."),
     'B', 1},
    {FaultKind::KillProcess, "Kill", QT_TRANSLATE_NOOP("FaultBar", "Kill process"),
     QT_TRANSLATE_NOOP(
         "FaultBar",
         "SIGKILL the test application: its kernel closes the socket and sends FIN (RST with unread data)."),
     'K', 0},
    {FaultKind::FreezeProcess, "Freeze", QT_TRANSLATE_NOOP("FaultBar", "Freeze"),
     QT_TRANSLATE_NOOP("FaultBar",
                       "SIGSTOP the test application: it stops reading and writing, but its kernel still answers."),
     'F', 0},
    {FaultKind::ThawProcess, "Thaw", QT_TRANSLATE_NOOP("FaultBar", "Thaw"),
     QT_TRANSLATE_NOOP("FaultBar", "SIGCONT: the frozen application runs again."), 'T', 0},
    {FaultKind::Close, "Close", QT_TRANSLATE_NOOP("FaultBar", "Close"),
     QT_TRANSLATE_NOOP("FaultBar", "The application closes the connection politely (FIN)."), 'C', 0},
    {FaultKind::Abort, "Abort", QT_TRANSLATE_NOOP("FaultBar", "Abort (RST)"),
     QT_TRANSLATE_NOOP("FaultBar", "The application aborts the connection: linger 0, the kernel sends RST."), 'A', 0},
    {FaultKind::Send, "Send", QT_TRANSLATE_NOOP("FaultBar", "Send now"),
     QT_TRANSLATE_NOOP(
         "FaultBar",
         "The application sends 100 bytes now: data in flight, so retransmissions start if nobody answers."),
     'S', 100},
};

} // namespace

FaultBar::FaultBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("faultBar"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_labPart = new QWidget(this);
    auto *grid = new QGridLayout(m_labPart);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(3);
    addHostRow(grid, 0, core::Host::Client, tr("Client", "lab host"), QStringLiteral("Alt+Shift+"));
    addHostRow(grid, 1, core::Host::Server, tr("Server", "lab host"), QStringLiteral("Ctrl+Shift+"));
    addCableRow(grid, 2);
    layout->addWidget(m_labPart);
    m_realPart = buildRealNetworkRow();
    layout->addWidget(m_realPart);
    setRealNetwork(false);
    setRunning(false);
}

QWidget *FaultBar::buildRealNetworkRow()
{
    auto *part = new QWidget(this);
    auto *row = new QHBoxLayout(part);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(3);
    m_realTitle = rowLabel(QString());
    row->addWidget(m_realTitle);
    // This machine's application: what it can do to its own connection (the same commands the
    // lab's hosts take), with the same keys as the lab's server row.
    const HostAction *actions[] = {&kHostActions[8], &kHostActions[9], &kHostActions[10], &kHostActions[5]};
    for (const HostAction *a : actions) {
        // The table's strings live in the "FaultBar" context (QT_TRANSLATE_NOOP), not tr()'s.
        QToolButton *button = addButton(part, QStringLiteral("real%1Button").arg(QLatin1String(a->id)),
                                        QCoreApplication::translate("FaultBar", a->text),
                                        QCoreApplication::translate("FaultBar", a->tooltip),
                                        QKeySequence(QStringLiteral("Ctrl+Shift+") + QLatin1Char(a->key)));
        connect(button, &QToolButton::clicked, this, [this, a] {
            Fault f;
            f.kind = a->kind;
            f.host = m_realHost;
            f.value = a->value;
            emit faultRequested(f);
        });
        row->addWidget(button);
    }
    row->addSpacing(12);
    auto *marker
        = addButton(part, QStringLiteral("markerButton"), tr("I pulled the cable now"),
                    tr("Press it the moment you pull the real cable, switch the peer off or block the path: it "
                       "records a marker, starts the stopwatch, and detection is measured from it."),
                    QKeySequence(Qt::Key_Space));
    marker->setToolButtonStyle(Qt::ToolButtonTextOnly);
    QFont big = marker->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    marker->setFont(big);
    marker->setMinimumHeight(marker->fontMetrics().height() * 2);
    marker->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    connect(marker, &QToolButton::clicked, this, &FaultBar::pressMarker);
    m_marker = marker;
    row->addWidget(marker, 2);
    // The key press reaches a focused field before any shortcut: it is caught on its way.
    qApp->installEventFilter(this);
    return part;
}

void FaultBar::pressMarker()
{
    Fault f;
    f.kind = FaultKind::Marker;
    emit faultRequested(f);
}

bool FaultBar::markerAvailable() const
{
    return m_marker && m_marker->isEnabled() && m_marker->isVisible();
}

bool FaultBar::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    if ((type != QEvent::KeyPress && type != QEvent::ShortcutOverride) || !watched->isWidgetType())
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    if (key->key() != Qt::Key_Space || key->modifiers() != Qt::NoModifier || !markerAvailable()
        || static_cast<QWidget *>(watched)->window() != window())
        return false;
    if (type == QEvent::ShortcutOverride) {
        // Not the field's: the marker's shortcut (on the button) takes it.
        key->ignore();
        return true;
    }
    // A key press the shortcut did not take (a field accepted the override): the marker anyway.
    if (!key->isAutoRepeat())
        m_marker->click();
    return true;
}

void FaultBar::setRealNetwork(bool real, core::Host host)
{
    if (host != core::Host::None)
        m_realHost = host;
    m_realTitle->setText(m_realHost == core::Host::Server ? tr("This machine (server)") : tr("This machine (client)"));
    m_labPart->setVisible(!real);
    m_realPart->setVisible(real);
}

QToolButton *FaultBar::addButton(QWidget *parent, const QString &objectName, const QString &text,
                                 const QString &tooltip, const QKeySequence &shortcut)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setText(text);
    button->setShortcut(shortcut);
    button->setToolTip(QStringLiteral("%1 (%2)").arg(tooltip, shortcut.toString(QKeySequence::NativeText)));
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_controls.append(button);
    return button;
}

void FaultBar::addHostRow(QGridLayout *grid, int row, core::Host host, const QString &title, const QString &modifiers)
{
    grid->addWidget(rowLabel(title), row, 0);
    int column = 1;
    for (const HostAction &a : kHostActions) {
        const QKeySequence shortcut(modifiers + QLatin1Char(a.key));
        // The table's strings live in the "FaultBar" context (QT_TRANSLATE_NOOP), not tr()'s.
        QToolButton *button = addButton(this, core::hostName(host) + QLatin1String(a.id) + QStringLiteral("Button"),
                                        QCoreApplication::translate("FaultBar", a.text),
                                        QCoreApplication::translate("FaultBar", a.tooltip), shortcut);
        connect(button, &QToolButton::clicked, this, [this, host, a] {
            Fault f;
            f.kind = a.kind;
            f.host = host;
            f.value = a.value;
            emit faultRequested(f);
        });
        m_hostButtons.append({button, host, a.kind});
        grid->addWidget(button, row, column++);
    }
}

QLabel *FaultBar::rowLabel(const QString &text)
{
    auto *label = new QLabel(text, this);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

void FaultBar::addCableRow(QGridLayout *grid, int row)
{
    grid->addWidget(rowLabel(tr("Cable")), row, 0);
    auto *icmp = addButton(this, QStringLiteral("cableIcmpButton"), tr("ICMP unreachable"),
                           tr("The cable answers frames towards the server with ICMP 'host unreachable', as a router "
                              "does when the host is gone. Press again to stop."),
                           QKeySequence(QStringLiteral("Ctrl+Shift+I")));
    icmp->setCheckable(true);
    connect(icmp, &QToolButton::toggled, this, [this](bool on) {
        Fault f;
        f.kind = on ? FaultKind::IcmpUnreachableOn : FaultKind::IcmpUnreachableOff;
        f.host = core::Host::Server;
        emit faultRequested(f);
    });
    m_loss = SettingField::decimal(this, QStringLiteral("faultLoss"), 0, 100, 1, tr(" %"),
                                   tr("Share of frames to drop from now on."));
    m_delay = SettingField::decimal(this, QStringLiteral("faultDelay"), 0, 60000, 1, tr(" ms"),
                                    tr("One-way delay to add from now on."));
    auto *loss = addButton(this, QStringLiteral("cableLossButton"), tr("Set loss"), tr("Apply the loss rate now."),
                           QKeySequence(QStringLiteral("Ctrl+Shift+L")));
    auto *delay = addButton(this, QStringLiteral("cableDelayButton"), tr("Set delay"), tr("Apply the delay now."),
                            QKeySequence(QStringLiteral("Ctrl+Shift+D")));
    // A value outside the field's range is refused with the range, never cut to fit.
    connect(loss, &QToolButton::clicked, this, [this] {
        if (!SettingField::inRange(m_loss)) {
            emit problem(SettingField::problemText(m_loss, tr("Loss")));
            return;
        }
        emit faultRequested(Fault{FaultKind::Loss, {}, lab::CableDirection::Both, m_loss->value(), 0, false});
    });
    connect(delay, &QToolButton::clicked, this, [this] {
        if (!SettingField::inRange(m_delay)) {
            emit problem(SettingField::problemText(m_delay, tr("Delay")));
            return;
        }
        emit faultRequested(Fault{FaultKind::Delay, {}, lab::CableDirection::Both, m_delay->value(), 0, false});
    });
    m_controls << m_loss << m_delay;
    grid->addWidget(icmp, row, 1, 1, 2);
    grid->addWidget(m_loss, row, 3, 1, 2);
    grid->addWidget(loss, row, 5);
    grid->addWidget(m_delay, row, 6, 1, 2);
    grid->addWidget(delay, row, 8);
}

void FaultBar::setRunning(bool running)
{
    m_running = running;
    if (!running) {
        if (auto *icmp = findChild<QToolButton *>(QStringLiteral("cableIcmpButton"))) {
            const QSignalBlocker blocker(icmp);
            icmp->setChecked(false);
        }
    }
    updateEnabled();
}

void FaultBar::setWorld(const lab::LabWorld &world)
{
    m_world = world;
    updateEnabled();
}

void FaultBar::updateEnabled()
{
    for (QWidget *w : std::as_const(m_controls))
        w->setEnabled(m_running);
    if (!m_running)
        return;
    // The lab's rows: the same judgement the supervisor makes, from what the window has seen.
    for (const HostButton &b : std::as_const(m_hostButtons)) {
        if (!m_world.host(b.host))
            continue;
        Fault f;
        f.kind = b.kind;
        f.host = b.host;
        b.button->setEnabled(lab::faultRefusal(f, m_world.targetState(b.host)).isEmpty());
    }
}

} // namespace halfopen::ui
