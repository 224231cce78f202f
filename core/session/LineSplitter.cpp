// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/LineSplitter.h"

namespace halfopen::core {

QList<LineSplitter::Line> LineSplitter::feed(QByteArrayView bytes)
{
    QList<Line> lines;
    qsizetype from = 0;
    while (from < bytes.size()) {
        const qsizetype newline = bytes.indexOf('\n', from);
        const qsizetype end = newline < 0 ? bytes.size() : newline;
        if (m_skipping) {
            m_skipping = newline < 0;
        } else {
            m_pending.append(bytes.sliced(from, end - from));
            if (m_pending.size() > m_maxLineBytes) {
                lines.append({{}, true});
                m_pending.clear();
                m_skipping = newline < 0;
            } else if (newline >= 0) {
                QByteArray line = m_pending.trimmed();
                m_pending.clear();
                if (!line.isEmpty())
                    lines.append({std::move(line), false});
            }
        }
        if (newline < 0)
            break;
        from = newline + 1;
    }
    return lines;
}

QByteArray LineSplitter::takeRest()
{
    QByteArray rest = m_skipping ? QByteArray() : m_pending.trimmed();
    m_pending.clear();
    m_skipping = false;
    return rest;
}

} // namespace halfopen::core
