// swift-tools-version:6.0
import PackageDescription

// Targets are split by what they link: a pure core, one thin adapter per C library,
// a transport-independent web layer and one executable that composes them; a second, small executable
// is the control client alone, which links no C library and so starts in a few milliseconds.
let package = Package(
    name: "relais",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "relais", targets: ["relais"]),
        .executable(name: "relais-ctl", targets: ["relais-ctl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
    ],
    targets: [
        // C libraries, each through its own system-library target.
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd", providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(name: "CNFTables", pkgConfig: "libnftables", providers: [.apt(["libnftables-dev"])]),
        .systemLibrary(name: "CConntrack", pkgConfig: "libnetfilter_conntrack", providers: [.apt(["libnetfilter-conntrack-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),

        // Pure core: domain types and policies. No I/O, no C.
        .target(name: "RelaisCore"),
        // The config file: TOML-subset reader and schema, shared by every executable composition.
        .target(name: "RelaisConfig", dependencies: ["RelaisCore"]),
        // Civil time (time zones from tzdata), the system clocks and the scheduler.
        .target(name: "RelaisTime", dependencies: [
            "RelaisCore",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        // Transport-independent HTTP: values, responder protocol, router, middleware, cookies.
        .target(name: "RelaisHTTP", dependencies: ["RelaisCore", .product(name: "Logging", package: "swift-log")]),

        // Adapters.
        .target(name: "RelaisMicroHTTPD", dependencies: ["CMicroHTTPD", "RelaisCore", "RelaisHTTP", .product(name: "Logging", package: "swift-log")]),
        .target(name: "RelaisCrypto", dependencies: ["COpenSSL", "RelaisCore"]),
        .target(name: "RelaisStore", dependencies: ["CSQLite", "RelaisCore"]),
        .target(name: "RelaisNetfilter", dependencies: ["CNFTables", "CConntrack", "RelaisCore", .product(name: "Logging", package: "swift-log")]),
        .target(name: "RelaisControl", dependencies: ["RelaisCore", .product(name: "Logging", package: "swift-log")]),
        // The national schema of places of digital help: CSV into core values.
        .target(name: "RelaisDirectory", dependencies: ["RelaisCore"]),
        // QR codes (libqrencode) drawn as SVG, for the kiosk screen.
        .target(name: "RelaisQR", dependencies: ["CQREncode"]),
        // The statistics push: HTTPS to the département's collector (libcurl, its CA only), the outbox sender.
        .target(name: "RelaisPush", dependencies: ["CCurl", "RelaisCore", .product(name: "Logging", package: "swift-log")]),

        // The département's collector: ingest of signed reports from the boxes.
        .target(name: "RelaisCollector", dependencies: [
            "RelaisCore", "RelaisHTTP", "RelaisStore", "RelaisCrypto", .product(name: "Logging", package: "swift-log"),
        ]),

        // Application: the gateway that keeps store and firewall in step, and the web pages.
        .target(name: "RelaisGateway", dependencies: ["RelaisCore", .product(name: "Logging", package: "swift-log")]),
        .target(name: "RelaisWeb", dependencies: [
            "RelaisCore", "RelaisConfig", "RelaisHTTP", "RelaisGateway", "RelaisQR",
            .product(name: "Logging", package: "swift-log"),
        ]),

        // The agents' sign-in and pages on the [staff] listener.
        .target(name: "RelaisStaff", dependencies: [
            "RelaisCore", "RelaisHTTP", "RelaisGateway", "RelaisStore", "RelaisCrypto", "RelaisWeb",
            .product(name: "Logging", package: "swift-log"),
        ]),

        // In-memory twins of the ports, for unit tests only.
        .target(name: "RelaisTesting", dependencies: ["RelaisCore", .product(name: "Logging", package: "swift-log")]),

        // The operator's control client (`relais ctl`, `relais-ctl`) and the process's standard streams.
        .target(name: "RelaisControlCLI", dependencies: [
            "RelaisControl", "RelaisCore", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // The composition root.
        .executableTarget(name: "relais", dependencies: [
            "RelaisCore", "RelaisConfig", "RelaisHTTP", "RelaisMicroHTTPD", "RelaisCrypto", "RelaisStore",
            "RelaisNetfilter", "RelaisControl", "RelaisControlCLI", "RelaisGateway", "RelaisWeb", "RelaisTime",
            "RelaisStaff",
            "RelaisDirectory",
            "RelaisPush",
            "RelaisCollector",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        // `relais ctl` alone, without the daemon's C libraries, whose start-up dominates a single call.
        .executableTarget(name: "relais-ctl", dependencies: ["RelaisControlCLI"]),
        // Benchmark support (not installed): fills a database with sealed legal log entries.
        .executableTarget(name: "relais-bench-legal-fill", dependencies: ["CSQLite", "RelaisCore", "RelaisCrypto", "RelaisStore"],
                          path: "Benchmarks/LegalLogFill"),

        .testTarget(name: "RelaisCoreTests", dependencies: ["RelaisCore", "RelaisCrypto"]),
        .testTarget(name: "RelaisConfigTests", dependencies: ["RelaisConfig", "RelaisCore"]),
        .testTarget(name: "RelaisTimeTests", dependencies: [
            "RelaisTime", "RelaisCore", "RelaisTesting",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .testTarget(name: "RelaisMicroHTTPDTests", dependencies: ["RelaisMicroHTTPD", "RelaisHTTP", "RelaisCore", "RelaisTesting", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "RelaisCryptoTests", dependencies: ["RelaisCrypto"]),
        .testTarget(name: "RelaisStoreTests", dependencies: ["RelaisStore", "CSQLite", "RelaisCore", "RelaisCrypto"]),
        .testTarget(name: "RelaisNetfilterTests", dependencies: ["RelaisNetfilter", "RelaisCore", "RelaisTesting", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "RelaisControlTests", dependencies: ["RelaisControl", "RelaisCore", "RelaisTesting", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "RelaisGatewayTests", dependencies: ["RelaisGateway", "RelaisCore", "RelaisTesting", "RelaisStore", "RelaisNetfilter", "RelaisCrypto", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "RelaisHTTPTests", dependencies: ["RelaisHTTP", "RelaisCore", "RelaisTesting", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "RelaisWebTests", dependencies: ["RelaisWeb", "RelaisHTTP", "RelaisCore", "RelaisGateway", "RelaisTesting", "RelaisStore", "RelaisCrypto", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "RelaisStaffTests", dependencies: [
            "RelaisStaff", "RelaisWeb", "RelaisHTTP", "RelaisCore", "RelaisGateway", "RelaisStore", "RelaisCrypto",
            "RelaisMicroHTTPD", "RelaisTesting", .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "RelaisQRTests", dependencies: ["RelaisQR", "RelaisTesting"]),
        .testTarget(name: "RelaisDirectoryTests", dependencies: ["RelaisDirectory", "RelaisCore"]),
        .testTarget(name: "RelaisPushTests", dependencies: [
            "RelaisPush", "RelaisCore", "RelaisStore", "RelaisCrypto", "RelaisMicroHTTPD", "RelaisHTTP", "RelaisTime",
            "RelaisTesting", .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "RelaisCollectorTests", dependencies: [
            "RelaisCollector", "RelaisCore", "RelaisHTTP", "RelaisStore", "RelaisCrypto", "RelaisPush", "RelaisMicroHTTPD",
            "RelaisTesting", .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "EndToEndTests", dependencies: ["RelaisCore", "RelaisTesting", "RelaisStore"]),
    ]
)
