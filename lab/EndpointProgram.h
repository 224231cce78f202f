// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace halfopen::lab {

// The only program the supervisor ever runs inside a host: HalfOpen's own endpoint
// (halfopen-cli), found from the supervisor's own location, never from a command. The
// supervisor holds every capability of its user namespace, and the AppArmor profile lets it
// have one: running a program a caller named would hand those capabilities to anyone.
//   build tree / copied folder: halfopen-cli beside halfopen-lab
//   installed: /usr/libexec/halfopen/halfopen-lab -> /usr/bin/halfopen-cli
// `supervisorDir` is the folder of the running supervisor (QCoreApplication::applicationDirPath()).
QString endpointProgram(const QString &supervisorDir);

} // namespace halfopen::lab
