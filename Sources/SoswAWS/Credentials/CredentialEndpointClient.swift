/// How the credential endpoints on the local network (the container endpoint, the instance metadata service)
/// are asked: each attempt has a short deadline on the injected clock, because on a machine without such an
/// endpoint the request would otherwise hang for the transport's long timeout; a server error or a broken
/// connection is tried again a few times after a pause, as the SDKs do.
struct CredentialEndpointClient: Sendable {
    var transport: any HTTPTransport
    var clock: any Clock<Duration>
    /// The deadline of one attempt.
    var timeout: Duration
    var attempts: Int
    var pause: Duration

    /// The deadline for messages: `1 s`, `0.5 s`.
    var timeoutText: String {
        let (seconds, attoseconds) = timeout.components
        guard attoseconds != 0 else { return "\(seconds) s" }
        return "\(Double(seconds) + Double(attoseconds) / 1e18) s"
    }

    enum Failure: Error {
        /// Nothing came back within ``timeout``.
        case noAnswer
        /// The transport failed on every attempt; its last error.
        case transport(HTTPTransportError)
        case cancelled
    }

    /// What went wrong, for messages: `target` names what was asked (`GET http://169.254.170.2`) without
    /// secrets; `secrets` are taken out of the transport's own text, which has the full URL.
    func reason(for failure: Failure, asking target: String, redacting secrets: [String] = []) -> String {
        switch failure {
        case .noAnswer: "\(target): no answer within \(timeoutText)"
        case .transport(let error): "\(target): \(error.description.redacting(secrets))"
        case .cancelled: "\(target): cancelled"
        }
    }

    /// The response to `request`, whatever its status once it is below 500 or the attempts are used up.
    /// `retryingNoAnswer: false` gives up at the first deadline: a host that did not answer in time is
    /// usually not there at all, and each wait costs the whole timeout.
    func send(_ request: AWSHTTPRequest, retryingNoAnswer: Bool = true) async throws(Failure) -> AWSHTTPResponse {
        var attempt = 1
        while true {
            let outcome: Result<AWSHTTPResponse, Failure>
            do {
                outcome = .success(try await sendOnce(request))
            } catch let failure {
                outcome = .failure(failure)
            }
            let retry: Bool
            switch outcome {
            case .success(let response): retry = response.status >= 500
            case .failure(.noAnswer): retry = retryingNoAnswer
            case .failure(.transport(let error)): retry = error.isTransient
            case .failure(.cancelled): retry = false
            }
            guard retry, attempt < attempts else { return try outcome.get() }
            attempt += 1
            do {
                try await clock.sleep(for: pause)
            } catch {
                throw .cancelled
            }
        }
    }

    /// One attempt raced against the deadline; the loser is cancelled.
    private func sendOnce(_ request: AWSHTTPRequest) async throws(Failure) -> AWSHTTPResponse {
        let transport = transport
        let clock = clock
        let timeout = timeout
        let first: Result<AWSHTTPResponse, Failure>? = await withTaskGroup(of: Result<AWSHTTPResponse, Failure>?.self) {
            group in
            group.addTask {
                do {
                    return .success(try await transport.send(request))
                } catch let error as HTTPTransportError {
                    return .failure(.transport(error))
                } catch is CancellationError {
                    return .failure(.cancelled)
                } catch {
                    return .failure(.transport(HTTPTransportError(.connection, "\(request.method) \(request.url): \(error)")))
                }
            }
            group.addTask {
                do {
                    try await clock.sleep(for: timeout)
                    return .failure(.noAnswer)
                } catch {
                    return nil
                }
            }
            defer { group.cancelAll() }
            while let finished = await group.next() {
                if let finished { return finished }
            }
            return nil
        }
        guard let first else { throw .cancelled }
        return try first.get()
    }
}
