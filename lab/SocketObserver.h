#pragma once

#include "core/observe/SockDiagClient.h"
#include "core/observe/SockDiagSnapshot.h"
#include "core/session/Event.h"

#include <QObject>
#include <QTimer>

namespace halfopen::lab {

// Watches every TCP socket of one host through sock_diag and reports the state changes of the
// sockets no process holds any more (inode 0: orphans in FIN_WAIT/LAST_ACK/CLOSING, TIME_WAIT),
// which the endpoint's own sampler cannot see.
class SocketObserver : public QObject
{
    Q_OBJECT
public:
    SocketObserver(const QString &host, int intervalMs = 100, QObject *parent = nullptr);

    // Starts watching the namespace held by netnsFd; false with a message.
    bool start(int netnsFd, QString *error);
    void stop();

signals:
    void event(const halfopen::core::Event &event);

private:
    void poll();

    QString m_host;
    core::SockDiagClient m_client;
    core::SockDiagSnapshot m_previous;
    QTimer m_timer;
};

} // namespace halfopen::lab
