// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/TcpFlags.h"

namespace halfopen::core {

namespace {
// tcpdump's order (print-tcp.c).
constexpr struct
{
    TcpFlags::Flag flag;
    char letter;
} kLetters[] = {
    {TcpFlags::Fin, 'F'}, {TcpFlags::Syn, 'S'}, {TcpFlags::Rst, 'R'}, {TcpFlags::Psh, 'P'},
    {TcpFlags::Ack, '.'}, {TcpFlags::Urg, 'U'}, {TcpFlags::Ece, 'E'}, {TcpFlags::Cwr, 'W'},
};
} // namespace

QString TcpFlags::toText() const
{
    QString text;
    for (const auto &entry : kLetters) {
        if (has(entry.flag))
            text += QLatin1Char(entry.letter);
    }
    return text.isEmpty() ? QStringLiteral("none") : text;
}

TcpFlags TcpFlags::fromText(QStringView text)
{
    quint8 bits = 0;
    if (text == QLatin1String("none"))
        return TcpFlags();
    for (const QChar c : text) {
        for (const auto &entry : kLetters) {
            if (c == QLatin1Char(entry.letter))
                bits |= entry.flag;
        }
    }
    return TcpFlags(bits);
}

} // namespace halfopen::core
