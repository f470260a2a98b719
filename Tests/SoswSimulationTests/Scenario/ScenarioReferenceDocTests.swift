import Foundation
import SoswCore
import Testing

/// `docs/scenario-reference.md` is where a person learns the scenario format and `scenarios/scenario.schema.json`
/// is what an editor checks it with; both describe what the loader reads, and this suite keeps them in step so
/// that neither documents a key the other lacks.
@Suite("Scenario reference and JSON Schema")
struct ScenarioReferenceDocTests {
    static let referencePath = "docs/scenario-reference.md"
    static let schemaPath = "scenarios/scenario.schema.json"

    static var repository: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Scenario, SoswSimulationTests, Tests, <root>
        return url
    }

    static func text(_ path: String) throws -> String {
        try String(contentsOf: repository.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every name declared under a `properties` object anywhere in the schema.
    static func schemaPropertyNames() throws -> Set<String> {
        var names: Set<String> = []
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let members):
                for (key, member) in members {
                    if key == "properties", let properties = member.objectValue { names.formUnion(properties.keys) }
                    collect(member)
                }
            case .array(let elements):
                elements.forEach(collect)
            default:
                break
            }
        }
        collect(try JSONValue(parsing: text(schemaPath)))
        return names
    }

    /// Every name written in backticks in the reference.
    static func quotedNames(in reference: String) -> Set<String> {
        Set(reference.matches(of: /`([A-Za-z0-9_]+)`/).map { String($0.output.1) })
    }

    /// The keys the reference lists: table rows whose first cell is one backticked key, `| \`key\` | …`.
    static func listedKeys(in reference: String) -> Set<String> {
        Set(reference.split(separator: "\n").compactMap { line in
            line.wholeMatch(of: /\| `([a-z0-9_]+)` \|.*/).map { String($0.output.1) }
        })
    }

    @Test("every property name of the schema appears in the reference as `key`")
    func schemaKeysAreDocumented() throws {
        let missing = try Self.schemaPropertyNames().subtracting(Self.quotedNames(in: Self.text(Self.referencePath)))
        #expect(missing.isEmpty, """
            \(Self.schemaPath) declares keys that \(Self.referencePath) never mentions: \
            \(missing.sorted().joined(separator: ", ")); edit \(Self.referencePath) to describe them \
            (as `key` in the table of their section)
            """)
    }

    @Test("every key the reference lists in a table exists in the schema")
    func documentedKeysExist() throws {
        let listed = Self.listedKeys(in: try Self.text(Self.referencePath))
        #expect(listed.count >= 100, "expected the reference's key tables, found \(listed.count) keys")
        let missing = listed.subtracting(try Self.schemaPropertyNames())
        #expect(missing.isEmpty, """
            \(Self.referencePath) lists keys that \(Self.schemaPath) does not declare: \
            \(missing.sorted().joined(separator: ", ")); edit \(Self.schemaPath) to add them if the loader reads \
            them, else remove them from \(Self.referencePath)
            """)
    }
}
