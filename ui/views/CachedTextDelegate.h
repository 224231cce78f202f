// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QHash>
#include <QStaticText>
#include <QStyledItemDelegate>

namespace halfopen::ui {

// Paints plain text cells with their text laid out once and kept: the style paints background
// (BackgroundRole) and selection, the text comes from a cache of QStaticText. Laying text out
// (shaping) is most of a table's repaint, and a live table shows the same addresses, states,
// names and numbers again and again. Cells with an icon, a check box, several lines or the
// focus frame are painted by QStyledItemDelegate as usual.
class CachedTextDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit CachedTextDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void paintCell(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    // The text of this cell is in a monospace font (cached apart from the proportional ones).
    virtual bool isMonospace(const QModelIndex &) const { return false; }
    // `which`: 0 proportional, 1 monospace, 2 free for a subclass's own font.
    const QStaticText &laidOut(const QString &text, const QFont &font, int which) const;

private:
    mutable QHash<QString, QStaticText> m_texts[3];
    mutable QFont m_textFonts[3];
};

} // namespace halfopen::ui
