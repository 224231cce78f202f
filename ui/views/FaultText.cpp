// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/FaultText.h"

#include <QCoreApplication>

namespace halfopen::ui {

namespace {
// English keeps the names the timeline always showed; the comment tells translators what each is.
const struct
{
    const char *name; // lab::faultKindName()
    const char *comment;
} kFaults[] = {
    QT_TRANSLATE_NOOP3("FaultText", "unplug", "fault: the host's cable was pulled"),
    QT_TRANSLATE_NOOP3("FaultText", "replug", "fault: the host's cable was plugged back in"),
    QT_TRANSLATE_NOOP3("FaultText", "power-off", "fault: the host lost power"),
    QT_TRANSLATE_NOOP3("FaultText", "power-on", "fault: the host was switched on again"),
    QT_TRANSLATE_NOOP3("FaultText", "reboot", "fault: the host rebooted"),
    QT_TRANSLATE_NOOP3("FaultText", "kill-process", "fault: the test process got SIGKILL"),
    QT_TRANSLATE_NOOP3("FaultText", "freeze-process", "fault: the test process got SIGSTOP"),
    QT_TRANSLATE_NOOP3("FaultText", "thaw-process", "fault: the test process got SIGCONT"),
    QT_TRANSLATE_NOOP3("FaultText", "close", "fault: the application closed the connection (FIN)"),
    QT_TRANSLATE_NOOP3("FaultText", "abort", "fault: the application aborted the connection (RST)"),
    QT_TRANSLATE_NOOP3("FaultText", "shutdown-write", "fault: the application called shutdown(SHUT_WR)"),
    QT_TRANSLATE_NOOP3("FaultText", "send", "fault: the application sent data now"),
    QT_TRANSLATE_NOOP3("FaultText", "icmp-unreachable-on", "fault: the cable starts answering with ICMP unreachable"),
    QT_TRANSLATE_NOOP3("FaultText", "icmp-unreachable-off", "fault: the cable stops answering with ICMP unreachable"),
    QT_TRANSLATE_NOOP3("FaultText", "loss", "fault: the cable's loss rate changed"),
    QT_TRANSLATE_NOOP3("FaultText", "delay", "fault: the cable's delay changed"),
    QT_TRANSLATE_NOOP3("FaultText", "nat-timeout", "fault: the NAT forgot an idle connection"),
    QT_TRANSLATE_NOOP3("FaultText", "marker", "fault: the user's 'I pulled the cable now' mark"),
};
} // namespace

QString faultTitle(const QString &faultName)
{
    for (const auto &f : kFaults) {
        if (faultName == QLatin1String(f.name))
            return QCoreApplication::translate("FaultText", f.name, f.comment);
    }
    return faultName;
}

} // namespace halfopen::ui
