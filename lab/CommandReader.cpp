// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/CommandReader.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

namespace halfopen::lab {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(CommandReader)
};
} // namespace

QList<CommandReader::Item> CommandReader::feed(const QByteArray &bytes)
{
    QList<Item> items;
    for (const core::LineSplitter::Line &line : m_lines.feed(bytes)) {
        if (line.overlong) {
            items.append({{}, Text::tr("command line longer than %1 bytes: discarded").arg(kMaxLineBytes)});
            continue;
        }
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(line.text, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            items.append({{},
                          Text::tr("command is not valid JSON at offset %1: %2")
                              .arg(parseError.offset)
                              .arg(parseError.errorString())});
        else if (!doc.isObject())
            items.append({{}, Text::tr("command must be a JSON object such as {\"cmd\": \"stop\"}")});
        else
            items.append({doc.object(), {}});
    }
    return items;
}

} // namespace halfopen::lab
