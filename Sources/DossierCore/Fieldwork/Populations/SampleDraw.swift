import Crypto
import DossierGit

/// A reproducible sample without replacement, re-derivable by anyone with the population's digest and the
/// seed (README, "Populations and samples"):
///
/// 1. For each item number `i` (1…N, the population's canonical order), compute the key
///    `SHA-256("dossier-sample-v1:" + digest + ":" + seed + ":" + i)` over the UTF-8 text, `i` in decimal.
/// 2. Order the items by key, as lowercase hex, ascending.
/// 3. The first `size` items are the picks, listed in population order.
///
/// Every item is equally likely to be picked and the picks depend on nothing but the digest, the seed and N,
/// so a shell loop of `printf … | sha256sum` gives the same picks.
public struct SampleDraw: Sendable {
    public static let algorithm = "dossier-sample-v1"

    public var population: Population
    public var seed: String
    /// The size asked for; nil to follow ``SampleSize`` by the population's frequency.
    public var requestedSize: Int?

    public init(population: Population, seed: String, size: Int? = nil) {
        self.population = population
        self.seed = seed
        self.requestedSize = size
    }

    /// The size drawn: the one asked for, else the guidance, never more than the population.
    public var size: Int {
        min(requestedSize ?? SampleSize.guidance(for: population), population.items.count)
    }

    /// The key that orders item `number` (1-based).
    public static func key(digest: String, seed: String, number: Int) -> String {
        let text = "\(algorithm):\(digest):\(seed):\(number)"
        return Hex.string(SHA256.hash(data: Array(text.utf8)))
    }

    /// The picked items, in population order, each with its key.
    public func picks() -> [(item: PopulationItem, key: String)] {
        let digest = population.digest
        let items = population.items
        let keys = items.map { Self.key(digest: digest, seed: seed, number: $0.number) }
        // Sort positions, not items: an item carries its file and cells, and 100,000 rows are moved often.
        let chosen = items.indices.sorted { keys[$0] < keys[$1] }.prefix(size).sorted()
        return chosen.map { (item: items[$0], key: keys[$0]) }
    }
}
