/// The lifecycle state of a table or index.
public enum TableStatus: String, Sendable, Equatable, Codable, CaseIterable {
    case creating = "CREATING"
    case updating = "UPDATING"
    case deleting = "DELETING"
    case active = "ACTIVE"
    case inaccessibleEncryptionCredentials = "INACCESSIBLE_ENCRYPTION_CREDENTIALS"
    case archiving = "ARCHIVING"
    case archived = "ARCHIVED"
}
