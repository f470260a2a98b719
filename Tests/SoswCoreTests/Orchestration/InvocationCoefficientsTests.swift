import Testing
@testable import SoswCore

@Suite struct InvocationCoefficientsTests {
    /// sosw's test_orchestrator: with max 10 the statuses 0…4 give 0, 0, 5, 7, 10.
    @Test(arguments: zip(EcoStatus.allCases, [0, 0, 5, 7, 10]))
    func desiredInvocationTableForMax10(status: EcoStatus, expected: Int) {
        #expect(InvocationCoefficients.sosw.desiredInvocations(cap: 10, status: status, running: 0) == expected)
    }

    @Test func runningTasksAreSubtractedAndNeverBelowZero() {
        #expect(InvocationCoefficients.sosw.desiredInvocations(cap: 10, status: .high, running: 3) == 7)
        #expect(InvocationCoefficients.sosw.desiredInvocations(cap: 10, status: .moderate, running: 8) == 0)
    }

    /// A sosw 0.7.51 bug fixed (docs/sosw-compatibility.md): a coefficient table from JSON (string keys) overrides the
    /// defaults.
    @Test func coefficientsFromJSONWithStringKeysOverrideDefaults() throws {
        let table = try InvocationCoefficients(config: ConfigNode(["2": 0.2, "4": 0.9], path: "invocation_number_coefficient"))
        #expect(table.desiredInvocations(cap: 10, status: .moderate, running: 0) == 2)
        #expect(table.desiredInvocations(cap: 10, status: .good, running: 0) == 7)
        #expect(table.desiredInvocations(cap: 10, status: .high, running: 0) == 9)
    }

    @Test func badCoefficientKeysNameThePath() {
        #expect(throws: ConfigError(path: "invocation_number_coefficient.7", value: "7", expectation: "a status key 0, 1, 2, 3 or 4")) {
            try InvocationCoefficients(config: ConfigNode(["7": 1], path: "invocation_number_coefficient"))
        }
        #expect(throws: ConfigError.self) {
            try InvocationCoefficients(config: ConfigNode(["1": 3], path: "invocation_number_coefficient"))
        }
    }
}
