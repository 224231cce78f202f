// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tcp/TcpState.h"
#include "models/RowSortFilterProxy.h"

#include <QSet>

namespace halfopen::models {

// The socket table as the user narrows it: by host, by TCP state, by any text in the row; sorted
// by the model's SortKeyRole (numbers as numbers, so RTO 1000 ms sorts after 204 ms and port
// 40000 after 5000; ties keep the order the sockets appeared in). Incremental: see
// RowSortFilterProxy.
class SocketTableProxy : public RowSortFilterProxy
{
    Q_OBJECT
public:
    explicit SocketTableProxy(QObject *parent = nullptr);

    // Empty: every host.
    void setHostFilter(const QString &host);
    QString hostFilter() const { return m_host; }
    // Empty: every state.
    void setStateFilter(const QSet<core::TcpState> &states);
    QSet<core::TcpState> stateFilter() const { return m_states; }
    // Case-insensitive, anywhere in the row's shown text; empty: every row.
    void setTextFilter(const QString &text);
    QString textFilter() const { return m_text; }
    // TIME_WAIT sockets are hidden unless shown here or asked for by the state filter, as ss
    // hides them without -a or a state: they are the kernel's memory of a connection that is
    // over, not an application's. Hidden by default.
    void setTimeWaitShown(bool shown);
    bool timeWaitShown() const { return m_showTimeWait; }
    // The TIME_WAIT sockets that would be shown (they pass the host and text filters) but for
    // that rule: what the table says it left out.
    int hiddenTimeWaitCount() const;

    // RowSortFilterProxy::settle(), then the count above is announced if it changed.
    void settle();

signals:
    void hiddenTimeWaitCountChanged(int count);

protected:
    bool accepts(int sourceRow) const override;
    // The filters read host, state and (text) every shown cell; the ageing refresh touches none.
    bool filterReads(const QList<int> &roles) const override;

private:
    enum class Verdict { Shown, Hidden, HiddenTimeWait };
    Verdict judge(int sourceRow) const;
    // Counted afresh (one look at each row's state) after the source or a filter changed, once
    // per turn of the event loop, or when asked.
    void queueRecount();
    void recount();

    QString m_host;
    QSet<core::TcpState> m_states;
    QString m_text;
    bool m_showTimeWait = false;
    mutable int m_hiddenTimeWaitCount = 0;
    mutable bool m_countStale = false;
    bool m_recountQueued = false;
    int m_announcedHiddenTimeWait = 0;
};

} // namespace halfopen::models
