/// One price of a region in a price file, named by its key path there (`lambda.gb_second.arm64`). The same
/// paths override single prices under a scenario's `pricing.prices`.
public enum PriceKey: String, Sendable, Hashable, CaseIterable, Comparable {
    case lambdaRequests = "lambda.requests_per_million"
    case lambdaGBSecondX86 = "lambda.gb_second.x86_64"
    case lambdaGBSecondARM = "lambda.gb_second.arm64"
    case dynamoDBReadRequestUnits = "dynamodb.read_request_units_per_million"
    case dynamoDBWriteRequestUnits = "dynamodb.write_request_units_per_million"
    case dynamoDBProvisionedReadCapacityHour = "dynamodb.provisioned_rcu_per_hour"
    case dynamoDBProvisionedWriteCapacityHour = "dynamodb.provisioned_wcu_per_hour"
    case cloudWatchMetricRequests = "cloudwatch.metric_requests_per_thousand"
    case snsPublishes = "sns.publishes_per_million"

    public static func < (lhs: PriceKey, rhs: PriceKey) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The GB-second price of functions on `architecture` (first tier).
    public static func gbSecond(_ architecture: LambdaArchitecture) -> PriceKey {
        switch architecture {
        case .x86_64: .lambdaGBSecondX86
        case .arm64: .lambdaGBSecondARM
        }
    }
}
