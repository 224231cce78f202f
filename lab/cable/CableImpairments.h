// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>
#include <array>
#include <optional>
#include <random>

namespace halfopen::lab {

// What the cable does to frames in each direction: cut (drop all), random loss, delay with
// jitter. The random draws come from a seeded generator per direction, so a run, and a test,
// can be repeated exactly. Frames in one direction keep their order, as on a real wire:
// jitter can stretch the gap between two frames but never swap them.
class CableImpairments
{
public:
    enum class Direction : quint8 { ClientToServer = 0, ServerToClient = 1 };

    struct Counters
    {
        qint64 passed = 0;
        qint64 droppedByCut = 0;
        qint64 droppedByLoss = 0;
    };

    explicit CableImpairments(quint32 seed = 1);

    void setCut(Direction direction, bool cut);
    bool isCut(Direction direction) const { return at(direction).cut; }
    void setLossPercent(Direction direction, double percent); // clamped to 0..100
    double lossPercent(Direction direction) const { return at(direction).lossPercent; }
    // One-way delay; each frame gets delay + a uniform draw in [-jitter, +jitter], at least 0.
    void setDelay(Direction direction, double delayMs, double jitterMs);
    double delayMs(Direction direction) const { return at(direction).delayUs / 1000.0; }
    double jitterMs(Direction direction) const { return at(direction).jitterUs / 1000.0; }

    // A frame entering the cable at `arrivalUs`: the time it leaves (never before the previous
    // frame of that direction), or nullopt when the cable drops it. Counts either way.
    std::optional<qint64> admit(Direction direction, qint64 arrivalUs);

    Counters counters(Direction direction) const { return at(direction).counters; }

private:
    struct Lane
    {
        bool cut = false;
        double lossPercent = 0;
        qint64 delayUs = 0;
        qint64 jitterUs = 0;
        qint64 lastReleaseUs = 0;
        Counters counters;
        std::mt19937 random;
    };

    // Uniform in [0, 1), from the generator's raw output: std::mt19937 is specified exactly,
    // the standard distributions are not, so the same seed gives the same run everywhere.
    static double uniform(std::mt19937 &random);

    Lane &at(Direction direction) { return m_lanes[size_t(direction)]; }
    const Lane &at(Direction direction) const { return m_lanes[size_t(direction)]; }

    std::array<Lane, 2> m_lanes;
};

} // namespace halfopen::lab
