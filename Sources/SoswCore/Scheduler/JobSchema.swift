/// Which attributes a job is split along: `job_schema_variants.<name>.chunkable_attrs`.
///
/// sosw replaces `job_schema` with the chosen variant on every call, so a configuration that sets only
/// `job_schema` (as sosw's shipped example does) was ignored and crashed (fixed here: docs/sosw-compatibility.md). Here
/// a job without `job_schema_name` uses the `default` variant when it names attributes, else `job_schema`.
public struct JobSchema: Hashable, Sendable {
    public var chunkableAttributes: [ChunkableAttribute]

    public init(chunkableAttributes: [ChunkableAttribute]) {
        self.chunkableAttributes = chunkableAttributes
    }

    /// Reads `chunkable_attrs`: a list of `[name, {}]` pairs as sosw writes them, or of plain names.
    public init(config node: ConfigNode) throws {
        var attributes: [ChunkableAttribute] = []
        for element in try node["chunkable_attrs"].elements() {
            let name = element.value?.stringValue ?? element.value?.arrayValue?.first?.stringValue
            guard let name else { throw element.error("a name or a [name, {}] pair") }
            do {
                attributes.append(try ChunkableAttribute(name))
            } catch {
                throw element.error("a singular attribute name not ending in `s`")
            }
        }
        self.init(chunkableAttributes: attributes)
    }

    /// The schema for a job naming `name` (or none), from a Scheduler configuration document.
    public static func select(name: String?, schedulerConfig config: ConfigNode) throws -> JobSchema {
        let variants = config["job_schema_variants"]
        if let name {
            guard variants[name].isPresent else {
                let known = try variants.members().map(\.key).joined(separator: ", ")
                throw ConfigError(path: variants[name].path, value: nil,
                                  expectation: "a job schema variant named `\(name)` (configured: \(known))")
            }
            return try JobSchema(config: variants[name])
        }
        let fallback = try JobSchema(config: variants["default"])
        if fallback.chunkableAttributes.isEmpty, config["job_schema"].isPresent {
            return try JobSchema(config: config["job_schema"])
        }
        return fallback
    }
}
