import Foundation
import SoswCore
import Testing

/// `sosw config` and `sosw labourer add` against moto's server: what they write is what sosw 0.7.51's
/// DynamoConfig reads back, uploads are checked whole before the first write, and onboarding is idempotent.
@Suite(
    .enabled(if: LiveDeployment.isAvailable, "needs moto's server: SOSW_MOTO_ENDPOINT (scripts/test sets it)"),
    .serialized)
struct ConfigUploadLiveTests {
    /// A deployment with its config table, and a folder of documents written as sosw's examples write them.
    struct Setup {
        let deployment: LiveDeployment
        let documents: String
        var table: String { "\(deployment.prefix)_config" }
        var storeOptions: [String] { ["--config-table", table] }

        init(_ label: String) throws {
            deployment = try LiveDeployment(label)
            let tables = try deployment.sosw(["tables", "create", "--config", deployment.configFile, "--config-table", "\(deployment.prefix)_config"])
            #expect(tables.status == 0, "\(tables.stderr)")
            documents = deployment.directory + "/documents"
            try FileManager.default.createDirectory(atPath: documents, withIntermediateDirectories: true)
        }

        func write(_ name: String, _ text: String, in folder: String? = nil) throws {
            try text.write(toFile: "\(folder ?? documents)/\(name)", atomically: true, encoding: .utf8)
        }

        func sosw(_ arguments: [String], environment: [String: String] = [:]) throws -> SoswBinary.Output {
            try deployment.sosw(arguments + storeOptions, environment: environment)
        }

        /// `sosw config get NAME`, decoded; nil when there is no such document (exit 1).
        func get(_ name: String) throws -> JSONValue? {
            let output = try sosw(["config", "get", name])
            if output.status == 1 { return nil }
            #expect(output.status == 0, "\(output.stderr)")
            return try JSONValue(parsing: output.stdout)
        }
    }

    static let orchestrator = """
        {"task_config": {"labourers": {"first": {"arn": "arn:aws:lambda:eu-west-1:000000000000:function:first",
          "max_simultaneous_invocations": 5}}}, "init_clients": ["Sns"]}
        """

    @Test("upload: placeholders filled from the caller, read back by sosw's DynamoConfig; a second upload writes nothing")
    func uploadReadBySosw() throws {
        let setup = try Setup("config_upload")
        try setup.write("sosw_orchestrator_config.json", Self.orchestrator)
        try setup.write("\(setup.deployment.prefix)_worker_config.json", #"{"token": "abc", "bucket": "b-000000000000"}"#)

        let diff = try setup.sosw(["config", "diff", setup.documents])
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("sosw_orchestrator_config: new"))
        #expect(diff.stdout.contains("2 of 2 documents would change"))
        #expect(try setup.get("sosw_orchestrator_config") == nil, "diff wrote nothing")

        let upload = try setup.sosw(["config", "upload", setup.documents])
        #expect(upload.status == 0, "\(upload.stderr)")
        #expect(upload.stdout.contains("uploaded 2 of 2 documents to config table '\(setup.table)', env production"))

        // moto's account is 123456789012 and the deployment's region us-west-2.
        let expected = try JSONValue(parsing: Self.orchestrator
            .replacingOccurrences(of: "eu-west-1:000000000000", with: "us-west-2:123456789012"))
        #expect(try setup.get("sosw_orchestrator_config") == expected)
        if ProcessInfo.processInfo.environment["SOSW_PYTHON_SOSW"] != nil {
            let python = try setup.deployment.python(
                "get-config", ["--table", setup.table, "--name", "sosw_orchestrator_config"])
            #expect(python["document"] == expected, "sosw 0.7.51's DynamoConfig reads the uploaded document")
            let worker = try setup.deployment.python(
                "get-config", ["--table", setup.table, "--name", "\(setup.deployment.prefix)_worker_config"])
            #expect(worker["document"] == ["token": "abc", "bucket": "b-123456789012"])
        }

        let again = try setup.sosw(["config", "upload", setup.documents])
        #expect(again.stdout.contains("sosw_orchestrator_config: unchanged"))
        #expect(again.stdout.contains("uploaded 0 of 2 documents"))
    }

    @Test("a document with an unknown key: one line naming file and key, exit 2, nothing uploaded")
    func badDocumentUploadsNothing() throws {
        let setup = try Setup("config_bad")
        try setup.write("sosw_orchestrator_config.json", Self.orchestrator)
        try setup.write("sosw_scavenger_config.json", #"{"retry_task_limit": 5}"#)
        let upload = try setup.sosw(["config", "upload", setup.documents, "--account", "123456789012"])
        #expect(upload.status == 2)
        let lines = upload.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(upload.stderr)")
        #expect(upload.stderr.contains("sosw_scavenger_config.json: document sosw_scavenger_config: config `retry_task_limit`"))
        #expect(upload.stderr.contains("nothing was uploaded"))
        #expect(try setup.get("sosw_orchestrator_config") == nil)
    }

    @Test("missing credentials: one line, non-zero exit, nothing written")
    func missingCredentials() throws {
        let setup = try Setup("config_creds")
        try setup.write("sosw_orchestrator_config.json", Self.orchestrator)
        let upload = try setup.sosw(
            ["config", "upload", setup.documents],
            environment: ["AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "", "AWS_CONTAINER_CREDENTIALS_FULL_URI": ""])
        #expect(upload.status == 3, "\(upload.stdout)\(upload.stderr)")
        #expect(upload.stderr.split(separator: "\n").count == 1, "\(upload.stderr)")
        #expect(try setup.get("sosw_orchestrator_config") == nil)
    }

    @Test("SSM: upload and get through parameters")
    func ssm() throws {
        let setup = try Setup("config_ssm")
        let name = "\(setup.deployment.prefix)_ssm_worker_config"
        try setup.write("\(name).json", #"{"key": "arn:aws:sns:us-west-2:000000000000:topic"}"#)
        let upload = try setup.deployment.sosw(["config", "upload", setup.documents, "--source", "ssm"])
        #expect(upload.status == 0, "\(upload.stderr)")
        let get = try setup.deployment.sosw(["config", "get", name, "--source", "ssm"])
        #expect(get.status == 0, "\(get.stderr)")
        #expect(try JSONValue(parsing: get.stdout) == ["key": "arn:aws:sns:us-west-2:123456789012:topic"])
    }

    @Test("labourer add: the labourer in the four essentials' documents and self.json as <worker>_config, idempotently")
    func labourerAdd() throws {
        let setup = try Setup("labourer_add")
        try setup.write("sosw_orchestrator_config.json", Self.orchestrator)
        #expect(try setup.sosw(["config", "upload", setup.documents]).status == 0)
        let worker = setup.deployment.directory + "/tweets_worker"
        try FileManager.default.createDirectory(atPath: worker + "/config", withIntermediateDirectories: true)
        let labourer = #"{"task_config": {"labourers": {"tweets_worker": {"arn": "arn:aws:lambda:us-west-2:000000000000:function:tweets_worker", "max_simultaneous_invocations": 3}}}}"#
        try setup.write("labourer.json", labourer, in: worker + "/config")
        try setup.write("self.json", #"{"credentials": {"key": "YOUR_KEY"}}"#, in: worker + "/config")

        let before = try #require(try setup.get("sosw_orchestrator_config"))
        let dryRun = try setup.sosw(["labourer", "add", worker, "--dry-run"])
        #expect(dryRun.status == 0, "\(dryRun.stderr)")
        #expect(dryRun.stdout.contains("+ task_config.labourers.tweets_worker:"))
        #expect(dryRun.stdout.contains("dry run: 5 of 5 documents would change"))
        #expect(try setup.get("sosw_orchestrator_config") == before)

        let add = try setup.sosw(["labourer", "add", worker])
        #expect(add.status == 0, "\(add.stderr)")
        let entry: JSONValue = [
            "arn": "arn:aws:lambda:us-west-2:123456789012:function:tweets_worker", "max_simultaneous_invocations": 3,
        ]
        var expected = before
        if case .object(var document) = expected, case .object(var tasks)? = document["task_config"],
            case .object(var labourers)? = tasks["labourers"]
        {
            labourers["tweets_worker"] = entry
            tasks["labourers"] = .object(labourers)
            document["task_config"] = .object(tasks)
            expected = .object(document)
        }
        #expect(try setup.get("sosw_orchestrator_config") == expected, "exactly the labourer added, nothing else")
        for name in ["sosw_scavenger_config", "sosw_scheduler_config", "sosw_worker_assistant_config"] {
            #expect(try setup.get(name) == ["task_config": ["labourers": ["tweets_worker": entry]]])
        }
        #expect(try setup.get("tweets_worker_config") == ["credentials": ["key": "YOUR_KEY"]])

        let again = try setup.sosw(["labourer", "add", worker])
        #expect(again.stdout.contains("registered tweets_worker: 0 of 5 documents changed"), "\(again.stdout)")
    }

    @Test("labourer add without labourer.json: one line, exit 2")
    func labourerWithoutFile() throws {
        let setup = try Setup("labourer_missing")
        let output = try setup.sosw(["labourer", "add", setup.documents])
        #expect(output.status == 2)
        #expect(output.stderr.split(separator: "\n").count == 1)
        #expect(output.stderr.contains("has no labourer.json"))
    }
}
