#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace halfopen::realnet {

// The TCP settings of this machine's kernel that decide detection times, as /proc/sys shows
// them for the network namespace we run in: what a prediction for a real connection must use
// (the lab sets its hosts' own; a real host has whatever its administrator left).
class HostTcpSettings
{
public:
    // `procSysNetIpv4`: where to read; tests point it at a folder of their own.
    explicit HostTcpSettings(QString procSysNetIpv4 = QStringLiteral("/proc/sys/net/ipv4"));

    // The sysctls the lab also knows ("net.ipv4.tcp_retries2" -> "15"), each one this host
    // has. One that cannot be read is left out and named in *problems.
    QMap<QString, QString> read(QStringList *problems = nullptr) const;

    // The names read, in the lab's spelling.
    static QStringList names();

private:
    QString m_dir;
};

} // namespace halfopen::realnet
