extension YAMLTreeBuilder {
    /// A sequence or mapping whose start event has arrived and whose end has not.
    struct Frame {
        enum Kind {
            case sequence
            case mapping
        }

        /// Where a mapping stands between its key and its value.
        enum KeySlot {
            /// The next node is a key.
            case empty
            /// The key was accepted; the next node is its value.
            case key(YAMLNode)
            /// The key was refused (duplicate or not a scalar); the next node is dropped.
            case skipped
        }

        let kind: Kind
        let mark: YAMLMark
        let tag: String?
        /// The anchor written on this collection, and the serial of that definition.
        let anchor: (name: String, serial: Int)?
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var keySlot = KeySlot.empty
        /// First mark of each accepted key, by its UTF-8 bytes: `String` equality would merge
        /// NFC and NFD spellings, which are different keys to YAML and to the byte-keyed engine.
        var firstKeyMarks: [[UInt8]: YAMLMark] = [:]
        /// Nodes in the finished subtree, this one included; an alias to it adds this many.
        var nodeCount = 1
        /// Collection levels in the finished subtree, this one included (a scalar has none).
        var height = 1

        init(kind: Kind, mark: YAMLMark, tag: String?, anchor: (name: String, serial: Int)?) {
            self.kind = kind
            self.mark = mark
            self.tag = tag
            self.anchor = anchor
        }

        /// Counts a child that stays in the tree.
        mutating func absorb(nodeCount childCount: Int, height childHeight: Int) {
            nodeCount += childCount
            height = max(height, childHeight + 1)
        }

        /// The finished node.
        func node() -> YAMLNode {
            switch kind {
            case .sequence: YAMLNode(value: .sequence(items), mark: mark, tag: tag)
            case .mapping: YAMLNode(value: .mapping(pairs), mark: mark, tag: tag)
            }
        }
    }

    /// What an anchor name currently refers to.
    enum Anchor {
        /// The anchored collection is still open: an alias to it would be a cycle.
        case building(serial: Int)
        /// A finished node, with its node count and height so an alias costs O(1) to check.
        case finished(YAMLNode, nodeCount: Int, height: Int)
    }
}
