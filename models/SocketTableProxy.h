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

protected:
    bool accepts(int sourceRow) const override;
    // The filters read host, state and (text) every shown cell; the ageing refresh touches none.
    bool filterReads(const QList<int> &roles) const override;

private:
    QString m_host;
    QSet<core::TcpState> m_states;
    QString m_text;
};

} // namespace halfopen::models
