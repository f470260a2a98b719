import Synchronization
import Testing
@testable import SoswCore

/// Planning an upload of configuration documents: placeholders, checks, differences, merging.
@Suite struct ConfigUploadTests {
    /// Documents in memory, standing for the config table or SSM.
    final class MemoryStore: ConfigDocumentStore {
        let documents: Mutex<[String: JSONValue]>
        let writes = Mutex<[String]>([])

        init(_ documents: [String: JSONValue] = [:]) {
            self.documents = Mutex(documents)
        }

        var location: String { "memory" }

        func storedDocument(named name: String) async throws -> JSONValue? {
            documents.withLock { $0[name] }
        }

        func store(_ document: JSONValue, named name: String) async throws {
            documents.withLock { $0[name] = document }
            writes.withLock { $0.append(name) }
        }
    }

    static let labourer: JSONValue = [
        "task_config": ["labourers": ["worker": [
            "arn": "arn:aws:lambda:us-west-2:000000000000:function:worker", "max_simultaneous_invocations": 3,
        ]]],
    ]

    @Test("the placeholder account is replaced everywhere, and ARNs naming it move to the uploader's region")
    func placeholders() {
        let placeholders = ConfigPlaceholders(account: "123456789012", region: "eu-central-1")
        let text = #"{"a": "arn:aws:lambda:us-west-2:000000000000:function:w", "b": "arn:aws:s3:::bucket-000000000000", "#
            + #""c": "arn:aws:sns:ap-south-1:999999999999:topic", "d": "sosw-s3-000000000000", "e": "arn:aws:iam::000000000000:role/r"}"#
        #expect(placeholders.substitute(in: text) == #"{"a": "arn:aws:lambda:eu-central-1:123456789012:function:w", "#
            + #""b": "arn:aws:s3:::bucket-123456789012", "c": "arn:aws:sns:ap-south-1:999999999999:topic", "#
            + #""d": "sosw-s3-123456789012", "e": "arn:aws:iam::123456789012:role/r"}"#)
    }

    @Test("differences by key path, sorted; arrays compared whole; nothing for equal documents")
    func changes() {
        let before: JSONValue = ["a": 1, "b": ["c": 2, "d": [1, 2]], "gone": true]
        let after: JSONValue = ["a": 1, "b": ["c": 3, "d": [1, 2, 3]], "new": "x"]
        #expect(ConfigChange.between(before, after).map(\.description) == [
            "~ b.c: 2 -> 3", "~ b.d: [1,2] -> [1,2,3]", "- gone: true", "+ new: \"x\"",
        ])
        #expect(ConfigChange.between(before, before).isEmpty)
        #expect(ConfigChange.between(nil, ["a": 1]).map(\.description) == [#"+ (the document): {"a":1}"#])
    }

    @Test("an unknown key in an essential's document is refused with the document, the key and the keys read")
    func unknownKey() {
        #expect {
            try ConfigDocumentCheck.check(["sosw_orchestrator_config": ["task_confg": [:]]], storedEssential: nil)
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("document sosw_orchestrator_config: config `task_confg`")
                && text.contains("task_config") && text.contains("`<client>_config`")
        }
        // A worker's own document is free-form; `<client>_config` keys are sosw's client settings.
        #expect(throws: Never.self) {
            try ConfigDocumentCheck.check(
                ["my_worker_config": ["anything": 1], "sosw_scavenger_config": ["s3_config": [:]]], storedEssential: nil)
        }
    }

    @Test("labourers at the top level, where sosw's template put them, are refused with where they belong")
    func topLevelLabourers() {
        #expect {
            try ConfigDocumentCheck.check(["sosw_essential_config": ["labourers": [:]]], storedEssential: nil)
        } throws: { error in
            "\(error)".contains("`task_config.labourers`")
        }
    }

    @Test("an essential's document is read layered over the stored sosw_essential_config, as the essential reads it")
    func layeredCheck() {
        let essential: JSONValue = ["task_config": ["labourers": ["worker": ["arn": "worker", "max_attempts": 0]]]]
        #expect {
            try ConfigDocumentCheck.check(["sosw_orchestrator_config": [:]], storedEssential: essential)
        } throws: { error in
            "\(error)".contains("task_config.labourers.worker.max_attempts")
        }
        #expect(throws: ConfigDocumentError.self) {
            try ConfigDocumentCheck.check(["anything": [1, 2]], storedEssential: nil)
        }
    }

    @Test("a bad document stops the whole upload before any write")
    func badDocumentUploadsNothing() async throws {
        let store = MemoryStore()
        await #expect(throws: ConfigDocumentError.self) {
            try await ConfigUpload.replacing(
                ["a_worker_config": ["x": 1], "sosw_scheduler_config": ["queue_bucket": "b"]], in: store)
        }
        #expect(store.writes.withLock { $0 }.isEmpty)
    }

    @Test("merging a labourer twice changes nothing the second time; other settings stay")
    func mergingIsIdempotent() async throws {
        let store = MemoryStore([
            "sosw_orchestrator_config": ["task_config": ["labourers": ["old": ["arn": "old"]]], "init_clients": ["Sns"]],
        ])
        let additions = ["sosw_orchestrator_config": Self.labourer, "sosw_scheduler_config": Self.labourer]
        let first = try await ConfigUpload.merging(additions, into: store)
        #expect(first.entries.map(\.summary) == ["1 change", "new"])
        #expect(first.entries[0].changes.map(\.path) == ["task_config.labourers.worker"])
        #expect(try await first.apply(to: store) == ["sosw_orchestrator_config", "sosw_scheduler_config"])
        let orchestrator = try #require(try await store.storedDocument(named: "sosw_orchestrator_config"))
        #expect(orchestrator["task_config"]?["labourers"]?["old"] == ["arn": "old"])
        #expect(orchestrator["init_clients"] == ["Sns"])

        let second = try await ConfigUpload.merging(additions, into: store)
        #expect(second.entries.map(\.summary) == ["unchanged", "unchanged"])
        #expect(try await second.apply(to: store).isEmpty)
        #expect(store.writes.withLock { $0.count } == 2)
    }
}
