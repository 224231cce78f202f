#pragma once

#include "ui/TopologyState.h"

#include <QWidget>

namespace halfopen::core {
class Session;
}

namespace halfopen::ui {

// The two hosts and the cable, drawn: a cut cable, a lossy or slow one, a host powered off, a
// frozen or killed process — at a glance, from the session's fault events.
class TopologyStrip : public QWidget
{
    Q_OBJECT
public:
    explicit TopologyStrip(core::Session *session, QWidget *parent = nullptr);

    const TopologyState &state() const { return m_state; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void drawHost(QPainter &painter, const QRectF &box, const QString &name, const QString &address,
                  const TopologyState::Host &host);
    QString status(const TopologyState::Host &host) const;

    TopologyState m_state;
    bool m_started = false; // the session has events: a lab ran (or a recording was opened)
};

} // namespace halfopen::ui
