// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/observe/SockDiagRow.h"

#include <QByteArray>

class QIODevice;

namespace halfopen::core {

// Writes rows as a JSON array, the same objects SockDiagRow::toJson() gives, but as text
// straight into a buffer: a 50 000-socket dump must print faster than `ss` does, and building
// a QJsonDocument first costs several times the dump itself.
class SockDiagJsonWriter
{
public:
    explicit SockDiagJsonWriter(QIODevice *device);
    ~SockDiagJsonWriter();

    void append(const SockDiagRow &row);
    // Closes the array and writes everything left. Returns false when the device refused data.
    bool finish();

    // One row object, no separators, appended to `out`.
    static void appendObject(const SockDiagRow &row, QByteArray *out);

private:
    void flushIfFull();

    QIODevice *m_device;
    QByteArray m_buffer;
    qsizetype m_count = 0;
    bool m_ok = true;
    bool m_finished = false;
};

} // namespace halfopen::core
