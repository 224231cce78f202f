// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lab/CaptureLimit.h"
#include "lab/LabConfig.h"
#include "realnet/RealNetworkConfig.h"

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <memory>

namespace halfopen::ui {

// The one place HalfOpen's preferences live (QSettings underneath). Constructed once by main()
// and passed to whoever needs it; tests give it a file of their own.
class AppSettings
{
public:
    // The platform's usual place for organization/application.
    AppSettings();
    // An INI file at `path`: for tests and for a portable setup.
    explicit AppSettings(const QString &path);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    // The socket table's column order, widths and sort.
    QByteArray socketTableHeader() const;
    void setSocketTableHeader(const QByteArray &state);
    // Whether the socket table lists TIME_WAIT sockets (not by default, like ss).
    bool socketTableShowsTimeWait() const;
    void setSocketTableShowsTimeWait(bool shown);

    // The lab the settings panels showed last; the defaults when none was saved or it is broken.
    lab::LabConfig labConfig() const;
    void setLabConfig(const lab::LabConfig &config);

    // "Where the peer is": the real network instead of the lab, and who connects to whom there.
    bool realNetworkMode() const;
    void setRealNetworkMode(bool real);
    // "This machine's connections" was the choice when the window closed.
    bool machineAuditMode() const;
    void setMachineAuditMode(bool audit);
    realnet::RealNetworkConfig realNetwork() const;
    void setRealNetwork(const realnet::RealNetworkConfig &network);

    // The lab's capture of the cable keeps the last this many MB (lab::CaptureLimit); the default
    // when none was saved or the saved one is outside the range.
    int captureLimitMb() const;
    void setCaptureLimitMb(int megabytes);

    QString lastScenario() const;
    void setLastScenario(const QString &name);
    // Folder of the last file opened or saved through a dialog.
    QString lastDirectory() const;
    void setLastDirectory(const QString &directory);

    // The language chosen for the window ("en", "zh_CN"); empty: the system's.
    QString language() const;
    void setLanguage(const QString &code);

    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace halfopen::ui
