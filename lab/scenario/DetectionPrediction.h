// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/predict/Prediction.h"
#include "core/predict/PredictionInput.h"
#include "lab/LabConfig.h"
#include "lab/scenario/Detection.h"

#include <optional>

namespace halfopen::lab {

// What core/predict says about a detection, for the settings of the host that made it.
class DetectionPrediction
{
public:
    // The host's socket options, heartbeat and per-namespace sysctls; the RTT is the cable's
    // delay both ways (the lab's own latency is well under the default 0.1 ms).
    static core::PredictionInput inputFor(const LabConfig &lab, core::Host host);

    // The predictor's figure for the mechanism that actually noticed; nullopt when it has no
    // model for it (a soft ICMP error, a local error) or predicts "never".
    static std::optional<core::Prediction> forDetection(const LabConfig &lab, const Detection &detection);
};

} // namespace halfopen::lab
