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
    qsizetype from = 0;
    while (from < bytes.size()) {
        const qsizetype newline = bytes.indexOf('\n', from);
        const qsizetype end = newline < 0 ? bytes.size() : newline;
        if (m_skipping) {
            if (newline >= 0)
                m_skipping = false;
        } else {
            m_pending.append(bytes.constData() + from, end - from);
            if (m_pending.size() > kMaxLineBytes) {
                items.append({{}, Text::tr("command line longer than %1 bytes: discarded").arg(kMaxLineBytes)});
                m_pending.clear();
                m_skipping = newline < 0;
            } else if (newline >= 0) {
                const QByteArray line = m_pending.trimmed();
                m_pending.clear();
                if (!line.isEmpty()) {
                    QJsonParseError parseError;
                    const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
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
            }
        }
        if (newline < 0)
            break;
        from = newline + 1;
    }
    return items;
}

} // namespace halfopen::lab
