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
        let partition = lhs.partition.ordering(comparedTo: rhs.partition)
        if partition != 0 { return partition < 0 }
        let sort = ordering(lhs.sort, rhs.sort)
        if sort != 0 { return sort < 0 }
        let tablePartition = ordering(lhs.tablePartition, rhs.tablePartition)
        if tablePartition != 0 { return tablePartition < 0 }
        return ordering(lhs.tableSort, rhs.tableSort) < 0
    }

    /// -1, 0 or 1, with a missing part first.
    private static func ordering(_ lhs: KeyScalar?, _ rhs: KeyScalar?) -> Int {
        switch (lhs, rhs) {
        case (nil, nil): 0
        case (nil, _): -1
        case (_, nil): 1
        case (let left?, let right?): left.ordering(comparedTo: right)
        }
    }
}
