/// The checks a configuration document passes before it is uploaded, so that a typo is refused at the operator's
/// desk instead of failing (or, worse, being ignored by) the next essential run.
///
/// Every document must be a JSON object. The essentials' own documents (``essentialDocuments``) may hold only the
/// keys an essential or sosw's Python processors read — an unknown top-level key is refused, because sosw
/// silently ignored misspelt keys — and must read as a whole: each essential's document is checked layered over
/// the `sosw_essential_config` it will be read with, exactly as the essential reads them at run time.
public enum ConfigDocumentCheck {
    /// The documents the essentials read: the shared one and each essential's own, under the function names of
    /// sosw's deployment.
    public static let essentialDocuments = [
        ConfigTable.essentialDocument, "sosw_orchestrator_config", "sosw_scavenger_config", "sosw_scheduler_config",
        "sosw_worker_assistant_config",
    ]

    /// The top-level keys of an essential's document: what this project's essentials read, and what sosw's
    /// Python processors read beside them (`init_clients`, `lifetime_stats_params`, and any `<client>_config`).
    public static let knownTopLevelKeys: [String] = [
        "custom_period_patterns", "dead_sns_topic", "init_clients", "invocation_number_coefficient", "job_schema",
        "job_schema_variants", "lifetime_stats_params", "retry_tasks_limit", "rows_to_process", "shutdown_period",
        "sosw_worker_assistant_lambda", "task_config", "task_operational_overhead_for_ddb",
    ]

    /// Checks `documents` (name → document) as one upload; `stored` answers the stored `sosw_essential_config`
    /// when the upload does not include it (nil: none stored).
    ///
    /// - Throws: ``ConfigDocumentError`` naming the first document (by name, sorted) that fails, with the key
    ///   path, the value and what was expected.
    public static func check(_ documents: [String: JSONValue], storedEssential: JSONValue?) throws(ConfigDocumentError) {
        for name in documents.keys.sorted() {
            let document = documents[name] ?? [:]
            guard let members = document.objectValue else {
                throw ConfigDocumentError(
                    document: name,
                    error: ConfigError(path: name, value: document, expectation: "a JSON object (a sosw config document)"))
            }
            guard essentialDocuments.contains(name) else { continue }
            for key in members.keys.sorted() where !isKnown(key) {
                let expectation = key == "labourers"
                    ? "labourers under `task_config` (`task_config.labourers`): the essentials never read them at "
                        + "the top level, where sosw's own template put them"
                    : "no such key in an essential's document: the keys read are "
                        + knownTopLevelKeys.joined(separator: ", ") + ", and `<client>_config` settings"
                throw ConfigDocumentError(
                    document: name, error: ConfigError(path: key, value: members[key], expectation: expectation))
            }
            let essential = documents[ConfigTable.essentialDocument] ?? storedEssential ?? [:]
            do {
                if name == ConfigTable.essentialDocument {
                    _ = try SoswConfiguration(essential: document)
                } else {
                    _ = try SoswConfiguration(essential: essential, function: document)
                }
            } catch let error as ConfigError {
                throw ConfigDocumentError(document: name, error: error)
            } catch {
                throw ConfigDocumentError(
                    document: name, error: ConfigError(path: "", value: nil, expectation: "a readable document: \(error)"))
            }
        }
    }

    private static func isKnown(_ key: String) -> Bool {
        knownTopLevelKeys.contains(key) || key.hasSuffix("_config")
    }
}
