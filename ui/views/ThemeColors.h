// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QStyle>

namespace halfopen::ui {

// Colours that follow the palette, so custom drawing reads on light and dark themes alike.

// A dark window background: charts take their dark theme, custom drawing its light text.
bool isDark(const QPalette &palette);

// WCAG 2 contrast ratio of two colours, 1 (same) to 21 (black on white).
double contrastRatio(const QColor &a, const QColor &b);

// `color` with its hue kept, lightened or darkened just enough to reach `minimum` contrast on
// `background` (4.5 is WCAG AA for text): a semantic red stays red on white and on charcoal.
QColor readableOn(const QColor &color, const QColor &background, double minimum = 4.5);

// A style's standard icon for a button of `widget`. Under a dark palette the plain black glyphs
// some styles draw (Fusion's play, stop, pause, close) would vanish: they are redrawn in the
// palette's button text colour, at every size and pixel ratio the icon has.
QIcon themedIcon(QStyle::StandardPixmap icon, const QWidget *widget);

// A dark palette for the Fusion style (halfopen --dark, and the tests of dark drawing).
QPalette darkPalette();

} // namespace halfopen::ui
