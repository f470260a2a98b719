/// Splits a Scheduler job into task payloads: first by date (`period`, `isolate_days`), then along
/// the chunkable attributes (`isolate_*`, `max_*_per_batch`, nested levels).
///
/// Pure: the same job, schema and day always give the same tasks in the same order. Object keys are visited in
/// UTF-8 order (a parsed JSON object keeps no order) and list values keep theirs; sosw's order depended on the
/// Python hash seed. Where sosw lost work or crashed (fixed here: docs/sosw-compatibility.md) this keeps the job
/// instead: * every job gets its `period` converted, even when no attribute needs splitting;
/// * no chunkable attributes (sosw's default schema) means dates only, not an `IndexError`;
/// * an isolation flag with no values for its attribute gives the job as one task, not zero tasks;
/// * a singular and a plural key for the same attribute are rejected instead of producing duplicates;
/// * keys next to a flat list at a nested level are kept;
/// * a flat list at the first level with several levels configured is a flat list, not an `AttributeError`.
/// Like sosw, a job with nothing to split keeps its attribute values exactly as sent.
public struct JobChunker: Sendable {
    public var attributes: [ChunkableAttribute]
    public var periods: PeriodResolver

    public init(attributes: [ChunkableAttribute], periods: PeriodResolver) {
        self.attributes = attributes
        self.periods = periods
    }

    /// The task payloads of `job` for `labourerID` on `today`; each carries `labourer_id`.
    public func tasks(for job: [String: JSONValue], labourerID: String, today: CivilDate) throws -> [JSONValue] {
        try splitByDate(job, today: today).flatMap { dated in
            try split(dated, skeleton: [:], level: 0).map { task in
                var task = task
                task["labourer_id"] = .string(labourerID)
                return JSONValue.object(task)
            }
        }
    }

    /// sosw's `chunk_dates`: `period` and `isolate_days` are consumed; `date_list` holds `YYYY-MM-DD` strings.
    public func splitByDate(_ job: [String: JSONValue], today: CivilDate) throws -> [[String: JSONValue]] {
        var job = job
        let period = job.removeValue(forKey: "period")
        let isolate = job.removeValue(forKey: "isolate_days").map(\.isTruthy) ?? false
        guard let period, period != .null else { return [job] }
        guard let text = period.stringValue else {
            throw InvalidJob("`period` must be a string such as last_2_days, got \(period.serialized())")
        }
        let dates = try periods.dates(for: text, today: today)
        guard isolate else {
            job["date_list"] = .array(dates.map(JSONValue.string))
            return [job]
        }
        guard !dates.isEmpty else { throw InvalidJob("period `\(text)` gave no dates to isolate") }
        return dates.map { date in
            var task = job
            task["date_list"] = [.string(date)]
            return task
        }
    }

    /// sosw's `needs_chunking`: this level is split when it carries (or inherits) an `isolate_*` or
    /// `max_*_per_batch` flag for its attribute, or when any nested level below needs splitting.
    public func needsSplitting(_ data: [String: JSONValue], level: Int) -> Bool {
        guard level < attributes.count else { return false }
        let attribute = attributes[level]
        if JobChunker.isolates(data, attribute) || JobChunker.batchSize(data, attribute) != nil { return true }
        guard level + 1 < attributes.count, let (_, value) = try? JobChunker.values(of: attribute, in: data) else {
            return false
        }
        let inherited = data.filter { JobChunker.isFlag($0.key) }
        for entry in JobChunker.entries(value) {
            guard let object = entry.objectValue else { continue }
            for (_, nested) in object {
                if let nested = nested.objectValue,
                    needsSplitting(inherited.merging(nested) { _, own in own }, level: level + 1)
                {
                    return true
                }
            }
        }
        return false
    }

    /// sosw's `chunk_job` for one level. `skeleton` carries what the levels above decided (their keys and flags);
    /// keys of the current level win over it.
    func split(_ job: [String: JSONValue], skeleton: [String: JSONValue], level: Int) throws -> [[String: JSONValue]] {
        let combined = skeleton.merging(job) { _, own in own }
        guard level < attributes.count else { return [combined] }
        let attribute = attributes[level]
        guard let (key, value) = try JobChunker.values(of: attribute, in: job) else { return [combined] }
        var rest = combined
        rest.removeValue(forKey: key)

        guard needsSplitting(combined, level: level) else {
            // Nothing to split: a root job passes through untouched (existing workers read it as sent), a nested
            // flat list becomes the plural list.
            if level > 0, let flat = JobChunker.flatValues(value) {
                rest[attribute.plural] = .array(flat)
                return [rest]
            }
            return [combined]
        }

        let batchSize = JobChunker.batchSize(combined, attribute) ?? 1
        let entries = JobChunker.entries(value)
        guard entries.allSatisfy({ $0.objectValue != nil }) else {
            guard let flat = JobChunker.flatValues(.array(entries)) else {
                throw InvalidJob("`\(key)` mixes objects and plain values: \(value.serialized()); expected a list of "
                    + "strings and numbers, or an object whose values are objects or null")
            }
            return JobChunker.batches(flat, size: batchSize).map { rest.merging([attribute.plural: .array($0)]) { $1 } }
        }
        var tasks: [[String: JSONValue]] = []
        for entry in entries {
            let object = entry.objectValue ?? [:]
            if object.values.allSatisfy({ $0 == .null }) {
                let names = object.keys.sorted(by: JSONValue.utf8Order).map(JSONValue.string)
                tasks += JobChunker.batches(names, size: batchSize).map { rest.merging([attribute.plural: .array($0)]) { $1 } }
                continue
            }
            for name in object.keys.sorted(by: JSONValue.utf8Order) {
                var task = rest
                task[attribute.plural] = [.string(name)]
                switch object[name] {
                case .null?:
                    tasks.append(task)
                case .object(let nested)? where level + 1 < attributes.count:
                    tasks += try split(nested, skeleton: task, level: level + 1)
                case .object(let nested)?:
                    tasks.append(task.merging(nested) { _, own in own })
                case let other?:
                    throw InvalidJob("`\(key).\(name)` is \(other.serialized()); expected an object or null to split "
                        + "`\(attribute.plural)`")
                case nil:
                    tasks.append(task)
                }
            }
        }
        return tasks
    }

    /// The key and value of `attribute` at this level, or `nil` when absent or empty (Python-falsy, as in sosw).
    static func values(of attribute: ChunkableAttribute, in data: [String: JSONValue]) throws -> (String, JSONValue)? {
        let present = [attribute.plural, attribute.singular].filter { data[$0]?.isTruthy ?? false }
        if present.count > 1 {
            throw InvalidJob("both `\(attribute.plural)` and `\(attribute.singular)` are given; use one of them")
        }
        return present.first.map { ($0, data[$0]!) }
    }

    static func entries(_ value: JSONValue) -> [JSONValue] {
        if case .array(let elements) = value { return elements }
        return [value]
    }

    /// The value as a flat list of strings and numbers (an object with only null values gives its keys), or nil.
    static func flatValues(_ value: JSONValue) -> [JSONValue]? {
        switch value {
        case .array(let elements):
            return elements.allSatisfy(isScalar) ? elements : nil
        case .object(let object) where object.values.allSatisfy({ $0 == .null }):
            return object.keys.sorted(by: JSONValue.utf8Order).map(JSONValue.string)
        default:
            return nil
        }
    }

    static func isScalar(_ value: JSONValue) -> Bool {
        switch value {
        case .string, .int, .double, .bool: true
        default: false
        }
    }

    static func batches(_ values: [JSONValue], size: Int) -> [[JSONValue]] {
        stride(from: 0, to: values.count, by: size).map { Array(values[$0..<min($0 + size, values.count)]) }
    }

    static func isolates(_ data: [String: JSONValue], _ attribute: ChunkableAttribute) -> Bool {
        attribute.isolateKeys.contains { data[$0]?.isTruthy ?? false }
    }

    /// The explicit batch size for `attribute` (a positive integer), if any.
    static func batchSize(_ data: [String: JSONValue], _ attribute: ChunkableAttribute) -> Int? {
        for key in attribute.batchKeys {
            guard let value = data[key], value.isTruthy else { continue }
            let size: Int64? = value.intValue ?? value.stringValue.flatMap { Int64($0) }
            if let size, size > 0 { return Int(size) }
        }
        return nil
    }

    /// sosw's `get_isolate_attributes_from_job` keys: `isolate_…` and `max_…_per_batch`.
    static func isFlag(_ key: String) -> Bool {
        key.hasPrefix("isolate_") || (key.hasPrefix("max_") && key.hasSuffix("_per_batch"))
    }
}
