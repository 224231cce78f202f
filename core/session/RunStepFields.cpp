// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/RunStepFields.h"

namespace halfopen::core {

namespace {
const QString kMessage = QStringLiteral("message");
const QString kReason = QStringLiteral("reason");
const QString kFault = QStringLiteral("fault");
const QString kMode = QStringLiteral("mode");
const QString kRealNetworkMode = QStringLiteral("real-network");
const QString kNetwork = QStringLiteral("network");
const QString kEndpoint = QStringLiteral("endpoint");
const QString kPid = QStringLiteral("pid");
const QString kSysctls = QStringLiteral("sysctls");
const QString kDroppedFrames = QStringLiteral("dropped_frames");
const QString kDroppedBytes = QStringLiteral("dropped_bytes");
const QString kLimitMb = QStringLiteral("limit_mb");
const QString kExitCode = QStringLiteral("exit_code");
const QString kCrashed = QStringLiteral("crashed");
} // namespace

RunStepFields RunStepFields::fromDetail(const QJsonObject &d)
{
    RunStepFields f;
    f.message = d.value(kMessage).toString();
    f.reason = d.value(kReason).toString();
    if (const QJsonValue fault = d.value(kFault); fault.isObject())
        f.fault = FaultFields::fromDetail(fault.toObject());
    if (d.value(kMode).toString() == kRealNetworkMode) {
        RealNetwork real;
        real.network = d.value(kNetwork).toObject();
        real.endpoint = d.value(kEndpoint).toString();
        real.pid = d.value(kPid).toInteger();
        const QJsonObject sysctls = d.value(kSysctls).toObject();
        for (auto it = sysctls.begin(); it != sysctls.end(); ++it)
            real.sysctls.insert(it.key(), it.value().toInt());
        f.realNetwork = real;
    }
    if (d.contains(kDroppedFrames))
        f.captureTrim = CaptureTrim{d.value(kDroppedFrames).toInteger(), d.value(kDroppedBytes).toInteger(),
                                    d.value(kLimitMb).toInt()};
    if (d.contains(kExitCode))
        f.endpointExit = EndpointExit{d.value(kExitCode).toInt(), d.value(kCrashed).toBool()};
    return f;
}

QJsonObject RunStepFields::toDetail() const
{
    QJsonObject d;
    if (!message.isEmpty())
        d.insert(kMessage, message);
    if (!reason.isEmpty())
        d.insert(kReason, reason);
    if (fault)
        d.insert(kFault, fault->toDetail());
    if (realNetwork) {
        d.insert(kMode, kRealNetworkMode);
        d.insert(kNetwork, realNetwork->network);
        d.insert(kEndpoint, realNetwork->endpoint);
        d.insert(kPid, realNetwork->pid);
        QJsonObject sysctls;
        for (auto it = realNetwork->sysctls.cbegin(); it != realNetwork->sysctls.cend(); ++it)
            sysctls.insert(it.key(), it.value());
        d.insert(kSysctls, sysctls);
    }
    if (captureTrim) {
        d.insert(kDroppedFrames, captureTrim->droppedFrames);
        d.insert(kDroppedBytes, captureTrim->droppedBytes);
        d.insert(kLimitMb, captureTrim->limitMb);
    }
    if (endpointExit) {
        d.insert(kExitCode, endpointExit->exitCode);
        d.insert(kCrashed, endpointExit->crashed);
    }
    return d;
}

} // namespace halfopen::core
