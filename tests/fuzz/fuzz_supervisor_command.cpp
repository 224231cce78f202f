// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the supervisor's stdin, split into commands by CommandReader and each one
// read as Supervisor::handleCommand reads it, through LabCommand (lab configuration, fault,
// socket options). The acting itself needs namespaces and is covered by tst_SupervisorCommands.
#include "lab/CommandReader.h"
#include "lab/LabCommand.h"

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
        lab::LabCommand::Error error;
        const auto command = lab::LabCommand::fromJson(item.command, &error);
        if (!command)
            continue;
        if (command->kind == lab::LabCommand::Kind::Fault && command->fault.kind == lab::FaultKind::Reboot
            && !(command->fault.value >= 0 && command->fault.value <= lab::kMaxRebootS))
            __builtin_trap();
        // A command accepted once is accepted again as LabProcess writes it.
        if (!lab::LabCommand::fromJson(command->toJson(), &error))
            __builtin_trap();
    }
    return 0;
}
