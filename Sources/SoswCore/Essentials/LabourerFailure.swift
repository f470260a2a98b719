/// A labourer whose part of a run failed; the run went on with the others (sosw aborted the whole run).
public struct LabourerFailure: Hashable, Sendable, CustomStringConvertible {
    public var labourerID: String
    /// What was being done: `health`, `invoke`, `archive`, `expired`, `retry`, …
    public var stage: String
    public var error: String

    public init(labourerID: String, stage: String, error: String) {
        self.labourerID = labourerID
        self.stage = stage
        self.error = error
    }

    public var description: String { "labourer \(labourerID) failed at \(stage): \(error)" }

    /// `{"labourer_id", "stage", "error"}`, as the essentials' reports print it.
    public var json: JSONValue {
        ["labourer_id": .string(labourerID), "stage": .string(stage), "error": .string(error)]
    }
}
