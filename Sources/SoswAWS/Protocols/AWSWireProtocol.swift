/// How a service puts an operation on the wire. The services sosw calls speak four of the AWS protocols; the
/// protocol decides the request's form (``AWSClient`` builds it), while error responses are read by their own
/// form (``AWSErrorResponse``), since a front end may answer a JSON service in XML.
public enum AWSWireProtocol: Sendable, Hashable {
    /// `POST /` with `Content-Type: application/x-amz-json-1.0` and `X-Amz-Target: <targetPrefix>.<Operation>`,
    /// the input as a JSON body (DynamoDB, CloudWatch). `queryCompatible` marks a service that moved here from
    /// awsQuery (CloudWatch): the client says so with `x-amzn-query-mode: true`, and errors carry their old
    /// query code in `x-amzn-query-error`.
    case awsJson1_0(targetPrefix: String, queryCompatible: Bool = false)
    /// As awsJson1_0 with `Content-Type: application/x-amz-json-1.1` (SSM).
    case awsJson1_1(targetPrefix: String)
    /// Each operation has its own method and path; its members go in URI labels, query parameters, headers
    /// or the body (Lambda).
    case restJson1
    /// `POST /`, form-encoded `Action=<Operation>&Version=<apiVersion>&…`, answered in XML (SNS, STS).
    case awsQuery(apiVersion: String)
}
