// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/JsonlRecorder.h"

#include "core/session/JsonlReader.h"
#include "core/session/MonotonicClock.h"
#include "core/session/Session.h"

#include <QJsonDocument>

namespace halfopen::core {

JsonlRecorder::JsonlRecorder(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(m_session, &Session::eventAdded, this, [this](const Event &event) { write(event); });
}

JsonlRecorder::~JsonlRecorder()
{
    close();
}

bool JsonlRecorder::open(const QString &path, QString *error)
{
    close();
    m_file.setFileName(path);
    // Unbuffered: each line goes to the kernel as soon as it is written.
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered)) {
        if (error)
            *error = tr("cannot write recording '%1': %2").arg(path, m_file.errorString());
        return false;
    }
    // A file that takes nothing (a full disk, /dev/full) is refused here, before anything runs.
    QString failure;
    // The session's wall clock: this machine's for a live session; a replayed recording keeps its
    // own, or none when it had none (its events' wall times are not known).
    if (!writeLine(recordingHeaderLine(m_session ? m_session->wallClock() : WallClock::now()), &failure)) {
        if (error)
            *error = failure;
        return false;
    }
    for (const Event &event : m_session->events())
        write(event);
    if (!m_file.isOpen()) {
        if (error)
            *error = tr("cannot write recording '%1': %2").arg(path, m_file.errorString());
        return false;
    }
    return true;
}

void JsonlRecorder::close()
{
    if (!m_file.isOpen())
        return;
    // The end is as late as the last event, whatever the clock says (a replayed session's
    // events may be from another boot).
    qint64 endUs = monotonicNowUs();
    if (m_session && !m_session->events().isEmpty())
        endUs = qMax(endUs, m_session->events().constLast().tUs);
    if (writeLine(recordingEndLine(endUs)))
        m_file.close();
}

void JsonlRecorder::write(const Event &event)
{
    if (!m_file.isOpen())
        return;
    QByteArray line = QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact);
    line.append('\n');
    writeLine(line);
}

bool JsonlRecorder::writeLine(const QByteArray &line, QString *error)
{
    if (m_file.write(line) == line.size())
        return true;
    const QString message = tr("cannot write recording '%1': %2").arg(m_file.fileName(), m_file.errorString());
    m_file.close();
    if (error)
        *error = message;
    else
        emit writeFailed(message);
    return false;
}

} // namespace halfopen::core
