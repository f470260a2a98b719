import SoswAWS
import Testing

/// How the two shared files merge into profiles, and where they are looked for.
@Suite struct AWSSharedConfigTests {
    @Test func theCredentialsFileWinsOverTheConfigFile() async throws {
        try await TemporaryHome.with { home in
            home.write(".aws/config", "[default]\nregion = eu-west-1\naws_access_key_id = FROMCONFIG\n[profile dev]\nregion = us-east-2\n")
            home.write(".aws/credentials", "[default]\naws_access_key_id = FROMCREDENTIALS\n[dev]\noutput = json\n")
            let config = try AWSSharedConfig.load(environment: [:], home: home.path)
            let profile = try #require(config.profile(named: "default"))
            #expect(profile["aws_access_key_id"] == "FROMCREDENTIALS")
            #expect(profile["region"] == "eu-west-1")
            #expect(profile.files == [home.configFile, home.credentialsFile])
            #expect(config.profile(named: "dev")?["region"] == "us-east-2")
            #expect(config.profileNames == ["default", "dev"])
            #expect(config.filesFound == [home.credentialsFile, home.configFile])
        }
    }

    @Test func profileDefaultOverridesDefaultAndOtherSectionsAreNotProfiles() async throws {
        try await TemporaryHome.with { home in
            home.write(
                ".aws/config",
                "[profile default]\nregion = us-west-2\n[default]\nregion = eu-west-1\noutput = text\n"
                    + "[sso-session corp]\nsso_region = us-east-1\n[services local]\ndynamodb =\n  endpoint_url = x\n"
                    + "[bare]\nregion = ap-south-1\n[profile empty]\n")
            let config = try AWSSharedConfig.load(environment: [:], home: home.path)
            #expect(config.profile(named: "default")?["region"] == "us-west-2")
            #expect(config.profile(named: "default")?["output"] == "text")
            #expect(config.profileNames == ["default", "empty"])
        }
    }

    @Test func theVariablesMoveTheFilesAndTildeIsTheHome() async throws {
        try await TemporaryHome.with { home in
            home.write("elsewhere/creds", "[default]\naws_access_key_id = MOVED\n")
            home.write("elsewhere/conf", "[profile x]\nregion = sa-east-1\n")
            let config = try AWSSharedConfig.load(
                environment: ["AWS_SHARED_CREDENTIALS_FILE": "~/elsewhere/creds", "AWS_CONFIG_FILE": home.path + "/elsewhere/conf"],
                home: home.path)
            #expect(config.credentialsFile == home.path + "/elsewhere/creds")
            #expect(config.profile(named: "default")?["aws_access_key_id"] == "MOVED")
            #expect(config.profile(named: "x")?["region"] == "sa-east-1")
        }
    }

    @Test func missingFilesAreEmptyAndABrokenFileIsAnError() async throws {
        try await TemporaryHome.with { home in
            let empty = try AWSSharedConfig.load(environment: [:], home: home.path)
            #expect(empty.profileNames.isEmpty)
            #expect(empty.filesFound.isEmpty)
            home.write(".aws/credentials", "[default]\naws_secret_access_key wJalrXUtnFEMI\n")
            let error = #expect(throws: AWSConfigurationError.self) {
                try AWSSharedConfig.load(environment: [:], home: home.path)
            }
            #expect(error == .invalidFile(path: home.credentialsFile, line: 2, problem: "a setting without ="))
            #expect(error?.description.contains("wJalrXUtnFEMI") == false)
        }
    }

    @Test func aDirectoryWhereAFileShouldBeIsNamed() async throws {
        await TemporaryHome.with { home in
            home.write(".aws/config/inside", "")
            let error = #expect(throws: AWSConfigurationError.self) {
                try AWSSharedConfig.load(environment: [:], home: home.path)
            }
            #expect(error == .invalidFile(path: home.configFile, line: nil, problem: "\(home.configFile) is a directory, not a file"))
        }
    }
}
