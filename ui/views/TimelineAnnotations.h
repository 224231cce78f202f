// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/DetectionSpans.h"
#include "models/StateBands.h"
#include "models/TimelineMarker.h"

#include <QColor>
#include <QFont>
#include <QHash>
#include <QList>
#include <QObject>

class QChart;
class QGraphicsItem;
class QGraphicsLineItem;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;

namespace halfopen::models {
class TimelineModel;
}

namespace halfopen::ui {

class TimelineChartView;

// What the timeline draws besides points: state bands in each host's lane (one slot per socket,
// with the state's name), fault and error markers as vertical lines with labels, and the
// detection span from fault to error, shaded and labelled with its duration. Plain graphics
// items in the chart's scene, clipped to the plot area, placed from the axes' ranges: rebuilt
// when the model's annotations change, moved when the range or the plot area changes.
class TimelineAnnotations : public QObject
{
    Q_OBJECT
public:
    TimelineAnnotations(TimelineChartView *view, models::TimelineModel *model, QObject *parent = nullptr);
    ~TimelineAnnotations() override;

    // y of a lane's centre on the lane chart: the first host on top.
    static double laneY(int lane) { return -lane; }

    // A name (a host's, a fault's) as the chart draws it, lanes, markers and the hover alike: at
    // most kMaxNameChars characters and kMaxNameEms average characters wide in `font`, shortened
    // in the middle with "…". Whatever the name's length (a recording or another program may
    // bring any): Qt Charts' own label shortening took 3.9 GB and minutes for a name of 100 000
    // characters. The cost is bounded too: only the kept ends are measured.
    static constexpr qsizetype kMaxNameChars = 48;
    static constexpr int kMaxNameEms = 24;
    static QString boundedName(const QString &name, const QFont &font);

    void rebuild();
    void layout();
    void setColors(QColor text, QColor background);
    // The labels' size: 1 is the application's font (presentation mode makes it larger).
    void setTextScale(double scale);
    double textScale() const { return m_textScale; }
    // Marker labels go in a strip this high above the plot (the chart leaves it as its top
    // margin), so they never cover the top lane's packets; a second row goes into the plot.
    void setMarkerStrip(double height);
    // How high one row of marker labels is at the current text size.
    double markerRowHeight() const;
    // The time open bands and spans reach: while live, the wall clock, which runs on when no
    // event comes (an idle peer powered off sends nothing, and the wait must still count).
    void setNowX(double x) { m_nowX = x; }

    // Slot of each socket in its host's lane (0 on top): a socket keeps its slot from its first
    // band to its last, and a later socket takes the first slot free by then.
    static QHash<QString, int> packSlots(const QList<models::StateBand> &bands);

    // What is drawn, for tests and exports: every label's text.
    QStringList bandLabels() const;
    QStringList markerLabels() const;
    QStringList spanLabels() const;

private:
    struct Band
    {
        models::StateBand band;
        int slot = 0;
        int slotCount = 1;
        QGraphicsRectItem *rect = nullptr;
        QGraphicsSimpleTextItem *text = nullptr;
    };
    struct Marker
    {
        models::TimelineMarker marker;
        QGraphicsLineItem *line = nullptr;
        QGraphicsRectItem *box = nullptr;
        QGraphicsSimpleTextItem *text = nullptr;
    };
    struct Span
    {
        models::DetectionSpan span;
        QGraphicsRectItem *shade = nullptr;
        QGraphicsLineItem *arrow = nullptr;
        QGraphicsRectItem *box = nullptr;
        QGraphicsSimpleTextItem *text = nullptr;
    };

    void clearItems();
    QGraphicsSimpleTextItem *addLabel(QGraphicsItem *parent, const QString &text, QGraphicsRectItem **box);
    QString markerText(const models::TimelineMarker &marker) const;
    QString spanText(const models::DetectionSpan &span) const;

    TimelineChartView *m_view;
    QChart *m_chart;
    models::TimelineModel *m_model;
    QGraphicsRectItem *m_back;  // under the series
    QGraphicsRectItem *m_front; // over the series
    QList<Band> m_bands;
    QList<Marker> m_markers;
    QList<Span> m_spans;
    QGraphicsSimpleTextItem *m_emptyHint = nullptr; // while no host has a lane
    double m_nowX = 0;
    QColor m_text;
    double m_textScale = 1.0;
    double m_markerStrip = 0;
    QColor m_background;
};

} // namespace halfopen::ui
