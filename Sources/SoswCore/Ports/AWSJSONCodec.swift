import Foundation

/// The JSON form of the port shapes, as the AWS JSON protocols carry them in request and response bodies. One
/// codec for both directions and both sides: the live clients encode inputs and decode outputs with it, and
/// `sosw serve` decodes inputs and encodes outputs with it, so the two can never drift apart.
///
/// Keys are sorted, so the same input always gives the same bytes on the wire (a recorded request can be
/// compared byte for byte), and `/` is left unescaped, as the services write it.
public enum AWSJSONCodec {
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    public static func decode<Value: Decodable>(_ type: Value.Type, from body: [UInt8]) throws -> Value {
        try JSONDecoder().decode(type, from: Data(body))
    }
}
