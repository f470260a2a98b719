import ArgumentParser
import Foundation
import SoswAWS
import SoswCore

/// `sosw config upload|get|diff`: sosw's configuration documents in its config table or SSM, without the AWS
/// console — what sosw's `config_updater.py` did, with every document checked before anything is written.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Upload, read and compare sosw's configuration documents.",
        subcommands: [Upload.self, Get.self, Diff.self])

    struct Upload: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Upload configuration documents: each <name>.json becomes the document <name>.",
            discussion: """
                sosw's placeholder account 000000000000 is replaced with --account or the credentials' account, \
                and ARNs naming it move to the region of the environment. Every document is checked first (the \
                essentials' documents for the keys and values the essentials read); one bad document uploads \
                nothing. Unchanged documents are not rewritten.
                """)

        @Argument(help: "Documents (<name>.json) or folders of them.", completion: .file(extensions: ["json"]))
        var paths: [String]

        @OptionGroup var store: ConfigStoreOptions

        @Flag(help: "Show what would change and write nothing (as sosw config diff).")
        var dryRun = false

        func run() async throws {
            let files = try ConfigDocumentFiles(paths: paths)
            let (upload, target) = try await LiveFailure.reporting {
                try await ConfigCommand.plan(files: files, options: store)
            }
            print(upload.text)
            if dryRun {
                print("dry run: \(upload.changedCount) of \(upload.entries.count) documents would change in \(target.location)")
                return
            }
            let written = try await LiveFailure.reporting { try await upload.apply(to: target) }
            print("uploaded \(written.count) of \(upload.entries.count) documents to \(target.location)")
        }
    }

    struct Diff: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what uploading the documents would change, key by key; writes nothing.")

        @Argument(help: "Documents (<name>.json) or folders of them.", completion: .file(extensions: ["json"]))
        var paths: [String]

        @OptionGroup var store: ConfigStoreOptions

        func run() async throws {
            let files = try ConfigDocumentFiles(paths: paths)
            let (upload, target) = try await LiveFailure.reporting {
                try await ConfigCommand.plan(files: files, options: store)
            }
            print(upload.text)
            print("\(upload.changedCount) of \(upload.entries.count) documents would change in \(target.location)")
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a stored document as JSON (exit 1 when there is none).")

        @Argument(help: "The document's name, e.g. sosw_orchestrator_config.")
        var name: String

        @OptionGroup var store: ConfigStoreOptions

        func run() async throws {
            let (document, location) = try await LiveFailure.reporting {
                let target = try ConfigCommand.store(store)
                return (try await target.storedDocument(named: name), target.location)
            }
            guard let document else {
                FileHandle.standardError.write(Data("error: no document \(name) in \(location)\n".utf8))
                throw ExitCode(1)
            }
            print(document.serialized())
        }
    }

    /// The store the options name, built from the environment's region and credentials.
    static func store(_ options: ConfigStoreOptions) throws -> any ConfigDocumentStore {
        let environment = ProcessInfo.processInfo.environment
        return options.store(aws: try LiveAWS.fromEnvironment(environment), environment: environment)
    }

    /// Reads the files with the placeholders of the caller's account and region, and plans to store them whole;
    /// a refused document is invalid input naming its file.
    static func plan(files: ConfigDocumentFiles, options: ConfigStoreOptions) async throws
        -> (ConfigUpload, any ConfigDocumentStore)
    {
        let environment = ProcessInfo.processInfo.environment
        let aws = try LiveAWS.fromEnvironment(environment)
        let documents = try files.documents(placeholders: try await options.placeholders(aws: aws))
        let store = options.store(aws: aws, environment: environment)
        do {
            return (try await ConfigUpload.replacing(documents, in: store), store)
        } catch let error as ConfigDocumentError {
            throw files.failure(error)
        }
    }
}
