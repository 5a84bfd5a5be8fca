#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RelaisCore

/// The sets of a `list table` JSON answer: each set's name and the values of its single-value elements.
///
/// An element is a plain string, or `{"elem": {"val": ..., "timeout": ..., "expires": ...}}` when the set has
/// timeouts; interval elements (`{"prefix": ...}`) and anything else unknown are skipped, not fatal.
struct NFTablesListing: Decodable {
    let sets: [String: [String]]

    static func parse(_ json: String) throws(FirewallError) -> NFTablesListing {
        do {
            return try JSONDecoder().decode(NFTablesListing.self, from: Data(json.utf8))
        } catch {
            throw FirewallError(code: "list", message: "unreadable libnftables listing")
        }
    }

    /// The hardware addresses held in `set`; none when the set is absent.
    func macAddresses(in set: String) -> Set<MACAddress> {
        Set((sets[set] ?? []).compactMap(MACAddress.init))
    }

    /// True when some set lists an element twice: the dump was taken during a rehash and is not reliable.
    var hasRepeatedElements: Bool {
        sets.values.contains { Set($0).count != $0.count }
    }

    init(from decoder: any Decoder) throws {
        let root = try decoder.container(keyedBy: Key.self)
        let objects = try root.decode([Object].self, forKey: .nftables)
        var sets: [String: [String]] = [:]
        for case let set? in objects.map(\.set) {
            sets[set.name, default: []] += set.elem?.compactMap(\.value) ?? []
        }
        self.sets = sets
    }

    private enum Key: String, CodingKey { case nftables }

    /// One entry of the `nftables` array; only `set` entries matter here.
    private struct Object: Decodable {
        let set: SetObject?
    }

    private struct SetObject: Decodable {
        let name: String
        let elem: [Element]?
    }

    private struct Element: Decodable {
        let value: String?

        init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                value = text
            } else if let wrapped = try? decoder.singleValueContainer().decode(Wrapped.self) {
                value = wrapped.elem.val
            } else {
                value = nil
            }
        }
    }

    private struct Wrapped: Decodable {
        struct Inner: Decodable { let val: String? }
        let elem: Inner
    }
}
