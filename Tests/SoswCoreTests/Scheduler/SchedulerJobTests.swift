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
        ["labourer_id": "foo", "payload_attr": "val"],
        ["job": ["labourer_id": "arn:aws:lambda:us-west-2:000000000000:function:foo", "payload_attr": "val"]],
        ["lambda_name": "foo", "labourer_id": "arn:aws:lambda:us-west-2:000000000000:function:foo:$LATEST",
         "payload_attr": "val"],
    ])
    func extractsTheJob(event: JSONValue) throws {
        let job = try SchedulerJob(event: event)
        #expect(job.labourerID == "foo")
        #expect(job.body == ["payload_attr": "val"])
        #expect(job.schemaName == nil)
    }

    @Test(arguments: [
        JSONValue.int(42), ["payload_attr": "val"], "{'payload_attr': 'val'}", ["job": ["payload_attr": "val"]],
        ["job": "bad one"], ["lambda_name": 7], ["labourer_id": 7], ["labourer_id": ""],
    ])
    func rejectsBadEvents(event: JSONValue) {
        #expect(throws: InvalidJob.self) { try SchedulerJob(event: event) }
    }

    @Test("`lambda_name` and its alias `labourer_id` naming different workers is refused, naming both")
    func refusesDisagreeingNames() {
        #expect {
            try SchedulerJob(event: ["lambda_name": "foo", "labourer_id": "bar"])
        } throws: { error in
            "\(error)".contains("`lambda_name` (foo) and `labourer_id` (bar) name different workers")
        }
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
