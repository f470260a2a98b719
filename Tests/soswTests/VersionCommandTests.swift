import Foundation
import SoswCore
import Testing

/// `sosw --version` names the binary a bug report is about, and the changelog has a section for that version.
@Suite("sosw --version and CHANGELOG.md")
struct VersionCommandTests {
    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    @Test("--version prints the version, the commit of the binary's checkout and the build")
    func versionLine() throws {
        let output = try SoswBinary.besideTests.run(["--version"])
        #expect(output.status == 0, "\(output.stderr)")
        let line = output.stdout.trimmingCharacters(in: .newlines)
        let expectedStart = "sosw \(BuildInfo.version) (commit "
        #expect(line.hasPrefix(expectedStart), "expected the line to start with \(expectedStart), got: \(line)")
        // The test binary is built inside this checkout, so the commit is known.
        let commit = line.dropFirst(expectedStart.count).prefix { $0 != "," && $0 != "-" }
        #expect(commit.count == 12 && commit.allSatisfy(\.isHexDigit), "expected 12 hex digits of a commit, got \(commit)")
        #expect(line.hasSuffix("\(BuildInfo.configuration) build, \(BuildInfo.toolchain), \(BuildInfo.platform))"))
    }

    @Test("the commit comes from the binary's checkout, not the working directory")
    func commitFromBinaryLocation() throws {
        let elsewhere = try temporaryDirectory("version")
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SoswBinary.besideTests.path)
        process.arguments = ["--version"]
        process.currentDirectoryURL = URL(fileURLWithPath: elsewhere)
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(!text.contains("commit unknown"), "run from \(elsewhere), outside any checkout: \(text)")
    }

    @Test("CHANGELOG.md has a section for this version")
    func changelogNamesTheVersion() throws {
        let changelog = try String(
            contentsOf: Self.repository.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        let headings = changelog.split(separator: "\n").filter { $0.hasPrefix("## ") }
        let version = BuildInfo.version
        let released = version.hasSuffix("-dev") ? nil : version
        let matches = headings.contains { heading in
            if let released { return heading.hasPrefix("## \(released) ") }
            return heading == "## Unreleased (\(version))"
        }
        #expect(matches, "CHANGELOG.md needs a heading for \(version) (`## Unreleased (\(version))` while it ends in -dev, else `## \(version) — date`); headings found: \(headings)")
    }
}
