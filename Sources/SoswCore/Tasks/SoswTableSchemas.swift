/// The DynamoDB tables sosw uses (§14, §17 D), as `CreateTable` requests named by a TaskManager
/// configuration: for setting up a simulation, a test, or a new deployment with the same layout.
public enum SoswTableSchemas {
    /// `sosw_tasks`, `sosw_closed_tasks`, `sosw_retry_tasks` and `config`, on-demand, indexes projecting ALL.
    public static func createTableInputs(config: TaskManagerConfig, configTable: String = "config") -> [CreateTableInput] {
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
