// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/CachedTextDelegate.h"

#include <QPainter>
#include <QStyle>
#include <QWidget>

namespace halfopen::ui {

namespace {
constexpr int kTextCacheSize = 20000;
} // namespace

CachedTextDelegate::CachedTextDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

void CachedTextDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    paintCell(painter, option, index);
}

const QStaticText &CachedTextDelegate::laidOut(const QString &text, const QFont &font, int which) const
{
    auto &cache = m_texts[which];
    if (m_textFonts[which] != font) {
        cache.clear();
        m_textFonts[which] = font;
    }
    if (auto it = cache.constFind(text); it != cache.constEnd())
        return *it;
    if (cache.size() >= kTextCacheSize)
        cache.clear(); // rows come and go: start again rather than keep every text ever shown
    QStaticText laid(text);
    laid.setTextFormat(Qt::PlainText);
    laid.prepare(QTransform(), font);
    return *cache.insert(text, laid);
}

void CachedTextDelegate::paintCell(QPainter *painter, const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : nullptr;
    if (!style || opt.text.isEmpty() || opt.text.contains(QLatin1Char('\n')) || !opt.icon.isNull()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    if (opt.state & QStyle::State_HasFocus
        || opt.features & (QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::HasDecoration)) {
        QStyledItemDelegate::paint(painter, option, index); // the current cell: a focus frame too
        return;
    }
    const QString text = opt.text;
    // Background and selection, as CE_ItemViewItem paints them (it would also lay the text
    // out twice: to find where it goes, then to draw it).
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
    // Where QCommonStyle puts the text of a cell without icon or check box.
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect rect = opt.rect.adjusted(margin, 0, -margin, 0);
    const int which = isMonospace(index) ? 1 : 0;
    const QStaticText *laid = &laidOut(text, opt.font, which);
    if (laid->size().width() > rect.width()) {
        // Too narrow: elided, cached by width too (the elision is a layout of its own).
        const QString key = QString::number(rect.width()) + QChar(0) + text;
        auto &cache = m_texts[which];
        auto it = cache.constFind(key);
        if (it == cache.constEnd()) {
            QStaticText elided(opt.fontMetrics.elidedText(text, opt.textElideMode, rect.width()));
            elided.setTextFormat(Qt::PlainText);
            elided.prepare(QTransform(), opt.font);
            it = cache.insert(key, elided);
        }
        laid = &*it;
    }
    const QSizeF size = laid->size();
    QPalette::ColorGroup group = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    if (group == QPalette::Normal && !(opt.state & QStyle::State_Active))
        group = QPalette::Inactive;
    painter->setPen(
        opt.palette.color(group, opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
    painter->setFont(opt.font);
    const Qt::Alignment align = QStyle::visualAlignment(opt.direction, opt.displayAlignment);
    qreal x = rect.left();
    if (align & Qt::AlignRight)
        x = rect.right() + 1 - size.width();
    else if (align & Qt::AlignHCenter)
        x = rect.left() + (rect.width() - size.width()) / 2;
    qreal y = rect.top() + (rect.height() - size.height()) / 2;
    if (align & Qt::AlignTop)
        y = rect.top();
    else if (align & Qt::AlignBottom)
        y = rect.bottom() + 1 - size.height();
    painter->drawStaticText(QPointF(x, y), *laid);
}

} // namespace halfopen::ui
