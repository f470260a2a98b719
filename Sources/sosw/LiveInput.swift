import ArgumentParser
import Foundation
import SoswCore

/// JSON given on the command line: inline (`--job '{"lambda_name": …}'`) or from a file (`--job @job.json`).
/// Unreadable or malformed input ends the command with one line on standard error and exit status 2.
enum LiveInput {
    /// `text` itself, or the file named after an `@`.
    static func json(_ text: String, option: String) throws -> JSONValue {
        if text.hasPrefix("@") {
            return try json(fromFile: String(text.dropFirst()), option: option)
        }
        do {
            return try JSONValue(parsing: text)
        } catch {
            throw LiveFailure.invalidInput("\(option): not valid JSON: \(error)")
        }
    }

    static func json(fromFile path: String, option: String) throws -> JSONValue {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw LiveFailure.invalidInput("\(option) \(path): cannot read the file: \(error.localizedDescription)")
        }
        do {
            return try JSONValue(parsing: text)
        } catch {
            throw LiveFailure.invalidInput("\(option) \(path): not valid JSON: \(error)")
        }
    }

    /// A file holding one JSON object (a sosw config document).
    static func jsonObject(fromFile path: String, option: String) throws -> JSONValue {
        let document = try json(fromFile: path, option: option)
        guard document.objectValue != nil else {
            throw LiveFailure.invalidInput("\(option) \(path): expected a JSON object (a sosw config document)")
        }
        return document
    }
}
