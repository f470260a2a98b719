import SoswAWS
import SoswCore
import Testing

/// The standard mode's numbers, checked without any transport.
@Suite struct RetryStrategyTests {
    /// A source stuck just below 1, so a delay shows its ceiling.
    final class AlmostOne: RandomSource {
        func nextWord() -> UInt64 { .max }
    }

    @Test func theCeilingDoublesFromOneSecondAndStopsAtTwentySeconds() {
        let strategy = RetryStrategy()
        let ceilings = (1...7).map { strategy.delay(beforeRetry: $0, random: AlmostOne()) }
        let expected: [Duration] = [.seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(16), .seconds(20), .seconds(20)]
        for (ceiling, bound) in zip(ceilings, expected) {
            #expect(ceiling < bound && ceiling > bound * 0.999_999)
        }
    }

    @Test func defaultsAreTheStandardModes() {
        let strategy = RetryStrategy()
        #expect(strategy.maxAttempts == 3)
        #expect(strategy.baseDelay == .seconds(1))
        #expect(strategy.maxBackoff == .seconds(20))
    }

    @Test func classifiesByTheCodeInAnyProtocolsForm() {
        let strategy = RetryStrategy()
        let byHeader = AWSHTTPResponse(
            status: 400, headers: [.init("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/")])
        #expect(strategy.classify(byHeader) == .throttling)
        let byBody = AWSHTTPResponse(status: 400, body: Array(#"{"__type":"com.amazonaws.dynamodb.v20120810#RequestLimitExceeded"}"#.utf8))
        #expect(strategy.classify(byBody) == .throttling)
        let tooMany = AWSHTTPResponse(status: 429, body: Array(#"{"__type":"TooManyRequestsException"}"#.utf8))
        #expect(strategy.classify(tooMany) == .throttling)
        #expect(strategy.classify(AWSHTTPResponse(status: 400, body: Array("<xml/>".utf8))) == nil)
        let queryCompatible = AWSHTTPResponse(
            status: 400, headers: [.init("x-amzn-query-error", "Throttling;Sender")],
            body: Array(#"{"__type":"com.amazonaws.cloudwatch#ThrottlingException"}"#.utf8))
        #expect(strategy.classify(queryCompatible) == .throttling)
        let xml = AWSHTTPResponse(
            status: 400, body: Array("<ErrorResponse><Error><Code>Throttling</Code></Error></ErrorResponse>".utf8))
        #expect(strategy.classify(xml) == .throttling)
        let snsThrottled = AWSHTTPResponse(
            status: 400, body: Array("<ErrorResponse><Error><Code>Throttled</Code></Error></ErrorResponse>".utf8))
        #expect(strategy.classify(snsThrottled) == .throttling)
        #expect(strategy.classify(AWSHTTPResponse(status: 429)) == .throttling)
        let notRetryable = AWSHTTPResponse(
            status: 400, body: Array("<ErrorResponse><Error><Code>InvalidParameter</Code></Error></ErrorResponse>".utf8))
        #expect(strategy.classify(notRetryable) == nil)
        #expect(strategy.classify(AWSHTTPResponse(status: 503, body: Array("<html>unavailable</html>".utf8))) == .transient)
        #expect(strategy.classify(AWSHTTPResponse(status: 200)) == nil)
        #expect(strategy.classify(HTTPTransportError(.timeout, "read")) == .timeout)
        #expect(strategy.classify(CancellationError()) == nil)
    }
}
