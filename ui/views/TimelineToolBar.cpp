// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/views/TimelineToolBar.h"

#include "ui/views/ThemeColors.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QShortcut>
#include <QStyle>
#include <QToolButton>

namespace halfopen::ui {

TimelineToolBar::TimelineToolBar(QWidget *shortcutScope, QWidget *parent)
    : QWidget(parent)
    , m_pause(new QToolButton(this))
    , m_follow(new QToolButton(this))
{
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setText(tr("Pause"));
    m_pause->setToolTip(tr("Stop following the latest events (P). Zooming or panning pauses too."));
    m_pause->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_pause->setIcon(themedIcon(QStyle::SP_MediaPause, this));
    connect(m_pause, &QToolButton::clicked, this, &TimelineToolBar::pauseRequested);

    m_follow->setObjectName(QStringLiteral("followButton"));
    m_follow->setText(tr("Follow"));
    m_follow->setToolTip(tr("Follow the latest events again (F)."));
    m_follow->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_follow->setIcon(themedIcon(QStyle::SP_MediaPlay, this));
    connect(m_follow, &QToolButton::clicked, this, &TimelineToolBar::followRequested);

    auto *all = new QToolButton(this);
    all->setText(tr("Show all"));
    all->setToolTip(tr("Show the whole session (A)."));
    connect(all, &QToolButton::clicked, this, &TimelineToolBar::showAllRequested);

    auto *exportButton = new QToolButton(this);
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(exportButton);
    menu->addAction(tr("As PNG image…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export timeline"), QStringLiteral("timeline.png"),
                                                          tr("PNG image (*.png)"));
        if (!path.isEmpty())
            emit exportPngRequested(path);
    });
    menu->addAction(tr("As SVG drawing…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export timeline"), QStringLiteral("timeline.svg"),
                                                          tr("SVG drawing (*.svg)"));
        if (!path.isEmpty())
            emit exportSvgRequested(path);
    });
    exportButton->setMenu(menu);

    auto *hint = new QLabel(tr("wheel: zoom · drag: pan · Shift+drag: zoom to range · right click: zoom out"), this);
    hint->setEnabled(false);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 0);
    layout->addWidget(m_pause);
    layout->addWidget(m_follow);
    layout->addWidget(all);
    layout->addWidget(exportButton);
    layout->addSpacing(12);
    layout->addWidget(hint);
    layout->addStretch(1);

    const auto shortcut = [this, shortcutScope](Qt::Key key, void (TimelineToolBar::*signal)()) {
        auto *s = new QShortcut(QKeySequence(key), shortcutScope);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, signal);
    };
    shortcut(Qt::Key_P, &TimelineToolBar::pauseRequested);
    shortcut(Qt::Key_F, &TimelineToolBar::followRequested);
    shortcut(Qt::Key_A, &TimelineToolBar::showAllRequested);
    setFollowing(true);
}

void TimelineToolBar::setFollowing(bool following)
{
    m_pause->setEnabled(following);
    m_follow->setEnabled(!following);
}

} // namespace halfopen::ui
