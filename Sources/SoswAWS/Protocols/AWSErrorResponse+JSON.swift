import SoswCore

extension AWSErrorResponse {
    /// The JSON protocols' error body: `{"__type": "namespace#Code", "message": "…"}`. Services spell the
    /// members differently (`code`, `Message`, Lambda's `errorMessage`); all of them are read.
    static func jsonFields(of body: [UInt8]) -> BodyFields {
        guard let members = try? AWSJSONCodec.decode(JSONErrorMembers.self, from: body) else { return BodyFields() }
        return BodyFields(
            code: (members.type ?? members.code).map(shortCode),
            message: members.message ?? members.capitalizedMessage ?? members.errorMessage)
    }

    private struct JSONErrorMembers: Decodable {
        var type: String?
        var code: String?
        var message: String?
        var capitalizedMessage: String?
        var errorMessage: String?

        enum CodingKeys: String, CodingKey {
            case type = "__type"
            case code
            case message
            case capitalizedMessage = "Message"
            case errorMessage
        }
    }
}
