// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"
#include "core/tcp/SocketOptions.h"

#include <QJsonObject>
#include <QList>

namespace halfopen::core {

// An `options` event's fields, typed: the socket options an endpoint asked for, what the kernel
// reports back, and which it refused. The endpoint writes them with toDetail
// (applySocketOptions), the window, the socket table and the timeline read them with of(); the
// detail's names, and so the recordings', are spelled here only.
struct OptionsFields
{
    SocketOptions requested;
    SocketOptions applied;      // read back from the socket after setting
    QList<SettingError> failed; // the option and the errno's meaning, per refusal
    bool live = false;          // changed on an open connection, not set up with it

    static OptionsFields of(const Event &options) { return fromDetail(options.detail.toObject()); }
    static OptionsFields fromDetail(const QJsonObject &detail);
    QJsonObject toDetail() const;
};

} // namespace halfopen::core
