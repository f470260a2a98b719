import ArgumentParser
import Foundation
import SoswAWS
import SoswCore

/// Where `sosw config` and `sosw labourer add` keep documents, and the account sosw's placeholders stand for.
/// Region, credentials and endpoints come from the environment as the AWS SDKs find them.
struct ConfigStoreOptions: ParsableArguments {
    @Option(help: "Where the documents are kept: dynamodb (sosw's config table) or ssm (SSM parameters).")
    var source: LiveOptions.ConfigSourceKind = .dynamodb

    @Option(help: "The config table (default: config; autotest_config when STAGE=test, as sosw reads it).")
    var configTable: String?

    @Option(help: "The env the config table's documents are stored under: production or dev, as sosw uses them.")
    var env = "production"

    @Option(help: "With --source ssm, the parameters' type: String (as sosw writes) or SecureString.")
    var ssmType: SSMClient.ParameterType = .string

    @Option(help: ArgumentHelp(
        "The account sosw's placeholder account 000000000000 stands for.",
        discussion: "Default: the account of the credentials (STS GetCallerIdentity)."))
    var account: String?

    func validate() throws {
        if let account, account.count != 12 || !account.allSatisfy(\.isNumber) {
            throw ValidationError("--account must be a 12-digit AWS account id, got '\(account)'")
        }
        if source == .dynamodb, ssmType != .string {
            throw ValidationError("--ssm-type applies to --source ssm only")
        }
    }

    /// The store the options name, through `aws`'s clients.
    func store(aws: LiveAWS, environment: [String: String]) -> any ConfigDocumentStore {
        switch source {
        case .dynamodb:
            ConfigTable(
                dynamoDB: aws.dynamoDB,
                tableName: configTable ?? LiveConfigSource.defaultTableName(environment: environment), env: env)
        case .ssm:
            SSMConfigStore(client: aws.ssm, parameterType: ssmType)
        }
    }

    /// The account and region sosw's example documents' placeholders are replaced with.
    func placeholders(aws: LiveAWS) async throws -> ConfigPlaceholders {
        let account: String
        if let given = self.account {
            account = given
        } else {
            account = try await aws.sts.getCallerIdentity().account
        }
        return ConfigPlaceholders(account: account, region: aws.configuration.region)
    }
}

extension SSMClient.ParameterType: ExpressibleByArgument {}
