import PropertyBased
import SoswCore
import Testing

@Suite("ARN: one parser for the labourers' functions and the Scavenger's topic")
struct ARNTests {
    /// Pieces without `:`, including `/` and the characters Lambda allows in names and qualifiers.
    static let piece = Gen.element(of: ["a", "Z", "0", "-", "_", ".", "/", "$"]).compactMap { $0 }.array(of: 1...8)
        .map { $0.joined() }
    static let optionalPiece = Gen.element(of: ["", "us-west-2", "123456789012"]).compactMap { $0 }
    /// Resources as ARNs write them: a plain name, or `type/name`, or `type:name[:qualifier]`.
    static let resource = zip(piece, piece, Gen.int(in: 0...2)).map { first, second, shape -> String in
        switch shape {
        case 0: first
        case 1: "\(first)/\(second)"
        default: "\(first):\(second)"
        }
    }

    @Test("an ARN's text parses back to the same parts, whatever its resource holds")
    func textRoundTrips() async {
        await propertyCheck(count: 300, input: Self.piece, Self.piece, Self.optionalPiece, Self.optionalPiece, Self.resource) {
            partition, service, region, account, resource in
            let arn = ARN(partition: partition, service: service, region: region, account: account, resource: resource)
            #expect(arn.description == "arn:\(partition):\(service):\(region):\(account):\(resource)")
            #expect((try? ARN(parsing: arn.description)) == arn)
        }
    }

    @Test(
        "texts that are not ARNs are refused with the shape expected",
        arguments: ["", "sosw_info", "arn:aws:sns:us-west-2:123456789012", "arn::sns:us-west-2:1:t", "arn:aws::r:a:t",
                    "arn:aws:sns:us-west-2:123456789012:", "urn:aws:sns:us-west-2:123456789012:t"])
    func refusesNonARNs(text: String) {
        #expect {
            try ARN(parsing: text)
        } throws: { error in
            "\(error)".hasPrefix("'\(text)' is not an ARN (arn:partition:service:region:account:resource")
        }
    }

    @Test("an SNS topic ARN gives its region; anything else is refused")
    func snsTopics() throws {
        let topic = try ARN.snsTopic("arn:aws-cn:sns:cn-north-1:123456789012:sosw_dead")
        #expect(topic.region == "cn-north-1")
        #expect(topic.partition == "aws-cn")
        #expect(topic.resource == "sosw_dead")
        for text in [
            "arn:aws:sqs:us-west-2:123456789012:queue", "arn:aws:sns::123456789012:t", "arn:aws:sns:us-west-2::t",
            "arn:aws:sns:us-west-2:123456789012:t:subscription", "dead-topic",
        ] {
            #expect {
                try ARN.snsTopic(text)
            } throws: { error in
                "\(error)".hasPrefix("'\(text)' is not an SNS topic ARN (arn:aws:sns:region:account:topic-name")
            }
        }
    }

    @Test(
        "a Lambda FunctionName gives its function name in every form Lambda accepts",
        arguments: [
            ("bar_with_no_arn", "bar_with_no_arn"),
            ("bar:live", "bar"),
            ("123456789012:function:bar", "bar"),
            ("123456789012:function:bar:7", "bar"),
            ("arn:aws:lambda:us-west-2:000000000000:function:bar", "bar"),
            ("arn:aws:lambda:us-west-2:000000000000:function:bar:", "bar"),
            ("arn:aws:lambda:us-west-2:000000000000:function:bar:$LATEST", "bar"),
            ("arn:aws:lambda:us-west-2:000000000000:function:bar:12", "bar"),
        ])
    func functionNames(reference: String, name: String) throws {
        #expect(try ARN.lambdaFunctionName(reference) == name)
    }

    @Test("each part of a function reference is kept: qualifier, account, region and partition")
    func functionReferenceParts() throws {
        #expect(
            try ARN.LambdaFunctionReference(parsing: "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f:live")
                == ARN.LambdaFunctionReference(
                    name: "f", qualifier: "live", account: "123456789012", region: "us-gov-west-1", partition: "aws-us-gov"))
        #expect(
            try ARN.LambdaFunctionReference(parsing: "123456789012:function:f")
                == ARN.LambdaFunctionReference(name: "f", account: "123456789012"))
        #expect(try ARN.LambdaFunctionReference(parsing: "f:2") == ARN.LambdaFunctionReference(name: "f", qualifier: "2"))
    }

    @Test("a function reference built from any name, qualifier, account and region parses back to the same")
    func functionReferencesRoundTrip() async {
        let name = Gen.element(of: ["f", "sosw_orchestrator", "my-function", "a.b"]).compactMap { $0 }
        let qualifier = Gen.element(of: ["1", "$LATEST", "live"]).compactMap { $0 }.optional
        await propertyCheck(count: 200, input: name, qualifier, Gen.int(in: 0...2)) { name, qualifier, form in
            let suffix = qualifier.map { ":\($0)" } ?? ""
            let (text, expected): (String, ARN.LambdaFunctionReference) =
                switch form {
                case 0: (name + suffix, .init(name: name, qualifier: qualifier))
                case 1: ("123456789012:function:\(name)\(suffix)", .init(name: name, qualifier: qualifier, account: "123456789012"))
                default:
                    ("arn:aws:lambda:eu-west-1:123456789012:function:\(name)\(suffix)",
                     .init(name: name, qualifier: qualifier, account: "123456789012", region: "eu-west-1", partition: "aws"))
                }
            #expect((try? ARN.LambdaFunctionReference(parsing: text)) == expected)
        }
    }

    @Test(
        "references Lambda would not accept are refused with the forms it does",
        arguments: ["", ":live", "a:b:c", "123456789012:layer:bar", "arn:aws:sns:us-west-2:1:function:bar",
                    "arn:aws:lambda:us-west-2:1:function:", "arn:aws:lambda:us-west-2:1:function:bar:1:2"])
    func refusesOtherReferences(reference: String) {
        #expect {
            try ARN.lambdaFunctionName(reference)
        } throws: { error in
            "\(error)".hasPrefix("'\(reference)' is not a Lambda function name (my-function), partial ARN")
        }
    }
}
