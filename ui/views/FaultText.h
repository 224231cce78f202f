// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace halfopen::ui {

// A fault event's name ("power-off", "icmp-unreachable-on") in the reader's words, for the
// timeline's markers and hover text; an unknown name is shown as it is.
QString faultTitle(const QString &faultName);

} // namespace halfopen::ui
