/// Where configuration documents are kept — sosw's `config` table or SSM parameters — as `sosw config` and
/// `sosw labourer add` read and write them. One protocol, so an upload is planned, checked and shown the same way
/// whichever store it goes to.
public protocol ConfigDocumentStore: Sendable {
    /// Names the store in messages (`config table 'config', env production`).
    var location: String { get }
    /// The stored document, decoded; nil when there is none.
    func storedDocument(named name: String) async throws -> JSONValue?
    /// Writes the document whole, replacing what was stored.
    func store(_ document: JSONValue, named name: String) async throws
}

extension ConfigTable: ConfigDocumentStore {
    public var location: String { "config table '\(tableName)', env \(env)" }
}
