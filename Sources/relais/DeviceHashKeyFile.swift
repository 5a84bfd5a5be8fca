import RelaisCore
import RelaisCrypto

/// Reads the remembered devices' secret (`device-hash.secret`) from the box's key directory, as the daemon
/// reads every secret: systemd's credentials first, else `[legal] key_directory`.
/// A missing file switches « Se souvenir de cet appareil » off (nothing can be remembered without it);
/// an unsafe or malformed file stops the daemon: the keyed hash never runs on a key others may read.
enum DeviceHashKeyFile {
    static func load(from keys: KeyDirectory) throws -> DeviceHashKey? {
        do throws(KeyFileError) {
            // KeyDirectory checks the length; DeviceHashKey's is the same 32 bytes.
            return DeviceHashKey(bytes: try keys.secret(named: KeyDirectory.deviceHashSecretName))
        } catch {
            if error.code == .missing { return nil }
            throw error
        }
    }
}
