import Foundation
import SoswCore
import Testing

@testable import SoswSimulation

@Suite("Scenario JSON Schema")
struct ScenarioSchemaTests {
    static func schema() throws -> JSONValue {
        try JSONValue(parsing: ScenarioFiles.text("scenario.schema.json"))
    }

    /// One validator for the suite: its patterns are compiled once. Read-only after initialisation.
    nonisolated(unsafe) static let validator = JSONSchemaValidator(root: (try? schema()) ?? .null)

    @Test("the schema is valid JSON, declares draft 2020-12 and uses only what the validator implements")
    func schemaIsValid() throws {
        let schema = try Self.schema()
        #expect(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema")
        #expect(Self.validator.unsupportedKeywords() == [])
    }

    @Test("every file in scenarios/ validates against the schema", arguments: ScenarioFiles.all)
    func filesValidate(name: String) throws {
        let document = try YAMLDocument.jsonValue(yaml: ScenarioFiles.text(name), file: name)
        #expect(Self.validator.errors(of: document) == [])
    }

    @Test("the schema closes the objects the loader closes: the allowed keys agree")
    func keysAgree() throws {
        let definitions = try #require(try Self.schema()["$defs"])
        func keys(_ definition: String) -> [String] {
            (definitions[definition]?["properties"]?.objectValue ?? [:]).keys.sorted()
        }
        #expect(keys("engineScenario") == ScenarioParser.topLevelKeys.sorted())
        #expect(keys("function") == ScenarioParser.functionKeys.sorted())
        #expect(keys("loadEntry") == ScenarioParser.loadKeys.sorted())
        let expectationKinds = (definitions["expectation"]?["oneOf"]?.arrayValue ?? []).compactMap { $0["required"]?.arrayValue?.first?.stringValue }
        #expect(expectationKinds.sorted() == ScenarioParser.expectationKinds.sorted())
        let distributionForms = (definitions["distribution"]?["oneOf"]?.arrayValue ?? []).compactMap { $0["required"]?.arrayValue?.first?.stringValue }
        #expect(distributionForms == ScenarioParser.distributionForms)
    }

    /// Malformed scenarios from the loader's table that are about keys, types and ranges (the schema's part;
    /// cross-references such as unknown labourers are the loader's alone).
    static let rejectedByBoth: [Malformed] = ScenarioLoaderErrorTests.malformed.filter { example in
        ["seeds:", "colour:", "timout:", "stop: missing", "seed: expected", "stop.after:", "max_retry_attempts:",
         "outcome_scope:", "duration.gaussian:", "count: expected", "duplicate_delivery:", "stop.at_most: missing",
         "orchestrater", "no_duplicate_invocations: only"]
            .contains { example.message.contains($0) }
    }

    @Test("malformed scenarios are rejected by the schema as well as by the loader", arguments: rejectedByBoth)
    func malformedRejectedByBoth(_ example: Malformed) throws {
        #expect(throws: ScenarioError.self) { try loader().scenario(yaml: example.yaml, file: "s.yaml") }
        let document = try YAMLDocument.jsonValue(yaml: example.yaml, file: "s.yaml")
        #expect(!Self.validator.errors(of: document).isEmpty)
    }

    @Test("there are enough such cases to mean something")
    func coverage() {
        #expect(Self.rejectedByBoth.count >= 12)
    }
}
