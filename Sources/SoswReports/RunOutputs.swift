import Foundation
import SoswCore
import SoswSimulation

/// Everything a scenario run leaves in its folder: `events.jsonl` (written by the run itself, as it goes),
/// then `summary.json`, `summary.md`, `series.csv`, `functions.csv`, `tasks.csv`, `metrics.csv`, `report.html`
/// and the run store `run.sqlite` — or, with a shared store, the run appended there instead. One home for the outputs, so
/// `simulate`, `check` and `sweep` write the same files the same way.
///
/// A library user writes a run's outputs the way the command line does, in three calls:
/// ``prepare()`` (the folder, and where the run writes `events.jsonl`), ``ScenarioRun/run(seed:scheduling:strict:eventsPath:keepsLines:progress:inspect:)``
/// with that path, then ``write(_:result:store:overrides:recordedAt:)`` with the run's ``RunSummary``.
public struct RunOutputs: Sendable {
    /// Whether the run keeps its event log: `none` writes no `events.jsonl` (for million-task runs); every
    /// other output, the events' hash included, is the same.
    public enum Events: String, Sendable, CaseIterable {
        case full
        case none
    }

    public let directory: String
    public let events: Events

    /// - Parameters:
    ///   - directory: the run's folder (`reports/<scenario name>` for `sosw simulate`); made by ``prepare()``
    ///     with its parents, and its files replaced.
    ///   - events: `.full` (the default) keeps `events.jsonl`; `.none` writes none and removes an old one.
    public init(directory: String, events: Events = .full) {
        self.directory = directory
        self.events = events
    }

    /// Writes one output file whole (or not at all), its failure said as the system says it: for every file a
    /// simulation command writes (a run's files, `run.json`, a sweep's tables, JUnit XML).
    public static func write(_ text: String, to path: String) throws(RunOutputError) {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw RunOutputError(path: path, error: error)
        }
    }

    /// Makes the folder and returns where the run writes its event log (nil for `none`, after removing a log a
    /// previous run left there, which would no longer match the summary).
    public func prepare() throws(RunOutputError) -> String? {
        let eventsPath = "\(directory)/events.jsonl"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            if events == .none, FileManager.default.fileExists(atPath: eventsPath) {
                try FileManager.default.removeItem(atPath: eventsPath)
            }
        } catch {
            throw RunOutputError(path: directory, error: error)
        }
        return events == .full ? eventsPath : nil
    }

    /// Writes the summaries, tables and page of a finished run, and stores it: in `store` when given, else in a
    /// fresh `run.sqlite` in the folder.
    /// - Parameters:
    ///   - summary: the run's summary, `RunSummary(result:scenarioText:wallSeconds:commit:)`: the scenario's
    ///     text is hashed into the run record, the wall seconds (measured by the caller: the simulation knows
    ///     only virtual time) give the speed figures, `commit` names the code that ran.
    ///   - result: the run's result, for the charts and the per-minute and per-task tables.
    ///   - store: a run store shared by several runs (`--store`, a sweep's) to append the run to; nil (the
    ///     default) writes a fresh `run.sqlite` in ``directory``.
    ///   - overrides: the `--set` overrides a sweep's variant was built with, recorded with the run; none by
    ///     default.
    ///   - recordedAt: when the run was recorded, an ISO-8601 time kept in the store (the caller's clock: the
    ///     outputs stay byte-identical for a given value).
    /// - Returns: the names of the files written, in the order a person reads them.
    /// - Throws: ``RunOutputError`` naming the file that could not be written; the store's error.
    @discardableResult
    public func write(
        _ summary: RunSummary, result: ScenarioRun.Result, store: RunStore? = nil, overrides: JSONValue = .object([:]),
        recordedAt: String
    ) throws -> [String] {
        var written: [String] = []
        func write(_ text: String, _ name: String) throws(RunOutputError) {
            try Self.write(text, to: "\(directory)/\(name)")
            written.append(name)
        }
        let metaTrail = result.metaTrail.map {
            RunMetaTrail(items: $0, hashKey: result.configuration.metaHandler?.hashKey ?? MetaHandlerConfig().hashKey)
        }
        try write(summary.markdown + (metaTrail?.markdown(start: result.scenario.start) ?? ""), "summary.md")
        try write(HTMLReport(summary: summary, charts: RunCharts(result: result)).html, "report.html")
        try write(summary.json.serialized() + "\n", "summary.json")
        if events == .full { written.append("events.jsonl") }
        try write(RunCSVTables.labourerSeries(result.figures).text, "series.csv")
        try write(RunCSVTables.functionSeries(result.figures).text, "functions.csv")
        try write(RunCSVTables.taskRecords(result.figures).text, "tasks.csv")
        try write(RunCSVTables.metricSeries(result.figures).text, "metrics.csv")
        if let metaTrail { try write(metaTrail.csv.text, "meta.csv") }
        let stored = StoredRun(summary: summary, figures: result.figures, overrides: overrides, recordedAt: recordedAt)
        if let store {
            try store.append(stored)
        } else {
            try RunStore.replacing(path: "\(directory)/run.sqlite").append(stored)
            written.append("run.sqlite")
        }
        return written
    }
}
