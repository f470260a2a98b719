import SoswAWS
import Testing

/// Error responses of each protocol, as the services send them, read into code, message, fault and request id.
@Suite struct AWSErrorResponseTests {
    static func response(_ status: Int, _ headers: [(String, String)] = [], _ body: String) -> AWSHTTPResponse {
        AWSHTTPResponse(status: status, headers: headers.map { SigV4Request.Header($0, $1) }, body: Array(body.utf8))
    }

    @Test func awsJsonTypeWithANamespace() {
        let error = AWSErrorResponse(Self.response(
            400, [("x-amzn-RequestId", "R1")],
            #"{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"slow down"}"#))
        #expect(error == AWSErrorResponse(
            status: 400, code: "ProvisionedThroughputExceededException", message: "slow down", requestID: "R1",
            body: error.body))
    }

    @Test func awsJsonTypeWithoutANamespaceAndACapitalisedMessage() {
        let error = AWSErrorResponse(Self.response(
            400, [], #"{"__type":"ParameterNotFound","Message":"Parameter /sosw/config not found."}"#))
        #expect(error.code == "ParameterNotFound")
        #expect(error.message == "Parameter /sosw/config not found.")
    }

    @Test func aQueryCompatibleServiceGivesItsQueryCodeAndFaultInTheHeader() {
        let error = AWSErrorResponse(Self.response(
            400,
            [
                ("x-amzn-query-error", "InvalidParameterCombination;Sender"),
                ("X-Amzn-ErrorType", "GraniteServiceVersion20100801#InvalidParameterCombinationException"),
            ],
            #"{"__type":"com.amazonaws.cloudwatch#InvalidParameterCombinationException","message":"Must specify either Statistics or ExtendedStatistics"}"#))
        #expect(error.code == "InvalidParameterCombination")
        #expect(error.fault == "Sender")
        #expect(error.message == "Must specify either Statistics or ExtendedStatistics")
    }

    @Test func aMalformedQueryErrorHeaderLeavesTheBodyCode() {
        let error = AWSErrorResponse(Self.response(
            400, [("x-amzn-query-error", ";Sender")], #"{"__type":"com.amazonaws.cloudwatch#LimitExceededFault"}"#))
        #expect(error.code == "LimitExceededFault")
        #expect(error.fault == nil)
    }

    @Test func restJsonErrorTypeHeaderWithAURLSuffixWinsOverTheBody() {
        let error = AWSErrorResponse(Self.response(
            429,
            [
                ("x-amzn-ErrorType", "TooManyRequestsException:http://internal.amazon.com/coral/com.amazonaws.awsgirapi/"),
                ("x-amzn-RequestId", "R2"),
            ],
            #"{"Reason":"ReservedFunctionConcurrentInvocationLimitExceeded","Type":"User","message":"Rate Exceeded."}"#))
        #expect(error.code == "TooManyRequestsException")
        #expect(error.message == "Rate Exceeded.")
        #expect(error.requestID == "R2")
    }

    @Test func awsQueryXMLErrorResponse() {
        let error = AWSErrorResponse(Self.response(
            404, [("Content-Type", "text/xml")],
            """
            <ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
              <Error><Type>Sender</Type><Code>NotFound</Code><Message>Topic does not exist</Message></Error>
              <RequestId>9f1e5c7a-0d7b-5a3b-b6a1-7a1d3c0b2e11</RequestId>
            </ErrorResponse>
            """))
        #expect(error.code == "NotFound")
        #expect(error.message == "Topic does not exist")
        #expect(error.fault == "Sender")
        #expect(error.requestID == "9f1e5c7a-0d7b-5a3b-b6a1-7a1d3c0b2e11")
    }

    @Test func anXMLAnswerToAJSONServiceIsReadToo() {
        let error = AWSErrorResponse(Self.response(
            403, [],
            "<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code><Message>bad</Message></Error></ErrorResponse>"))
        #expect(error.code == "SignatureDoesNotMatch")
    }

    @Test(arguments: ["", "<html><body>502 Bad Gateway</body></html>", "not json", #"{"message":"no code"}"#, "<a><b>"])
    func bodiesWithoutACodeHaveNone(body: String) {
        let error = AWSErrorResponse(Self.response(502, [], body))
        #expect(error.code == nil)
        #expect(error.status == 502)
    }
}
