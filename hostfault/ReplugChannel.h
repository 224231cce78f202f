// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSocketNotifier>
#include <QStringList>

#include <functional>
#include <memory>

namespace halfopen::hostfault {

// How `halfopen-cli fault replug` reaches the process that holds a cut: only the process that
// created an owner table may change it, so another process asks it to. The holder listens on
// an abstract unix socket "@halfopen-fault.PID" (abstract names belong to the network
// namespace, like the cut itself); a request is one line, "replug" (every cut) or
// "replug LOCAL REMOTE", and the answer one line, "ok ..." or "error ...". Only the same user
// or root may ask (SO_PEERCRED).
class ReplugServer : public QObject
{
    Q_OBJECT

public:
    // handler gets the request line and returns the answer line.
    using Handler = std::function<QString(const QString &request)>;
    explicit ReplugServer(Handler handler, QObject *parent = nullptr);
    ~ReplugServer() override;

    bool listen(QString *error);
    QString name() const;

private:
    void accept();

    Handler m_handler;
    int m_fd = -1;
    std::unique_ptr<QSocketNotifier> m_notifier;
};

// Sends the request to every holder in this network namespace; returns their answers
// ("pid 4242: ok replugged 198.18.0.1:40000 -> 198.18.0.2:1883"), empty when none listens.
QStringList sendReplugRequest(const QString &request);

} // namespace halfopen::hostfault
