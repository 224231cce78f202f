// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <charconv>
#include <cmath>
#include <limits>
#include <type_traits>

namespace halfopen::core {

// A number as JSON text, appended without a QJsonDocument (the writers of large dumps build
// their text directly): integers as they are, doubles in the shortest form that reads back
// exactly, as QJsonDocument prints them.
template<typename T> void appendJsonNumber(QByteArray *out, T value)
{
    static_assert(std::is_arithmetic_v<T> && !std::is_same_v<T, bool>, "a number");
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, value).ptr;
    out->append(text, end - text);
}

// A number read from JSON, scaled (ms to µs, s to µs) and rounded into Int's range. Converting
// an out-of-range double to an integer is undefined behaviour, and a recording is hostile input:
// 1e300 saturates, NaN reads as 0.
template<typename Int> Int roundedInRange(double value, double scale = 1)
{
    static_assert(std::is_integral_v<Int>, "an integer type");
    const double v = std::round(value * scale);
    if (std::isnan(v))
        return 0;
    if (v <= double(std::numeric_limits<Int>::min()))
        return std::numeric_limits<Int>::min();
    if (v >= double(std::numeric_limits<Int>::max()))
        return std::numeric_limits<Int>::max();
    return Int(v);
}

} // namespace halfopen::core
