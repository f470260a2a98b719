/// The four AWS services the essentials talk to. A simulation passes its fakes, production the live clients;
/// either may wrap them (to count calls, say) before handing them over.
public struct SoswPorts: Sendable {
    public var dynamoDB: any DynamoDB
    public var lambda: any Lambda
    public var cloudWatch: any CloudWatch
    /// The SNS client for a region: dead-task notices are published in the region of their topic, which
    /// need not be the essentials' own.
    public var sns: @Sendable (_ region: String) -> any SNS

    public init(
        dynamoDB: any DynamoDB, lambda: any Lambda, cloudWatch: any CloudWatch,
        sns: @escaping @Sendable (_ region: String) -> any SNS
    ) {
        self.dynamoDB = dynamoDB
        self.lambda = lambda
        self.cloudWatch = cloudWatch
        self.sns = sns
    }
}
