// SPDX-License-Identifier: GPL-3.0-or-later
#include "Screenshot.h"

#include "control/LabSessionController.h"

#include <QCoreApplication>
#include <QPixmap>
#include <QWidget>

#include <cstdio>

namespace halfopen::app {

Screenshot::Screenshot(QWidget *window, control::LabSessionController *controller, const QString &path,
                       double afterSeconds, bool waitForRun)
    : QObject(window)
    , m_window(window)
    , m_path(path)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(int(afterSeconds * 1000));
    connect(&m_timer, &QTimer::timeout, this, &Screenshot::take);
    if (!waitForRun) {
        // A recording that is still streaming in is pictured once it is all there.
        if (controller->isOpeningRecording())
            connect(controller, &control::LabSessionController::recordingOpened, this, [this] { m_timer.start(); });
        else
            m_timer.start();
        return;
    }
    connect(controller, &control::LabSessionController::runStateChanged, this,
            [this](control::LabSessionController::RunState state) {
                if (state == control::LabSessionController::RunState::Running && !m_timer.isActive())
                    m_timer.start();
            });
    // A run that ends before the moment (or never starts) is pictured as it ended, once the
    // panels have laid out their last change (a line hidden at the end still takes room until then).
    connect(controller, &control::LabSessionController::finished, this, [this] {
        m_timer.stop();
        QTimer::singleShot(200, this, &Screenshot::take);
    });
}

void Screenshot::take()
{
    const bool saved = m_window->grab().save(m_path, "PNG");
    if (!saved)
        std::fprintf(
            stderr, "halfopen: %s\n",
            qPrintable(QCoreApplication::translate("Screenshot", "could not write the screenshot %1").arg(m_path)));
    QCoreApplication::exit(saved ? 0 : 3);
}

} // namespace halfopen::app
