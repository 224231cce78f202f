// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "audit/ApplicationAssumption.h"
#include "audit/AuditedConnection.h"
#include "audit/NamespaceSysctls.h"

#include <QByteArray>
#include <QHash>

class QIODevice;

namespace halfopen::audit {

// The one JSON codec of an audit: an array with one object per connection —
//   local, remote, state, pid, process, uid, user, users [{pid, process, fd}],
//   options_source, options_note, keepalive {enabled, idle_s, interval_s, count},
//   user_timeout_ms, sysctls {"net.ipv4.…": n}, rtt_ms, send_q, recv_q, timer,
//   timer_expires_ms, inode, cookie, predictions (predict --json's object; null when the
//   options are unknown), risk, risk_seconds, fix {text, keepalive, user_timeout_ms, seconds},
//   application (ApplicationAssumption::toJson, for well-known ports or ports the user named;
//   else null)
// — null where a value is unknown. Written as text: predictions are serialized once per
// distinct input and reused, which keeps 10 000 connections quick.
class AuditJsonWriter
{
public:
    explicit AuditJsonWriter(QIODevice *device);
    ~AuditJsonWriter();

    // The namespace's sysctls, serialized once for every object that follows.
    void setSysctls(const NamespaceSysctls &sysctls);
    // The application keepalives the user gave (`audit --app`), for the "application" field.
    void setApplications(const ApplicationKeepalives &applications) { m_applications = applications; }
    void append(const AuditedConnection &connection);
    // Closes the array and writes what is left. False when the device refused data.
    bool finish();

    // One object, for callers that assemble their own output (tests, the exporter).
    QByteArray objectText(const AuditedConnection &connection);

private:
    void appendObject(const AuditedConnection &c, QByteArray *out);
    const QByteArray &predictionsText(const core::PredictionInput &input);

    QIODevice *m_device;
    QByteArray m_buffer;
    QByteArray m_sysctls = "{}";
    ApplicationKeepalives m_applications;
    QHash<QByteArray, QByteArray> m_predictions;
    qsizetype m_count = 0;
    bool m_ok = true;
    bool m_finished = false;
};

} // namespace halfopen::audit
