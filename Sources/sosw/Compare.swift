import ArgumentParser
import Foundation
import SoswCore
import SoswReports

/// `sosw compare`: two runs side by side, every figure with its change, so "what did the cap change do?" is
/// one command instead of two summaries read line by line.
struct Compare: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print every figure of two runs side by side with the change (absolute and %).",
        discussion: """
            A and B are run output folders (with summary.json, as sosw simulate and sosw sweep write them under \
            runs/), summary.json files, or, with --store FILE, run ids in that run store (the run_id column). \
            Figures are grouped: run, per labourer, per function, AWS calls, cost, expectations. Exit status: 0 \
            compared, 2 a run that cannot be found or read.
            """
    )

    @Argument(help: "The first run: an output folder, a summary.json, or a run id with --store.")
    var before: String

    @Argument(help: "The second run, in the same form.")
    var after: String

    @Option(help: "A run store (SQLite) to read the runs from by id.")
    var store: String?

    func run() async throws {
        let (old, new) = try store.map { path in
            let store = try open(path)
            return (try stored(before, in: store), try stored(after, in: store))
        } ?? (try summary(before), try summary(after))
        print(RunComparison(before: old, after: new).text(before: label(before), after: label(after)), terminator: "")
    }

    private func open(_ path: String) throws -> RunStore {
        guard FileManager.default.fileExists(atPath: path) else { throw refuse("no run store at \(path)") }
        do {
            return try RunStore(path: path)
        } catch {
            throw refuse("\(error)")
        }
    }

    private func stored(_ id: String, in store: RunStore) throws -> JSONValue {
        do {
            guard let document = try store.summaryDocument(runID: id) else {
                let known = (try? store.runIDs()) ?? []
                let hint = known.isEmpty ? "it holds no runs" : "it holds: \(known.suffix(10).joined(separator: ", "))"
                throw refuse("no run '\(id)' in \(store.path); \(hint)")
            }
            return document
        } catch let error as RunStoreError {
            throw refuse("\(error)")
        }
    }

    /// A folder's `summary.json`, or the file itself.
    private func summary(_ path: String) throws -> JSONValue {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw refuse("\(path) does not exist; expected a run's output folder or its summary.json (or a run id with --store)")
        }
        let file = isDirectory.boolValue ? "\(path)/summary.json" : path
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw refuse("cannot read \(file): \(error.localizedDescription)")
        }
        do {
            let document = try JSONValue(parsing: text)
            guard document["scenario"] != nil else { throw refuse("\(file) is not a run summary: it has no `scenario`") }
            return document
        } catch let error as JSONParseError {
            throw refuse("\(file) is not JSON: \(error)")
        }
    }

    /// The column label: the folder's last component (a sweep run's `<variant>-seed<N>`), or the run id.
    private func label(_ path: String) -> String {
        let trimmed = path.hasSuffix("/summary.json") ? String(path.dropLast("/summary.json".count)) : path
        return trimmed.split(separator: "/").last.map(String.init) ?? trimmed
    }

    private func refuse(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        return ExitCode(2)
    }
}
