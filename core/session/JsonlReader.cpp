#include "core/session/JsonlReader.h"

#include "core/session/Session.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

namespace halfopen::core {

JsonlReadResult readJsonl(const QString &path)
{
    JsonlReadResult result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.openError = QCoreApplication::translate("JsonlReader", "cannot read recording '%1': %2").arg(path, file.errorString());
        return result;
    }
    result.opened = true;
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        QJsonParseError parseError{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        if (!doc.isObject()) {
            result.problems.append(QCoreApplication::translate("JsonlReader", "line %1: %2").arg(lineNumber).arg(parseError.errorString()));
            continue;
        }
        QString why;
        if (auto event = Event::fromJson(doc.object(), &why))
            result.events.append(*event);
        else
            result.problems.append(QCoreApplication::translate("JsonlReader", "line %1: %2").arg(lineNumber).arg(why));
    }
    return result;
}

JsonlReadResult replayJsonl(const QString &path, Session *session)
{
    JsonlReadResult result = readJsonl(path);
    for (const Event &event : std::as_const(result.events))
        session->add(event);
    return result;
}

} // namespace halfopen::core
