// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/AppSettings.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

namespace halfopen::ui {

namespace {
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kSocketHeader = QStringLiteral("window/socketTableHeader");
const QString kSocketTimeWait = QStringLiteral("window/socketTableShowsTimeWait");
const QString kLab = QStringLiteral("lab/config");
const QString kScenario = QStringLiteral("lab/scenario");
const QString kDirectory = QStringLiteral("files/lastDirectory");
const QString kLanguage = QStringLiteral("ui/language");
const QString kRealMode = QStringLiteral("network/real");
const QString kMachineAuditMode = QStringLiteral("network/machineAudit");
const QString kRealNetwork = QStringLiteral("network/config");
const QString kCaptureLimit = QStringLiteral("lab/captureLimitMb");
} // namespace

AppSettings::AppSettings()
    : m_settings(std::make_unique<QSettings>())
{ }

AppSettings::AppSettings(const QString &path)
    : m_settings(std::make_unique<QSettings>(path, QSettings::IniFormat))
{ }

QByteArray AppSettings::windowGeometry() const
{
    return m_settings->value(kGeometry).toByteArray();
}
void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(kGeometry, geometry);
}
QByteArray AppSettings::windowState() const
{
    return m_settings->value(kState).toByteArray();
}
void AppSettings::setWindowState(const QByteArray &state)
{
    m_settings->setValue(kState, state);
}
QByteArray AppSettings::socketTableHeader() const
{
    return m_settings->value(kSocketHeader).toByteArray();
}
void AppSettings::setSocketTableHeader(const QByteArray &state)
{
    m_settings->setValue(kSocketHeader, state);
}

bool AppSettings::socketTableShowsTimeWait() const
{
    return m_settings->value(kSocketTimeWait, false).toBool();
}
void AppSettings::setSocketTableShowsTimeWait(bool shown)
{
    m_settings->setValue(kSocketTimeWait, shown);
}

lab::LabConfig AppSettings::labConfig() const
{
    // Stored in the scenario format, so a saved lab reads like a scenario's "lab" object.
    const QJsonObject json = QJsonDocument::fromJson(m_settings->value(kLab).toByteArray()).object();
    QString error;
    const auto config = json.isEmpty() ? std::nullopt : lab::LabConfig::fromJson(json, &error);
    return config ? *config : lab::LabConfig::defaults();
}

void AppSettings::setLabConfig(const lab::LabConfig &config)
{
    m_settings->setValue(kLab, QJsonDocument(config.toJson()).toJson(QJsonDocument::Compact));
}

bool AppSettings::realNetworkMode() const
{
    return m_settings->value(kRealMode, false).toBool();
}
void AppSettings::setRealNetworkMode(bool real)
{
    m_settings->setValue(kRealMode, real);
}

bool AppSettings::machineAuditMode() const
{
    return m_settings->value(kMachineAuditMode, false).toBool();
}
void AppSettings::setMachineAuditMode(bool audit)
{
    m_settings->setValue(kMachineAuditMode, audit);
}

realnet::RealNetworkConfig AppSettings::realNetwork() const
{
    return realnet::RealNetworkConfig::fromJson(
        QJsonDocument::fromJson(m_settings->value(kRealNetwork).toByteArray()).object());
}

void AppSettings::setRealNetwork(const realnet::RealNetworkConfig &network)
{
    m_settings->setValue(kRealNetwork, QJsonDocument(network.toJson()).toJson(QJsonDocument::Compact));
}

QString AppSettings::lastScenario() const
{
    return m_settings->value(kScenario).toString();
}
void AppSettings::setLastScenario(const QString &name)
{
    m_settings->setValue(kScenario, name);
}

QString AppSettings::lastDirectory() const
{
    return m_settings->value(kDirectory, QDir::homePath()).toString();
}
void AppSettings::setLastDirectory(const QString &directory)
{
    m_settings->setValue(kDirectory, directory);
}

int AppSettings::captureLimitMb() const
{
    bool ok = false;
    const int megabytes = m_settings->value(kCaptureLimit).toInt(&ok);
    return ok && megabytes >= lab::CaptureLimit::kMinimumMb && megabytes <= lab::CaptureLimit::kMaximumMb
        ? megabytes
        : lab::CaptureLimit::kDefaultMb;
}
void AppSettings::setCaptureLimitMb(int megabytes)
{
    m_settings->setValue(kCaptureLimit, megabytes);
}

QString AppSettings::language() const
{
    return m_settings->value(kLanguage).toString();
}
void AppSettings::setLanguage(const QString &code)
{
    m_settings->setValue(kLanguage, code);
}

void AppSettings::sync()
{
    m_settings->sync();
}

} // namespace halfopen::ui
