/// How `Invoke` runs the function; the raw values are the `X-Amz-Invocation-Type` header's.
public enum InvocationType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Synchronous: the call returns when the function has finished, with its response (HTTP 200).
    case requestResponse = "RequestResponse"
    /// Asynchronous: the event is queued and the call returns 202 at once; Lambda retries on its own.
    case event = "Event"
    /// Validates the request and permissions only (HTTP 204); nothing runs.
    case dryRun = "DryRun"
}
