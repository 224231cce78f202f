// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/TimelineExport.h"

#include "ui/views/TimelineLegend.h"

#include <QChart>
#include <QChartView>
#include <QGraphicsScene>
#include <QPainter>
#include <QSvgGenerator>

namespace halfopen::ui {

namespace {
int legendHeight(const QList<QChartView *> &views, const TimelineLegend *legend)
{
    return legend && !views.isEmpty() && legend->isVisibleTo(legend->parentWidget())
        ? legend->heightForWidth(views.first()->width())
        : 0;
}

QSize stackedSize(const QList<QChartView *> &views, const TimelineLegend *legend)
{
    QSize size(0, legendHeight(views, legend));
    for (const QChartView *view : views)
        size = QSize(qMax(size.width(), view->width()), size.height() + view->height());
    return size;
}

void paintStacked(QPainter *painter, const QList<QChartView *> &views, const TimelineLegend *legend)
{
    painter->setRenderHint(QPainter::Antialiasing);
    qreal top = legendHeight(views, legend);
    if (top > 0)
        legend->paint(painter, QRect(0, 0, views.first()->width(), int(top)));
    for (QChartView *view : views) {
        const QRectF target(QPointF(0, top), QSizeF(view->size()));
        view->scene()->render(painter, target, view->chart()->sceneBoundingRect());
        top += view->height();
    }
}
} // namespace

QImage renderChartViews(const QList<QChartView *> &views, qreal scale, const TimelineLegend *legend)
{
    const QSize size = stackedSize(views, legend);
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(views.isEmpty() ? QColor(Qt::white) : views.first()->chart()->backgroundBrush().color());
    QPainter painter(&image);
    paintStacked(&painter, views, legend);
    return image;
}

bool writeChartViewsSvg(const QList<QChartView *> &views, const QString &path, const QString &title,
                        const TimelineLegend *legend)
{
    const QSize size = stackedSize(views, legend);
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(title);
    QPainter painter;
    if (!painter.begin(&generator))
        return false;
    paintStacked(&painter, views, legend);
    return painter.end();
}

} // namespace halfopen::ui
