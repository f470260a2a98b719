import SoswCore

/// Where a live essential's sosw configuration documents come from.
///
/// sosw reads `sosw_essential_config` and `<function>_config` from its `config` table (or from SSM Parameter
/// Store, by the same names); an operator trying a new essential often has the document in a file instead.
public enum LiveConfigSource: Sendable {
    /// The essential's own document (what the `config` table's `<function>_config` row holds), given
    /// whole: nothing is read from the table.
    case document(JSONValue)
    /// sosw's `config` table, as its DynamoConfig reads it.
    case table(ConfigTable)
    /// SSM parameters named like the table's documents, as sosw's SSMConfig reads them.
    case parameters(SSMConfigDocuments)

    /// sosw's config table as it names it: `config`, or `autotest_config` when `STAGE=test`.
    public static func defaultTableName(environment: [String: String]) -> String {
        environment["STAGE"] == "test" ? "autotest_config" : "config"
    }

    /// Where sosw keeps the documents: its config table (`useSSM` false) or SSM parameters, read through
    /// `aws`'s clients.
    public static func stored(useSSM: Bool, table: String, env: String, aws: LiveAWS) -> LiveConfigSource {
        useSSM
            ? .parameters(SSMConfigDocuments(parameters: aws.ssm))
            : .table(ConfigTable(dynamoDB: aws.dynamoDB, tableName: table, env: env))
    }

    /// Every essential's settings, read once for the essential deployed as `functionName`.
    public func configuration(functionName: String) async throws -> SoswConfiguration {
        switch self {
        case .document(let document):
            try SoswConfiguration(function: document)
        case .table(let table):
            try await SoswConfiguration(table: table, functionName: functionName)
        case .parameters(let parameters):
            try SoswConfiguration(
                essential: try await parameters.document(named: ConfigTable.essentialDocument),
                function: try await parameters.document(named: "\(functionName)_config"))
        }
    }
}
