// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/JsonlRecorder.h"

#include "core/session/Session.h"

#include <QJsonDocument>

namespace halfopen::core {

JsonlRecorder::JsonlRecorder(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(m_session, &Session::eventAdded, this, [this](const Event &event) { write(event); });
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
    if (m_file.isOpen())
        m_file.close();
}

void JsonlRecorder::write(const Event &event)
{
    if (!m_file.isOpen())
        return;
    QByteArray line = QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact);
    line.append('\n');
    if (m_file.write(line) != line.size()) {
        const QString message = tr("cannot write recording '%1': %2").arg(m_file.fileName(), m_file.errorString());
        m_file.close();
        emit writeFailed(message);
    }
}

} // namespace halfopen::core
