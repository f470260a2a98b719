import Foundation
import Testing

/// Runs a `sosw` binary as a separate process: the built one next to this test bundle, or another build
/// (e.g. the release one) by path.
struct SoswBinary {
    let path: String

    /// The `sosw` that `swift build` put beside the test bundle.
    static var besideTests: SoswBinary {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        // The bundle may be a directory (`…/soswPackageTests.xctest/…`) on some platforms.
        while directory.lastPathComponent.hasSuffix(".xctest") || directory.lastPathComponent == "Contents" {
            directory = directory.deletingLastPathComponent()
        }
        return SoswBinary(path: directory.appendingPathComponent("sosw").path)
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary to its end. `environment` replaces the process's own when given.
    func run(_ arguments: [String], environment: [String: String]? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self)
        )
    }
}

/// A fresh temporary directory, removed by the caller.
func temporaryDirectory(_ label: String) throws -> String {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("sosw-\(label)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
