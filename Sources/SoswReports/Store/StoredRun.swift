import SoswCore
import SoswSimulation

/// One run as the store keeps it: its summary, its full figures (series and per-task records), and the
/// `--set` overrides it ran with.
public struct StoredRun: Sendable {
    /// `<scenario>-seed<seed>-<8 hex>`, the hex from the events' hash, the overrides and the commit: stable for
    /// a run that is repeated, distinct for runs that differ.
    public var id: String
    public var summary: RunSummary
    public var figures: RunFigures
    /// The dotted key paths and values a sweep set, as a JSON object (`{}` for a plain run).
    public var overrides: JSONValue
    /// When the run was stored, ISO-8601 UTC.
    public var recordedAt: String

    public init(summary: RunSummary, figures: RunFigures, overrides: JSONValue = .object([:]), recordedAt: String) {
        let overridesText = overrides.serialized()
        let identity = sha256Hex("\(summary.record.eventsSHA256)|\(overridesText)|\(summary.record.commit)".utf8)
        id = "\(summary.record.scenario)-seed\(summary.record.seed)-\(identity.prefix(8))"
        self.summary = summary
        self.figures = figures
        self.overrides = overrides
        self.recordedAt = recordedAt
    }
}
