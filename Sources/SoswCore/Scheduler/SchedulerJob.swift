/// A job as the Scheduler receives it: `{"job": {...} | "<json>"}` or the bare job, as an object or a JSON
/// string, with `lambda_name` (a function name or ARN) and the business keys. sosw's tutorial writes the worker
/// as `labourer_id`, which sosw 0.7.51 itself refused; both are accepted here, and must agree when both are given.
public struct SchedulerJob: Hashable, Sendable {
    /// The labourer to create tasks for: the name of the function `lambda_name` refers to (a name, partial
    /// ARN or ARN, with or without a qualifier).
    public var labourerID: String
    /// `job_schema_name`, choosing an entry of `job_schema_variants`.
    public var schemaName: String?
    /// The job without `lambda_name`: what is split into task payloads (sosw keeps `job_schema_name` in it).
    public var body: [String: JSONValue]

    public init(labourerID: String, schemaName: String? = nil, body: [String: JSONValue]) {
        self.labourerID = labourerID
        self.schemaName = schemaName
        self.body = body
    }

    /// Extracts the job from a Scheduler event.
    public init(event: JSONValue) throws(InvalidJob) {
        let envelope = try SchedulerJob.object(event, what: "the Scheduler event")
        var job = try envelope["job"].map { value throws(InvalidJob) in try SchedulerJob.object(value, what: "`job`") } ?? envelope
        let name = try SchedulerJob.labourerName(removingFrom: &job)
        let schemaName = job["job_schema_name"]
        if let schemaName, schemaName.stringValue == nil, schemaName != .null {
            throw InvalidJob("`job_schema_name` must be a string, got \(schemaName.serialized())")
        }
        self.init(labourerID: name, schemaName: schemaName?.stringValue, body: job)
    }

    /// The worker's function name, from `lambda_name` or its alias `labourer_id`, both removed from `job` (the
    /// chunker writes `labourer_id` into every task itself).
    private static func labourerName(removingFrom job: inout [String: JSONValue]) throws(InvalidJob) -> String {
        let references = ["lambda_name", "labourer_id"].compactMap { key in
            job.removeValue(forKey: key).map { (key: key, value: $0) }
        }
        guard !references.isEmpty else {
            throw InvalidJob(
                "the job has no `lambda_name` (or its alias `labourer_id`): the worker's function name or ARN: "
                    + JSONValue.object(job).serialized())
        }
        var names: [(key: String, name: String)] = []
        for reference in references {
            guard let text = reference.value.stringValue else {
                throw InvalidJob("`\(reference.key)` must be a function name or ARN, got \(reference.value.serialized())")
            }
            do throws(ARN.ParseError) {
                names.append((reference.key, try ARN.lambdaFunctionName(text)))
            } catch {
                throw InvalidJob("`\(reference.key)` must name the worker's function: \(error)")
            }
        }
        if names.count == 2, names[0].name != names[1].name {
            throw InvalidJob(
                "`lambda_name` (\(names[0].name)) and `labourer_id` (\(names[1].name)) name different workers: "
                    + "give one of them")
        }
        return names[0].name
    }

    private static func object(_ value: JSONValue, what: String) throws(InvalidJob) -> [String: JSONValue] {
        switch value {
        case .object(let members):
            return members
        case .string(let text):
            guard let parsed = try? JSONValue(parsing: text), let members = parsed.objectValue else {
                throw InvalidJob("\(what) is a string that is not a JSON object: \(text)")
            }
            return members
        default:
            throw InvalidJob("\(what) must be an object or a JSON string of one, got \(value.serialized())")
        }
    }
}
