import Foundation
import SoswCore

/// Configuration documents read from files as sosw's uploader reads them: each `<name>.json` is the document
/// `<name>`, a folder stands for the `.json` files directly in it.
struct ConfigDocumentFiles {
    /// Document name → the file it came from.
    let files: [String: String]

    /// Collects the documents of `paths` (files and folders). Invalid input (a file that is not `.json`, a
    /// missing path, two files with one name, nothing found) is a ``LiveFailure/invalidInput(_:)``.
    init(paths: [String]) throws {
        var files: [String: String] = [:]
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw LiveFailure.invalidInput("\(path): no such file or folder")
            }
            let found: [String]
            if isFolder.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                found = names.filter { $0.hasSuffix(".json") }.sorted().map { "\(path)/\($0)" }
                if found.isEmpty { throw LiveFailure.invalidInput("\(path): no .json documents in the folder") }
            } else {
                guard path.hasSuffix(".json") else {
                    throw LiveFailure.invalidInput("\(path): a document's file is named <document name>.json")
                }
                found = [path]
            }
            for file in found {
                let name = String((file as NSString).lastPathComponent.dropLast(".json".count))
                if let earlier = files[name] {
                    throw LiveFailure.invalidInput("\(file): the document \(name) is also in \(earlier); give it once")
                }
                files[name] = file
            }
        }
        self.files = files
    }

    /// Each file's document, with sosw's placeholders replaced.
    func documents(placeholders: ConfigPlaceholders) throws -> [String: JSONValue] {
        var documents: [String: JSONValue] = [:]
        for (name, file) in files.sorted(by: { $0.key < $1.key }) {
            documents[name] = try Self.document(at: file, placeholders: placeholders)
        }
        return documents
    }

    /// One file's JSON, with sosw's placeholders replaced; unreadable or malformed is invalid input naming it.
    static func document(at file: String, placeholders: ConfigPlaceholders) throws -> JSONValue {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw LiveFailure.invalidInput("\(file): cannot read the file: \(error.localizedDescription)")
        }
        do {
            return try JSONValue(parsing: placeholders.substitute(in: text))
        } catch {
            throw LiveFailure.invalidInput("\(file): not valid JSON: \(error)")
        }
    }

    /// A refused document, named by its file.
    func failure(_ error: ConfigDocumentError) -> LiveFailure {
        .invalidInput("\(files[error.document] ?? error.document): \(error); nothing was uploaded")
    }
}
