import Foundation

/// A small text file the credential providers read (shared config files, token files), told apart by why it
/// could not be read: a missing file usually means "not configured", an unreadable one is a mistake to fix.
enum LocalTextFile: Equatable {
    case text(String)
    case missing
    case unreadable(reason: String)

    init(path: String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            self = .missing
            return
        }
        guard !isDirectory.boolValue else {
            self = .unreadable(reason: "\(path) is a directory, not a file")
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            self = .unreadable(reason: "\(path) cannot be read (check its permissions)")
            return
        }
        guard let text = String(data: data, encoding: .utf8) else {
            self = .unreadable(reason: "\(path) is not UTF-8 text")
            return
        }
        self = .text(text)
    }

    /// The contents of a token file, whose trailing newline editors and `echo` add is not part of the token.
    /// Throws a reason (never the file's contents) when there is no usable token.
    static func token(at path: String, setting: String) throws(TokenFileProblem) -> String {
        switch LocalTextFile(path: path) {
        case .missing:
            throw TokenFileProblem(reason: "\(setting) names \(path), which does not exist")
        case .unreadable(let reason):
            throw TokenFileProblem(reason: "\(setting): \(reason)")
        case .text(let text):
            let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !token.isEmpty else { throw TokenFileProblem(reason: "\(setting) names \(path), which is empty") }
            return token
        }
    }

    struct TokenFileProblem: Error {
        var reason: String
    }
}
