import ArgumentParser
import Foundation
import SoswAWS
import SoswCore

/// `sosw labourer add WORKER_DIR`: onboarding a worker as sosw's tutorial does — its `labourer.json` merged into
/// every essential's document, its `self.json` merged into `<worker>_config` — with the result checked before
/// anything is written, and safe to run again.
struct LabourerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labourer", abstract: "Onboard workers (labourers) into sosw's configuration.",
        subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a worker: merge its labourer.json into the essentials' documents.",
            discussion: """
                WORKER_DIR holds labourer.json (a document part such as {"task_config": {"labourers": {…}}}) and \
                optionally self.json (the worker's own settings), in WORKER_DIR/config/ as in sosw's tutorial or \
                in WORKER_DIR itself. labourer.json is merged into \
                \(Self.essentialDocuments.joined(separator: ", ")); self.json into <worker>_config. Objects are \
                merged key by key, so running it twice changes nothing. sosw's placeholder account \
                000000000000 is replaced as `sosw config upload` does.
                """)

        /// The documents sosw's onboarding script merged a labourer into: each essential's own.
        static let essentialDocuments = ConfigDocumentCheck.essentialDocuments.filter { $0 != ConfigTable.essentialDocument }

        @Argument(help: "The worker's folder.", completion: .directory)
        var workerDirectory: String

        @Option(help: "The worker's name, for <name>_config (default: the folder's name).")
        var name: String?

        @OptionGroup var store: ConfigStoreOptions

        @Flag(help: "Show what would change and write nothing.")
        var dryRun = false

        func run() async throws {
            let labourerFile = try requiredFile("labourer.json")
            let selfFile = file("self.json")
            let worker = name ?? URL(fileURLWithPath: workerDirectory).standardizedFileURL.lastPathComponent
            let (upload, target) = try await LiveFailure.reporting {
                let environment = ProcessInfo.processInfo.environment
                let aws = try LiveAWS.fromEnvironment(environment)
                let placeholders = try await store.placeholders(aws: aws)
                let labourer = try ConfigDocumentFiles.document(at: labourerFile, placeholders: placeholders)
                guard labourer.objectValue != nil else {
                    throw LiveFailure.invalidInput("\(labourerFile): expected a JSON object such as {\"task_config\": {\"labourers\": {…}}}")
                }
                var additions = Dictionary(uniqueKeysWithValues: Self.essentialDocuments.map { ($0, labourer) })
                if let selfFile {
                    additions["\(worker)_config"] = try ConfigDocumentFiles.document(at: selfFile, placeholders: placeholders)
                }
                let target = store.store(aws: aws, environment: environment)
                do {
                    return (try await ConfigUpload.merging(additions, into: target), target)
                } catch let error as ConfigDocumentError {
                    throw LiveFailure.invalidInput("\(labourerFile): merged into \(error); nothing was written")
                }
            }
            print(upload.text)
            if dryRun {
                print("dry run: \(upload.changedCount) of \(upload.entries.count) documents would change in \(target.location)")
                return
            }
            let written = try await LiveFailure.reporting { try await upload.apply(to: target) }
            print("registered \(worker): \(written.count) of \(upload.entries.count) documents changed in \(target.location)")
        }

        /// Where the worker keeps `name`: `WORKER_DIR/config/NAME` (sosw's tutorial), else `WORKER_DIR/NAME`.
        private func candidates(_ name: String) -> [String] {
            ["\(workerDirectory)/config/\(name)", "\(workerDirectory)/\(name)"]
        }

        private func file(_ name: String) -> String? {
            candidates(name).first { FileManager.default.fileExists(atPath: $0) }
        }

        /// The file, or invalid input (exit 2) saying where it was looked for and what it holds.
        private func requiredFile(_ name: String) throws -> String {
            if let found = file(name) { return found }
            FileHandle.standardError.write(Data(
                ("error: \(workerDirectory) has no \(name) (looked for \(candidates(name).joined(separator: " and "))); "
                    + "it holds the worker's labourer entry, e.g. {\"task_config\": {\"labourers\": {\"my_worker\": "
                    + "{\"arn\": \"arn:aws:lambda:REGION:ACCOUNT:function:my_worker\"}}}}\n").utf8))
            throw ExitCode(2)
        }
    }
}
