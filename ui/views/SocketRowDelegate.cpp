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
constexpr int kTextCacheSize = 20000;
} // namespace

SocketRowDelegate::SocketRowDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

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
    const double fade = index.data(SocketTableModel::FadeRole).isValid()
        ? index.data(SocketTableModel::FadeRole).toDouble() : 1.0;
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
        opt.widget ? opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget)
                   : QStyledItemDelegate::paint(painter, opt, index);
        QColor chip = stateColor(state);
        chip.setAlphaF(0.38);
        const QRect r = option.rect.adjusted(3, 2, -3, -2);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(stateColor(state), 1));
        painter->setBrush(chip);
        painter->drawRoundedRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
        QFont bold = opt.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(option.state & QStyle::State_Selected ? option.palette.color(QPalette::HighlightedText)
                                                              : option.palette.color(QPalette::Text));
        painter->drawText(r, Qt::AlignCenter, text);
    } else {
        paintCell(painter, option, index);
    }
    painter->restore();
}

const QStaticText &SocketRowDelegate::laidOut(const QString &text, const QFont &font, int which) const
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

void SocketRowDelegate::paintCell(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : nullptr;
    if (!style || opt.text.isEmpty() || opt.text.contains(QLatin1Char('\n')) || !opt.icon.isNull()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QString text = opt.text;
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    opt.text = text;
    // Where and how QCommonStyle would put the text.
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect rect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(margin, 0, -margin, 0);
    const QStaticText &laid = laidOut(text, opt.font, isNumberColumn(index.column()) ? 1 : 0);
    const QSizeF size = laid.size();
    QPalette::ColorGroup group = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    if (group == QPalette::Normal && !(opt.state & QStyle::State_Active))
        group = QPalette::Inactive;
    painter->setPen(opt.palette.color(group, opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
    painter->setFont(opt.font);
    if (size.width() > rect.width()) {
        // Too narrow: elided, laid out afresh (rare: columns are sized to their contents).
        painter->drawText(rect, int(opt.displayAlignment), opt.fontMetrics.elidedText(text, opt.textElideMode, rect.width()));
        return;
    }
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
    painter->drawStaticText(QPointF(x, y), laid);
}

QSize SocketRowDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (SocketColumn(index.column()) == SocketColumn::State)
        size.rwidth() += 16; // the chip's padding, and bold text
    return size;
}

} // namespace halfopen::ui
