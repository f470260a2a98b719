/// Where an entry sits in an ordered store: the partition key, then the sort key, then — in a secondary index,
/// where index keys need not be unique — the table's primary key to tell entries apart. Missing parts sort
/// first. All entries of one partition are contiguous, so a Query is a binary search and a walk.
struct IndexKey: Hashable, Comparable, Sendable {
    var partition: KeyScalar
    var sort: KeyScalar?
    var tablePartition: KeyScalar?
    var tableSort: KeyScalar?

    init(partition: KeyScalar, sort: KeyScalar?, tablePartition: KeyScalar? = nil, tableSort: KeyScalar? = nil) {
        self.partition = partition
        self.sort = sort
        self.tablePartition = tablePartition
        self.tableSort = tableSort
    }

    static func < (lhs: IndexKey, rhs: IndexKey) -> Bool {
        if lhs.partition != rhs.partition { return lhs.partition < rhs.partition }
        if lhs.sort != rhs.sort { return precedes(lhs.sort, rhs.sort) }
        if lhs.tablePartition != rhs.tablePartition { return precedes(lhs.tablePartition, rhs.tablePartition) }
        return precedes(lhs.tableSort, rhs.tableSort)
    }

    private static func precedes(_ lhs: KeyScalar?, _ rhs: KeyScalar?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): false
        case (nil, _): true
        case (_, nil): false
        case (let left?, let right?): left < right
        }
    }
}
