// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the supervisor's stdin, split into commands by CommandReader and each one
// validated as Supervisor::handleCommand does before it acts (lab configuration, fault,
// socket options). The acting itself needs namespaces and is covered by tst_SupervisorCommands.
#include "core/tcp/SocketOptions.h"
#include "lab/CommandReader.h"
#include "lab/Fault.h"
#include "lab/LabConfig.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace halfopen;
    lab::CommandReader reader;
    // Fed in two pieces: a command cut anywhere must read the same.
    const qsizetype half = qsizetype(size / 2);
    QList<lab::CommandReader::Item> items = reader.feed(QByteArray(reinterpret_cast<const char *>(data), half));
    items.append(reader.feed(QByteArray(reinterpret_cast<const char *>(data) + half, qsizetype(size) - half)));
    for (const lab::CommandReader::Item &item : items) {
        if (!item.error.isEmpty())
            continue;
        QString error;
        const QJsonObject &c = item.command;
        if (const auto config = lab::LabConfig::fromJson(c.value(QStringLiteral("config")).toObject(), &error)) {
            // A configuration accepted once is accepted again as the supervisor reports it.
            if (!lab::LabConfig::fromJson(config->toJson(), &error))
                __builtin_trap();
        }
        if (const auto fault = lab::Fault::fromJson(c.value(QStringLiteral("fault")).toObject(), &error)) {
            if (fault->kind == lab::FaultKind::Reboot && !(fault->value >= 0 && fault->value <= lab::kMaxRebootS))
                __builtin_trap();
            if (!lab::Fault::fromJson(fault->toJson(), &error))
                __builtin_trap();
        }
        core::SocketOptions::fromJsonStrict(c.value(QStringLiteral("options")).toObject(), QStringLiteral("options"),
                                            &error);
    }
    return 0;
}
