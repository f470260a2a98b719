import Foundation

/// The repository's `scenarios/` directory and its files, found from this source file's location so the tests
/// run from any working directory.
enum ScenarioFiles {
    static let directory: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Scenario, SoswSimulationTests, Tests, <root>
        return url.appendingPathComponent("scenarios").path
    }()

    /// Every scenario file (YAML or JSON), sorted by name.
    static var all: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }
            .filter { $0 != "scenario.schema.json" }
            .sorted()
    }

    static func path(_ name: String) -> String { "\(directory)/\(name)" }

    static func text(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }
}
