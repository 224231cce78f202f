// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace halfopen::lab {

// What the kernel says about unprivileged user namespaces, and where the supervisor stands:
// everything the explanation below needs, read from /proc (or made up by a test).
struct UserNamespaceEnvironment
{
    std::optional<int> apparmorRestrict;     // kernel.apparmor_restrict_unprivileged_userns (Ubuntu 23.10+)
    std::optional<int> unprivilegedClone;    // kernel.unprivileged_userns_clone (Debian's switch on older kernels)
    std::optional<qint64> maxUserNamespaces; // user.max_user_namespaces
    QString apparmorLabel;                   // our AppArmor confinement, e.g. "unconfined", "halfopen-lab (unconfined)"
    QString executable;                      // this supervisor's path
    bool profileInstalled = false;           // HalfOpen's AppArmor profile is in /etc/apparmor.d
    bool profileDisabled = false;            // ... with a link in /etc/apparmor.d/disable (the package's postinst
                                             // makes one where AppArmor cannot parse it)

    static UserNamespaceEnvironment read();
};

// The AppArmor profile the halfopen package installs (packaging/apparmor/halfopen-lab), and the
// executables it grants user namespaces to.
inline constexpr const char *kAppArmorProfileName = "halfopen-lab";
inline constexpr const char *kAppArmorProfilePath = "/etc/apparmor.d/halfopen-lab";
inline constexpr const char *kAppArmorProfileDisablePath = "/etc/apparmor.d/disable/halfopen-lab";
bool appArmorProfileCovers(const QString &executable);

// `failure` ("cannot create a user namespace: EPERM (...)") followed by why, as far as the
// settings tell, and the one command that fixes it. `error` is the errno of the failure.
QString explainUserNamespaceFailure(const QString &failure, int error, const UserNamespaceEnvironment &environment);

} // namespace halfopen::lab
