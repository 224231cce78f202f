// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/RunStepText.h"

#include <QCoreApplication>

namespace halfopen::models {

namespace {
// lupdate takes the context from this class: the strings below are "RunStepText"'s.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(RunStepText)
};
} // namespace

QString captureTrimmedText(const core::RunStepFields &trimmed)
{
    const core::RunStepFields::CaptureTrim counts = trimmed.captureTrim.value_or(core::RunStepFields::CaptureTrim{});
    const double megabytes = double(counts.droppedBytes) / (1 << 20);
    return Text::tr("Capture: older frames dropped to stay within %1 MB — %n frame(s) (%2 MB) left out", nullptr,
                    int(qMin<qint64>(counts.droppedFrames, 2'000'000'000)))
        .arg(counts.limitMb)
        .arg(megabytes, 0, 'f', 1);
}

} // namespace halfopen::models
