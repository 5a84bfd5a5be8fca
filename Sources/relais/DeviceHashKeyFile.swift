import FoundationEssentials
import Glibc
import RelaisCore

/// Reads the remembered devices' key (`consent.device_key_file`): 32 raw bytes, readable by its owner only.
/// A missing file switches « Se souvenir de cet appareil » off (nothing can be remembered without it);
/// an unsafe or malformed file stops the daemon: the keyed hash never runs on a key others may read.
/// (Until `relais keys init` creates it, the lead points this at the key the keys helper writes.)
enum DeviceHashKeyFile {
    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    static func load(path: String) throws -> DeviceHashKey? {
        let files = FileManager.default
        guard files.fileExists(atPath: path) else { return nil }
        var status = stat()
        guard stat(path, &status) == 0 else { throw Refusal(description: "\(path): the device key file cannot be examined (errno \(errno))") }
        let mode = Int(status.st_mode & 0o777)
        guard mode & 0o077 == 0 else {
            throw Refusal(description: "\(path): the device key file must be readable by its owner only (chmod 600), found mode \(String(mode, radix: 8))")
        }
        guard let data = files.contents(atPath: path) else { throw Refusal(description: "\(path): the device key file cannot be read") }
        guard let key = DeviceHashKey(bytes: Array(data)) else {
            throw Refusal(description: "\(path): the device key file must hold exactly \(DeviceHashKey.length) bytes, found \(data.count)")
        }
        return key
    }
}
