/// The configuration documents of one essential, in the order they are merged.
///
/// sosw merges its built-in defaults *over* `sosw_essential_config` (fixed here: docs/sosw-compatibility.md), so a
/// shared setting such as `retry_tasks_limit` or the coefficient table could never be set there. Here the defaults are
/// the lowest layer: defaults, then `sosw_essential_config`, then `<function>_config`, then the caller's custom config.
public struct ConfigLayers: Sendable {
    /// The essential's built-in defaults (``SoswDefaults``).
    public var defaults: JSONValue
    /// `sosw_essential_config` from the `config` table (`{}` when missing).
    public var essential: JSONValue
    /// `<AWS_LAMBDA_FUNCTION_NAME>_config` from the `config` table (`{}` when missing).
    public var function: JSONValue
    /// Settings given in code or by a scenario file.
    public var custom: JSONValue

    public init(defaults: JSONValue, essential: JSONValue = [:], function: JSONValue = [:], custom: JSONValue = [:]) {
        self.defaults = defaults
        self.essential = essential
        self.function = function
        self.custom = custom
    }

    /// The essential's merged document.
    public var merged: JSONValue {
        defaults.deepMerged(with: essential).deepMerged(with: function).deepMerged(with: custom)
    }

    /// The TaskManager's document: its defaults, then the function document (sosw's nested TaskManager reloads
    /// it, so its top-level keys such as `max_attempts` apply), then the essential's `task_config` section.
    public var taskManager: JSONValue {
        SoswDefaults.taskManager.deepMerged(with: function).deepMerged(with: merged["task_config"] ?? [:])
    }

    /// The typed TaskManager settings of this essential.
    ///
    /// sosw's shipped `sosw_essential_config` template puts `labourers` at the top level, where the TaskManager
    /// never looks (fixed here: docs/sosw-compatibility.md); that silent misconfiguration is reported instead.
    public func taskManagerConfig() throws -> TaskManagerConfig {
        let document = taskManager
        if merged["labourers"] != nil, (document["labourers"]?.objectValue ?? [:]).isEmpty {
            throw ConfigError(path: "labourers", value: merged["labourers"],
                              expectation: "the labourers under `task_config.labourers` (the only place they are read)")
        }
        return try TaskManagerConfig(document: document)
    }
}
