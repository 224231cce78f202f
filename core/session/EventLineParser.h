// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/session/Event.h"

#include <QByteArrayView>
#include <QHash>
#include <optional>

namespace halfopen::core {

// One line of a recording read straight from its bytes into an Event, as QJsonDocument plus
// Event::fromJson read it, several times faster: no document is built, each key is matched once,
// numbers and strings go straight into their fields, and the short strings every event repeats
// (addresses, packet classes) are shared rather than allocated again. It takes what the
// recorder writes and declines (nullopt) anything else: a syntax error, a field of an unexpected
// type, a duplicate key, a \u escape or non-ASCII text. The caller then takes the QJsonDocument
// path, which gives the same event or the reason why there is none.
// One parser per thread: it keeps the shared strings.
class EventLineParser
{
public:
    std::optional<Event> parse(QByteArrayView line);

private:
    struct Number
    {
        bool integer = false; // as QJsonDocument stores it: whole values that fit are integers
        qint64 i = 0;
        double d = 0;
        qint64 toInteger() const { return integer ? i : 0; }
        int toInt() const { return integer && i == qint64(int(i)) ? int(i) : 0; }
        double toDouble() const { return integer ? double(i) : d; }
    };

    void skipSpace();
    bool take(char c);
    bool string(QByteArrayView *raw, bool *escaped);
    QString text(QByteArrayView raw, bool escaped);
    bool stringField(QString *out);
    bool number(Number *out);
    bool value(QJsonValue *out, int depth);
    bool object(QJsonObject *out, int depth);
    bool sample(TcpInfoSample *out);
    std::optional<TcpState> stateNamed(const QString &name);

    const char *m_p = nullptr;
    const char *m_end = nullptr;
    QHash<QByteArray, QString> m_strings; // short strings seen before, shared
    QHash<QString, TcpState> m_states;    // state names seen before
};

} // namespace halfopen::core
