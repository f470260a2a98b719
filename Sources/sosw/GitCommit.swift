import Foundation

/// The commit of the checkout this binary was built in, for run records and `sosw --version`: `<12 hex>` or
/// `<12 hex>-dirty`, or `unknown` when the binary is not inside a git checkout (copied elsewhere, deployed) or git
/// is not there.
///
/// It is looked up from the executable's folder (`.build/release/sosw` lives inside its checkout), not from the
/// working directory: a user running the binary from another project's folder records the simulator's commit,
/// not theirs. The lookup happens at run time, so a checkout moved to another commit since the build reports
/// the new one; `-dirty` then warns that the tree and the binary may differ.
enum GitCommit {
    /// The commit, looked up once per process (a sweep records it with every run).
    static let current = describe()

    private static func describe() -> String {
        let folder = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent().path ?? "."
        guard let head = git(["-C", folder, "rev-parse", "--short=12", "HEAD"]), !head.isEmpty else {
            return "unknown"
        }
        let changes = git(["-C", folder, "status", "--porcelain", "--untracked-files=no"]) ?? ""
        return changes.isEmpty ? head : head + "-dirty"
    }

    private static func git(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
