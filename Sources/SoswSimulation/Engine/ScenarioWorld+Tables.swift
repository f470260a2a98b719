import SoswCore

extension ScenarioWorld {
    /// `input`, one of sosw's tables, as the scenario bills it: provisioned when `dynamodb.tables` says so.
    func billed(_ input: CreateTableInput) -> CreateTableInput {
        scenario.provisionedTables[input.tableName].map { $0.throughput.provisioning(input) } ?? input
    }
}
