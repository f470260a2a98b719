import Foundation

extension AttributeValue {
    /// The DynamoDB value sosw's WorkerAssistant stores for a worker's `stats` / `result` entry:
    /// booleans and the strings `"true"` / `"false"` become BOOL, numbers and numeric strings N, other strings
    /// S, objects M and lists L (recursively), `null` NULL. Python workers rely on reading these types back.
    public init(soswValue value: JSONValue) {
        switch value {
        case .null:
            self = .null
        case .bool(let flag):
            self = .bool(flag)
        case .int(let number):
            self = .n(DynamoNumber(number))
        case .double(let number):
            if number.isFinite, let parsed = try? DynamoNumber(parsing: number.description) {
                self = .n(parsed)
            } else {
                self = .s(number.description)
            }
        case .string(let text):
            let lowered = text.lowercased()
            if lowered == "true" || lowered == "false" {
                self = .bool(lowered == "true")
            } else if AttributeValue.isNumericText(text), let parsed = try? DynamoNumber(parsing: text) {
                self = .n(parsed)
            } else {
                self = .s(text)
            }
        case .array(let elements):
            self = .l(elements.map(AttributeValue.init(soswValue:)))
        case .object(let members):
            self = .m(members.mapValues(AttributeValue.init(soswValue:)))
        }
    }

    /// Plain decimal text (`12`, `-3.5`): what Python's numeric-string check accepts. Exponents and
    /// `NaN` stay strings.
    private static func isNumericText(_ text: String) -> Bool {
        var digits = 0
        var points = 0
        for (index, character) in text.enumerated() {
            switch character {
            case "0"..."9": digits += 1
            case ".": points += 1
            case "-" where index == 0: continue
            default: return false
            }
        }
        return digits > 0 && points <= 1
    }
}

extension JSONValue {
    /// The value a Python sosw reader sees for a DynamoDB attribute: N is an int, or a float when its text has
    /// a fraction; sets become lists; binary becomes its base64 text.
    public init(dynamo value: AttributeValue) {
        switch value {
        case .s(let text):
            self = .string(text)
        case .n(let number):
            self = JSONValue.number(number)
        case .b(let bytes):
            self = .string(Data(bytes).base64EncodedString())
        case .bool(let flag):
            self = .bool(flag)
        case .null:
            self = .null
        case .m(let members):
            self = .object(members.mapValues(JSONValue.init(dynamo:)))
        case .l(let elements):
            self = .array(elements.map(JSONValue.init(dynamo:)))
        case .ss(let texts):
            self = .array(texts.map(JSONValue.string))
        case .ns(let numbers):
            self = .array(numbers.map(JSONValue.number))
        case .bs(let blobs):
            self = .array(blobs.map { .string(Data($0).base64EncodedString()) })
        }
    }

    static func number(_ number: DynamoNumber) -> JSONValue {
        if !number.text.contains("."), let whole = number.int64Value {
            return .int(whole)
        }
        return .double(number.doubleValue)
    }
}
