import Foundation
import SoswCore
import Testing

/// `deploy/sosw-tables.json` is the checked list of sosw's tables that the CloudFormation template is tested
/// against (Tests/python/test_deploy_template.py); this holds it equal to the tables the core creates, so the
/// template, the list and `sosw tables create` cannot drift apart.
@Suite struct SoswTableSchemasTests {
    @Test func theDeployedTablesAreTheOnesTheCoreCreates() throws {
        let listURL = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("deploy/sosw-tables.json")
        let checked = try JSONValue(parsing: String(contentsOf: listURL, encoding: .utf8))
        let created = try SoswTableSchemas.createTableInputs(config: TaskManagerConfig(document: [:]))
        let encoded = try JSONValue(parsing: String(decoding: JSONEncoder().encode(created), as: UTF8.self))
        #expect(encoded == checked)
    }
}
