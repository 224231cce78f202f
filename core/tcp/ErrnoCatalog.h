// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringView>
#include <optional>

namespace halfopen::core {

// What an errno means on a TCP connection: its name, number, a one-line meaning and what usually
// causes it. Texts are translatable (context "ErrnoCatalog"); the table is constant data.
struct ErrnoInfo
{
    int value = 0;
    QString name;     // "ETIMEDOUT"
    QString meaning;  // "Connection timed out"
    QString tcpCause; // "keepalive probes or retransmissions went unanswered ..."
};

class ErrnoCatalog
{
public:
    static std::optional<ErrnoInfo> lookup(int value);
    static std::optional<ErrnoInfo> lookup(QStringView name);
    static QList<ErrnoInfo> all();

    // "ETIMEDOUT", or "E123" for a number the catalog does not know.
    static QString name(int value);
    // "ETIMEDOUT (Connection timed out)"
    static QString describe(int value);
};

} // namespace halfopen::core
