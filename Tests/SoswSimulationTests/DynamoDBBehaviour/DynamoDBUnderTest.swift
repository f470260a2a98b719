import SoswCore
import SoswSimulation

/// The one place the behaviour suite gets its DynamoDB from. Today: the in-memory fake. A later issue points
/// this at the live client talking to a real AWS-protocol server, and the suite runs unchanged — so tests use
/// only the port and each creates its own uniquely named table.
func makeDynamoDBUnderTest() -> any DynamoDB {
    InMemoryDynamoDB(clock: ContinuousClock(), random: SeededRandom(seed: 7))
}
