import CQREncode
import Glibc

/// The modules of one QR symbol, row by row (true = dark), without the quiet zone.
public struct QRMatrix: Sendable, Equatable {
    /// Modules per side.
    public let width: Int
    /// `width × width` modules, row-major.
    public let modules: [Bool]

    public init(width: Int, modules: [Bool]) {
        precondition(modules.count == width * width, "a QR matrix is square")
        self.width = width
        self.modules = modules
    }

    public subscript(row: Int, column: Int) -> Bool { modules[row * width + column] }

    /// Encodes the UTF-8 bytes of `text` in 8-bit mode at error correction level M (15 % of the symbol
    /// may be damaged: a hall screen seen at an angle, a smudge), in the smallest version that fits.
    public static func encode(_ text: String) throws(QRError) -> QRMatrix {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw QRError(.empty, "nothing to encode") }
        errno = 0
        // Version 0: the library picks the smallest symbol. encodeData rather than the C-string calls:
        // the bytes are taken as they are, without a NUL terminator.
        guard let code = bytes.withUnsafeBufferPointer({ buffer in
            QRcode_encodeData(Int32(buffer.count), buffer.baseAddress, 0, QR_ECLEVEL_M)
        }) else {
            let error = errno
            if error == ERANGE || error == EINVAL {
                throw QRError(.tooLong, "\(bytes.count) bytes do not fit a QR code at level M")
            }
            throw QRError(.encoder, "QRcode_encodeData failed (errno \(error))")
        }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        // Bit 0 of each byte is the module's colour; the other bits describe its role (unused here).
        let data = UnsafeBufferPointer(start: code.pointee.data, count: width * width)
        return QRMatrix(width: width, modules: data.map { $0 & 1 == 1 })
    }
}
