// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tcp/SocketOptions.h"
#include "lab/CaptureLimit.h"
#include "lab/Fault.h"
#include "lab/LabConfig.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace halfopen::lab {

// What the window and the CLI tell the lab's supervisor, one JSON object a line on its stdin:
//   {"cmd":"start","config":{…},"pcap":PATH,"capture_limit_mb":N}
//   {"cmd":"fault","fault":{…}}   {"cmd":"options","host":H,"options":{…}}   {"cmd":"stop"}
// One type for both ends of the pipe: LabProcess writes it (toLine), the supervisor reads it
// (fromJson), so neither spells the other's JSON.
struct LabCommand
{
    enum class Kind { Start, Fault, Options, Stop };

    Kind kind = Kind::Stop;
    LabConfig config;                              // start
    QString pcapPath;                              // start: capture every frame there; empty: none
    int captureLimitMb = CaptureLimit::kDefaultMb; // start
    Fault fault;                                   // fault
    core::Host host = core::Host::None;            // options: client or server
    core::SocketOptions options;                   // options

    static LabCommand start(const LabConfig &config, const QString &pcapPath, int captureLimitMb);
    static LabCommand applying(const Fault &fault);
    static LabCommand settingOptions(core::Host host, const core::SocketOptions &options);
    static LabCommand stop();

    QJsonObject toJson() const;
    QByteArray toLine() const; // compact, with its newline

    struct Error
    {
        QString message;             // names the field and what it allows
        bool labCannotStart = false; // a start whose lab configuration is wrong: the lab fails
    };
    static std::optional<LabCommand> fromJson(const QJsonObject &json, Error *error);
};

} // namespace halfopen::lab
