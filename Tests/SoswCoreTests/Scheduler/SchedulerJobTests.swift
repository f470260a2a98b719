import Testing
@testable import SoswCore

/// sosw's test_extract_job_from_payload(_raises) and test_get_name_from_arn.
@Suite struct SchedulerJobTests {
    @Test(arguments: [
        JSONValue.object(["job": ["lambda_name": "foo", "payload_attr": "val"]]),
        ["lambda_name": "foo", "payload_attr": "val"],
        ["lambda_name": "arn:aws:lambda:us-west-2:000000000000:function:foo", "payload_attr": "val"],
        #"{"lambda_name": "foo", "payload_attr": "val"}"#,
        #"{"job": {"lambda_name": "foo", "payload_attr": "val"}}"#,
        #"{"job": "{\"lambda_name\": \"foo\", \"payload_attr\": \"val\"}"}"#,
    ])
    func extractsTheJob(event: JSONValue) throws {
        let job = try SchedulerJob(event: event)
        #expect(job.labourerID == "foo")
        #expect(job.body == ["payload_attr": "val"])
        #expect(job.schemaName == nil)
    }

    @Test(arguments: [
        JSONValue.int(42), ["payload_attr": "val"], "{'payload_attr': 'val'}", ["job": ["payload_attr": "val"]],
        ["job": "bad one"], ["lambda_name": 7],
    ])
    func rejectsBadEvents(event: JSONValue) {
        #expect(throws: InvalidJob.self) { try SchedulerJob(event: event) }
    }

    @Test func keepsTheSchemaName() throws {
        let job = try SchedulerJob(event: ["lambda_name": "foo", "job_schema_name": "wide"])
        #expect(job.schemaName == "wide")
        #expect(job.body["job_schema_name"] == "wide")
    }

    @Test(arguments: [
        ("bar_with_no_arn", "bar_with_no_arn"),
        ("arn:aws:lambda:us-west-2:000000000000:function:bar", "bar"),
        ("arn:aws:lambda:us-west-2:000000000000:function:bar:", "bar"),
        ("arn:aws:lambda:us-west-2:000000000000:function:bar:$LATEST", "bar"),
        ("arn:aws:lambda:us-west-2:000000000000:function:bar:12", "bar"),
    ])
    func trimsARNsToFunctionNames(text: String, expected: String) throws {
        #expect(try SchedulerJob(event: ["lambda_name": .string(text)]).labourerID == expected)
    }
}
