/// The simulator's price file: AWS's public list prices for what a sosw deployment is billed for, per region.
///
/// This text is the one source of these prices. It is compiled in, so `sosw simulate` prices a run wherever the
/// binary runs; a scenario's `pricing.file` may name a file of the same form instead (copy this text to start
/// one), and `pricing.prices` overrides single prices.
///
/// Units: Lambda requests per million and GB-seconds of the first duration tier per architecture; DynamoDB
/// on-demand read and write request units per million (Standard table class) and provisioned read and write
/// capacity units per hour; CloudWatch API requests (GetMetricData, GetMetricStatistics) per thousand; SNS
/// publishes (standard topics) per million. List prices in USD before free tiers, Savings Plans and taxes.
public enum AWSListPrices {
    public static let text = #"""
        # AWS list prices in USD, as published on the services' public pricing pages (aws.amazon.com/lambda/pricing,
        # /dynamodb/pricing, /cloudwatch/pricing, /sns/pricing) on the date below. DynamoDB's on-demand request
        # prices are those after its November 2024 reduction (half the earlier ones in every region listed here).
        # No free tier, Savings Plans, reserved capacity or tax is applied.
        date: 2025-06-01
        currency: USD
        source: >-
          AWS public list prices (USD) for Lambda, DynamoDB (Standard table class), CloudWatch API requests and
          SNS standard topics, as published on 2025-06-01; free tiers not deducted.
        regions:
          us-east-1:
            lambda: {requests_per_million: 0.20, gb_second: {x86_64: 0.0000166667, arm64: 0.0000133334}}
            dynamodb:
              read_request_units_per_million: 0.125
              write_request_units_per_million: 0.625
              provisioned_rcu_per_hour: 0.00013
              provisioned_wcu_per_hour: 0.00065
            cloudwatch: {metric_requests_per_thousand: 0.01}
            sns: {publishes_per_million: 0.50}
          us-east-2:
            lambda: {requests_per_million: 0.20, gb_second: {x86_64: 0.0000166667, arm64: 0.0000133334}}
            dynamodb:
              read_request_units_per_million: 0.125
              write_request_units_per_million: 0.625
              provisioned_rcu_per_hour: 0.00013
              provisioned_wcu_per_hour: 0.00065
            cloudwatch: {metric_requests_per_thousand: 0.01}
            sns: {publishes_per_million: 0.50}
          us-west-2:
            lambda: {requests_per_million: 0.20, gb_second: {x86_64: 0.0000166667, arm64: 0.0000133334}}
            dynamodb:
              read_request_units_per_million: 0.125
              write_request_units_per_million: 0.625
              provisioned_rcu_per_hour: 0.00013
              provisioned_wcu_per_hour: 0.00065
            cloudwatch: {metric_requests_per_thousand: 0.01}
            sns: {publishes_per_million: 0.50}
          eu-west-1:
            lambda: {requests_per_million: 0.20, gb_second: {x86_64: 0.0000166667, arm64: 0.0000133334}}
            dynamodb:
              read_request_units_per_million: 0.1415
              write_request_units_per_million: 0.70675
              provisioned_rcu_per_hour: 0.000147
              provisioned_wcu_per_hour: 0.000735
            cloudwatch: {metric_requests_per_thousand: 0.01}
            sns: {publishes_per_million: 0.50}
          eu-central-1:
            lambda: {requests_per_million: 0.20, gb_second: {x86_64: 0.0000166667, arm64: 0.0000133334}}
            dynamodb:
              read_request_units_per_million: 0.1525
              write_request_units_per_million: 0.7625
              provisioned_rcu_per_hour: 0.0001586
              provisioned_wcu_per_hour: 0.000793
            cloudwatch: {metric_requests_per_thousand: 0.01}
            sns: {publishes_per_million: 0.50}
          ap-southeast-2:
            lambda: {requests_per_million: 0.20, gb_second: {x86_64: 0.0000166667, arm64: 0.0000133334}}
            dynamodb:
              read_request_units_per_million: 0.1423
              write_request_units_per_million: 0.71155
              provisioned_rcu_per_hour: 0.000148
              provisioned_wcu_per_hour: 0.00074
            cloudwatch: {metric_requests_per_thousand: 0.01}
            sns: {publishes_per_million: 0.50}
        """#
}
