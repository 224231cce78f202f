// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tcp/TcpState.h"

#include "ui/views/CachedTextDelegate.h"

#include <QHash>
#include <QPixmap>

namespace halfopen::ui {

// Paints a socket row: closed rows fade out (FadeRole), a row that just changed state flashes
// (FlashRole against SocketTableModel::nowMs()), the state cell is a chip coloured by how
// worrying the state is, numbers are monospace.
class SocketRowDelegate : public CachedTextDelegate
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
    bool isMonospace(const QModelIndex &index) const override;

private:
    QPixmap chipPixmap(core::TcpState state, QSize size, qreal ratio) const;

    mutable QHash<QString, QPixmap> m_chips;
};

} // namespace halfopen::ui
