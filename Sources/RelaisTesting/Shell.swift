import Foundation

/// Runs commands for the namespace and end-to-end tests, from the root network namespace.
public enum Shell {
    public struct Result: Sendable {
        public var status: Int32
        public var output: String
        public var error: String
    }

    public struct Failure: Error, CustomStringConvertible {
        public var command: [String]
        public var result: Result
        public var description: String { "\(command.joined(separator: " ")) → \(result.status): \(result.error)\(result.output)" }
    }

    /// Runs a command to completion and returns what it printed.
    @discardableResult
    public static func run(_ arguments: [String], input: String? = nil, check: Bool = true) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let inputPipe = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
        try process.run()
        if let input {
            inputPipe.fileHandleForWriting.write(Data(input.utf8))
            try inputPipe.fileHandleForWriting.close()
        }
        // Read both pipes before waiting, so a chatty command cannot fill a pipe and stall.
        let errData = ReadBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData.set(err.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        let result = Result(
            status: process.terminationStatus,
            output: String(decoding: outData, as: UTF8.self),
            error: String(decoding: errData.get(), as: UTF8.self))
        if check && result.status != 0 { throw Failure(command: arguments, result: result) }
        return result
    }

    /// Runs a command inside a network namespace.
    @discardableResult
    public static func inNamespace(_ namespace: String, _ arguments: [String], input: String? = nil, check: Bool = true) throws -> Result {
        try run(["ip", "netns", "exec", namespace] + arguments, input: input, check: check)
    }

    /// Starts a long-running process inside a namespace; its output goes to `logFile`.
    public static func start(in namespace: String, _ arguments: [String], logFile: String) throws -> Process {
        _ = FileManager.default.createFile(atPath: logFile, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logFile))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ip", "netns", "exec", namespace] + arguments
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// True when running as root, which the namespaces need.
    public static var isRoot: Bool { getuid() == 0 }
}

/// Holds data handed back from a reading thread.
private final class ReadBox: @unchecked Sendable {
    private var data = Data()
    private let lock = NSLock()
    func set(_ value: Data) { lock.withLock { data = value } }
    func get() -> Data { lock.withLock { data } }
}
