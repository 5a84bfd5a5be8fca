import Foundation
import RelaisTesting

/// What `nft -j list table inet <table>` shows inside a namespace, read independently of the code under test.
struct NFTablesSnapshot {
    /// One set element: its value and, for sets with timeouts, the element's own timeout and time left.
    struct Element: Equatable {
        var value: String
        var timeout: Int?
        var expires: Int?
    }

    var sets: [String: [String: Element]] = [:]
    var chains: [String] = []
    var ruleCount = 0

    /// nil when the table does not exist.
    static func read(_ namespace: NetworkNamespace, table: String = "relais") throws -> NFTablesSnapshot? {
        let tables = try namespace.exec("nft", "list", "tables")
        guard tables.contains("table inet \(table)\n") else { return nil }
        let json = try namespace.exec("nft", "-j", "list", "table", "inet", table)
        let root = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        var snapshot = NFTablesSnapshot()
        for object in root?["nftables"] as? [[String: Any]] ?? [] {
            if let set = object["set"] as? [String: Any], let name = set["name"] as? String {
                var elements: [String: Element] = [:]
                for item in set["elem"] as? [Any] ?? [] {
                    if let element = element(item) { elements[element.value] = element }
                }
                snapshot.sets[name] = elements
            } else if let chain = object["chain"] as? [String: Any], let name = chain["name"] as? String {
                snapshot.chains.append(name)
            } else if object["rule"] != nil {
                snapshot.ruleCount += 1
            }
        }
        return snapshot
    }

    private static func element(_ item: Any) -> Element? {
        if let text = item as? String { return Element(value: text) }
        guard let wrapper = item as? [String: Any] else { return nil }
        if let inner = wrapper["elem"] as? [String: Any], let value = inner["val"] as? String {
            return Element(value: value, timeout: inner["timeout"] as? Int, expires: inner["expires"] as? Int)
        }
        if let prefix = wrapper["prefix"] as? [String: Any], let address = prefix["addr"] as? String, let length = prefix["len"] as? Int {
            return Element(value: "\(address)/\(length)")
        }
        return nil
    }
}
