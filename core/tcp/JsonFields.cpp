// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tcp/JsonFields.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>

namespace halfopen::core {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(JsonFields)
};
} // namespace

JsonFields::JsonFields(const QJsonObject &object, const QString &path, QString *error)
    : m_object(object)
    , m_path(path)
    , m_error(error)
{ }

QString JsonFields::pathOf(const QString &key) const
{
    return m_path.isEmpty() ? key : QStringLiteral("%1.%2").arg(m_path, key);
}

bool JsonFields::fail(const QString &key, const QString &message)
{
    if (m_ok && m_error)
        *m_error = problem(key.isEmpty() ? m_path : pathOf(key), message);
    m_ok = false;
    return false;
}

QString JsonFields::describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: {
        QString s = value.toString();
        if (s.size() > 40)
            s = s.left(40) + QStringLiteral("...");
        return QStringLiteral("\"%1\"").arg(s);
    }
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 12);
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array:
        return Text::tr("a list");
    case QJsonValue::Object:
        return Text::tr("an object");
    default:
        return QStringLiteral("null");
    }
}

QString JsonFields::wholeNumberRule(qint64 minimum, qint64 maximum, const QString &given, const QString &unit)
{
    //: %1 minimum, %2 maximum, %3 its unit as the field shows it (" s", may be empty), %4 the value given
    return Text::tr("must be a whole number from %1 to %2%3, not %4").arg(minimum).arg(maximum).arg(unit, given);
}

QString JsonFields::numberRule(double minimum, double maximum, const QString &given, const QString &unit)
{
    //: %1 minimum, %2 maximum, %3 its unit as the field shows it (" ms", may be empty), %4 the value given
    return Text::tr("must be a number from %1 to %2%3, not %4").arg(minimum).arg(maximum).arg(unit, given);
}

QString JsonFields::problem(const QString &field, const QString &rule)
{
    return QStringLiteral("%1: %2").arg(field, rule);
}

QString JsonFields::emptyText()
{
    return Text::tr("empty", "a field with nothing typed in it");
}

bool JsonFields::onlyKeys(const QStringList &allowed)
{
    if (!m_ok)
        return false;
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (!allowed.contains(it.key()))
            return fail(it.key(),
                        Text::tr("is not a known field; allowed: %1").arg(allowed.join(QStringLiteral(", "))));
    }
    return true;
}

bool JsonFields::integer64(const QString &key, qint64 minimum, qint64 maximum, qint64 *out)
{
    if (!m_ok)
        return false;
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined())
        return true;
    const double d = v.toDouble();
    // Whole numbers only: 5.7 retries or 2.5 s would otherwise become 5 or 2 without a word.
    if (!v.isDouble() || !std::isfinite(d) || d != std::floor(d) || d < double(minimum) || d > double(maximum))
        return fail(key, wholeNumberRule(minimum, maximum, describe(v)));
    *out = qint64(d);
    return true;
}

bool JsonFields::integer(const QString &key, qint64 minimum, qint64 maximum, int *out)
{
    qint64 value = *out;
    if (!integer64(key, minimum, maximum, &value))
        return false;
    *out = int(value);
    return true;
}

bool JsonFields::number(const QString &key, double minimum, double maximum, double *out)
{
    if (!m_ok)
        return false;
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined())
        return true;
    const double d = v.toDouble();
    if (!v.isDouble() || !std::isfinite(d) || d < minimum || d > maximum)
        return fail(key, numberRule(minimum, maximum, describe(v)));
    *out = d;
    return true;
}

bool JsonFields::boolean(const QString &key, bool *out)
{
    if (!m_ok)
        return false;
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined())
        return true;
    if (!v.isBool())
        return fail(key, Text::tr("must be true or false, not %1").arg(describe(v)));
    *out = v.toBool();
    return true;
}

bool JsonFields::text(const QString &key, QString *out, qsizetype maxLength)
{
    if (!m_ok)
        return false;
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined())
        return true;
    if (!v.isString())
        return fail(key, Text::tr("must be a text, not %1").arg(describe(v)));
    if (v.toString().size() > maxLength)
        return fail(key, Text::tr("is %1 characters long: at most %2").arg(v.toString().size()).arg(maxLength));
    *out = v.toString();
    return true;
}

bool JsonFields::object(const QString &key, QJsonObject *out)
{
    if (!m_ok)
        return false;
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined())
        return true;
    if (!v.isObject())
        return fail(key, Text::tr("must be an object {...}, not %1").arg(describe(v)));
    *out = v.toObject();
    return true;
}

} // namespace halfopen::core
