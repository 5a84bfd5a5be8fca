import Glibc
import RelaisControlCLI

/// Reads an agent's password without it ever being an argument: from the terminal with echo off
/// (asked twice), or as the first line of standard input when it is not a terminal (scripts).
enum PasswordPrompt {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let minimumLength = 10

    static func read(confirm: Bool) throws -> String {
        let password: String
        if isatty(STDIN_FILENO) == 1 {
            password = try ask("Mot de passe : ")
            if confirm, try ask("Encore une fois : ") != password { throw Failure(description: "les deux saisies diffèrent") }
        } else {
            let input = try StandardStreams.readInput()
            password = String(decoding: input.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }, as: UTF8.self)
        }
        guard password.count >= minimumLength else {
            throw Failure(description: "mot de passe trop court : au moins \(minimumLength) caractères")
        }
        return password
    }

    /// One line from the terminal, echo off, echo restored even on failure.
    private static func ask(_ prompt: String) throws -> String {
        StandardStreams.writeError(prompt)
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { throw Failure(description: "terminal illisible") }
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent) == 0 else { throw Failure(description: "terminal illisible") }
        defer {
            _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            StandardStreams.writeError("\n")
        }
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while Glibc.read(STDIN_FILENO, &byte, 1) == 1, byte != UInt8(ascii: "\n") { line.append(byte) }
        return String(decoding: line, as: UTF8.self)
    }
}
