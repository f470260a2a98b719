/// Where new task ids come from. sosw uses `uuid1().hex` (32 lowercase hex digits); a simulation derives
/// them from its seed, so the same seed names the same tasks.
public protocol IDSource: Sendable {
    /// A fresh id: 32 lowercase hexadecimal characters, unique within the run.
    func nextID() -> String
}
