// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

namespace halfopen::core {

// The test protocol on the wire: [type:1][length:2, big endian][payload]. Data frames carry
// filler bytes; heartbeat pings and answers carry a 32-bit sequence number. A peer that does not
// speak it (an MQTT broker, a PLC) is detected by an unknown type and then read as raw bytes.
struct Frame
{
    enum class Type : char { Data = 'D', Ping = 'P', Answer = 'A' };
    Type type = Type::Data;
    quint32 sequence = 0; // Ping/Answer
    int payloadBytes = 0; // Data
};

class FrameCodec
{
public:
    static constexpr int kHeaderBytes = 3;
    static constexpr int kMaxPayload = 65535;

    // Data frames totalling `payloadBytes` of payload, split at kMaxPayload.
    static QByteArray encodeData(int payloadBytes);
    static QByteArray encodePing(quint32 sequence);
    static QByteArray encodeAnswer(quint32 sequence);

    // Feeds received bytes; returns the complete frames. After an unknown type it stops parsing
    // (raw mode) and only counts bytes.
    QList<Frame> feed(const char *data, qsizetype length);
    bool isRaw() const { return m_raw; }
    qint64 rawBytes() const { return m_rawBytes; }

private:
    QByteArray m_pending;
    bool m_raw = false;
    qint64 m_rawBytes = 0;
};

} // namespace halfopen::core
