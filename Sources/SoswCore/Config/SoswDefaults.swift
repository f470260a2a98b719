/// sosw 0.7.51's `DEFAULT_CONFIG` documents, limited to the keys this implementation honours (the Python client
/// wiring such as `init_clients` and row mappers has no meaning here).
public enum SoswDefaults {
    /// TaskManager (`task_config`): table and index names, greenfield constants, fallbacks per labourer.
    public static let taskManager: JSONValue = [
        "dynamo_db_config": [
            "table_name": "sosw_tasks",
            "index_greenfield": "sosw_tasks_greenfield",
            "field_names": [:],
        ],
        "sosw_closed_tasks_table": "sosw_closed_tasks",
        "sosw_closed_tasks_labourer_status_index": "labourer_task_status_with_time",
        "sosw_retry_tasks_table": "sosw_retry_tasks",
        "sosw_retry_tasks_greenfield_index": "labourer_id_greenfield",
        "greenfield_invocation_delta": .int(GreenfieldPolicy.soswInvocationDelta),
        "greenfield_task_step": .int(GreenfieldPolicy.soswTaskStep),
        "labourers": [:],
        "max_attempts": 3,
        "max_closed_to_analyse_for_duration": 10,
        "max_simultaneous_invocations": 1,
        "ecology_config": ["default_metric_values": .object(MetricQuery.soswDefaults)],
    ]

    public static let orchestrator: JSONValue = [
        "invocation_number_coefficient": ["0": 0, "1": 0, "2": 0.5, "3": 0.75, "4": 1],
    ]

    public static let scavenger: JSONValue = [
        "sns_config": ["recipient": "arn:aws:sns:us-west-2:000000000000:sosw_info", "subject": "``sosw`` Info"],
        "retry_tasks_limit": 20,
    ]

    public static let scheduler: JSONValue = [
        "task_config": ["labourers": [:]],
        "shutdown_period": 60,
        "rows_to_process": 50,
        "job_schema": [:],
        "job_schema_variants": ["default": ["chunkable_attrs": []]],
        "task_operational_overhead_for_ddb": 0.03,
    ]

    public static let workerAssistant: JSONValue = [
        "dynamo_db_config": ["table_name": "sosw_tasks", "field_names": [:]],
    ]

    /// `Worker.DEFAULT_CONFIG`: where Python workers send their completion.
    public static let worker: JSONValue = [
        "sosw_worker_assistant_lambda": "sosw_worker_assistant",
    ]
}
