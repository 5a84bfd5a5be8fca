import FoundationEssentials
import RelaisCore

/// Decodes `list map inet <table> nat4` in JSON (nftables 1.0.6):
/// `{"nftables": [{"metainfo": …}, {"map": {…, "elem": [["192.0.2.10", {"concat": ["198.51.100.1", {"range": [1024, 1279]}]}]]}}]}`.
/// A block of one port shows as a plain number instead of a range.
enum NFTablesNATListing {
    static func decode(_ json: String) throws(FirewallError) -> [IPAddress: NATBinding] {
        let root: Root
        do {
            root = try JSONDecoder().decode(Root.self, from: Data(json.utf8))
        } catch {
            throw FirewallError(code: "list", message: "unreadable NAT map listing: \(error)")
        }
        var bindings: [IPAddress: NATBinding] = [:]
        for element in root.nftables.compactMap(\.map).flatMap({ $0.elem ?? [] }) {
            guard let key = IPAddress(element.key), let address = IPAddress(element.publicAddress) else { continue }
            // The index is not in the kernel: only the address and ports are compared.
            let block = PortBlock(publicAddress: address, firstPort: element.ports.lowerBound, lastPort: element.ports.upperBound, index: -1)
            bindings[key] = NATBinding(privateAddress: key, block: block)
        }
        return bindings
    }

    private struct Root: Decodable {
        var nftables: [Item]
    }

    private struct Item: Decodable {
        var map: MapObject?
    }

    private struct MapObject: Decodable {
        var elem: [Element]?
    }

    /// `["192.0.2.10", {"concat": ["198.51.100.1", {"range": [1024, 1279]}]}]`.
    private struct Element: Decodable {
        var key: String
        var publicAddress: String
        var ports: ClosedRange<Int>

        init(from decoder: any Decoder) throws {
            var pair = try decoder.unkeyedContainer()
            key = try pair.decode(String.self)
            var concat = try pair.decode(Concat.self).concat
            publicAddress = try concat.decode(String.self)
            if let range = try? concat.decode(PortRange.self), range.range.count == 2, range.range[0] <= range.range[1] {
                ports = range.range[0]...range.range[1]
            } else {
                let port = try concat.decode(Int.self)
                ports = port...port
            }
        }
    }

    private struct Concat: Decodable {
        var concat: any UnkeyedDecodingContainer

        private enum Keys: String, CodingKey { case concat }

        init(from decoder: any Decoder) throws {
            concat = try decoder.container(keyedBy: Keys.self).nestedUnkeyedContainer(forKey: .concat)
        }
    }

    private struct PortRange: Decodable {
        var range: [Int]
    }
}
