// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

class QWidget;

namespace halfopen::control {
class LabSessionController;
}

namespace halfopen::app {

// Grabs a window to a PNG some seconds into a run (counted from the lab's ready, so the picture
// shows the same moment on a fast or a slow machine) and ends the application: pictures for the
// README and the guide.
class Screenshot : public QObject
{
    Q_OBJECT
public:
    Screenshot(QWidget *window, control::LabSessionController *controller, const QString &path, double afterSeconds,
               bool waitForRun);

private:
    void take();

    QWidget *m_window;
    QString m_path;
    QTimer m_timer;
};

} // namespace halfopen::app
