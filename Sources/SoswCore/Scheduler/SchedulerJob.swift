/// A job as the Scheduler receives it (§9.2, §17 F): `{"job": {...} | "<json>"}` or the bare job, as an object
/// or a JSON string, with `lambda_name` (a function name or ARN) and the business keys.
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
        guard let lambdaName = job.removeValue(forKey: "lambda_name") else {
            throw InvalidJob("the job has no `lambda_name` (the worker's function name or ARN): \(JSONValue.object(job).serialized())")
        }
        guard let reference = lambdaName.stringValue else {
            throw InvalidJob("`lambda_name` must be a function name or ARN, got \(lambdaName.serialized())")
        }
        let name: String
        do throws(ARN.ParseError) {
            name = try ARN.lambdaFunctionName(reference)
        } catch {
            throw InvalidJob("`lambda_name` must name the worker's function: \(error)")
        }
        let schemaName = job["job_schema_name"]
        if let schemaName, schemaName.stringValue == nil, schemaName != .null {
            throw InvalidJob("`job_schema_name` must be a string, got \(schemaName.serialized())")
        }
        self.init(labourerID: name, schemaName: schemaName?.stringValue, body: job)
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
