// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/Session.h"

#include <algorithm>

namespace halfopen::core {

namespace {
// Names this short are shared; the set stops growing at this many (a hostile stream of
// distinct names costs what it did before, no more).
constexpr qsizetype kMaxSharedLength = 64;
constexpr qsizetype kMaxShared = 4096;
// The list grows by a quarter, not double: a long session's spare room stays small.
constexpr qsizetype kMinGrowth = 4096;
} // namespace

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
    Event stored = event;
    for (QString *name : {&stored.local, &stored.remote, &stored.what})
        share(name);
    if (m_events.size() == m_events.capacity())
        m_events.reserve(m_events.size() + qMax(kMinGrowth, m_events.size() / 4));
    m_events.insert(index, std::move(stored));
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

void Session::share(QString *name)
{
    if (name->isEmpty() || name->size() > kMaxSharedLength)
        return;
    const auto it = m_names.constFind(*name);
    if (it != m_names.constEnd())
        *name = *it;
    else if (m_names.size() < kMaxShared)
        m_names.insert(*name);
}

void Session::clear()
{
    m_events.clear();
    m_names.clear();
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
