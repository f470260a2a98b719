/// What a recorded seed needs beside itself to replay a run: the job graph, and so the event log of a
/// random-scheduled run, depends on the compiler and the optimisation level that built the binary.
public enum BuildInfo {
    /// This project's version (semantic versioning; CHANGELOG.md has a section for each), printed by
    /// `sosw --version` and recorded with every run. A `-dev` suffix marks a build between releases.
    public static let version = "0.8.0-dev"

    /// `debug` or `release`.
    public static var configuration: String {
        #if DEBUG
            "debug"
        #else
            "release"
        #endif
    }

    /// The Swift compiler version this binary was built with, to the patch level.
    public static var toolchain: String {
        #if compiler(>=6.5)
            "Swift 6.5 or later"
        #elseif compiler(>=6.4)
            "Swift 6.4"
        #elseif compiler(>=6.3.2)
            "Swift 6.3.2"
        #elseif compiler(>=6.3.1)
            "Swift 6.3.1"
        #elseif compiler(>=6.3)
            "Swift 6.3"
        #elseif compiler(>=6.2)
            "Swift 6.2"
        #else
            "Swift 6.1"
        #endif
    }

    /// The platform the binary was built for.
    public static var platform: String {
        #if os(Linux) && arch(x86_64)
            "linux-x86_64"
        #elseif os(Linux) && arch(arm64)
            "linux-arm64"
        #elseif os(macOS) && arch(arm64)
            "macos-arm64"
        #elseif os(macOS)
            "macos-x86_64"
        #else
            "other"
        #endif
    }
}
