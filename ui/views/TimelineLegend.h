// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QList>
#include <QScatterSeries>
#include <QWidget>

namespace halfopen::ui {

// The lanes' legend: one entry per symbol, wrapped onto as many rows as the width needs.
// Qt Charts' own legend keeps one row and cuts its labels to "heartb…" in a 1366×768 window or
// at presentation text sizes; a reader must see what every symbol means.
class TimelineLegend : public QWidget
{
    Q_OBJECT
public:
    struct Entry
    {
        QString label;
        QScatterSeries::MarkerShape shape = QScatterSeries::MarkerShapeCircle;
        QColor color;
        QColor borderColor;
        qreal size = 9;        // as drawn on the lanes, in pixels
        qreal borderWidth = 1; // an outline symbol (the tail-loss probe): no fill, a wider border

        bool operator==(const Entry &) const = default;
    };

    explicit TimelineLegend(QWidget *parent = nullptr);

    void setEntries(const QList<Entry> &entries);
    const QList<Entry> &entries() const { return m_entries; }

    // Where each entry goes in a legend this wide: rows filled left to right, each centred.
    QList<QRect> entryRects(int width) const;
    int rowCount(int width) const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // The legend as shown, onto any painter (the timeline's PNG and SVG export).
    void paint(QPainter *painter, const QRect &rect) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    int entryWidth(const Entry &entry) const;
    int rowHeight() const;

    QList<Entry> m_entries;
};

// One marker as Qt Charts draws a scatter point of this shape, centred in `box`.
void drawScatterMarker(QPainter *painter, const QRectF &box, QScatterSeries::MarkerShape shape, const QColor &fill,
                       const QColor &border, qreal borderWidth = 1);

} // namespace halfopen::ui
