// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: a scenario file's text, as Scenario::fromFile reads it after the file checks.
#include "lab/scenario/Scenario.h"

#include <QJsonDocument>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace halfopen::lab;
    const QJsonDocument doc
        = QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!doc.isObject())
        return 0;
    QString error;
    const auto scenario = Scenario::fromJson(doc.object(), QStringLiteral("fuzz"), &error);
    if (!scenario && error.isEmpty())
        __builtin_trap(); // every refusal says why
    if (scenario) {
        // What was accepted reads back the same.
        QString again;
        if (!Scenario::fromJson(scenario->toJson(), QStringLiteral("fuzz"), &again))
            __builtin_trap();
    }
    return 0;
}
