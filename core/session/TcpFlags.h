// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace halfopen::core {

// A TCP header's flag bits. Events and recordings carry them as tcpdump writes them ("S.",
// "FP.", "R"; "none"), so that a packet event reads like its output: toText and fromText are
// that notation, both ways.
class TcpFlags
{
public:
    enum Flag : quint8 {
        Fin = 0x01,
        Syn = 0x02,
        Rst = 0x04,
        Psh = 0x08,
        Ack = 0x10,
        Urg = 0x20,
        Ece = 0x40,
        Cwr = 0x80
    };

    constexpr TcpFlags() = default;
    constexpr explicit TcpFlags(quint8 bits)
        : m_bits(bits)
    { }

    constexpr bool has(Flag flag) const { return (m_bits & flag) != 0; }
    constexpr quint8 bits() const { return m_bits; }
    QString toText() const;
    // Letters it does not know are left out ("none" and "" are no flags).
    static TcpFlags fromText(QStringView text);

    friend constexpr bool operator==(TcpFlags a, TcpFlags b) { return a.m_bits == b.m_bits; }

private:
    quint8 m_bits = 0;
};

} // namespace halfopen::core
