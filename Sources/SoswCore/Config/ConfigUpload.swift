/// An upload of configuration documents, planned before anything is written: every document checked
/// (``ConfigDocumentCheck``) and compared with what the store holds, so that `sosw config diff` shows exactly what
/// `sosw config upload` would write, and a bad document stops the whole upload before the first write.
public struct ConfigUpload: Sendable {
    /// One document of the upload.
    public struct Entry: Sendable, Hashable {
        public var name: String
        /// What will be stored.
        public var document: JSONValue
        /// What the store holds now; nil when the document is new.
        public var stored: JSONValue?
        /// The differences from ``stored`` to ``document``; empty when nothing changes.
        public var changes: [ConfigChange]

        /// `new`, `unchanged` or `N changes`.
        public var summary: String {
            if stored == nil { return "new" }
            if changes.isEmpty { return "unchanged" }
            return changes.count == 1 ? "1 change" : "\(changes.count) changes"
        }
    }

    /// By document name.
    public let entries: [Entry]

    /// Plans to store `documents` (name → document) whole, replacing what `store` holds.
    public static func replacing(_ documents: [String: JSONValue], in store: any ConfigDocumentStore) async throws
        -> ConfigUpload
    {
        let stored = try await storedDocuments(Array(documents.keys), in: store)
        return try plan(documents, stored: stored)
    }

    /// Plans to merge `additions` (name → partial document) into what `store` holds, key by key as sosw's
    /// `recursive_update` merges (objects merged, arrays joined without repeats, other values replaced): sosw's
    /// labourer onboarding. Merging the same additions twice changes nothing the second time.
    public static func merging(_ additions: [String: JSONValue], into store: any ConfigDocumentStore) async throws
        -> ConfigUpload
    {
        let stored = try await storedDocuments(Array(additions.keys), in: store)
        var documents: [String: JSONValue] = [:]
        for (name, addition) in additions {
            documents[name] = (stored[name] ?? [:]).deepMerged(with: addition)
        }
        return try plan(documents, stored: stored)
    }

    /// The stored documents of `names` and of `sosw_essential_config`, which the essentials' documents are
    /// checked over; a missing one is absent from the answer.
    private static func storedDocuments(_ names: [String], in store: any ConfigDocumentStore) async throws
        -> [String: JSONValue]
    {
        var stored: [String: JSONValue] = [:]
        for name in Set(names + [ConfigTable.essentialDocument]).sorted() {
            stored[name] = try await store.storedDocument(named: name)
        }
        return stored
    }

    /// The checked plan once every stored document is read; synchronous, apart from the reads (Swift 6.3.1's
    /// optimiser crashed on the two together in one async function in release builds).
    private static func plan(_ documents: [String: JSONValue], stored: [String: JSONValue]) throws(ConfigDocumentError)
        -> ConfigUpload
    {
        let essential = documents[ConfigTable.essentialDocument] == nil ? stored[ConfigTable.essentialDocument] : nil
        try ConfigDocumentCheck.check(documents, storedEssential: essential)
        var entries: [Entry] = []
        for name in documents.keys.sorted() {
            let document = documents[name] ?? [:]
            entries.append(Entry(
                name: name, document: document, stored: stored[name],
                changes: ConfigChange.between(stored[name], document)))
        }
        return ConfigUpload(entries: entries)
    }

    /// Writes every new or changed document (unchanged ones are not rewritten); returns their names.
    @discardableResult
    public func apply(to store: any ConfigDocumentStore) async throws -> [String] {
        var written: [String] = []
        for entry in entries where !entry.changes.isEmpty {
            try await store.store(entry.document, named: entry.name)
            written.append(entry.name)
        }
        return written
    }
}
