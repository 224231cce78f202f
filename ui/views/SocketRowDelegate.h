// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tcp/TcpState.h"

#include <QHash>
#include <QPixmap>
#include <QStaticText>
#include <QStyledItemDelegate>

namespace halfopen::ui {

// Paints a socket row: closed rows fade out (FadeRole), a row that just changed state flashes
// (FlashRole against SocketTableModel::nowMs()), the state cell is a chip coloured by how
// worrying the state is, numbers are monospace.
class SocketRowDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int kFlashMs = 1500;

    explicit SocketRowDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // 1 right after a state change, falling to 0 over kFlashMs.
    static double flashStrength(const QModelIndex &index, qint64 nowMs);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    // A plain cell: the style paints background and selection, the text comes laid out from
    // a cache. Laying text out (shaping) was most of a repaint, and a live table shows the same
    // addresses, states and numbers again and again.
    void paintCell(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    const QStaticText &laidOut(const QString &text, const QFont &font, int which) const;
    QPixmap chipPixmap(core::TcpState state, QSize size, qreal ratio) const;

    mutable QHash<QString, QStaticText> m_texts[3]; // [0]: proportional, [1]: monospace, [2]: the state chip's bold
    mutable QFont m_textFonts[3];
    mutable QHash<QString, QPixmap> m_chips;
};

} // namespace halfopen::ui
