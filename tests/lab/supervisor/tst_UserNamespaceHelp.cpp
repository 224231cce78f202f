// SPDX-License-Identifier: GPL-3.0-or-later
// What the supervisor says when it cannot get a user namespace: for each kind of restriction
// (Ubuntu's AppArmor, Debian's old switch, the namespace limit), given as made-up sysctl values,
// the reason and the one command that lifts it. And the values this machine really has.

#include "lab/UserNamespaceHelp.h"

#include <QCoreApplication>
#include <QFile>
#include <QTest>

#include <cerrno>

using namespace halfopen::lab;

namespace {

const QString kFailure = QStringLiteral("cannot create a network namespace: EPERM (Operation not permitted)");
const QString kInstalled = QStringLiteral("/usr/libexec/halfopen/halfopen-lab");

// Ubuntu 24.04 out of the box: AppArmor restricts, the package is installed.
UserNamespaceEnvironment ubuntu()
{
    UserNamespaceEnvironment env;
    env.apparmorRestrict = 1;
    env.maxUserNamespaces = 63000;
    env.apparmorLabel = QStringLiteral("unconfined");
    env.executable = kInstalled;
    env.profileInstalled = true;
    return env;
}

// Debian 12 as shipped: nothing restricts.
UserNamespaceEnvironment debian()
{
    UserNamespaceEnvironment env;
    env.unprivilegedClone = 1;
    env.maxUserNamespaces = 63000;
    env.executable = kInstalled;
    return env;
}

} // namespace

class UserNamespaceHelpTest : public QObject
{
    Q_OBJECT

private slots:
    void appArmorProfileNotLoaded()
    {
        const QString text = explainUserNamespaceFailure(kFailure, EPERM, ubuntu());
        QVERIFY2(text.startsWith(kFailure + QStringLiteral(". ")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("kernel.apparmor_restrict_unprivileged_userns = 1")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("sudo apparmor_parser -r /etc/apparmor.d/halfopen-lab")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("'unconfined'")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0")),
                 qPrintable(text));
    }

    void appArmorProfileMissing()
    {
        auto env = ubuntu();
        env.profileInstalled = false;
        const QString text = explainUserNamespaceFailure(kFailure, EPERM, env);
        QVERIFY2(text.contains(QStringLiteral("/etc/apparmor.d/halfopen-lab is missing")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("packaging/apparmor/halfopen-lab")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0")),
                 qPrintable(text));
    }

    void appArmorProfileDisabledByThePackage()
    {
        auto env = ubuntu();
        env.profileDisabled = true;
        const QString text = explainUserNamespaceFailure(kFailure, EPERM, env);
        QVERIFY2(text.contains(QStringLiteral("sudo dpkg-reconfigure halfopen")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("/etc/apparmor.d/disable/halfopen-lab")), qPrintable(text));
    }

    void appArmorAndASupervisorTheProfileDoesNotCover()
    {
        auto env = ubuntu();
        env.executable = QStringLiteral("/home/ada/halfopen/build/app/halfopen-lab");
        const QString text = explainUserNamespaceFailure(kFailure, EPERM, env);
        QVERIFY2(text.contains(env.executable), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("apparmor_parser")), qPrintable(text)); // loading it would not help
        QVERIFY2(text.contains(QStringLiteral("sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0")),
                 qPrintable(text));
    }

    void appArmorProfileLoadedPointsElsewhere()
    {
        // Our profile is in force, so AppArmor is not the reason: the limit is.
        auto env = ubuntu();
        env.apparmorLabel = QStringLiteral("halfopen-lab (unconfined)");
        env.maxUserNamespaces = 0;
        const QString text = explainUserNamespaceFailure(kFailure, EPERM, env);
        QVERIFY2(!text.contains(QStringLiteral("AppArmor restricts")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("sudo sysctl -w user.max_user_namespaces=")), qPrintable(text));
    }

    void appArmorRestrictionSwitchedOff()
    {
        auto env = ubuntu();
        env.apparmorRestrict = 0;
        const QString text = explainUserNamespaceFailure(kFailure, EPERM, env);
        QVERIFY2(!text.contains(QStringLiteral("AppArmor restricts")), qPrintable(text));
    }

    void debianSwitchOff()
    {
        auto env = debian();
        env.unprivilegedClone = 0;
        const QString text = explainUserNamespaceFailure(kFailure, EPERM, env);
        QVERIFY2(text.contains(QStringLiteral("kernel.unprivileged_userns_clone = 0")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("sudo sysctl -w kernel.unprivileged_userns_clone=1")), qPrintable(text));
    }

    void noUserNamespacesAllowed()
    {
        auto env = debian();
        env.maxUserNamespaces = 0;
        const QString text = explainUserNamespaceFailure(kFailure, ENOSPC, env);
        QVERIFY2(text.contains(QStringLiteral("user.max_user_namespaces = 0")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("sudo sysctl -w user.max_user_namespaces=")), qPrintable(text));
    }

    void limitReached()
    {
        auto env = debian();
        env.maxUserNamespaces = 5;
        const QString text = explainUserNamespaceFailure(kFailure, ENOSPC, env);
        QVERIFY2(text.contains(QStringLiteral("All 5 user namespaces")), qPrintable(text));
    }

    void nothingKnownForbidsIt()
    {
        const QString text = explainUserNamespaceFailure(kFailure, EPERM, debian());
        QVERIFY2(text.startsWith(kFailure), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("run the lab as root")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("chroot")), qPrintable(text)); // seen in a debootstrap chroot: EPERM
        QVERIFY2(!text.contains(QStringLiteral("AppArmor restricts")), qPrintable(text));
    }

    void profileCoversTheInstalledSupervisorOnly()
    {
        QVERIFY(appArmorProfileCovers(QStringLiteral("/usr/libexec/halfopen/halfopen-lab")));
        QVERIFY(appArmorProfileCovers(QStringLiteral("/usr/local/libexec/halfopen/halfopen-lab")));
        QVERIFY(!appArmorProfileCovers(QStringLiteral("/opt/halfopen/halfopen-lab")));
        QVERIFY(!appArmorProfileCovers(QStringLiteral("/usr/libexec/halfopen/halfopen-lab.old")));
        QVERIFY(!appArmorProfileCovers(QStringLiteral("/home/ada/build/app/halfopen-lab")));
    }

    void readsThisMachine()
    {
        // Every kernel since 4.9 has the namespace limit; the test runs as a real executable.
        const auto env = UserNamespaceEnvironment::read();
        QVERIFY(env.maxUserNamespaces.has_value());
        QVERIFY(*env.maxUserNamespaces >= 0);
        QCOMPARE(env.executable, QCoreApplication::applicationFilePath());
        QCOMPARE(env.apparmorRestrict.has_value(),
                 QFile::exists(QStringLiteral("/proc/sys/kernel/apparmor_restrict_unprivileged_userns")));
    }
};

QTEST_GUILESS_MAIN(UserNamespaceHelpTest)
#include "tst_UserNamespaceHelp.moc"
