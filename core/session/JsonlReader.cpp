#include "core/session/JsonlReader.h"

#include "core/session/Session.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <thread>
#include <vector>

namespace halfopen::core {

namespace {

// Lines [first, last) of a recording, parsed on their own (one worker's share).
struct ParsedPart {
    QList<Event> events;
    QStringList problems;
};

ParsedPart parseLines(const QList<QByteArrayView> &lines, qsizetype first, qsizetype last)
{
    ParsedPart part;
    part.events.reserve(last - first);
    for (qsizetype i = first; i < last; ++i) {
        const QByteArrayView line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        QJsonParseError parseError{};
        // fromRawData: no copy of the line; the whole file outlives the parse.
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromRawData(line.data(), line.size()), &parseError);
        if (!doc.isObject()) {
            part.problems.append(QCoreApplication::translate("JsonlReader", "line %1: %2").arg(i + 1).arg(parseError.errorString()));
            continue;
        }
        QString why;
        if (auto event = Event::fromJson(doc.object(), &why))
            part.events.append(std::move(*event));
        else
            part.problems.append(QCoreApplication::translate("JsonlReader", "line %1: %2").arg(i + 1).arg(why));
    }
    return part;
}

} // namespace

JsonlReadResult readJsonl(const QString &path)
{
    JsonlReadResult result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.openError = QCoreApplication::translate("JsonlReader", "cannot read recording '%1': %2").arg(path, file.errorString());
        return result;
    }
    result.opened = true;
    const QByteArray all = file.readAll();
    QList<QByteArrayView> lines;
    lines.reserve(all.count('\n') + 1);
    for (qsizetype start = 0; start < all.size();) {
        qsizetype end = all.indexOf('\n', start);
        if (end < 0)
            end = all.size();
        lines.append(QByteArrayView(all.constData() + start, end - start));
        start = end + 1;
    }

    // An hour of events is ~200 000 lines: parse them on every core, then join in file order.
    constexpr qsizetype kLinesPerWorker = 5000;
    const qsizetype workers = std::clamp<qsizetype>(lines.size() / kLinesPerWorker, 1, std::max(1u, std::thread::hardware_concurrency()));
    std::vector<ParsedPart> parts(static_cast<size_t>(workers));
    std::vector<std::thread> threads;
    const qsizetype share = (lines.size() + workers - 1) / workers;
    for (qsizetype w = 1; w < workers; ++w)
        threads.emplace_back([&, w] { parts[size_t(w)] = parseLines(lines, w * share, std::min(lines.size(), (w + 1) * share)); });
    parts[0] = parseLines(lines, 0, std::min(lines.size(), share));
    for (std::thread &t : threads)
        t.join();

    result.events.reserve(lines.size());
    for (ParsedPart &part : parts) {
        result.events.append(std::move(part.events));
        result.problems.append(part.problems);
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
