import Foundation

/// Reads a QR code back as a phone would: the SVG rasterized by rsvg-convert (librsvg2-bin), then
/// decoded by zbarimg (zbar-tools). Both are Debian packages that `scripts/install-deps --test` installs.
public enum QRCodeReader {
    public static func decode(svg: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("relais-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let svgFile = folder.appendingPathComponent("code.svg").path
        let pngFile = folder.appendingPathComponent("code.png").path
        try svg.write(toFile: svgFile, atomically: true, encoding: .utf8)
        try Shell.run(["rsvg-convert", "-w", "600", "-o", pngFile, svgFile])
        // --raw: the payload alone; -Sbinary: the bytes as encoded, without zbar's charset guess.
        let output = try Shell.run(["zbarimg", "--raw", "-q", "-Sbinary", pngFile]).output
        // zbarimg ends its output with one newline.
        return output.hasSuffix("\n") ? String(output.dropLast()) : output
    }
}
