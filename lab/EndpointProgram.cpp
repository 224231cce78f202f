// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/EndpointProgram.h"

#include <QDir>
#include <QFileInfo>

namespace halfopen::lab {

QString endpointProgram(const QString &supervisorDir)
{
    const QDir dir(supervisorDir);
    const QString beside = dir.filePath(QStringLiteral("halfopen-cli"));
    if (QFileInfo::exists(beside))
        return beside;
    const QString installed = QDir::cleanPath(dir.filePath(QStringLiteral(HALFOPEN_BIN_FROM_LIBEXEC "/halfopen-cli")));
    return QFileInfo::exists(installed) ? installed : beside;
}

} // namespace halfopen::lab
