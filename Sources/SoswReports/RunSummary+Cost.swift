import Foundation
import SoswCore
import SoswSimulation

extension RunSummary {
    /// `summary.json`'s `cost`: the contract keys (`total_usd`, `by_service` with every priced service,
    /// `lambda.requests` and `gb_seconds`, `dynamodb.read_request_units` and `write_request_units`), then the
    /// prices used, Lambda per function and every priced line.
    static func json(_ cost: RunCost) -> JSONValue {
        var byService: [String: JSONValue] = [:]
        for (service, usd) in cost.byService {
            byService[service] = .double(usd)
        }
        var functions: [String: JSONValue] = [:]
        for function in cost.functions {
            functions[function.function] = .object([
                "architecture": .string(function.architecture.rawValue), "memory_mb": .int(Int64(function.memoryMB)),
                "requests": .int(Int64(function.requests)), "gb_seconds": .double(function.gbSeconds),
                "usd": .double(function.usd),
            ])
        }
        return .object([
            "total_usd": .double(cost.totalUSD),
            "by_service": .object(byService),
            "lambda": .object([
                "requests": .int(Int64(cost.lambdaRequests)), "gb_seconds": .double(cost.lambdaGBSeconds),
                "by_function": .object(functions),
            ]),
            "dynamodb": .object([
                "read_request_units": .double(cost.readRequestUnits), "write_request_units": .double(cost.writeRequestUnits),
            ]),
            "prices": .object([
                "region": .string(cost.region), "file": .string(cost.priceFile), "date": .string(cost.pricesDate),
                "currency": .string("USD"), "overridden": .array(cost.overridden.map { .string($0.rawValue) }),
            ]),
            "lines": .array(cost.lines.map { line in
                .object([
                    "service": .string(line.service), "item": .string(line.item), "quantity": .double(line.quantity),
                    "unit": .string(line.unit), "usd": .double(line.usd),
                ])
            }),
        ])
    }

    /// `summary.md`'s cost section: the total, each service, then every line, with the prices' region and date.
    static func markdown(_ cost: RunCost) -> String {
        var text = "\n## Cost\n\n**\(usd(cost.totalUSD)) USD** at \(pricesNote(cost)).\n\n"
        text += "| service | USD |\n|---|---:|\n"
        for (service, amount) in cost.byService {
            text += "| \(service) | \(usd(amount)) |\n"
        }
        text += "| total | \(usd(cost.totalUSD)) |\n"
        guard !cost.lines.isEmpty else { return text }
        text += "\n| service | item | quantity | unit | USD |\n|---|---|---:|---|---:|\n"
        for line in cost.lines {
            text += "| \(line.service) | \(line.item) | \(quantity(line.quantity)) | \(line.unit) | \(usd(line.usd)) |\n"
        }
        return text
    }

    /// `list prices of eu-west-1 (built-in price file, 2025-06-01)`, with the overridden prices named.
    public static func pricesNote(_ cost: RunCost) -> String {
        var note = "list prices of \(cost.region) (\(cost.priceFile) price file, \(cost.pricesDate))"
        if !cost.overridden.isEmpty {
            note += ", overriding \(cost.overridden.map(\.rawValue).joined(separator: ", "))"
        }
        return note
    }

    /// A billed quantity: whole numbers (requests) as integers, others as ``number(_:)`` writes them.
    static func quantity(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : number(value)
    }

    /// Dollars with two decimals, or as many more as three significant digits need (at most eight), so a
    /// fraction of a cent still reads: `12.34`, `0.0503`, `0.000401`. No locale formatting.
    public static func usd(_ value: Double) -> String {
        let magnitude = abs(value)
        let decimals = magnitude >= 1 || magnitude == 0 ? 2 : min(8, max(2, 2 - Int(log10(magnitude).rounded(.down))))
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((magnitude * Double(scale)).rounded())
        let fraction = String(scaled % scale)
        let sign = value < 0 && scaled > 0 ? "-" : ""
        return "\(sign)\(scaled / scale).\(String(repeating: "0", count: decimals - fraction.count))\(fraction)"
    }
}
