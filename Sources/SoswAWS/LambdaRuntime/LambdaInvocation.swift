/// One invocation as `/next` delivered it: the event to hand to the handler, and its context.
public struct LambdaInvocation: Sendable {
    public var event: [UInt8]
    public var context: LambdaInvocationContext

    public init(event: [UInt8], context: LambdaInvocationContext) {
        self.event = event
        self.context = context
    }
}
