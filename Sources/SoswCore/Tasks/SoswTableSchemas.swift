/// The DynamoDB tables sosw uses, as `CreateTable` requests named by a TaskManager
/// configuration: for setting up a simulation, a test, or a new deployment with the same layout.
public enum SoswTableSchemas {
    /// `sosw_tasks`, `sosw_closed_tasks`, `sosw_retry_tasks` and `config`, on-demand, indexes projecting ALL;
    /// and the audit trail's table when `meta` writes one.
    public static func createTableInputs(
        config: TaskManagerConfig, configTable: String = "config", meta: MetaHandlerConfig? = nil
    ) -> [CreateTableInput] {
        let metaTable = meta.flatMap { $0.writesToDynamoDB ? metaTableInput(config: $0) : nil }
        return taskTableInputs(config: config, configTable: configTable) + (metaTable.map { [$0] } ?? [])
    }

    /// The audit trail's table as sosw's template makes it: the task id (hash) and `created_at` (range,
    /// a number), so a task's rows read back in the order they were posted; on-demand.
    public static func metaTableInput(config: MetaHandlerConfig) -> CreateTableInput {
        CreateTableInput(
            tableName: config.tableName,
            keySchema: [
                .init(attributeName: config.hashKey, keyType: .hash),
                .init(attributeName: MetaHandlerConfig.rangeKey, keyType: .range),
            ],
            attributeDefinitions: [
                .init(attributeName: config.hashKey, attributeType: .string),
                .init(attributeName: MetaHandlerConfig.rangeKey, attributeType: .number),
            ],
            billingMode: .payPerRequest)
    }

    private static func taskTableInputs(config: TaskManagerConfig, configTable: String) -> [CreateTableInput] {
        let labourer = AttributeDefinition(attributeName: TaskRecord.Field.labourerID, attributeType: .string)
        let taskID = AttributeDefinition(attributeName: TaskRecord.Field.taskID, attributeType: .string)
        let all = Projection(projectionType: .all)
        return [
            CreateTableInput(
                tableName: config.tasksTable, keySchema: [.init(attributeName: TaskRecord.Field.taskID, keyType: .hash)],
                attributeDefinitions: [
                    taskID, labourer, .init(attributeName: TaskRecord.Field.greenfield, attributeType: .number),
                ],
                billingMode: .payPerRequest,
                globalSecondaryIndexes: [GlobalSecondaryIndex(
                    indexName: config.greenfieldIndex,
                    keySchema: [
                        .init(attributeName: TaskRecord.Field.labourerID, keyType: .hash),
                        .init(attributeName: TaskRecord.Field.greenfield, keyType: .range),
                    ],
                    projection: all)]),
            CreateTableInput(
                tableName: config.closedTasksTable,
                keySchema: [.init(attributeName: TaskRecord.Field.taskID, keyType: .hash)],
                attributeDefinitions: [
                    taskID, .init(attributeName: TaskRecord.Field.labourerTaskStatus, attributeType: .string),
                    .init(attributeName: TaskRecord.Field.closedAt, attributeType: .number),
                ],
                billingMode: .payPerRequest,
                globalSecondaryIndexes: [GlobalSecondaryIndex(
                    indexName: config.closedTasksStatusIndex,
                    keySchema: [
                        .init(attributeName: TaskRecord.Field.labourerTaskStatus, keyType: .hash),
                        .init(attributeName: TaskRecord.Field.closedAt, keyType: .range),
                    ],
                    projection: Projection(
                        projectionType: .include,
                        nonKeyAttributes: [TaskRecord.Field.completedAt, TaskRecord.Field.greenfield, TaskRecord.Field.attempts]))]),
            CreateTableInput(
                tableName: config.retryTasksTable,
                keySchema: [
                    .init(attributeName: TaskRecord.Field.labourerID, keyType: .hash),
                    .init(attributeName: TaskRecord.Field.taskID, keyType: .range),
                ],
                attributeDefinitions: [
                    labourer, taskID, .init(attributeName: TaskRecord.Field.desiredLaunchTime, attributeType: .number),
                ],
                billingMode: .payPerRequest,
                localSecondaryIndexes: [LocalSecondaryIndex(
                    indexName: config.retryTasksIndex,
                    keySchema: [
                        .init(attributeName: TaskRecord.Field.labourerID, keyType: .hash),
                        .init(attributeName: TaskRecord.Field.desiredLaunchTime, keyType: .range),
                    ],
                    projection: all)]),
            CreateTableInput(
                tableName: configTable,
                keySchema: [.init(attributeName: "env", keyType: .hash), .init(attributeName: "config_name", keyType: .range)],
                attributeDefinitions: [
                    .init(attributeName: "env", attributeType: .string),
                    .init(attributeName: "config_name", attributeType: .string),
                ],
                billingMode: .payPerRequest),
        ]
    }
}
