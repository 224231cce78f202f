#include "realnet/HostTcpSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <utility>

namespace halfopen::realnet {

namespace {
// What core/predict reads (retries2, syn_retries) and what explains a socket without its own
// keepalive settings.
const char *const kNames[] = {
    "tcp_retries2",       "tcp_syn_retries",      "tcp_keepalive_time",
    "tcp_keepalive_intvl", "tcp_keepalive_probes", "tcp_fin_timeout",
};
} // namespace

HostTcpSettings::HostTcpSettings(QString procSysNetIpv4)
    : m_dir(std::move(procSysNetIpv4))
{
}

QStringList HostTcpSettings::names()
{
    QStringList list;
    for (const char *name : kNames)
        list << QStringLiteral("net.ipv4.") + QLatin1String(name);
    return list;
}

QMap<QString, QString> HostTcpSettings::read(QStringList *problems) const
{
    QMap<QString, QString> values;
    for (const char *name : kNames) {
        QFile file(QDir(m_dir).filePath(QLatin1String(name)));
        bool ok = false;
        QString text;
        if (file.open(QIODevice::ReadOnly)) {
            text = QString::fromLatin1(file.readAll()).trimmed();
            text.toInt(&ok);
        }
        if (ok) {
            values.insert(QStringLiteral("net.ipv4.") + QLatin1String(name), text);
        } else if (problems) {
            *problems << QCoreApplication::translate("HostTcpSettings", "cannot read %1: %2")
                             .arg(file.fileName(), file.isOpen() ? QCoreApplication::translate("HostTcpSettings", "not a number")
                                                                 : file.errorString());
        }
    }
    return values;
}

} // namespace halfopen::realnet
