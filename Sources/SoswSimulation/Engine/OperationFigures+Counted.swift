import SoswCore

extension OperationFigures {
    /// The DynamoDB operations that read (their units are read request units); every other one writes.
    static let dynamoDBReads: Set<String> = [
        "DynamoDB.GetItem", "DynamoDB.BatchGetItem", "DynamoDB.Query", "DynamoDB.Scan", "DynamoDB.TransactGetItems",
    ]

    /// One operation as ``SoswCore/AWSCallCounter`` counted it (`DynamoDB.Query`), under the name of
    /// `summary.json` (`dynamodb.Query`), its capacity split into read and write units by what the operation does.
    init(counted operation: String, _ figures: AWSCallCounter.Figures) {
        let reads = Self.dynamoDBReads.contains(operation)
        self.init(
            operation: ScenarioWorld.contractName(operation), calls: figures.calls, errors: figures.errors,
            readCapacityUnits: reads ? figures.capacityUnits : 0, writeCapacityUnits: reads ? 0 : figures.capacityUnits)
    }
}
