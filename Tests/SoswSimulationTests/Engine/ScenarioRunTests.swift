import Foundation
import SoswCore
import SoswSimulation
import Testing

@Suite("The scenario engine runs every file in scenarios/")
struct ScenarioRunTests {
    /// The scenario-engine files (the kernel workload file has its own tests).
    static let engineFiles: [String] = ScenarioFiles.all.filter { name in
        if case .engine = try? ScenarioLoader().load(path: ScenarioFiles.path(name)) { return true }
        return false
    }

    static func run(_ name: String, seed: UInt64? = nil, keepsLines: Bool = false) throws -> ScenarioRun.Result {
        let scenario = try ScenarioLoader().scenario(path: ScenarioFiles.path(name))
        return try ScenarioRun(scenario).run(seed: seed, strict: true, keepsLines: keepsLines)
    }

    @Test("every expectation of every scenario file holds", arguments: engineFiles)
    func expectationsHold(_ name: String) throws {
        let result = try Self.run(name)
        for expectation in result.expectations {
            #expect(expectation.passed, "\(name): \(expectation.name): measured \(expectation.measured); \(expectation.message)")
        }
        #expect(!result.expectations.isEmpty)
    }
}
