import SoswCore

/// CreateTable (validated as the service validates it), DescribeTable, DeleteTable and ListTables. CreateTable
/// answers CREATING, as the service does, but the table is usable at once and ACTIVE at the next
/// DescribeTable: a simulation has no reason to wait for provisioning.
extension InMemoryDynamoDBState {
    static let maximumGlobalIndexes = 20
    static let maximumLocalIndexes = 5

    mutating func createTable(_ input: CreateTableInput) throws(DynamoDBError) -> CreateTableOutput {
        try Self.validateName(input.tableName, member: "tableName")
        guard tables[input.tableName] == nil else {
            throw DynamoDBError(code: .resourceInUse, message: "Table already exists: \(input.tableName)")
        }
        var types: [String: ScalarAttributeType] = [:]
        for definition in input.attributeDefinitions {
            guard types.updateValue(definition.attributeType, forKey: definition.attributeName) == nil else {
                throw .validation("Cannot have two attributes with the same name")
            }
        }
        let tableKey = try Self.keyDefinition(input.keySchema, types: types, member: "keySchema")
        let billingMode = input.billingMode ?? .provisioned
        try Self.validateThroughput(input.provisionedThroughput, billingMode: billingMode, index: nil)
        var usedAttributes = Set(tableKey.attributeNames)
        var names: Set<String> = []
        var globalIndexes: [IndexDefinition] = []
        for index in input.globalSecondaryIndexes ?? [] {
            try Self.validateName(index.indexName, member: "globalSecondaryIndexes.member.indexName")
            guard names.insert(index.indexName).inserted else {
                throw .validation("One or more parameter values were invalid: Duplicate index name: \(index.indexName)")
            }
            let key = try Self.keyDefinition(index.keySchema, types: types, member: "keySchema")
            try Self.validateProjection(index.projection, index: index.indexName)
            try Self.validateThroughput(index.provisionedThroughput, billingMode: billingMode, index: index.indexName)
            usedAttributes.formUnion(key.attributeNames)
            globalIndexes.append(IndexDefinition(
                name: index.indexName, isGlobal: true, key: key, projection: index.projection,
                provisionedThroughput: index.provisionedThroughput))
        }
        var localIndexes: [IndexDefinition] = []
        for index in input.localSecondaryIndexes ?? [] {
            try Self.validateName(index.indexName, member: "localSecondaryIndexes.member.indexName")
            guard names.insert(index.indexName).inserted else {
                throw .validation("One or more parameter values were invalid: Duplicate index name: \(index.indexName)")
            }
            guard tableKey.sortName != nil else {
                throw .validation(
                    "One or more parameter values were invalid: Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex"
                )
            }
            let key = try Self.keyDefinition(index.keySchema, types: types, member: "keySchema")
            guard key.partitionName == tableKey.partitionName else {
                throw .validation(
                    "One or more parameter values were invalid: Index KeySchema does not have the same leading hash key as table KeySchema for index: \(index.indexName). index hash key: \(key.partitionName), table hash key: \(tableKey.partitionName)"
                )
            }
            guard key.sortName != nil else {
                throw .validation(
                    "One or more parameter values were invalid: Index KeySchema does not have a range key for index: \(index.indexName)")
            }
            try Self.validateProjection(index.projection, index: index.indexName)
            usedAttributes.formUnion(key.attributeNames)
            localIndexes.append(IndexDefinition(
                name: index.indexName, isGlobal: false, key: key, projection: index.projection, provisionedThroughput: nil))
        }
        guard globalIndexes.count <= Self.maximumGlobalIndexes else {
            throw .validation(
                "One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the per-table limit of \(Self.maximumGlobalIndexes)")
        }
        guard localIndexes.count <= Self.maximumLocalIndexes else {
            throw .validation(
                "One or more parameter values were invalid: Number of LocalSecondaryIndexes exceeds per-table limit of \(Self.maximumLocalIndexes)")
        }
        guard usedAttributes == Set(types.keys) else {
            throw .validation(
                "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions"
            )
        }
        let table = StoredTable(
            name: input.tableName, key: tableKey, attributeDefinitions: input.attributeDefinitions,
            globalIndexes: globalIndexes, localIndexes: localIndexes, billingMode: billingMode,
            provisionedThroughput: input.provisionedThroughput,
            arn: "arn:aws:dynamodb:\(region):\(accountID):table/\(input.tableName)")
        tables[input.tableName] = table
        provisioned[input.tableName] = ProvisionedCapacity(table)
        forgetShapes()
        return CreateTableOutput(tableDescription: Self.describe(table, status: .creating))
    }

    mutating func describeTable(_ input: DescribeTableInput, now: Duration) throws(DynamoDBError) -> DescribeTableOutput {
        guard tables[input.tableName] != nil else {
            throw .resourceNotFound("Requested resource not found: Table: \(input.tableName) not found")
        }
        catchUp(input.tableName, now: now)
        return DescribeTableOutput(table: Self.describe(try table(named: input.tableName), status: .active))
    }

    mutating func deleteTable(_ input: DeleteTableInput) throws(DynamoDBError) -> DeleteTableOutput {
        forgetShapes()
        guard let table = tables.removeValue(forKey: input.tableName) else {
            throw .resourceNotFound("Requested resource not found: Table: \(input.tableName) not found")
        }
        provisioned[input.tableName] = nil
        return DeleteTableOutput(tableDescription: Self.describe(table, status: .deleting))
    }

    static let maximumListedTables = 100

    /// The table names after `ExclusiveStartTableName`, in name order, at most `Limit` of them.
    func listTables(_ input: ListTablesInput) throws(DynamoDBError) -> ListTablesOutput {
        let limit = input.limit ?? Self.maximumListedTables
        var failures: [String] = []
        if let start = input.exclusiveStartTableName {
            failures += Self.nameFailures(start, member: "exclusiveStartTableName")
        }
        if limit < 1 {
            failures.append(
                "Value '\(limit)' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1")
        }
        if limit > Self.maximumListedTables {
            failures.append(
                "Value '\(limit)' at 'limit' failed to satisfy constraint: Member must have value less than or equal to \(Self.maximumListedTables)")
        }
        try Self.throwValidationErrors(failures)
        let names = tables.keys.sorted()
        var start = names.startIndex
        if let after = input.exclusiveStartTableName {
            start = names.firstIndex { $0 > after } ?? names.endIndex
        }
        let page = names[start...].prefix(limit)
        let more = page.endIndex < names.endIndex
        return ListTablesOutput(tableNames: Array(page), lastEvaluatedTableName: more ? page.last : nil)
    }

    // MARK: Validation

    /// Table and index names: 3 to 255 characters of `[a-zA-Z0-9_.-]`.
    static func validateName(_ name: String, member: String) throws(DynamoDBError) {
        try throwValidationErrors(nameFailures(name, member: member))
    }

    /// The service's "N validation errors detected: …" for the constraint failures found, if any.
    static func throwValidationErrors(_ failures: [String]) throws(DynamoDBError) {
        guard !failures.isEmpty else { return }
        let count = failures.count
        throw .validation(
            "\(count) validation error\(count == 1 ? "" : "s") detected: " + failures.joined(separator: "; "))
    }

    /// The constraints a table or index name fails, each as the service words it.
    static func nameFailures(_ name: String, member: String) -> [String] {
        let allowed = name.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }
        var failures: [String] = []
        if !allowed { failures.append("Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+") }
        if name.utf8.count < 3 { failures.append("Member must have length greater than or equal to 3") }
        if name.utf8.count > 255 { failures.append("Member must have length less than or equal to 255") }
        return failures.map { "Value '\(name)' at '\(member)' failed to satisfy constraint: \($0)" }
    }

    static func keyDefinition(
        _ schema: [KeySchemaElement], types: [String: ScalarAttributeType], member: String
    ) throws(DynamoDBError) -> KeyDefinition {
        guard schema.count >= 1, schema.count <= 2 else {
            throw .validation(
                "1 validation error detected: Value at '\(member)' failed to satisfy constraint: Member must have length less than or equal to 2 and greater than or equal to 1"
            )
        }
        guard schema[0].keyType == .hash else {
            throw .validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type")
        }
        if schema.count == 2 {
            guard schema[1].keyType == .range else {
                throw .validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type")
            }
            guard schema[0].attributeName != schema[1].attributeName else {
                throw .validation("Both the Hash Key and the Range Key element in the KeySchema have the same name")
            }
        }
        let missing = schema.map(\.attributeName).filter { types[$0] == nil }
        guard missing.isEmpty else {
            let defined = types.keys.sorted().joined(separator: ", ")
            throw .validation(
                "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [\(missing.joined(separator: ", "))], AttributeDefinitions: [\(defined)]"
            )
        }
        return KeyDefinition(
            partitionName: schema[0].attributeName, partitionType: types[schema[0].attributeName]!,
            sortName: schema.count == 2 ? schema[1].attributeName : nil,
            sortType: schema.count == 2 ? types[schema[1].attributeName] : nil)
    }

    static func validateProjection(_ projection: Projection, index: String) throws(DynamoDBError) {
        let type = projection.projectionType ?? .keysOnly
        let nonKey = projection.nonKeyAttributes ?? []
        switch type {
        case .all, .keysOnly:
            if projection.nonKeyAttributes != nil {
                throw .validation(
                    "One or more parameter values were invalid: ProjectionType is \(type.rawValue), but NonKeyAttributes is specified")
            }
        case .include:
            if nonKey.isEmpty {
                throw .validation(
                    "One or more parameter values were invalid: NonKeyAttributes must not be empty when ProjectionType is INCLUDE for index: \(index)")
            }
            if Set(nonKey).count != nonKey.count {
                throw .validation("One or more parameter values were invalid: Duplicate NonKeyAttributes for index: \(index)")
            }
        }
    }

    static func validateThroughput(
        _ throughput: ProvisionedThroughput?, billingMode: BillingMode, index: String?
    ) throws(DynamoDBError) {
        switch billingMode {
        case .provisioned:
            guard let throughput else {
                if let index {
                    throw .validation(
                        "One or more parameter values were invalid: ProvisionedThroughput is not specified for index: \(index)")
                }
                throw .validation("No provisioned throughput specified for the table")
            }
            guard throughput.readCapacityUnits >= 1, throughput.writeCapacityUnits >= 1 else {
                throw .validation(
                    "One or more parameter values were invalid: Provisioned throughput must be at least 1 for both read and write capacity units")
            }
        case .payPerRequest:
            if throughput != nil {
                throw .validation(
                    "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST"
                )
            }
        }
    }

    // MARK: Description

    static func describe(_ table: StoredTable, status: TableStatus) -> TableDescription {
        func throughput(_ value: ProvisionedThroughput?) -> ProvisionedThroughputDescription {
            ProvisionedThroughputDescription(
                readCapacityUnits: value?.readCapacityUnits ?? 0, writeCapacityUnits: value?.writeCapacityUnits ?? 0,
                numberOfDecreasesToday: 0)
        }
        let global = table.globalIndexes.map { index in
            GlobalSecondaryIndexDescription(
                indexName: index.name, keySchema: index.key.keySchema, projection: index.projection,
                indexStatus: .active, provisionedThroughput: throughput(index.provisionedThroughput),
                indexSizeBytes: Int64(table.sizeBytes(of: index)),
                itemCount: Int64(table.store(for: index).count), indexArn: "\(table.arn)/index/\(index.name)")
        }
        let local = table.localIndexes.map { index in
            LocalSecondaryIndexDescription(
                indexName: index.name, keySchema: index.key.keySchema, projection: index.projection,
                indexSizeBytes: Int64(table.sizeBytes(of: index)),
                itemCount: Int64(table.store(for: index).count), indexArn: "\(table.arn)/index/\(index.name)")
        }
        return TableDescription(
            tableName: table.name, tableStatus: status, keySchema: table.key.keySchema,
            attributeDefinitions: table.attributeDefinitions, itemCount: Int64(table.items.count),
            tableSizeBytes: Int64(table.sizeBytes), tableArn: table.arn,
            billingModeSummary: BillingModeSummary(billingMode: table.billingMode),
            provisionedThroughput: throughput(table.provisionedThroughput),
            globalSecondaryIndexes: global.isEmpty ? nil : global, localSecondaryIndexes: local.isEmpty ? nil : local)
    }
}
