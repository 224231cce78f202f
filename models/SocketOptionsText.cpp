// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/SocketOptionsText.h"

#include "core/session/OptionsFields.h"
#include "models/DurationText.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QStringList>

namespace halfopen::models {

namespace {
// A class only so lupdate sees the tr() calls under one context.
class OptionsText
{
    Q_DECLARE_TR_FUNCTIONS(SocketOptionsText)
public:
    static QString onOff(bool on)
    {
        return on ? tr("on", "socket option enabled") : tr("off", "socket option disabled");
    }
    static QString userTimeout(int ms)
    {
        return ms > 0 ? durationText(ms) : tr("off", "TCP_USER_TIMEOUT 0: the kernel's default");
    }
};
} // namespace

QString keepaliveText(const core::KeepaliveSettings &k)
{
    if (!k.enabled)
        return OptionsText::tr("off", "keepalive disabled");
    return OptionsText::tr("%1 s idle, %2 × %3 s", "keepalive: idle seconds, probe count × interval seconds")
        .arg(k.idleS)
        .arg(k.count)
        .arg(k.intervalS);
}

QString socketOptionsLine(const core::SocketOptions &o)
{
    return OptionsText::tr("keepalive %1 · user timeout %2 · linger 0 %3 · IP_RECVERR %4")
        .arg(keepaliveText(o.keepalive), OptionsText::userTimeout(o.userTimeoutMs), OptionsText::onOff(o.lingerAbort),
             OptionsText::onOff(o.recvErr));
}

QString socketOptionsShort(const core::SocketOptions &o)
{
    QStringList parts{OptionsText::tr("keepalive %1").arg(keepaliveText(o.keepalive))};
    if (o.userTimeoutMs > 0)
        parts << OptionsText::tr("user timeout %1").arg(OptionsText::userTimeout(o.userTimeoutMs));
    if (o.lingerAbort)
        parts << OptionsText::tr("linger 0");
    if (o.recvErr)
        parts << OptionsText::tr("IP_RECVERR");
    return parts.join(QStringLiteral(", "));
}

QString socketOptionsDetails(const core::SocketOptions &o)
{
    QStringList lines;
    const core::KeepaliveSettings &k = o.keepalive;
    if (k.enabled) {
        lines << OptionsText::tr("SO_KEEPALIVE on: TCP_KEEPIDLE %1 s, TCP_KEEPINTVL %2 s, TCP_KEEPCNT %3")
                     .arg(k.idleS)
                     .arg(k.intervalS)
                     .arg(k.count)
              << OptionsText::tr("  a dead peer is noticed %1 s after its last packet (idle + count × interval)")
                     .arg(k.idleS + k.count * k.intervalS);
    } else {
        lines << OptionsText::tr("SO_KEEPALIVE off: an idle connection is never probed");
    }
    lines << OptionsText::tr("TCP_USER_TIMEOUT %1").arg(OptionsText::userTimeout(o.userTimeoutMs))
          << OptionsText::tr("SO_LINGER 0 (close sends RST) %1").arg(OptionsText::onOff(o.lingerAbort))
          << OptionsText::tr("IP_RECVERR %1").arg(OptionsText::onOff(o.recvErr))
          << OptionsText::tr("TCP_NODELAY %1").arg(OptionsText::onOff(o.noDelay));
    return lines.join(QLatin1Char('\n'));
}

bool isLiveOptionsChange(const QJsonObject &detail)
{
    return core::OptionsFields::fromDetail(detail).live;
}

QString optionsEventText(const QJsonObject &detail)
{
    const core::OptionsFields fields = core::OptionsFields::fromDetail(detail);
    const core::SocketOptions &applied = fields.applied;
    const core::SocketOptions &requested = fields.requested;
    QString text = OptionsText::tr("now: %1").arg(socketOptionsLine(applied));
    // The kernel keeps the keepalive timers while keepalive is off: only a difference that
    // matters is worth saying.
    core::SocketOptions asked = requested;
    if (!asked.keepalive.enabled)
        asked.keepalive = {false, applied.keepalive.idleS, applied.keepalive.intervalS, applied.keepalive.count};
    if (asked != applied)
        text += OptionsText::tr(" — asked: %1").arg(socketOptionsLine(requested));
    QStringList failures;
    for (const core::SettingError &failure : fields.failed)
        failures << OptionsText::tr("%1 (%2)", "option name, errno description").arg(failure.field, failure.message);
    if (!failures.isEmpty())
        text += OptionsText::tr(" — failed: %1").arg(failures.join(QStringLiteral(", ")));
    return text;
}

} // namespace halfopen::models
