import SoswCore
import Testing

@testable import SoswSimulation

@Suite("YAML to JSON conversion")
struct YAMLDocumentTests {
    @Test("scalars keep their YAML types", arguments: [
        ("v: 5", JSONValue.int(5)), ("v: -12", .int(-12)), ("v: 0x10", .int(16)), ("v: 1_000", .int(1000)),
        ("v: 1.0", .double(1.0)), ("v: 0.05", .double(0.05)), ("v: 1e3", .double(1000)),
        ("v: true", .bool(true)), ("v: no", .bool(false)), ("v: null", .null), ("v: ~", .null), ("v:", .null),
        ("v: '5'", .string("5")), ("v: \"true\"", .string("true")), ("v: hello", .string("hello")),
        ("v: 2026-01-05T02:00:00Z", .string("2026-01-05T02:00:00Z")), ("v: 90s", .string("90s")),
        ("v: <=", .string("<=")), ("v: \"\"", .string("")),
    ])
    func scalars(yaml: String, expected: JSONValue) throws {
        #expect(try YAMLDocument.jsonValue(yaml: yaml, file: "v.yaml") == ["v": expected])
    }

    @Test("mapping keys become strings as JSON writes them")
    func keys() throws {
        let value = try YAMLDocument.jsonValue(yaml: "feelings: {3: 50, 4: 25}\nflags: {true: 1, 2.5: x, null: y}\n", file: "k.yaml")
        #expect(value == ["feelings": ["3": 50, "4": 25], "flags": ["true": 1, "2.5": "x", "null": "y"]])
    }

    @Test("nesting, lists and flow style convert like JSON, and JSON text converts to itself")
    func structure() throws {
        let yaml = """
            details:
              Namespace: AWS/RDS
              Period: 60
              Statistics: [Average]
              Dimensions: [{Name: DBInstanceIdentifier, Value: main}]
            ratio: 0.75
            """
        let expected: JSONValue = [
            "details": [
                "Namespace": "AWS/RDS", "Period": 60, "Statistics": ["Average"],
                "Dimensions": [["Name": "DBInstanceIdentifier", "Value": "main"]],
            ],
            "ratio": 0.75,
        ]
        #expect(try YAMLDocument.jsonValue(yaml: yaml, file: "s.yaml") == expected)
        #expect(try YAMLDocument.jsonValue(yaml: expected.serialized(), file: "s.json") == expected)
    }

    @Test("values JSON cannot hold are errors with their line", arguments: [
        ("a: 1\nb: .inf\n", "x.yaml:2: b: .inf is not a finite number; JSON has no infinities or NaN"),
        ("a: 99999999999999999999\n", "x.yaml:1: a: the integer 99999999999999999999 is out of range; expected at most 9223372036854775807 in magnitude"),
        ("? [1, 2]\n: a\n", "x.yaml:1: keys must be scalars, got a sequence"),
    ])
    func unrepresentable(yaml: String, message: String) {
        do {
            _ = try YAMLDocument.jsonValue(yaml: yaml, file: "x.yaml")
            Issue.record("expected: \(message)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("anchors and aliases are expanded into copies")
    func aliases() throws {
        #expect(try YAMLDocument.jsonValue(yaml: "a: &x {p: 1}\nb: *x\n", file: "x.yaml") == ["a": ["p": 1], "b": ["p": 1]])
    }

    @Test("a scenario's config keeps the file's types")
    func configFaithful() throws {
        let yaml = minimalScenario.replacingOccurrences(of: "        arn:", with: "        max_simultaneous_invocations: 4\n        arn:")
            + "  # trailing comment\n"
        let scenario = try loader().scenario(yaml: yaml, file: "s.yaml")
        #expect(scenario.config["task_config"]?["labourers"]?["pull"]?["max_simultaneous_invocations"] == .int(4))
    }
}
