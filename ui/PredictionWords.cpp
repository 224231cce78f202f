// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/PredictionWords.h"

#include "core/predict/TimeReference.h"

#include <QCoreApplication>

namespace halfopen::ui {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(PredictionWords)
};
} // namespace

QString finPredictionText(const QString &whatHtml, const core::Prediction &p)
{
    return Text::tr("%1: read() returns 0 (end of file, the peer's FIN) %2 s %3; EPIPE only on the "
                    "second write after it",
                    "%2 seconds, %3 'after the fault'")
        .arg(whatHtml)
        .arg(p.seconds().value_or(0), 0, 'f', 1)
        .arg(core::timeReferenceDescription(p.reference).toHtmlEscaped());
}

} // namespace halfopen::ui
