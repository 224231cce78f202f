// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QSet>
#include <QWidget>

#include "core/session/Host.h"
#include "ui/views/RtoScale.h"

class QCategoryAxis;
class QChart;
class QSplitter;
class QTimer;
class QValueAxis;
class QAbstractSeries;
class QXYSeries;

namespace halfopen::models {
class TimelineModel;
}

namespace halfopen::ui {

class TimelineAnnotations;
class TimelineCallout;
class TimelineLegend;
class SharedTimeAxis;
class TimelineChartView;
class TimelineToolBar;

// The probe timeline: time (seconds since the session's origin) across, a lane per host with
// its packets as points coloured by class, its sockets' state bands, fault and error markers and
// the detection span; below it, sharing the time axis, each socket's RTO on a log scale so the
// backoff doubling climbs in equal steps. It follows the latest event until the user pauses,
// zooms (wheel, Shift+drag) or pans (drag); Follow resumes. Each model notification becomes one
// replace() per changed series; no animations.
class TimelineChart : public QWidget
{
    Q_OBJECT
public:
    static constexpr double kDefaultWindowSeconds = 30;

    explicit TimelineChart(models::TimelineModel *model, QWidget *parent = nullptr);
    ~TimelineChart() override;

    bool isFollowing() const { return m_following; }
    // How much recent time the chart shows while following.
    double followWindowSeconds() const { return m_window; }
    void setFollowWindowSeconds(double seconds);
    // Live: while following, the right edge moves with the clock, not only with events (a
    // keepalive waiting two hours still shows time passing). Off for replayed recordings.
    bool isLive() const { return m_live; }
    void setLive(bool live);
    // How often the live axis steps with the clock: often while events come, once a second
    // after a few quiet seconds (time passing alone is all there is to show).
    int liveStepMs() const;

    double xMin() const;
    double xMax() const;
    // Shows this time range and stops following.
    void setXRange(double min, double max);

    bool exportPng(const QString &path) const;
    bool exportSvg(const QString &path) const;

    // For tests and the main window: the parts.
    QChart *laneChart() const { return m_laneChart; }
    QChart *rtoChart() const { return m_rtoChart; }
    TimelineChartView *laneView() const { return m_laneView; }
    TimelineChartView *rtoView() const { return m_rtoView; }
    TimelineLegend *legend() const { return m_legend; } // the lanes' symbols
    // Text size of the axes, legends and labels: 1 is the application's font. Presentation
    // mode and Ctrl+plus/minus set it, so the timeline reads from the back of a room.
    void setTextScale(double scale);
    double textScale() const;
    // The RTO plot under the lanes (a small projector's screen gives its room to the lanes).
    void setRtoPlotVisible(bool visible);
    // The lanes' own time labels give way to the lanes when these are cramped and the RTO plot
    // under them shows the same times; a picture of the lanes alone (the report) wants them.
    void setLaneTimeLabelsAlways(bool always);
    bool laneTimeLabelsShown() const;
    TimelineAnnotations *annotations() const { return m_annotations; }
    // The chart series drawing a model series, or null before the model announced it.
    QXYSeries *chartSeries(int modelSeries) const { return m_chartSeries.value(modelSeries); }
    // The hover callout's text, empty when hidden.
    QString calloutText() const;
    void showDetailsAt(double x, double y); // as if the mouse hovered there (values)

public slots:
    void pause();
    void follow();
    void showAll();

signals:
    void followingChanged(bool following);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void applyTheme();
    void applyFonts();
    void updateLegend();
    void updateLaneMinimum();
    void updateLaneTimeLabels();
    void shareSplitter();
    void noteChange();
    void onSeriesChanged(const QList<int> &series);
    void onAnnotationsChanged();
    void redraw(const QList<int> &modelSeries);
    void redrawAll();
    void onCleared();
    QXYSeries *ensureChartSeries(int modelSeries);
    void updateLanes();
    void updateRtoRange();
    void setRtoScale(const RtoScale &scale);
    void updateFollowRange();
    void setRangeQuietly(double min, double max);
    void onRangeChanged();
    void onHover(QPointF value, QPointF chartPos);
    void hideCallout();

    models::TimelineModel *m_model;
    QChart *m_laneChart;
    QChart *m_rtoChart;
    SharedTimeAxis *m_time;
    QValueAxis *m_x; // the lane chart's side of m_time
    QCategoryAxis *m_laneAxis;
    QCategoryAxis *m_rtoY; // log2 of the RTO in ms, labelled by m_rtoScale
    RtoScale m_rtoScale;
    TimelineChartView *m_laneView;
    TimelineChartView *m_rtoView;
    TimelineAnnotations *m_annotations;
    TimelineCallout *m_callout;
    TimelineLegend *m_legend;
    TimelineToolBar *m_toolBar = nullptr;
    QTimer *m_liveTimer;
    QElapsedTimer m_sinceChange; // since the model last changed: the live steps slow down when quiet

    QHash<int, QXYSeries *> m_chartSeries;
    QSet<QString> m_openSockets; // sockets whose RTO line runs on to the latest time
    int m_laneCount = -1;
    int m_rtoLines = 0;
    double m_markerScale = 1.0;
    QSplitter *m_splitter = nullptr;               // the lanes above, the RTO plot below
    bool m_splitterMoved = false;                  // by the user: then the split is theirs
    bool m_laneTimeLabelsAlways = false;           // for a picture of the lanes alone
    qreal m_aroundLanesWithLabels = 0;             // the lane view's height less its plot, labels shown
    QHash<halfopen::core::Host, int> m_rtoLinesOf; // per host: its sockets' lines so far
    QHash<QAbstractSeries *, int> m_rtoColour;     // a line's colour, the same in every run
    bool m_following = true;
    bool m_live = false;
    double m_window = kDefaultWindowSeconds;
};

} // namespace halfopen::ui
