// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/AuditTableModel.h"

#include "core/predict/PredictionText.h"

#include <QColor>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <bit>

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
    return parent.isValid() ? 0 : int(m_indexOfRow.size());
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

namespace {

// The markers of a row with an active fault (QImage: no QGuiApplication needed; the view's
// delegate makes it an icon). Cut: a red disc with a white gap, a cable cut in two. Frozen: a
// blue disc with a pause sign.
QImage faultMarkImage(bool cut)
{
    QImage i(16, 16, QImage::Format_ARGB32_Premultiplied);
    i.fill(Qt::transparent);
    QPainter p(&i);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    // A white ring: the blue disc stays a disc on the selected row's blue.
    p.setBrush(Qt::white);
    p.drawEllipse(QRectF(0, 0, 16, 16));
    p.setBrush(cut ? QColor(0xb7, 0x1c, 0x1c) : QColor(0x15, 0x65, 0xc0));
    p.drawEllipse(QRectF(1.25, 1.25, 13.5, 13.5));
    p.setBrush(Qt::white);
    if (cut) {
        p.drawRect(QRectF(3, 7, 3.5, 2));
        p.drawRect(QRectF(9.5, 7, 3.5, 2));
    } else {
        p.drawRect(QRectF(5, 4.5, 2, 7));
        p.drawRect(QRectF(9, 4.5, 2, 7));
    }
    return i;
}

} // namespace

QString AuditTableModel::addressesKey(const AuditedConnection &c)
{
    return c.socket.local.toString() + QLatin1Char(' ') + c.socket.remote.toString();
}

void AuditTableModel::setFaultMarks(const QHash<QString, QString> &cutByAddresses,
                                    const QHash<qint64, QString> &frozenByPid)
{
    if (cutByAddresses == m_cutMarks && frozenByPid == m_frozenMarks)
        return;
    m_cutMarks = cutByAddresses;
    m_frozenMarks = frozenByPid;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                         {Qt::DecorationRole, Qt::ToolTipRole, FaultMarkRole});
}

QString AuditTableModel::faultMark(int row) const
{
    const AuditedConnection *c = connectionAt(row);
    if (!c || (m_cutMarks.isEmpty() && m_frozenMarks.isEmpty()))
        return {};
    QStringList marks;
    if (const auto cut = m_cutMarks.constFind(addressesKey(*c)); cut != m_cutMarks.constEnd())
        marks << *cut;
    for (const audit::SocketHolder &holder : c->holders) {
        if (const auto frozen = m_frozenMarks.constFind(holder.pid); frozen != m_frozenMarks.constEnd()) {
            marks << *frozen;
            break;
        }
    }
    return marks.join(QLatin1Char('\n'));
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const
{
    const AuditedConnection *shown = index.isValid() ? connectionAt(index.row()) : nullptr;
    if (!shown)
        return {};
    const AuditedConnection &c = *shown;
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
    case FaultMarkRole:
        return faultMark(index.row());
    case Qt::DecorationRole: {
        if (index.column() != Process || (m_cutMarks.isEmpty() && m_frozenMarks.isEmpty()))
            return {};
        static const QImage cut = faultMarkImage(true);
        static const QImage frozen = faultMarkImage(false);
        if (!m_cutMarks.isEmpty() && m_cutMarks.contains(addressesKey(c)))
            return cut;
        const bool stopped = std::any_of(c.holders.cbegin(), c.holders.cend(), [this](const audit::SocketHolder &h) {
            return m_frozenMarks.contains(h.pid);
        });
        return stopped ? QVariant(frozen) : QVariant();
    }
    case Qt::BackgroundRole:
        return index.column() == RiskColumn ? QVariant(riskColor(c.assessment.risk)) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == Process)
            return faultMark(index.row());
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
        return sort ? QVariant(int(c.socket.sample.state)) : QVariant(core::tcpStateName(c.socket.sample.state));
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

const AuditedConnection *AuditTableModel::connectionAt(int row) const
{
    return row >= 0 && row < int(m_indexOfRow.size()) ? &m_connections[size_t(m_indexOfRow[size_t(row)])] : nullptr;
}

int AuditTableModel::rowOfCookie(quint64 cookie) const
{
    const auto serial = m_serialOfCookie.constFind(cookie);
    if (serial == m_serialOfCookie.constEnd())
        return -1;
    const auto at = std::lower_bound(m_serialOfRow.cbegin(), m_serialOfRow.cend(), *serial);
    return at != m_serialOfRow.cend() && *at == *serial ? int(at - m_serialOfRow.cbegin()) : -1;
}

quint32 AuditTableModel::changedColumns(const AuditedConnection &a, const AuditedConnection &b)
{
    const auto bit = [](Column column) { return quint32(1) << column; };
    quint32 columns = 0;
    const bool holdersDiffer = a.holders.size() != b.holders.size()
        || (!a.holders.isEmpty()
            && (a.holders.constFirst().pid != b.holders.constFirst().pid
                || a.holders.constFirst().command != b.holders.constFirst().command));
    if (holdersDiffer)
        columns |= bit(Process) | bit(Pid);
    // Local and remote address: the cookie's, they never change.
    if (a.socket.sample.state != b.socket.sample.state)
        columns |= bit(State);
    if (a.assessment.risk != b.assessment.risk)
        columns |= bit(RiskColumn);
    if (a.optionsSource != b.optionsSource || a.assessment.seconds != b.assessment.seconds)
        columns |= bit(Noticed);
    if (a.optionsSource != b.optionsSource || a.optionsNote != b.optionsNote)
        columns |= bit(OptionsFrom) | bit(Keepalive) | bit(UserTimeout); // the note is their tooltip
    if (a.keepalive != b.keepalive)
        columns |= bit(Keepalive);
    if (a.userTimeoutMs != b.userTimeoutMs)
        columns |= bit(UserTimeout);
    if (a.assessment.fix.has_value() != b.assessment.fix.has_value()
        || (a.assessment.fix && a.assessment.fix->text != b.assessment.fix->text))
        columns |= bit(Fix);
    return columns;
}

AuditTableModel::Changes AuditTableModel::apply(std::vector<AuditedConnection> &&connections)
{
    Changes changes;
    // Where each connection of the scan is shown now: its row, or -1 (new).
    // Scans list the sockets in much the same order every time (the kernel's hash table's):
    // the previous scan is walked beside this one, the cookie index asked only where they part.
    const size_t before = m_indexOfRow.size();
    std::vector<int> rowOfIndex(m_connections.size(), -1);
    for (size_t row = 0; row < before; ++row)
        rowOfIndex[size_t(m_indexOfRow[row])] = int(row);
    std::vector<int> rowOf(connections.size(), -1);
    std::vector<bool> stays(before, false);
    size_t next = 0; // in the previous scan
    for (size_t i = 0; i < connections.size(); ++i) {
        const quint64 cookie = connections[i].socket.cookie;
        int row;
        if (next < m_connections.size() && m_connections[next].socket.cookie == cookie) {
            row = rowOfIndex[next++];
        } else {
            row = rowOfCookie(cookie);
            if (row >= 0)
                next = size_t(m_indexOfRow[size_t(row)]) + 1;
        }
        if (row >= 0 && !stays[size_t(row)]) {
            rowOf[i] = row;
            stays[size_t(row)] = true;
        }
    }

    // Closed connections leave, the last ranges first so the rows before keep their numbers.
    // (The rows keep their serial numbers, in order: no index of the rows below is rewritten.)
    int end = int(before);
    bool removed = false;
    while (end > 0) {
        if (stays[size_t(end - 1)]) {
            --end;
            continue;
        }
        int first = end - 1;
        while (first > 0 && !stays[size_t(first - 1)])
            --first;
        beginRemoveRows({}, first, end - 1);
        for (int row = first; row < end; ++row)
            m_serialOfCookie.remove(connectionAt(row)->socket.cookie);
        m_indexOfRow.erase(m_indexOfRow.begin() + first, m_indexOfRow.begin() + end);
        m_serialOfRow.erase(m_serialOfRow.begin() + first, m_serialOfRow.begin() + end);
        endRemoveRows();
        changes.removed += end - first;
        removed = true;
        end = first;
    }
    if (removed) {
        // The scan's rows, renumbered: an old row minus the removed rows above it.
        std::vector<int> newRow(before, -1);
        int removedAbove = 0;
        for (size_t row = 0; row < before; ++row) {
            if (stays[row])
                newRow[row] = int(row) - removedAbove;
            else
                ++removedAbove;
        }
        for (int &row : rowOf) {
            if (row >= 0)
                row = newRow[size_t(row)];
        }
    }

    // Those that stayed now show the scan's values (the details, timer and RTT, move every
    // scan): the scan itself becomes what the rows show, nothing is copied or moved. A
    // dataChanged per run of changed rows, over the columns that changed in it: a sorting proxy
    // looks again only at those rows, and re-sorts only when the sort column changed.
    std::vector<quint32> changedColumnsOf(m_indexOfRow.size(), 0);
    bool anyChanged = false;
    for (size_t i = 0; i < connections.size(); ++i) {
        const int row = rowOf[i];
        if (row < 0)
            continue;
        const quint32 columns = changedColumns(*connectionAt(row), connections[i]);
        m_indexOfRow[size_t(row)] = int(i);
        if (!columns)
            continue;
        changedColumnsOf[size_t(row)] = columns;
        anyChanged = true;
        ++changes.changed;
    }
    std::swap(m_connections, connections); // the caller gets the previous scan to dispose of
    if (anyChanged)
        signalChangedRows(changedColumnsOf);

    // New connections arrive in one insert at the end.
    for (int row : rowOf)
        changes.added += row < 0;
    if (changes.added > 0) {
        const int first = int(m_indexOfRow.size());
        beginInsertRows({}, first, first + changes.added - 1);
        for (size_t i = 0; i < m_connections.size(); ++i) {
            if (rowOf[i] >= 0)
                continue;
            m_serialOfCookie.insert(m_connections[i].socket.cookie, m_nextSerial);
            m_serialOfRow.push_back(m_nextSerial++);
            m_indexOfRow.push_back(int(i));
        }
        endInsertRows();
    }
    return changes;
}

void AuditTableModel::signalChangedRows(const std::vector<quint32> &changedColumnsOf)
{
    // Runs of adjacent changed rows, each with the span of the columns that changed in it. Past
    // kMaxSeparateRanges runs, one signal over them all costs the views less than many.
    struct Run
    {
        int first;
        int last;
        quint32 columns;
    };
    std::vector<Run> runs;
    quint32 allColumns = 0;
    for (size_t row = 0; row < changedColumnsOf.size(); ++row) {
        const quint32 columns = changedColumnsOf[row];
        if (!columns)
            continue;
        allColumns |= columns;
        if (!runs.empty() && runs.back().last + 1 == int(row)) {
            runs.back().last = int(row);
            runs.back().columns |= columns;
        } else {
            runs.push_back({int(row), int(row), columns});
        }
    }
    if (runs.size() > kMaxSeparateRanges)
        runs = {{runs.front().first, runs.back().last, allColumns}};
    for (const Run &run : runs) {
        const int firstColumn = std::countr_zero(run.columns);
        const int lastColumn = 31 - std::countl_zero(run.columns);
        emit dataChanged(index(run.first, firstColumn), index(run.last, lastColumn));
    }
}

} // namespace halfopen::models
