import Dispatch
import FoundationEssentials
import Glibc
import Logging

/// File-system side of the control socket: stale-file cleanup, parent directory, mode and group.
enum ControlSocketFile {
    /// Removes a socket file nothing listens on; fails if a daemon answers there or a non-socket is in the way.
    static func removeIfStale(at path: String, logger: Logger) throws(ControlError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFSOCK else {
            throw ControlError(.pathOccupied, "\(path) existe et n'est pas une socket : refus de l'écraser")
        }
        let probe = try UnixSocket.make(path: path)
        defer { probe.close() }
        do {
            try probe.connect(timeoutSeconds: 1)
        } catch where error.code == .daemonNotRunning {
            do {
                try SystemCall.check("unlink") { unlink(path) }
            } catch where error.errno != ENOENT {
                throw .system(error, path: path)
            } catch {}
            logger.notice("stale control socket removed", metadata: ["control.socket": "\(path)"])
            return
        } catch where error.code == .timeout {
            throw ControlError(.alreadyRunning, "un autre démon relais écoute déjà sur \(path) (occupé)")
        }
        throw ControlError(.alreadyRunning, "un autre démon relais écoute déjà sur \(path)")
    }

    /// Creates the socket's directory (e.g. `/run/relais`) when missing; bind reports any remaining problem.
    static func createParentDirectory(of path: String) {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        let parent = String(path[..<slash])
        try? FileManager.default.createDirectory(
            atPath: parent, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
    }

    /// Mode 0660, group-owned by `group` when that group exists; the owner stays the daemon's user.
    static func restrict(_ path: String, group: String?, logger: Logger) throws(ControlError) {
        do {
            try SystemCall.check("chmod") { chmod(path, 0o660) }
        } catch {
            throw .system(error, path: path)
        }
        guard let group else { return }
        guard let groupID = ControlAccessPolicy.groupID(named: group) else {
            logger.warning("control group not found: socket limited to root", metadata: ["control.group": "\(group)"])
            return
        }
        // Running as the relais user with that primary group (the unit), the file already has it:
        // no chown, which the unit's system call filter refuses.
        guard getegid() != groupID else { return }
        do {
            try SystemCall.check("chown") { chown(path, uid_t.max, groupID) }
        } catch {
            throw .system(error, path: path)
        }
    }

    /// The file's inode, to recognise our own socket file later.
    static func inode(at path: String) -> UInt? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return UInt(info.st_ino)
    }
}
