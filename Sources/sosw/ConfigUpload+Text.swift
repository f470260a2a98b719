import SoswCore

extension ConfigUpload {
    /// Each document with its summary, then its changes indented: what `sosw config diff`, `upload` and
    /// `sosw labourer add` print, so the three read alike.
    var text: String {
        entries.map { entry in
            ([ "\(entry.name): \(entry.summary)"] + entry.changes.map { "  \($0)" }).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// How many documents an ``apply(to:)`` would write.
    var changedCount: Int { entries.filter { !$0.changes.isEmpty }.count }
}
