#if canImport(Glibc)
import Glibc
#endif

/// Who may use the control socket: root, the daemon's own user, and members of the control group.
///
/// The socket file's mode (0660, group-owned) already keeps others out; this check, on the kernel's
/// `SO_PEERCRED`, holds even if the file's mode is later loosened by mistake.
struct ControlAccessPolicy: Sendable {
    let daemonUserID: uid_t
    /// The control group, when one is configured and exists.
    let groupID: gid_t?

    func allows(userID: uid_t, groupID peerGroupID: gid_t) -> Bool {
        if userID == 0 || userID == daemonUserID { return true }
        guard let groupID else { return false }
        if peerGroupID == groupID { return true }
        return Self.groups(ofUser: userID, primary: peerGroupID).contains(groupID)
    }

    /// The group ID for `name`, or nil when no such group exists.
    static func groupID(named name: String) -> gid_t? {
        var group = group()
        var buffer = [CChar](repeating: 0, count: 16_384)
        var result: UnsafeMutablePointer<group>?
        guard getgrnam_r(name, &group, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return group.gr_gid
    }

    /// The user's groups from the account database (`/etc/group`), including `primary`.
    static func groups(ofUser userID: uid_t, primary: gid_t) -> [gid_t] {
        var account = passwd()
        var buffer = [CChar](repeating: 0, count: 16_384)
        var result: UnsafeMutablePointer<passwd>?
        guard getpwuid_r(userID, &account, &buffer, buffer.count, &result) == 0, result != nil,
              let name = account.pw_name
        else { return [primary] }
        var count: Int32 = 64
        var groups = [gid_t](repeating: 0, count: Int(count))
        if getgrouplist(name, primary, &groups, &count) < 0 {
            // `count` now holds the size needed.
            groups = [gid_t](repeating: 0, count: Int(count))
            guard getgrouplist(name, primary, &groups, &count) >= 0 else { return [primary] }
        }
        return Array(groups.prefix(Int(count)))
    }
}
