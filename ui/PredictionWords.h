// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/predict/Prediction.h"

#include <QString>

namespace halfopen::ui {

// A killed peer's death in the window's words, for the prediction panel and the connections
// view alike: what the application sees first is end of file (the peer's FIN); EPIPE comes only
// on the write after the one that draws the RST. `whatHtml` is the death's title, as HTML.
QString finPredictionText(const QString &whatHtml, const core::Prediction &prediction);

} // namespace halfopen::ui
