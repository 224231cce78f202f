// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/AuditTableModel.h"

#include "core/predict/PredictionText.h"

#include <QColor>

namespace halfopen::models {

using audit::AuditedConnection;

namespace {

QString keepaliveText(const AuditedConnection &c)
{
    if (!c.keepalive.enabled)
        return AuditTableModel::tr("unknown");
    if (!*c.keepalive.enabled)
        return AuditTableModel::tr("off");
    if (!c.keepalive.idleS)
        return AuditTableModel::tr("on (timers unknown)");
    return QStringLiteral("%1 / %2 / %3").arg(*c.keepalive.idleS).arg(*c.keepalive.intervalS).arg(*c.keepalive.count);
}

QString userTimeoutText(const AuditedConnection &c)
{
    if (!c.userTimeoutMs)
        return AuditTableModel::tr("unknown");
    return *c.userTimeoutMs ? AuditTableModel::tr("%1 ms").arg(*c.userTimeoutMs) : AuditTableModel::tr("off");
}

QString noticedText(const AuditedConnection &c)
{
    if (c.optionsSource == audit::OptionsSource::Unknown)
        return AuditTableModel::tr("unknown");
    if (!c.assessment.seconds)
        return AuditTableModel::tr("never");
    return core::PredictionText::duration(qRound64(*c.assessment.seconds * 1e6));
}

QString optionsFromText(audit::OptionsSource source)
{
    switch (source) {
    case audit::OptionsSource::Socket:
        return AuditTableModel::tr("the socket");
    case audit::OptionsSource::Timer:
        return AuditTableModel::tr("its timer");
    case audit::OptionsSource::Unknown:
        break;
    }
    return AuditTableModel::tr("unknown");
}

} // namespace

AuditTableModel::AuditTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int AuditTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditTableModel::riskText(audit::Risk risk)
{
    return audit::riskTitle(risk);
}

QColor AuditTableModel::riskColor(audit::Risk risk)
{
    switch (risk) {
    case audit::Risk::HalfOpenForever:
        return QColor(220, 50, 47, 110);
    case audit::Risk::Slow:
        return QColor(230, 160, 20, 110);
    case audit::Risk::Ok:
        return QColor(60, 170, 80, 80);
    case audit::Risk::Unknown:
        break;
    }
    return QColor(128, 128, 128, 60);
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const AuditedConnection &c = *m_rows[size_t(index.row())];
    switch (role) {
    case RiskRole:
        return int(c.assessment.risk);
    case CookieRole:
        return c.socket.cookie;
    case FilterTextRole:
        return QStringList{c.process(),
                           c.pid() ? QString::number(*c.pid()) : QString(),
                           c.socket.local.toString(),
                           c.socket.remote.toString(),
                           audit::riskName(c.assessment.risk),
                           riskText(c.assessment.risk)}
            .join(QLatin1Char(' '));
    case Qt::BackgroundRole:
        return index.column() == RiskColumn ? QVariant(riskColor(c.assessment.risk)) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == OptionsFrom || index.column() == Keepalive || index.column() == UserTimeout)
            return c.optionsNote;
        if (index.column() == Fix && c.assessment.fix)
            return tr("Set these options on the socket (setsockopt) in the program: %1").arg(c.assessment.fix->text);
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Pid || index.column() == Noticed ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                  : QVariant();
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }
    const bool sort = role == SortRole;
    switch (Column(index.column())) {
    case Process:
        return c.holders.isEmpty() ? tr("not visible") : c.process();
    case Pid:
        if (sort)
            return c.pid().value_or(0);
        return c.pid() ? QString::number(*c.pid()) : QStringLiteral("–");
    case Local:
        return sort ? QVariant(c.socket.local.port()) : QVariant(c.socket.local.toString());
    case Remote:
        return c.socket.remote.toString();
    case State:
        return core::tcpStateName(c.socket.sample.state);
    case Keepalive:
        return keepaliveText(c);
    case UserTimeout:
        if (sort)
            return c.userTimeoutMs.value_or(-1);
        return userTimeoutText(c);
    case OptionsFrom:
        return optionsFromText(c.optionsSource);
    case Noticed:
        if (sort) // never sorts after any time, unknown before everything
            return c.optionsSource == audit::OptionsSource::Unknown ? -1.0 : c.assessment.seconds.value_or(1e12);
        return noticedText(c);
    case RiskColumn:
        return sort ? QVariant(int(c.assessment.risk)) : QVariant(riskText(c.assessment.risk));
    case Fix:
        return c.assessment.fix ? c.assessment.fix->text : QString();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case Keepalive:
            return tr("SO_KEEPALIVE and its timers on this socket: TCP_KEEPIDLE / TCP_KEEPINTVL (s) / TCP_KEEPCNT");
        case UserTimeout:
            return tr("TCP_USER_TIMEOUT on this socket");
        case OptionsFrom:
            return tr("Where the options come from: the socket itself (pidfd_getfd), or only its timer as sock_diag "
                      "shows it (no right to read the socket)");
        case Noticed:
            return tr("When an idle connection would notice that its peer lost power, after the last packet received "
                      "(the predictor's answer with this socket's options and this namespace's sysctls)");
        case RiskColumn:
            return tr("half-open forever: never notices a powered-off peer; slow: later than the threshold; ok");
        case Fix:
            return tr("The socket options that would bring it under the threshold, and the time they give");
        default:
            return {};
        }
    }
    switch (Column(section)) {
    case Process:
        return tr("Process");
    case Pid:
        return tr("PID");
    case Local:
        return tr("Local");
    case Remote:
        return tr("Remote");
    case State:
        return tr("State");
    case Keepalive:
        return tr("Keepalive");
    case UserTimeout:
        return tr("User timeout");
    case OptionsFrom:
        return tr("Options from");
    case Noticed:
        return tr("Noticed after");
    case RiskColumn:
        return tr("Risk");
    case Fix:
        return tr("Fix");
    case ColumnCount:
        break;
    }
    return {};
}

bool AuditTableModel::lessThan(int leftRow, int rightRow, int column) const
{
    const AuditedConnection &a = *m_rows[size_t(leftRow)];
    const AuditedConnection &b = *m_rows[size_t(rightRow)];
    auto noticed = [](const AuditedConnection &c) {
        return c.optionsSource == audit::OptionsSource::Unknown ? -1.0 : c.assessment.seconds.value_or(1e12);
    };
    switch (Column(column)) {
    case Pid:
        return a.pid().value_or(0) < b.pid().value_or(0);
    case Local:
        return a.socket.local.port() < b.socket.local.port();
    case RiskColumn:
        return a.assessment.risk < b.assessment.risk;
    case Noticed:
        return noticed(a) < noticed(b);
    case UserTimeout:
        return a.userTimeoutMs.value_or(-1) < b.userTimeoutMs.value_or(-1);
    case State:
        return a.socket.sample.state < b.socket.sample.state;
    default:
        break;
    }
    const QModelIndex left = index(leftRow, column);
    const QModelIndex right = index(rightRow, column);
    return QString::localeAwareCompare(left.data(SortRole).toString(), right.data(SortRole).toString()) < 0;
}

const AuditedConnection *AuditTableModel::connectionAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[size_t(row)].get() : nullptr;
}

int AuditTableModel::rowOfCookie(quint64 cookie) const
{
    return m_rowOfCookie.value(cookie, -1);
}

bool AuditTableModel::shownValuesDiffer(const AuditedConnection &a, const AuditedConnection &b)
{
    return a.socket.sample.state != b.socket.sample.state || a.optionsSource != b.optionsSource
        || a.keepalive != b.keepalive || a.userTimeoutMs != b.userTimeoutMs || a.assessment.risk != b.assessment.risk
        || a.assessment.seconds != b.assessment.seconds || a.holders.size() != b.holders.size()
        || (!a.holders.isEmpty()
            && (a.holders.constFirst().pid != b.holders.constFirst().pid
                || a.holders.constFirst().command != b.holders.constFirst().command))
        || a.assessment.fix.has_value() != b.assessment.fix.has_value()
        || (a.assessment.fix && a.assessment.fix->text != b.assessment.fix->text);
}

void AuditTableModel::reindex()
{
    m_rowOfCookie.clear();
    m_rowOfCookie.reserve(qsizetype(m_rows.size()));
    for (size_t i = 0; i < m_rows.size(); ++i)
        m_rowOfCookie.insert(m_rows[i]->socket.cookie, int(i));
}

AuditTableModel::Changes AuditTableModel::apply(std::vector<AuditedConnection> &&connections)
{
    Changes changes;
    QHash<quint64, qsizetype> fresh;
    fresh.reserve(qsizetype(connections.size()));
    for (size_t i = 0; i < connections.size(); ++i)
        fresh.insert(connections[i].socket.cookie, qsizetype(i));

    // Closed connections leave, the last ranges first so the rows before keep their numbers.
    int end = int(m_rows.size());
    while (end > 0) {
        if (fresh.contains(m_rows[size_t(end - 1)]->socket.cookie)) {
            --end;
            continue;
        }
        int first = end - 1;
        while (first > 0 && !fresh.contains(m_rows[size_t(first - 1)]->socket.cookie))
            --first;
        beginRemoveRows({}, first, end - 1);
        m_rows.erase(m_rows.begin() + first, m_rows.begin() + end);
        endRemoveRows();
        changes.removed += end - first;
        end = first;
    }
    if (changes.removed > 0)
        reindex();

    // Those that stayed change in place. One dataChanged spans the changed rows: a sorting
    // proxy then re-sorts once, where a signal per row would re-sort (and relayout the view)
    // once per row.
    std::vector<bool> taken(connections.size(), false);
    int firstChanged = -1;
    int lastChanged = -1;
    for (size_t row = 0; row < m_rows.size(); ++row) {
        const qsizetype from = fresh.value(m_rows[row]->socket.cookie, -1);
        if (from < 0)
            continue;
        taken[size_t(from)] = true;
        AuditedConnection &now = connections[size_t(from)];
        const bool differs = shownValuesDiffer(*m_rows[row], now);
        *m_rows[row] = std::move(now); // the details (timer, RTT) move every scan
        if (!differs)
            continue;
        ++changes.changed;
        if (firstChanged < 0)
            firstChanged = int(row);
        lastChanged = int(row);
    }
    if (firstChanged >= 0)
        emit dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));

    // New connections arrive in one insert at the end.
    const int before = int(m_rows.size());
    for (size_t i = 0; i < connections.size(); ++i) {
        if (!taken[i])
            ++changes.added;
    }
    if (changes.added > 0) {
        beginInsertRows({}, before, before + changes.added - 1);
        for (size_t i = 0; i < connections.size(); ++i) {
            if (taken[i])
                continue;
            m_rowOfCookie.insert(connections[i].socket.cookie, int(m_rows.size()));
            m_rows.push_back(std::make_unique<AuditedConnection>(std::move(connections[i])));
        }
        endInsertRows();
    }
    return changes;
}

} // namespace halfopen::models
