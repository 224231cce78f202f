// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/SocketRowDelegate.h"

#include "models/SocketTableModel.h"
#include "ui/views/StateColors.h"

#include <QFontDatabase>
#include <QPainter>
#include <QStyle>
#include <QWidget>

namespace halfopen::ui {

using models::SocketColumn;
using models::SocketTableModel;

namespace {
bool isNumberColumn(int column)
{
    const auto c = SocketColumn(column);
    // Addresses too: ports line up under each other.
    return c == SocketColumn::Local || c == SocketColumn::Remote || c >= SocketColumn::SendQ;
}
} // namespace

SocketRowDelegate::SocketRowDelegate(QObject *parent)
    : CachedTextDelegate(parent)
{ }

double SocketRowDelegate::flashStrength(const QModelIndex &index, qint64 nowMs)
{
    const qint64 flashMs = index.data(SocketTableModel::FlashRole).toLongLong();
    if (flashMs < 0)
        return 0;
    const qint64 age = nowMs - flashMs;
    if (age < 0 || age >= kFlashMs)
        return 0;
    return 1.0 - double(age) / kFlashMs;
}

bool SocketRowDelegate::isMonospace(const QModelIndex &index) const
{
    return isNumberColumn(index.column());
}

void SocketRowDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (isNumberColumn(index.column())) {
        QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        mono.setPointSizeF(option->font.pointSizeF());
        option->font = mono;
    }
}

void SocketRowDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const double fade
        = index.data(SocketTableModel::FadeRole).isValid() ? index.data(SocketTableModel::FadeRole).toDouble() : 1.0;
    const double flash = flashStrength(index, SocketTableModel::nowMs());
    const auto state = core::TcpState(index.data(SocketTableModel::StateRole).toInt());

    painter->save();
    // A closing row stays legible until its last moments, then goes.
    painter->setOpacity(0.15 + 0.85 * qBound(0.0, fade, 1.0));

    if (flash > 0) {
        // In the new state's colour, so a flash never looks like the selection.
        QColor c = stateColor(state);
        c.setAlphaF(0.4 * flash);
        painter->fillRect(option.rect, c);
    }

    if (SocketColumn(index.column()) == SocketColumn::State) {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        // The selection background first, then the chip, then the text on the chip.
        const QString text = opt.text;
        opt.text.clear();
        if (opt.widget && !(opt.state & QStyle::State_HasFocus))
            opt.widget->style()->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, opt.widget);
        else if (opt.widget)
            opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        else
            QStyledItemDelegate::paint(painter, opt, index);
        const QRect r = option.rect.adjusted(3, 2, -3, -2);
        painter->drawPixmap(r.topLeft(), chipPixmap(state, r.size(), painter->device()->devicePixelRatioF()));
        QFont bold = opt.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(option.state & QStyle::State_Selected ? option.palette.color(QPalette::HighlightedText)
                                                              : option.palette.color(QPalette::Text));
        const QStaticText &laid = laidOut(text, bold, 2);
        const QSizeF size = laid.size();
        if (size.width() > r.width())
            painter->drawText(r, Qt::AlignCenter, text);
        else
            painter->drawStaticText(
                QPointF(r.left() + (r.width() - size.width()) / 2, r.top() + (r.height() - size.height()) / 2), laid);
    } else {
        paintCell(painter, option, index);
    }
    painter->restore();
}

QPixmap SocketRowDelegate::chipPixmap(core::TcpState state, QSize size, qreal ratio) const
{
    // An antialiased rounded rectangle costs as much as the rest of the row: drawn once per
    // state and size.
    const QString key = QStringLiteral("%1:%2x%3@%4").arg(int(state)).arg(size.width()).arg(size.height()).arg(ratio);
    if (auto it = m_chips.constFind(key); it != m_chips.constEnd())
        return *it;
    QPixmap pixmap(size * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    QColor chip = stateColor(state);
    chip.setAlphaF(0.38);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(stateColor(state), 1));
    p.setBrush(chip);
    p.drawRoundedRect(QRectF(QPointF(0, 0), QSizeF(size)).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    p.end();
    if (m_chips.size() > 256)
        m_chips.clear();
    m_chips.insert(key, pixmap);
    return pixmap;
}

QSize SocketRowDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (SocketColumn(index.column()) == SocketColumn::State)
        size.rwidth() += 16; // the chip's padding, and bold text
    return size;
}

} // namespace halfopen::ui
