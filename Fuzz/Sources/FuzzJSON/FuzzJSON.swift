import FuzzSupport
import SoswCore

/// Any text given to the JSON parser either parses or throws `JSONParseError`; a document that parses is
/// written out as text that parses back to the same data, and the text of that settles.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = String(decoding: FuzzDriver.bytes(data, size), as: UTF8.self)
    guard let value = try? JSONValue(parsing: text) else { return 0 }
    let written = value.serialized()
    guard let reparsed = try? JSONValue(parsing: written) else {
        fatalError("serialized JSON does not parse again: \(written)")
    }
    precondition(reparsed.isEquivalent(to: value), "JSON changed in a round trip: \(written)")
    // An integral double is written with a fraction or an exponent and read back as an integer (see
    // isEquivalent), so the text settles after the second round, not the first.
    let settled = reparsed.serialized()
    precondition((try? JSONValue(parsing: settled))?.serialized() == settled, "JSON text does not settle: \(settled)")
    return 0
}

@main
enum FuzzJSON {
    static func main() { FuzzDriver.run(testOneInput) }
}
