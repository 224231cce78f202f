// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <charconv>
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

} // namespace halfopen::core
