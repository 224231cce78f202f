#pragma once

#include "core/tcp/TcpState.h"

#include <QSet>
#include <QSortFilterProxyModel>

namespace halfopen::models {

// The socket table as the user narrows it: by host, by TCP state, by any text in the row; sorted
// by the raw values (RawValueRole), so RTO 1000 ms sorts after 204 ms and port 40000 after 5000.
class SocketTableProxy : public QSortFilterProxyModel
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
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_host;
    QSet<core::TcpState> m_states;
    QString m_text;
};

} // namespace halfopen::models
