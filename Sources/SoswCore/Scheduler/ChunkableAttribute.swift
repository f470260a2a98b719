/// One level of a job's nesting that the Scheduler may split (`job_schema.chunkable_attrs`), e.g. `section`.
///
/// A job may use the singular or the plural key (`section` / `sections`); tasks always carry the plural key
/// with a list value, and the flags are `isolate_<either>` and `max_<either>_per_batch`.
public struct ChunkableAttribute: Hashable, Sendable, CustomStringConvertible {
    public let singular: String
    public let plural: String

    /// `name` must be singular: sosw derives the plural by appending `s`, so a name ending in `s` is ambiguous.
    public init(_ name: String) throws(InvalidJob) {
        guard !name.isEmpty, !name.hasSuffix("s") else {
            throw InvalidJob("chunkable attribute `\(name)` must be a non-empty singular name not ending in `s`")
        }
        singular = name
        plural = name + "s"
    }

    public var description: String { singular }

    var isolateKeys: [String] { ["isolate_\(plural)", "isolate_\(singular)"] }
    var batchKeys: [String] { ["max_\(plural)_per_batch", "max_\(singular)_per_batch"] }
}
