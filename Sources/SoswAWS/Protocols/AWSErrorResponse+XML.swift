extension AWSErrorResponse {
    /// The awsQuery error body, `<ErrorResponse><Error><Type>Sender</Type><Code>…</Code><Message>…</Message>
    /// </Error><RequestId>…</RequestId></ErrorResponse>`; the first `<Error>` anywhere is read, which also
    /// covers the `<Response><Errors><Error>` form some services use.
    static func xmlFields(of body: [UInt8]) -> BodyFields {
        guard let document = try? AWSXMLElement(parsing: body), let error = document.first(named: "Error") else {
            return BodyFields()
        }
        return BodyFields(
            code: error.text(of: "Code"), message: error.text(of: "Message"), fault: error.text(of: "Type"),
            requestID: document.first(named: "RequestId")?.text)
    }
}
