extension AWSClient {
    /// Calls an awsQuery operation and returns its result element, `<Action>Response/<Action>Result`.
    /// `isUnsigned` sends it without a signature (see ``AWSHTTPRequest/isUnsigned``).
    public nonisolated(nonsending) func queryCall(
        _ action: String, _ parameters: KeyValuePairs<String, String?>, isUnsigned: Bool = false
    ) async throws -> AWSXMLElement {
        try await queryCall(action, parameterList: Array(parameters), isUnsigned: isUnsigned)
    }

    /// ``queryCall(_:_:isUnsigned:)`` with parameters built at run time (numbered members such as
    /// `MessageAttributes.entry.1.Name`).
    public nonisolated(nonsending) func queryCall(
        _ action: String, parameterList parameters: [(key: String, value: String?)], isUnsigned: Bool = false
    ) async throws -> AWSXMLElement {
        var request = queryRequest(action, parameterList: parameters)
        request.isUnsigned = isUnsigned
        let response = try await send(request, operation: action)
        let document: AWSXMLElement
        do {
            document = try AWSXMLElement(parsing: response.body)
        } catch {
            throw malformedResponse(response, operation: action, problem: error.description)
        }
        guard let result = document.child("\(action)Result") else {
            throw malformedResponse(
                response, operation: action,
                problem: "expected <\(action)Response><\(action)Result>, the document is <\(document.name)>")
        }
        return result
    }

    /// The child `member` of a result element, which the operation always returns; its absence means the
    /// response is not the API's.
    public func required(_ member: String, in result: AWSXMLElement, of operation: String) throws -> AWSXMLElement {
        guard let child = result.child(member) else {
            throw AWSServiceError(
                service: service.serviceID, operation: operation, status: 200, code: nil,
                message: "the <\(result.name)> has no <\(member)>, which it always carries; "
                    + "is the endpoint \(endpoint) really \(service.serviceID)?",
                requestID: nil)
        }
        return child
    }

    /// `POST /`, form-encoded: `Action`, `Version`, then the parameters in the order given (nil ones left out).
    public func queryRequest(_ action: String, _ parameters: KeyValuePairs<String, String?>) -> AWSHTTPRequest {
        queryRequest(action, parameterList: Array(parameters))
    }

    /// ``queryRequest(_:_:)`` with parameters built at run time.
    public func queryRequest(_ action: String, parameterList parameters: [(key: String, value: String?)]) -> AWSHTTPRequest {
        guard case .awsQuery(let apiVersion) = service.wireProtocol else {
            preconditionFailure(
                "\(service.serviceID) speaks \(service.wireProtocol), not awsQuery: build its requests with its own protocol")
        }
        let fields = [("Action", action), ("Version", apiVersion)]
            + parameters.compactMap { name, value in value.map { (name, $0) } }
        let body = fields.map { Self.formEncode($0) + "=" + Self.formEncode($1) }.joined(separator: "&")
        return AWSHTTPRequest(
            method: "POST", endpoint: endpoint, path: "/",
            headers: [SigV4Request.Header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")],
            body: Array(body.utf8))
    }

    /// `application/x-www-form-urlencoded` as the SDKs write it: unreserved characters as they are, a space
    /// as `+`, every other byte `%XY`.
    static func formEncode(_ text: String) -> String {
        SigV4PercentEncoding.encode(text).replacing("%20", with: "+")
    }
}
