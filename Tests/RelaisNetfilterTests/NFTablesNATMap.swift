import Foundation
import RelaisTesting

/// The NAT map as `nft -j list map` shows it inside a namespace: private address → "public first-last".
enum NFTablesNATMap {
    static func read(_ namespace: NetworkNamespace, table: String = "relais") throws -> [String: String] {
        let json = try namespace.exec("nft", "-j", "list", "map", "inet", table, "nat4")
        let root = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        var elements: [String: String] = [:]
        for object in root?["nftables"] as? [[String: Any]] ?? [] {
            guard let map = object["map"] as? [String: Any] else { continue }
            for item in map["elem"] as? [[Any]] ?? [] {
                guard item.count == 2, let key = item[0] as? String,
                      let concat = (item[1] as? [String: Any])?["concat"] as? [Any], concat.count == 2,
                      let address = concat[0] as? String,
                      let range = (concat[1] as? [String: Any])?["range"] as? [Int], range.count == 2 else { continue }
                elements[key] = "\(address) \(range[0])-\(range[1])"
            }
        }
        return elements
    }
}
