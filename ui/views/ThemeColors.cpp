// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/ThemeColors.h"

#include <QPainter>
#include <QPixmap>
#include <QWidget>

#include <cmath>

namespace halfopen::ui {

namespace {

double channel(double c)
{
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &c)
{
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor readableOn(const QColor &color, const QColor &background, double minimum)
{
    // Towards white on a dark background, towards black on a light one, in small HSL steps.
    const bool lighten = luminance(background) < 0.18;
    QColor c = color.toHsl();
    for (int step = 0; step < 40 && contrastRatio(c, background) < minimum; ++step) {
        const int lightness = lighten ? std::min(255, c.lightness() + 8) : std::max(0, c.lightness() - 8);
        c.setHsl(c.hslHue(), c.hslSaturation(), lightness, c.alpha());
    }
    return c.toRgb();
}

QIcon themedIcon(QStyle::StandardPixmap which, const QWidget *widget)
{
    const QIcon icon = widget->style()->standardIcon(which, nullptr, widget);
    const QPalette &palette = widget->palette();
    if (!isDark(palette))
        return icon;
    const QColor color = palette.color(QPalette::ButtonText);
    QList<QSize> sizes = icon.availableSizes();
    if (sizes.isEmpty())
        sizes = {{16, 16}, {22, 22}, {32, 32}};
    QIcon tinted;
    for (const QSize &size : std::as_const(sizes)) {
        for (const qreal ratio : {1.0, 2.0}) {
            QPixmap pixmap = icon.pixmap(size, ratio);
            if (pixmap.isNull())
                continue;
            // The glyph's shape (its alpha) in the text colour: the style's black becomes light.
            QPainter painter(&pixmap);
            painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
            painter.fillRect(QRectF(QPointF(0, 0), pixmap.deviceIndependentSize()), color);
            painter.end();
            tinted.addPixmap(pixmap);
        }
    }
    return tinted.isNull() ? icon : tinted;
}

QPalette darkPalette()
{
    // Fusion's own dark scheme, as KDE Breeze Dark and most dark themes have it.
    const QColor window(0x2d, 0x2f, 0x33);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor text(0xe8, 0xea, 0xed);
    const QColor disabled(0x7f, 0x84, 0x8a);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2d));
    p.setColor(QPalette::ToolTipBase, QColor(0x3b, 0x3e, 0x44));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x38, 0x3d));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x53));
    p.setColor(QPalette::Midlight, QColor(0x3e, 0x41, 0x47));
    p.setColor(QPalette::Mid, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::Dark, QColor(0x17, 0x18, 0x1a));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd8));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb2, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xff));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    p.setColor(QPalette::Disabled, QPalette::Button, window);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x53, 0x58));
    return p;
}

} // namespace halfopen::ui
