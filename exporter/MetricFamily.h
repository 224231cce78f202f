// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace halfopen::exporter {

// Prometheus's metric types as far as the exporter uses them. An info family is a gauge of 1 in
// the classic text format and OpenMetrics's "info" type (samples named NAME_info) otherwise.
enum class MetricType { Gauge, Counter, Info };

// One sample: its labels, already escaped and without braces, in two parts so that a
// connection's label set ("local=...,remote=...,process=...") is built once and shared by every
// sample of that connection, and only the per-sample label ("death=...") is added.
struct MetricSample
{
    QByteArray labels;      // "" or `a="x",b="y"`
    QByteArray extraLabels; // "" or `c="z"`, appended after labels
    double value = 0;
};

// A metric family: name (for counters without "_total", for info families without "_info", as
// OpenMetrics names families), HELP text, type, unit (the name ends with it: "seconds"), samples.
struct MetricFamily
{
    QByteArray name;
    MetricType type = MetricType::Gauge;
    QByteArray help;
    QByteArray unit;
    std::vector<MetricSample> samples;

    MetricFamily(QByteArray familyName, MetricType familyType, QByteArray helpText, QByteArray unitName = {})
        : name(std::move(familyName))
        , type(familyType)
        , help(std::move(helpText))
        , unit(std::move(unitName))
    { }

    void add(double value) { samples.push_back({{}, {}, value}); }
    void add(const QByteArray &labels, double value) { samples.push_back({labels, {}, value}); }
    void add(const QByteArray &labels, const QByteArray &extra, double value)
    {
        samples.push_back({labels, extra, value});
    }

    // The name a sample carries: NAME_total for counters, NAME_info for info families.
    QByteArray sampleName() const;
};

// `name="value"` with the value escaped as both formats want it (\\, \", \n).
QByteArray labelPair(QByteArrayView name, QByteArrayView value);
// Joins label pairs with commas, skipping empty parts.
QByteArray joinLabels(std::initializer_list<QByteArrayView> pairs);

} // namespace halfopen::exporter
