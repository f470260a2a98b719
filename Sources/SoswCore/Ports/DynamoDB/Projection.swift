/// The attributes a secondary index holds besides the keys.
public struct Projection: Sendable, Equatable, Codable {
    public var projectionType: ProjectionType?
    /// The extra attributes of an INCLUDE projection.
    public var nonKeyAttributes: [String]?

    public init(projectionType: ProjectionType? = nil, nonKeyAttributes: [String]? = nil) {
        self.projectionType = projectionType
        self.nonKeyAttributes = nonKeyAttributes
    }

    enum CodingKeys: String, CodingKey {
        case projectionType = "ProjectionType"
        case nonKeyAttributes = "NonKeyAttributes"
    }
}
