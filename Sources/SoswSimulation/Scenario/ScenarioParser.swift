import SoswCore
import Yams

/// Turns the node tree of one scenario-engine file into a ``Scenario``, section by section, then has the
/// scenario check itself (``Scenario/validate(file:)``) and places any problem it finds on its line.
/// ``ScenarioLoader`` is its public face.
struct ScenarioParser {
    let reader: NodeReader
    /// The directory referenced files are resolved against ("" for the current directory).
    let directory: String
    let readFile: ScenarioLoader.ReadFile

    init(file: String, readFile: @escaping ScenarioLoader.ReadFile) {
        reader = NodeReader(file: file)
        directory = file.lastIndex(of: "/").map { String(file[...$0]) } ?? ""
        self.readFile = readFile
    }

    static let topLevelKeys = [
        "name", "description", "seed", "start", "stop", "essentials", "config", "lambda", "metrics", "load",
        "latency", "faults", "expect", "pricing", "dynamodb",
    ]

    func scenario(_ root: Node) throws(ScenarioError) -> Scenario {
        let top = try reader.mapping(root, path: "", allowed: Self.topLevelKeys)
        let nameNode = try reader.required(top["name"], path: "name", in: root, expected: "the scenario's name")
        let name = try reader.fileName(reader.name(nameNode, path: "name"), node: nameNode, path: "name")
        let description = try top["description"].map { node throws(ScenarioError) in try reader.text(node, path: "description") } ?? ""
        let seed = try top["seed"].map { node throws(ScenarioError) in UInt64(try reader.integer(node, path: "seed", in: 0...Int64.max)) } ?? 0
        let start = try time(reader.required(top["start"], path: "start", in: root, expected: "a UTC ISO-8601 time, e.g. 2026-01-05T02:00:00Z"), path: "start")
        let stop = try stopCondition(reader.required(top["stop"], path: "stop", in: root, expected: "{after: <duration>} or {when: drained, at_most: <duration>}"))
        let essentials = try top["essentials"].map { node throws(ScenarioError) in try essentialSchedules(node) } ?? EssentialSchedule.defaults
        let config = try top["config"].map { node throws(ScenarioError) in try reader.object(node, path: "config") } ?? .object([:])
        try checkScheduledJob(top["essentials"], essentials: essentials, config: config, start: start)
        let tables = try top["dynamodb"].map { node throws(ScenarioError) in try provisionedTables(node, config: config) } ?? [:]
        let names = try catalogue(config: config, node: top["config"])
        let lambda = try top["lambda"].map { node throws(ScenarioError) in try lambdaSettings(node) } ?? LambdaSettings()
        let metrics = try top["metrics"].map { node throws(ScenarioError) in try simulatedMetrics(node) } ?? []
        let load = try top["load"].map { node throws(ScenarioError) in try loadEntries(node) } ?? []
        let latency = try top["latency"].map { node throws(ScenarioError) in try serviceLatency(node) } ?? ServiceLatency()
        let faults = try top["faults"].map { node throws(ScenarioError) in try faultList(node, known: names) } ?? []
        let expectations = try top["expect"].map { node throws(ScenarioError) in try expectationList(node) } ?? []
        let pricing = try pricing(top["pricing"], names: names, lambda: lambda, configNode: top["config"])
        let scenario = Scenario(
            name: name, description: description, seed: seed, start: start, stop: stop, essentials: essentials,
            config: config, lambda: lambda, metrics: metrics, load: load, latency: latency, faults: faults,
            expectations: expectations, pricing: pricing, provisionedTables: tables)
        do {
            try scenario.validate(file: reader.file)
        } catch {
            throw ScenarioError(
                file: error.file, line: locate(error.keyPath, in: root).mark?.line, keyPath: error.keyPath,
                problem: error.problem)
        }
        return scenario
    }

    /// A UTC ISO-8601 time (an unquoted one is a YAML timestamp, kept as its text).
    func time(_ node: Node, path: String) throws(ScenarioError) -> UnixTime {
        let text = try reader.text(node, path: path)
        switch ScenarioLimits.time(iso8601: text, latest: ScenarioLimits.latestStart) {
        case .time(let time):
            return time
        case .malformed:
            throw reader.error(node, path, "'\(text)' is not a UTC ISO-8601 time; expected e.g. 2026-01-05T02:00:00Z")
        case .outOfRange:
            throw reader.error(node, path, "'\(text)' is out of range; expected a time \(ScenarioLimits.timeRangeText(latest: ScenarioLimits.latestStart))")
        }
    }

    func stopCondition(_ node: Node) throws(ScenarioError) -> StopCondition {
        let fields = try reader.mapping(node, path: "stop", allowed: ["after", "when", "at_most"])
        switch (fields["after"], fields["when"], fields["at_most"]) {
        case (let after?, nil, nil):
            return .after(try reader.duration(after, path: "stop.after"))
        case (nil, let when?, let atMost?):
            _ = try reader.choice(when, path: "stop.when", among: ["drained"])
            return .whenDrained(atMost: try reader.duration(atMost, path: "stop.at_most"))
        case (nil, _?, nil):
            throw reader.error(node, "stop.at_most", "missing; expected the longest the run may take if it never drains, e.g. 2d")
        case (nil, nil, _?):
            throw reader.error(node, "stop.when", "missing; expected `when: drained` next to `at_most`")
        case (_?, _, _):
            throw reader.error(node, "stop", "`after` cannot be combined with `when`/`at_most`; expected {after: <duration>} or {when: drained, at_most: <duration>}")
        case (nil, nil, nil):
            throw reader.error(node, "stop", "expected {after: <duration>} or {when: drained, at_most: <duration>}")
        }
    }

    func essentialSchedules(_ node: Node) throws(ScenarioError) -> [EssentialSchedule] {
        var schedules: [EssentialSchedule] = []
        let names = Essential.scheduled.map(\.rawValue)
        for entry in try reader.entries(node, path: "essentials") {
            guard let essential = Essential(rawValue: entry.key), Essential.scheduled.contains(essential) else {
                let reason = entry.key == Essential.workerAssistant.rawValue
                    ? "the worker_assistant runs when workers call it, not on a schedule;"
                    : "unknown essential;\(NearMiss.hint(for: entry.key, among: names))"
                throw reader.error(entry.keyNode, entry.path, "\(reason) expected one of: \(names.joined(separator: ", "))")
            }
            let fields = try reader.mapping(
                entry.value, path: entry.path, allowed: ["every", "offset", "jitter"] + (essential == .scheduler ? ["job"] : []))
            let every = try reader.duration(
                reader.required(fields["every"], path: "\(entry.path).every", in: entry.value, expected: "how often it runs, e.g. 1m"),
                path: "\(entry.path).every")
            let offset = try fields["offset"].map { node throws(ScenarioError) in try reader.duration(node, path: "\(entry.path).offset") } ?? .zero
            let jitter = try fields["jitter"].map { node throws(ScenarioError) in try reader.duration(node, path: "\(entry.path).jitter") } ?? .zero
            let job = try fields["job"].map { node throws(ScenarioError) in try scheduledJob(node, path: "\(entry.path).job") }
            schedules.append(EssentialSchedule(essential: essential, every: every, offset: offset, jitter: jitter, job: job))
        }
        return schedules
    }

    /// A referenced file's text; `name` is resolved relative to the scenario file's directory.
    func referencedFile(_ node: Node, path: String) throws(ScenarioError) -> (name: String, text: String) {
        let name = try reader.name(node, path: path)
        let resolved = name.hasPrefix("/") ? name : directory + name
        do {
            return (name, try readFile(resolved))
        } catch {
            throw reader.error(node, path, "cannot read '\(resolved)': \(error)")
        }
    }
}
