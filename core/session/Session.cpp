// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/Session.h"

#include <algorithm>

namespace halfopen::core {

Session::Session(QObject *parent)
    : QObject(parent)
{ }

void Session::add(const Event &event)
{
    // Nearly always appended; a late event from another process goes to its place in time.
    qsizetype index = m_events.size();
    if (!m_events.isEmpty() && m_events.last().tUs > event.tUs) {
        const auto it = std::upper_bound(m_events.begin(), m_events.end(), event.tUs,
                                         [](qint64 t, const Event &e) { return t < e.tUs; });
        index = it - m_events.begin();
    }
    m_events.insert(index, event);
    emit eventAdded(m_events.at(index), index);
    if (!m_batchOpen) {
        m_batchOpen = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_batchOpen = false;
                emit batchAdded();
            },
            Qt::QueuedConnection);
    }
}

void Session::clear()
{
    m_events.clear();
    m_originUs = -1;
    m_wallClock = WallClock::now();
    emit cleared();
}

qint64 Session::originUs() const
{
    if (m_originUs >= 0)
        return m_originUs;
    return m_events.isEmpty() ? 0 : m_events.first().tUs;
}

} // namespace halfopen::core
