import Foundation

/// A made-up home directory for one test, with the shared files the test writes, so no test reads the real
/// `~/.aws`. Removed when the test's closure returns.
struct TemporaryHome {
    let path: String

    /// Creates the directory, runs `body`, then removes it.
    static func with<Result>(_ body: (TemporaryHome) async throws -> Result) async rethrows -> Result {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sosw-home-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path + "/.aws", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try await body(TemporaryHome(path: path))
    }

    var credentialsFile: String { path + "/.aws/credentials" }
    var configFile: String { path + "/.aws/config" }

    /// Writes `text` to `relative` (below the home) and returns the full path.
    @discardableResult
    func write(_ relative: String, _ text: String) -> String {
        let file = path + "/" + relative
        try? FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: file, contents: Data(text.utf8))
        return file
    }
}
