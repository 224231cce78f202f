// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace halfopen::core {

// Reads one JSON object strictly, the same way wherever HalfOpen reads its formats (scenarios,
// the supervisor's commands, recordings): an unknown key is an error (a typo would otherwise be
// silently ignored), every value must have its type and lie in its range. A key that is absent
// leaves the output untouched. The first problem is kept, as "path.key: message" naming the
// allowed range, and every later call returns false.
class JsonFields
{
public:
    // `path` names the object in messages ("hosts.client"); empty for the top level.
    JsonFields(const QJsonObject &object, const QString &path, QString *error);

    bool onlyKeys(const QStringList &allowed);
    bool integer(const QString &key, qint64 minimum, qint64 maximum, int *out);
    bool integer64(const QString &key, qint64 minimum, qint64 maximum, qint64 *out);
    bool number(const QString &key, double minimum, double maximum, double *out);
    bool boolean(const QString &key, bool *out);
    bool text(const QString &key, QString *out, qsizetype maxLength = 4096);
    bool object(const QString &key, QJsonObject *out);

    bool has(const QString &key) const { return m_object.contains(key); }
    bool ok() const { return m_ok; }
    QString pathOf(const QString &key) const;
    // Records a problem with `key` (the message says what is allowed); returns false.
    bool fail(const QString &key, const QString &message);

    // How a value reads in a message: "abc" quoted and shortened, numbers as numbers, "a list"...
    static QString describe(const QJsonValue &value);

    // The sentences for a value out of its range, the same wherever a setting is read: a
    // scenario file, the supervisor's commands, the CLI's options and the window's fields, so the
    // user reads one sentence for one mistake. `unit` follows the maximum as the field shows it
    // (" s", " MB"; empty in JSON, whose keys name the unit); `given` is the value as it was
    // written (describe(), or the text typed; emptyText() for nothing).
    //   "keepalive.idle_s: must be a whole number from 1 to 32767, not 99999999"
    //   "Idle before first probe: must be a whole number from 1 to 32767 s, not 99999999"
    static QString wholeNumberRule(qint64 minimum, qint64 maximum, const QString &given, const QString &unit = {});
    static QString numberRule(double minimum, double maximum, const QString &given, const QString &unit = {});
    static QString problem(const QString &field, const QString &rule); // "field: rule"
    static QString emptyText();                                        // "empty"

private:
    QJsonObject m_object;
    QString m_path;
    QString *m_error;
    bool m_ok = true;
};

} // namespace halfopen::core
