import Testing
@testable import SoswCore

/// The chunking matrix of sosw's test_scheduler, its tutorial job, and the fixes of sosw 0.7.51's chunking bugs
/// (docs/sosw-compatibility.md).
@Suite struct JobChunkerTests {
    static let today = CivilDate(year: 2019, month: 4, day: 30)!

    /// sosw's test PAYLOAD (it needs `isolate_*` flags added to be split).
    static let payload: [String: JSONValue] = [
        "sections": [
            "section_funerals": ["stores": ["store_flowers": nil, "store_caskets": nil]],
            "section_weddings": ["stores": [
                "store_flowers": nil, "store_limos": nil,
                "store_music": ["products": ["product_march", "product_chorus", 740, "product,4", "product 5"]],
            ]],
            "section_conversions": ["stores": [
                "store_training": ["products": ["product_history": nil, "product_prayer": nil]],
                "store_baptizing": nil, "store_circumcision": nil,
            ]],
            "section_gifts": nil,
        ]
    ]

    func chunker(_ names: [String] = ["section", "store", "product"]) throws -> JobChunker {
        JobChunker(attributes: try names.map { try ChunkableAttribute($0) }, periods: try PeriodResolver())
    }

    func tasks(_ job: [String: JSONValue], _ names: [String] = ["section", "store", "product"]) throws -> [[String: JSONValue]] {
        try chunker(names).tasks(for: job, labourerID: "some_function", today: Self.today).map { try #require($0.objectValue) }
    }

    func count(_ tasks: [[String: JSONValue]], _ key: String, _ value: String) -> Int {
        tasks.filter { $0[key] == [.string(value)] }.count
    }

    /// Sets `value` at `path` inside a nested object.
    func setting(_ job: [String: JSONValue], _ path: [String], _ value: JSONValue) -> [String: JSONValue] {
        var job = job
        guard let head = path.first else { return job }
        if path.count == 1 {
            job[head] = value
        } else {
            job[head] = .object(setting(job[head]?.objectValue ?? [:], Array(path.dropFirst()), value))
        }
        return job
    }

    static let conversionsTraining = ["sections", "section_conversions", "stores", "store_training"]
    static let weddingsMusic = ["sections", "section_weddings", "stores", "store_music"]

    @Test func needsChunkingAtTheRootAndInSubdata() throws {
        let chunker = try chunker()
        #expect(!chunker.needsSplitting(Self.payload, level: 0))
        #expect(chunker.needsSplitting(setting(Self.payload, ["isolate_sections"], true), level: 0))
        let funerals = setting(Self.payload, ["sections", "section_funerals", "isolate_stores"], true)
        #expect(chunker.needsSplitting(funerals, level: 0))
        #expect(chunker.needsSplitting(funerals["sections"]!["section_funerals"]!.objectValue!, level: 1))
        #expect(!chunker.needsSplitting(funerals["sections"]!["section_conversions"]!.objectValue!, level: 1))
        let deep = setting(Self.payload, Self.conversionsTraining + ["isolate_products"], true)
        #expect(chunker.needsSplitting(deep, level: 0))
        #expect(!chunker.needsSplitting(deep["sections"]!["section_funerals"]!.objectValue!, level: 1))
        #expect(chunker.needsSplitting(deep["sections"]!["section_conversions"]!.objectValue!, level: 1))
        let batch = setting(Self.payload, Self.conversionsTraining + ["max_products_per_batch"], 3)
        #expect(chunker.needsSplitting(batch, level: 0))
    }

    @Test func isolationInSubdata() throws {
        var job = setting(Self.payload, Self.weddingsMusic + ["isolate_products"], true)
        job = setting(job, Self.conversionsTraining + ["isolate_products"], true)
        let result = try tasks(job)
        #expect(count(result, "sections", "section_funerals") == 1)
        #expect(count(result, "sections", "section_weddings") == 7)
        #expect(count(result, "sections", "section_conversions") == 4)
        #expect(count(result, "stores", "store_training") == 2)
        #expect(count(result, "stores", "store_baptizing") == 1)
        #expect(count(result, "sections", "section_gifts") == 1)
        #expect(result.count == 13)
        #expect(result.allSatisfy { $0["labourer_id"] == "some_function" })
    }

    @Test func maxProductsPerBatchMakesBatchesInListOrder() throws {
        let result = try tasks(setting(Self.payload, Self.weddingsMusic + ["max_products_per_batch"], 2))
        #expect(count(result, "sections", "section_weddings") == 5)
        #expect(count(result, "sections", "section_funerals") == 1)
        #expect(count(result, "sections", "section_conversions") == 1)
        #expect(count(result, "sections", "section_gifts") == 1)
        let batches = result.filter { $0["stores"] == ["store_music"] }.map { $0["products"] }
        #expect(batches == [["product_march", "product_chorus"], [740, "product,4"], ["product 5"]])
    }

    @Test func rootLevelIsolationReachesNestedLevels() throws {
        let result = try tasks(setting(Self.payload, ["isolate_stores"], true))
        #expect(count(result, "sections", "section_funerals") == 2)
        #expect(count(result, "sections", "section_weddings") == 3)
        #expect(count(result, "sections", "section_conversions") == 3)
        #expect(count(result, "sections", "section_gifts") == 1)
    }

    @Test func unchunkableSubdataIsKeptInThePayload() throws {
        var job = setting(Self.payload, Self.conversionsTraining + ["isolate_products"], true)
        job = setting(job, Self.conversionsTraining + ["products", "product_book"],
                      ["product_versions": ["product_version_audio": nil, "product_version_paper": nil]])
        let result = try tasks(job)
        let book = try #require(result.first { $0["products"] == ["product_book"] })
        #expect(book["product_versions"] == ["product_version_audio": nil, "product_version_paper": nil])
    }

    @Test func unsupportedValuesUnderAnIsolatedLevelAreInvalid() throws {
        let isolated = setting(Self.payload, ["sections", "section_conversions", "isolate_stores"], true)
        #expect(throws: InvalidJob.self) { try tasks(setting(isolated, Self.conversionsTraining, "some_string")) }
        #expect(throws: InvalidJob.self) { try tasks(setting(isolated, Self.conversionsTraining, ["just_a_string"])) }
    }

    @Test func unchunkableValuesWithoutIsolationAreKeptAsIs() throws {
        var job = setting(Self.payload, ["isolate_sections"], true)
        job = setting(job, Self.conversionsTraining, "some_string")
        let result = try tasks(job)
        let conversions = try #require(result.first { $0["sections"] == ["section_conversions"] })
        #expect(conversions["stores"]?["store_training"] == "some_string")

        let custom: [String: JSONValue] = ["sections": ["section_funerals": ["custom": "data"], "section_weddings": nil]]
        #expect(try tasks(custom) == [custom.merging(["labourer_id": "some_function"]) { $1 }])
    }

    @Test func aJobWithNothingToSplitPassesThroughAndEmptyJobsToo() throws {
        #expect(try tasks(Self.payload) == [Self.payload.merging(["labourer_id": "some_function"]) { $1 }])
        #expect(try tasks([:]) == [["labourer_id": "some_function"]])
        #expect(try tasks(["pl": 1], []) == [["pl": 1, "labourer_id": "some_function"]])
    }

    /// sosw's test_construct_job_data__real_payload: 2 days × (1 + 1 + 3) = 10 tasks.
    @Test func realPayloadWithDatesAndNestedIsolation() throws {
        let job: [String: JSONValue] = [
            "period": "last_2_days", "isolate_days": true, "isolate_sections": "True",
            "sections": [
                "111": ["all_campaigns": true],
                "222": ["all_campaigns": true],
                "333": ["isolate_stores": true, "all_campaigns": false,
                        "stores": ["333-111": nil, "333-222": nil, "333-333": ["keep_me": 7]]],
            ],
        ]
        let result = try tasks(job)
        #expect(result.count == 10)
        #expect(result.allSatisfy { $0["period"] == nil && $0["isolate_days"] == nil })
        #expect(result.filter { $0["date_list"] == ["2019-04-28"] }.count == 5)
        #expect(result.first { $0["stores"] == ["333-333"] }?["keep_me"] == 7)
        #expect(result.first { $0["sections"] == ["333"] }?["all_campaigns"] == false)
    }

    /// The tutorial job: 3 topics × 6 words × last_2_days, all isolated → 36 tasks.
    @Test func tutorialJobGives36Tasks() throws {
        let words: [String: [JSONValue]] = [
            "cars": ["toyota", "mazda", "nissan", "racing", "automobile", "car"],
            "food": ["recipe", "cooking", "eating", "food", "meal", "tasty"],
            "shows": ["opera", "cinema", "movie", "concert", "show", "musical"],
        ]
        let job = try SchedulerJob(event: ["job": [
            "lambda_name": "sosw_tutorial_pull_tweeter_hashtags",
            "topics": .object(words.mapValues { ["isolate_words": true, "words": .array($0)] }),
            "period": "last_2_days", "isolate_days": true, "isolate_topics": true, "isolate_words": true,
        ]])
        let result = try chunker(["topic", "word"]).tasks(for: job.body, labourerID: job.labourerID, today: Self.today)
            .map { try #require($0.objectValue) }
        #expect(result.count == 36)
        #expect(Set(result.map { $0["date_list"] }) == [["2019-04-28"], ["2019-04-29"]])
        #expect(Set(result.compactMap { $0["words"]?.arrayValue }).count == 18)
        #expect(result.allSatisfy { $0["labourer_id"] == "sosw_tutorial_pull_tweeter_hashtags" && $0["topics"]?.arrayValue?.count == 1 })
        #expect(result[0] == [
            "date_list": ["2019-04-28"], "isolate_topics": true, "isolate_words": true,
            "labourer_id": "sosw_tutorial_pull_tweeter_hashtags", "topics": ["cars"], "words": ["toyota"],
        ])
    }

    /// A sosw 0.7.51 bug fixed (docs/sosw-compatibility.md): the order of tasks depends only on the job (object keys in
    /// UTF-8 order, lists in their order).
    @Test func taskOrderIsDeterministic() throws {
        let job = setting(setting(Self.payload, ["isolate_stores"], true), ["period"], "last_2_days")
        let first = try tasks(job)
        #expect(try tasks(job) == first)
        #expect(first.prefix(3).map { $0["stores"] } == [["store_baptizing"], ["store_circumcision"], ["store_training"]])
    }

    /// A sosw 0.7.51 bug fixed (docs/sosw-compatibility.md): a flat list at the first level with several levels
    /// configured (sosw: AttributeError).
    @Test func flatListAtTheFirstLevelWithSeveralLevels() throws {
        let result = try tasks(["sections": ["a", "b"], "period": "today"])
        #expect(result == [["sections": ["a", "b"], "date_list": ["2019-04-30"], "labourer_id": "some_function"]])
        let isolated = try tasks(["sections": ["a", "b"], "isolate_sections": true])
        #expect(isolated.map { $0["sections"] } == [["a"], ["b"]])
    }

    /// A sosw 0.7.51 bug fixed (docs/sosw-compatibility.md): an isolation flag with nothing to isolate keeps the job
    /// (sosw: zero tasks, silently).
    @Test func isolationWithoutValuesKeepsTheJob() throws {
        #expect(try tasks(["isolate_sections": true, "foo": 1]) ==
            [["isolate_sections": true, "foo": 1, "labourer_id": "some_function"]])
        // Root-level isolate_stores reaching a section that has no stores: that section is still a task.
        let result = try tasks(["isolate_stores": true, "sections": ["s1": ["foo": 1], "s2": ["stores": ["x": nil, "y": nil]]]])
        #expect(result.map { $0["sections"] } == [["s1"], ["s2"], ["s2"]])
        #expect(result[0]["foo"] == 1)
    }

    /// A sosw 0.7.51 bug fixed (docs/sosw-compatibility.md): a singular key with isolation gives each value once (sosw:
    /// duplicates); both keys are ambiguous.
    @Test func singularKeysDoNotDuplicate() throws {
        #expect(try tasks(["section": "a", "isolate_sections": true]).map { $0["sections"] } == [["a"]])
        #expect(try tasks(["section": ["a", "b"], "isolate_section": true]).map { $0["sections"] } == [["a"], ["b"]])
        #expect(throws: InvalidJob.self) { try tasks(["section": "a", "sections": ["b"], "isolate_sections": true]) }
    }

    /// A sosw 0.7.51 bug fixed (docs/sosw-compatibility.md): keys next to a flat list at a nested level are kept (sosw
    /// dropped `foo`).
    @Test func keysNextToANestedFlatListAreKept() throws {
        let result = try tasks(["isolate_sections": true, "sections": ["s1": ["stores": ["x", "y"], "foo": 1]]])
        #expect(result == [["isolate_sections": true, "sections": ["s1"], "stores": ["x", "y"], "foo": 1,
                            "labourer_id": "some_function"]])
    }

    /// A sosw 0.7.51 bug fixed (docs/sosw-compatibility.md): no chunkable attributes (sosw's default schema) schedules
    /// the job with its dates.
    @Test func noChunkableAttributesStillSchedulesDates() throws {
        let result = try tasks(["words": ["a", "b"], "period": "last_2_days", "isolate_days": true], [])
        #expect(result.map { $0["date_list"] } == [["2019-04-28"], ["2019-04-29"]])
        #expect(result.allSatisfy { $0["words"] == ["a", "b"] })
    }

    @Test func datesWithoutIsolationGoIntoOneTask() throws {
        let result = try tasks(["period": "last_3_days", "a": "foo"], [])
        #expect(result == [["date_list": ["2019-04-27", "2019-04-28", "2019-04-29"], "a": "foo", "labourer_id": "some_function"]])
    }

    @Test func attributeNamesMustBeSingular() {
        #expect(throws: InvalidJob.self) { try ChunkableAttribute("bad_name_ending_with_s") }
    }
}

@Suite struct JobSchemaTests {
    let config = ConfigNode([
        "job_schema": ["chunkable_attrs": [["section", [:]], ["store", [:]]]],
        "job_schema_variants": [
            "default": ["chunkable_attrs": []],
            "sample_schema_name": ["chunkable_attrs": [["a", [:]], ["b", [:]], "c"]],
        ],
    ])

    @Test func namedVariantIsApplied() throws {
        let schema = try JobSchema.select(name: "sample_schema_name", schedulerConfig: config)
        #expect(schema.chunkableAttributes.map(\.singular) == ["a", "b", "c"])
    }

    /// A sosw 0.7.51 bug fixed (docs/sosw-compatibility.md): an empty default variant falls back to `job_schema`
    /// instead of ignoring it.
    @Test func emptyDefaultFallsBackToJobSchema() throws {
        #expect(try JobSchema.select(name: nil, schedulerConfig: config).chunkableAttributes.map(\.singular) == ["section", "store"])
        let withDefault = ConfigNode(["job_schema_variants": ["default": ["chunkable_attrs": [["b", [:]]]]],
                                      "job_schema": ["chunkable_attrs": [["x", [:]]]]])
        #expect(try JobSchema.select(name: nil, schedulerConfig: withDefault).chunkableAttributes.map(\.singular) == ["b"])
    }

    @Test func unknownVariantAndPluralNamesAreConfigErrors() {
        #expect(throws: ConfigError.self) { try JobSchema.select(name: "nope", schedulerConfig: config) }
        let plural = ConfigNode(["job_schema_variants": ["default": ["chunkable_attrs": [["stores", [:]]]]]])
        #expect(throws: ConfigError(path: "job_schema_variants.default.chunkable_attrs[0]", value: [["stores", [:]]][0],
                                    expectation: "a singular attribute name not ending in `s`")) {
            try JobSchema.select(name: nil, schedulerConfig: plural)
        }
    }
}
