// SPDX-License-Identifier: GPL-3.0-or-later
#include "lab/UserNamespaceHelp.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <cerrno>

namespace halfopen::lab {

namespace {

// lupdate takes the context from this class: the strings below are "UserNamespaceHelp"'s.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(UserNamespaceHelp)
};

// The first line of a /proc file; empty when it is missing or unreadable.
QByteArray firstLine(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readLine().trimmed();
}

std::optional<qint64> sysctl(const QString &path)
{
    bool ok = false;
    const qint64 value = firstLine(path).toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

std::optional<int> sysctlInt(const QString &path)
{
    const auto value = sysctl(path);
    return value ? std::optional<int>(int(*value)) : std::nullopt;
}

QString appArmorAdvice(const UserNamespaceEnvironment &env)
{
    const QString profile = QString::fromLatin1(kAppArmorProfilePath);
    const QString sysctlFix = Text::tr(
        "or allow every program until the next boot: sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0");
    QString text
        = Text::tr("AppArmor restricts unprivileged user namespaces on this system "
                   "(kernel.apparmor_restrict_unprivileged_userns = 1) to programs whose profile allows them.");
    if (!appArmorProfileCovers(env.executable))
        return text + QLatin1Char(' ')
            + Text::tr(
                  "HalfOpen's profile (%1) covers the installed supervisor only (/usr/libexec/halfopen/halfopen-lab), "
                  "not %2: start the installed halfopen, %3.")
                  .arg(profile, env.executable, sysctlFix);
    if (!env.profileInstalled)
        return text + QLatin1Char(' ')
            + Text::tr(
                  "HalfOpen's profile %1 is missing (the halfopen package installs it; packaging/apparmor/halfopen-lab "
                  "in the sources): put it back and load it with: sudo apparmor_parser -r %1, %2.")
                  .arg(profile, sysctlFix);
    if (env.profileDisabled)
        return text + QLatin1Char(' ')
            + Text::tr(
                  "HalfOpen's profile %1 is installed but disabled (%2: the package does that where AppArmor could not "
                  "read the profile). Enable and load it with: sudo dpkg-reconfigure halfopen, %3.")
                  .arg(profile, QString::fromLatin1(kAppArmorProfileDisablePath), sysctlFix);
    return text + QLatin1Char(' ')
        + Text::tr("HalfOpen's profile is installed but not loaded (the supervisor runs as '%1'). Load it with: "
                   "sudo apparmor_parser -r %2, %3.")
              .arg(env.apparmorLabel.isEmpty() ? QStringLiteral("unconfined") : env.apparmorLabel, profile, sysctlFix);
}

bool runsUnderOurProfile(const UserNamespaceEnvironment &env)
{
    return env.apparmorLabel == QLatin1String(kAppArmorProfileName)
        || env.apparmorLabel.startsWith(QLatin1String(kAppArmorProfileName) + QLatin1Char(' '));
}

} // namespace

UserNamespaceEnvironment UserNamespaceEnvironment::read()
{
    UserNamespaceEnvironment env;
    env.apparmorRestrict = sysctlInt(QStringLiteral("/proc/sys/kernel/apparmor_restrict_unprivileged_userns"));
    env.unprivilegedClone = sysctlInt(QStringLiteral("/proc/sys/kernel/unprivileged_userns_clone"));
    env.maxUserNamespaces = sysctl(QStringLiteral("/proc/sys/user/max_user_namespaces"));
    // Newer kernels name the LSM in the path; older ones have only the shared attr/current.
    QByteArray label = firstLine(QStringLiteral("/proc/self/attr/apparmor/current"));
    if (label.isEmpty())
        label = firstLine(QStringLiteral("/proc/self/attr/current"));
    env.apparmorLabel = QString::fromLocal8Bit(label);
    env.executable = QFileInfo(QStringLiteral("/proc/self/exe")).symLinkTarget();
    env.profileInstalled = QFileInfo::exists(QString::fromLatin1(kAppArmorProfilePath));
    env.profileDisabled = QFileInfo(QString::fromLatin1(kAppArmorProfileDisablePath)).isSymLink()
        || QFileInfo::exists(QString::fromLatin1(kAppArmorProfileDisablePath));
    return env;
}

bool appArmorProfileCovers(const QString &executable)
{
    // The profile's attachment: /usr/{,local/}libexec/halfopen/halfopen-lab
    static const QRegularExpression covered(QStringLiteral("^/usr/(local/)?libexec/halfopen/halfopen-lab$"));
    return covered.match(executable).hasMatch();
}

QString explainUserNamespaceFailure(const QString &failure, int error, const UserNamespaceEnvironment &env)
{
    QString help = failure.endsWith(QLatin1Char('.')) ? failure : failure + QLatin1Char('.');
    help += QLatin1Char(' ');
    if (env.apparmorRestrict.value_or(0) != 0 && !runsUnderOurProfile(env))
        return help + appArmorAdvice(env);
    if (env.unprivilegedClone && *env.unprivilegedClone == 0)
        return help
            + Text::tr("Unprivileged user namespaces are switched off (kernel.unprivileged_userns_clone = 0). "
                       "Switch them on with: sudo sysctl -w kernel.unprivileged_userns_clone=1");
    if (env.maxUserNamespaces && *env.maxUserNamespaces == 0)
        return help
            + Text::tr("User namespaces are switched off (user.max_user_namespaces = 0). "
                       "Allow them with: sudo sysctl -w user.max_user_namespaces=10000");
    if (error == ENOSPC && env.maxUserNamespaces)
        return help
            + Text::tr("All %1 user namespaces allowed to this user (user.max_user_namespaces) are in use: "
                       "end some sandboxes or containers, or raise the limit with sudo sysctl -w "
                       "user.max_user_namespaces=N.")
                  .arg(*env.maxUserNamespaces);
    return help
        + Text::tr("The lab needs an unprivileged user namespace; no kernel setting found here forbids one "
                   "(user.max_user_namespaces, kernel.unprivileged_userns_clone, AppArmor). "
                   "A chroot may (the kernel refuses user namespaces inside one), or a container or seccomp filter: "
                   "run the lab as root, or outside it.");
}

} // namespace halfopen::lab
