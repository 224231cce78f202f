// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/session/JsonlReader.h"

#include "core/session/EventLineParser.h"
#include "core/session/Session.h"
#include "core/tcp/JsonFields.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <limits>
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
    RecordingMarks marks;
};

const QString kRecordingKey = QStringLiteral("recording");

// A line of the recording's own (RecordingMarks): true when `object` is one, with a problem
// added when it is malformed.
bool readMark(const QJsonObject &object, qint64 number, RecordingMarks *marks, QStringList *problems)
{
    if (!object.contains(kRecordingKey))
        return false;
    QString error;
    core::JsonFields fields(object, QString(), &error);
    QString what;
    if (fields.text(kRecordingKey, &what, 16) && what == QLatin1String("halfopen")) {
        int format = 1;
        const QString wallKey = QStringLiteral("wall_clock");
        const QString monotonicKey = QStringLiteral("monotonic_us");
        if (fields.onlyKeys({kRecordingKey, QStringLiteral("format"), wallKey, monotonicKey})
            && fields.integer(QStringLiteral("format"), 1, 1000, &format) && marks)
            marks->format = format;
        // The wall clock and its monotonic time come together, or neither is used.
        QString wall;
        qint64 monotonicUs = 0;
        if (fields.ok() && (object.contains(wallKey) || object.contains(monotonicKey))
            && fields.text(wallKey, &wall, 64) && fields.integer64(monotonicKey, 0, Event::kMaxTimeUs, &monotonicUs)) {
            const QDateTime utc = QDateTime::fromString(wall, Qt::ISODateWithMs);
            if (!utc.isValid())
                fields.fail(wallKey,
                            QCoreApplication::translate("JsonlReader",
                                                        "must be a UTC date and time like 2026-12-05T01:22:13.123Z"));
            else if (marks)
                marks->wallClock = {utc.toUTC(), monotonicUs};
        }
    } else if (fields.ok() && what == QLatin1String("end")) {
        qint64 endUs = -1;
        if (fields.onlyKeys({kRecordingKey, QStringLiteral("t_us")})
            && fields.integer64(QStringLiteral("t_us"), 0, Event::kMaxTimeUs, &endUs) && marks) {
            marks->ended = true;
            marks->endUs = endUs;
        }
    } else if (fields.ok()) {
        fields.fail(kRecordingKey,
                    QCoreApplication::translate("JsonlReader", "must be halfopen (the first line) or end (the last)"));
    }
    if (!fields.ok())
        problems->append(lineProblem(number, error));
    return true;
}

} // namespace

QByteArray recordingHeaderLine(const WallClock &wallClock)
{
    QByteArray line = QByteArrayLiteral("{\"format\":") + QByteArray::number(kRecordingFormat)
        + QByteArrayLiteral(",\"recording\":\"halfopen\"");
    if (wallClock.isValid())
        line += QByteArrayLiteral(",\"wall_clock\":\"") + WallClock::iso(wallClock.utc).toLatin1()
            + QByteArrayLiteral("\",\"monotonic_us\":") + QByteArray::number(wallClock.monotonicUs);
    return line + QByteArrayLiteral("}\n");
}

QByteArray recordingEndLine(qint64 tUs)
{
    return QByteArrayLiteral("{\"recording\":\"end\",\"t_us\":") + QByteArray::number(tUs) + QByteArrayLiteral("}\n");
}

bool linesInTimeOrder(QByteArrayView lines)
{
    static const QByteArrayView kKey = "\"t_us\":";
    qint64 last = std::numeric_limits<qint64>::min();
    for (qsizetype start = 0; start < lines.size();) {
        qsizetype end = lines.indexOf('\n', start);
        if (end < 0)
            end = lines.size();
        const QByteArrayView line = lines.sliced(start, end - start);
        start = end + 1;
        // The recorder writes keys in order: the event's own "t_us" is the line's last
        // (a "t_us" inside "detail" comes before it).
        const qsizetype at = line.lastIndexOf(kKey);
        if (at < 0)
            continue;
        qsizetype i = at + kKey.size();
        const bool negative = i < line.size() && line.at(i) == '-';
        i += negative ? 1 : 0;
        qint64 t = 0;
        for (; i < line.size() && line.at(i) >= '0' && line.at(i) <= '9' && t < Event::kMaxTimeUs; ++i)
            t = t * 10 + (line.at(i) - '0');
        t = negative ? -t : t;
        if (t < last)
            return false;
        last = t;
    }
    return true;
}

void parseJsonlLines(QByteArrayView lines, qint64 firstLine, EventLineParser *parser, QList<Event> *events,
                     QStringList *problems, RecordingMarks *marks)
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
        // An end line counts only as the last: events after it (two recordings joined) do not end.
        if (marks && marks->ended && !line.contains("\"recording\":")) {
            marks->ended = false;
            marks->endUs = -1;
        }
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
        if (readMark(doc.object(), number, marks, problems))
            continue;
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
        parseJsonlLines(part.lines, part.firstLine, &parser, &part.events, &part.problems, &part.marks);
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
        result.marks.format = std::max(result.marks.format, part.marks.format);
        // The end line must be the file's last: a later part with lines decides.
        if (part.marks.ended || !part.lines.trimmed().isEmpty())
            result.marks = {result.marks.format, part.marks.ended, part.marks.endUs, result.marks.wallClock};
        // The first line's wall clock: the first part that has one.
        if (!result.marks.wallClock.isValid())
            result.marks.wallClock = part.marks.wallClock;
    }
    return result;
}

JsonlReadResult replayJsonl(const QString &path, Session *session)
{
    JsonlReadResult result = readJsonl(path);
    std::stable_sort(result.events.begin(), result.events.end(),
                     [](const Event &a, const Event &b) { return a.tUs < b.tUs; });
    session->setWallClock(result.marks.wallClock);
    for (const Event &event : std::as_const(result.events))
        session->add(event);
    return result;
}

} // namespace halfopen::core
