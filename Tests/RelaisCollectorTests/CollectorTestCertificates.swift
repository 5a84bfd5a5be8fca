import Foundation

/// A test CA and a certificate it signed for 127.0.0.1, made with the openssl tool in a new folder the caller
/// removes (`remove()`, in a defer).
struct CollectorTestCertificates {
    let folder: String
    var caFile: String { folder + "/ca.pem" }
    let certificatePEM: String
    let keyPEM: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.path + "/relais-collector-tls-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let caFile = folder + "/ca.pem"
        let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
        try Self.run(["req", "-x509"] + key + ["-days", "1", "-subj", "/CN=Collecteur test CA", "-keyout", folder + "/ca.key", "-out", caFile])
        try Self.run(["req"] + key + ["-subj", "/CN=127.0.0.1", "-keyout", folder + "/server.key", "-out", folder + "/server.csr"])
        try "subjectAltName=IP:127.0.0.1\n".write(toFile: folder + "/san.ext", atomically: true, encoding: .utf8)
        try Self.run(["x509", "-req", "-in", folder + "/server.csr", "-CA", caFile, "-CAkey", folder + "/ca.key", "-CAcreateserial",
                      "-days", "1", "-extfile", folder + "/san.ext", "-out", folder + "/server.pem"])
        certificatePEM = try String(contentsOfFile: folder + "/server.pem", encoding: .utf8)
        keyPEM = try String(contentsOfFile: folder + "/server.key", encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    private static func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CertificateFailure(step: arguments.first ?? "openssl") }
    }

    struct CertificateFailure: Error { let step: String }
}
