// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"

#include <QHash>
#include <QList>

namespace halfopen::models {

// A stretch of time one socket spent in one TCP state, drawn as a band in its host's lane.
struct StateBand
{
    core::Host host = core::Host::None;
    QString socketKey;
    core::TcpState state = core::TcpState::Unknown;
    double startX = 0;
    double endX = 0;   // for an open band: the latest time the session has reached
    bool open = false; // the socket is still in this state
};

// Turns state changes into bands: a change ends the socket's open band and starts the next.
// A socket first seen in a sample starts a band in the sample's state; a powered-off host's
// bands end with the fault (its sockets vanish without a word).
class StateBands
{
public:
    // Returns true when the bands changed.
    bool feed(const core::Event &event, double x);
    QList<StateBand> bands(double nowX) const;
    void clear();

private:
    bool start(const core::Event &event, core::TcpState state, double x);
    bool end(const QString &socketKey, double x);

    QList<StateBand> m_bands;
    QHash<QString, qsizetype> m_open; // socket key -> its open band
};

} // namespace halfopen::models
