/// Reading AWS settings from an environment passed in as a dictionary (never the process's own, so tests
/// control it).
extension [String: String] {
    /// The variable's value unless it is unset or empty.
    func nonEmpty(_ name: String) -> String? {
        guard let value = self[name], !value.isEmpty else { return nil }
        return value
    }
}
