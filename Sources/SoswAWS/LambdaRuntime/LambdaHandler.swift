/// Runs one invocation: the event's bytes as Lambda delivered them in, the response's bytes out. A thrown error
/// becomes the invocation's error document (its type's name and description), and the runtime goes on to the
/// next invocation. Bytes rather than decoded values, because each essential reads its own event shape.
public typealias LambdaHandler = (_ event: [UInt8], _ context: LambdaInvocationContext) async throws -> [UInt8]
