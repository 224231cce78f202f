// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/JsonlReader.h"

#include "core/session/EventLineParser.h"
#include "core/session/Session.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <thread>
#include <vector>

namespace halfopen::core {

namespace {

QString lineProblem(qint64 line, const QString &why)
{
    return QCoreApplication::translate("JsonlReader", "line %1: %2").arg(line).arg(why);
}

// One worker's share of a file: whole lines, and the number of the first.
struct Part
{
    QByteArrayView lines;
    qint64 firstLine = 1;
    QList<Event> events;
    QStringList problems;
};

} // namespace

void parseJsonlLines(QByteArrayView lines, qint64 firstLine, EventLineParser *parser, QList<Event> *events,
                     QStringList *problems)
{
    qint64 number = firstLine;
    for (qsizetype start = 0; start < lines.size(); ++number) {
        qsizetype end = lines.indexOf('\n', start);
        if (end < 0)
            end = lines.size();
        const QByteArrayView line = lines.sliced(start, end - start).trimmed();
        start = end + 1;
        if (line.isEmpty())
            continue;
        // What the recorder writes takes the fast path; anything else, and every error, QJsonDocument.
        if (auto event = parser->parse(line)) {
            events->append(std::move(*event));
            continue;
        }
        QJsonParseError parseError{};
        // fromRawData: no copy of the line; the whole file outlives the parse.
        const QJsonDocument doc
            = QJsonDocument::fromJson(QByteArray::fromRawData(line.data(), line.size()), &parseError);
        if (!doc.isObject()) {
            problems->append(lineProblem(number, parseError.errorString()));
            continue;
        }
        QString why;
        if (auto event = Event::fromJson(doc.object(), &why))
            events->append(std::move(*event));
        else
            problems->append(lineProblem(number, why));
    }
}

bool readRecordingFile(const QString &path, QByteArray *bytes, QString *error)
{
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        *error = QCoreApplication::translate("JsonlReader", "cannot read recording '%1': not a regular file").arg(path);
        return false;
    }
    if (info.size() > kMaxRecordingBytes) {
        *error = QCoreApplication::translate(
                     "JsonlReader", "cannot read recording '%1': %2 MB, more than the %3 MB a recording may have")
                     .arg(path)
                     .arg(info.size() >> 20)
                     .arg(kMaxRecordingBytes >> 20);
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("JsonlReader", "cannot read recording '%1': %2")
                     .arg(path, file.errorString());
        return false;
    }
    *bytes = file.read(kMaxRecordingBytes);
    if (bytes->trimmed().isEmpty()) {
        *error = QCoreApplication::translate("JsonlReader", "recording '%1' is empty: it holds no events").arg(path);
        return false;
    }
    return true;
}

JsonlReadResult readJsonl(const QString &path)
{
    JsonlReadResult result;
    QByteArray all;
    if (!readRecordingFile(path, &all, &result.openError))
        return result;
    result.opened = true;

    // An hour of events is ~200 000 lines: parse them on every core, then join in file order.
    constexpr qsizetype kBytesPerWorker = 1 << 20;
    const qsizetype workers
        = std::clamp<qsizetype>(all.size() / kBytesPerWorker, 1, std::max(1u, std::thread::hardware_concurrency()));
    std::vector<Part> parts(static_cast<size_t>(workers));
    qsizetype start = 0;
    qint64 line = 1;
    for (qsizetype w = 0; w < workers; ++w) {
        qsizetype end
            = w + 1 == workers ? all.size() : all.indexOf('\n', std::max(start, all.size() * (w + 1) / workers));
        end = end < 0 ? all.size() : end + (w + 1 == workers ? 0 : 1);
        Part &part = parts[size_t(w)];
        part.lines = QByteArrayView(all).sliced(start, end - start);
        part.firstLine = line;
        line += part.lines.count('\n');
        start = end;
    }
    const auto parse = [](Part &part) {
        EventLineParser parser;
        part.events.reserve(part.lines.size() / 256);
        parseJsonlLines(part.lines, part.firstLine, &parser, &part.events, &part.problems);
    };
    std::vector<std::thread> threads;
    for (size_t w = 1; w < parts.size(); ++w)
        threads.emplace_back(parse, std::ref(parts[w]));
    parse(parts[0]);
    for (std::thread &t : threads)
        t.join();

    for (Part &part : parts) {
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
