// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/TimelineExport.h"

#include <QChart>
#include <QChartView>
#include <QGraphicsScene>
#include <QPainter>
#include <QSvgGenerator>

namespace halfopen::ui {

namespace {
QSize stackedSize(const QList<QChartView *> &views)
{
    QSize size;
    for (const QChartView *view : views)
        size = QSize(qMax(size.width(), view->width()), size.height() + view->height());
    return size;
}

void paintStacked(QPainter *painter, const QList<QChartView *> &views)
{
    painter->setRenderHint(QPainter::Antialiasing);
    qreal top = 0;
    for (QChartView *view : views) {
        const QRectF target(QPointF(0, top), QSizeF(view->size()));
        view->scene()->render(painter, target, view->chart()->sceneBoundingRect());
        top += view->height();
    }
}
} // namespace

QImage renderChartViews(const QList<QChartView *> &views, qreal scale)
{
    const QSize size = stackedSize(views);
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(views.isEmpty() ? QColor(Qt::white) : views.first()->chart()->backgroundBrush().color());
    QPainter painter(&image);
    paintStacked(&painter, views);
    return image;
}

bool writeChartViewsSvg(const QList<QChartView *> &views, const QString &path, const QString &title)
{
    const QSize size = stackedSize(views);
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(title);
    QPainter painter;
    if (!painter.begin(&generator))
        return false;
    paintStacked(&painter, views);
    return painter.end();
}

} // namespace halfopen::ui
