// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QToolButton;

namespace halfopen::ui {

// The row above the timeline: Pause, Follow, Show all, Export, and a hint for the mouse. The keys
// (P, F, A) work anywhere inside `shortcutScope` (the whole timeline).
class TimelineToolBar : public QWidget
{
    Q_OBJECT
public:
    TimelineToolBar(QWidget *shortcutScope, QWidget *parent = nullptr);

    // Pause is offered while following, Follow while paused.
    void setFollowing(bool following);

signals:
    void pauseRequested();
    void followRequested();
    void showAllRequested();
    void exportPngRequested(const QString &path);
    void exportSvgRequested(const QString &path);

private:
    QToolButton *m_pause;
    QToolButton *m_follow;
};

} // namespace halfopen::ui
