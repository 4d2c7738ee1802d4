/// Builds a ``YAMLNode`` tree from parser events, enforcing ``YAMLLimits`` and the consumer
/// rules libyaml leaves to its caller: duplicate and non-scalar keys, alias expansion with
/// cycle and size checks, and a single document.
///
/// Work per event is O(1) apart from hashing a key, so the limits hold time as well as memory:
/// an alias adds its anchored subtree's node count and height without walking it.
struct YAMLTreeBuilder {
    enum Step {
        case proceed
        case stop
    }

    private(set) var root: YAMLNode?
    private(set) var problems: [YAMLProblem] = []
    private let limits: YAMLLimits
    private var frames: [Frame] = []
    private var anchors: [String: Anchor] = [:]
    private var anchorSerial = 0
    private var nodeCount = 0
    private var documentCount = 0

    init(limits: YAMLLimits) {
        self.limits = limits
    }

    /// Takes one event; `.stop` means the result is final and no more events are wanted.
    mutating func consume(_ event: YAMLEvent) -> Step {
        switch event {
        case .streamStart, .documentEnd:
            return .proceed
        case .streamEnd:
            return .stop
        case .documentStart(let mark):
            documentCount += 1
            guard documentCount == 1 else {
                problems.append(
                    YAMLProblem(
                        .multipleDocuments, "a second YAML document starts here", at: mark,
                        hint: "a control map holds one document; remove the `---` separator"))
                return .stop
            }
            return .proceed
        case .scalar(let text, let style, let anchor, let tag, let mark):
            guard count(1, at: mark) else { return .stop }
            let node = YAMLNode(value: .scalar(text, style), mark: mark, tag: tag)
            if let anchor { anchors[anchor] = .finished(node, nodeCount: 1, height: 0) }
            attach(node, nodeCount: 1, height: 0)
            return .proceed
        case .alias(let name, let mark):
            return expandAlias(name, at: mark)
        case .sequenceStart(let anchor, let tag, let mark):
            return open(.sequence, anchor: anchor, tag: tag, at: mark)
        case .mappingStart(let anchor, let tag, let mark):
            return open(.mapping, anchor: anchor, tag: tag, at: mark)
        case .sequenceEnd, .mappingEnd:
            return close()
        }
    }

    /// Records a problem that leaves no trustworthy tree: the root is dropped.
    mutating func fail(_ problem: YAMLProblem) {
        problems.append(problem)
        root = nil
        frames.removeAll()
    }

    // MARK: - Collections

    private mutating func open(_ kind: Frame.Kind, anchor: String?, tag: String?, at mark: YAMLMark) -> Step {
        // Refusing here, from the event, is what keeps `[[[[…` cheap: libyaml is stopped
        // before its quadratic flow-level bookkeeping gets far.
        guard frames.count < limits.maxDepth else {
            fail(YAMLProblem(.tooDeep, "collections nest deeper than \(limits.maxDepth) levels", at: mark))
            return .stop
        }
        guard count(1, at: mark) else { return .stop }
        var anchorDefinition: (name: String, serial: Int)?
        if let anchor {
            anchorSerial += 1
            anchorDefinition = (anchor, anchorSerial)
            anchors[anchor] = .building(serial: anchorSerial)
        }
        frames.append(Frame(kind: kind, mark: mark, tag: tag, anchor: anchorDefinition))
        return .proceed
    }

    private mutating func close() -> Step {
        guard let frame = frames.popLast() else { return .proceed }
        let node = frame.node()
        if let anchor = frame.anchor, case .building(anchor.serial) = anchors[anchor.name] {
            // Only if no later definition of the same name (inside this node) replaced it.
            anchors[anchor.name] = .finished(node, nodeCount: frame.nodeCount, height: frame.height)
        }
        attach(node, nodeCount: frame.nodeCount, height: frame.height)
        return .proceed
    }

    // MARK: - Aliases

    private mutating func expandAlias(_ name: String, at mark: YAMLMark) -> Step {
        switch anchors[name] {
        case nil:
            fail(
                YAMLProblem(
                    .undefinedAlias, "alias '*\(name)' refers to no anchor defined before it", at: mark,
                    hint: "define the anchor with '&\(name)' on a node earlier in the file"))
            return .stop
        case .building:
            fail(
                YAMLProblem(
                    .recursiveAlias, "alias '*\(name)' refers to a node that contains it", at: mark,
                    hint: "an alias inside its own anchored node would repeat forever"))
            return .stop
        case .finished(var node, let subtreeCount, let height):
            guard frames.count + height <= limits.maxDepth else {
                fail(
                    YAMLProblem(
                        .tooDeep, "alias '*\(name)' makes collections nest deeper than \(limits.maxDepth) levels",
                        at: mark))
                return .stop
            }
            guard count(subtreeCount, at: mark) else { return .stop }
            node.mark = mark
            attach(node, nodeCount: subtreeCount, height: height)
            return .proceed
        }
    }

    // MARK: - Placing nodes

    /// Adds `added` nodes to the document's total; false (after failing) once over the limit.
    private mutating func count(_ added: Int, at mark: YAMLMark) -> Bool {
        let (total, overflow) = nodeCount.addingReportingOverflow(added)
        nodeCount = total
        guard overflow || total > limits.maxNodes else { return true }
        fail(
            YAMLProblem(
                .tooManyNodes, "the document expands to more than \(limits.maxNodes) nodes", at: mark,
                hint: "every alias (*name) copies its anchored node; check for aliases that multiply"))
        return false
    }

    /// Hands a finished node to the open collection, or makes it the root.
    private mutating func attach(_ node: YAMLNode, nodeCount subtreeCount: Int, height: Int) {
        guard !frames.isEmpty else {
            root = node
            return
        }
        let top = frames.count - 1
        switch frames[top].kind {
        case .sequence:
            frames[top].items.append(node)
            frames[top].absorb(nodeCount: subtreeCount, height: height)
        case .mapping:
            switch frames[top].keySlot {
            case .empty:
                acceptKey(node, nodeCount: subtreeCount, height: height)
            case .key(let key):
                frames[top].pairs.append(YAMLPair(key: key, value: node))
                frames[top].absorb(nodeCount: subtreeCount, height: height)
                frames[top].keySlot = .empty
            case .skipped:
                frames[top].keySlot = .empty
            }
        }
    }

    private mutating func acceptKey(_ key: YAMLNode, nodeCount subtreeCount: Int, height: Int) {
        let top = frames.count - 1
        guard case .scalar(let text, _) = key.value else {
            problems.append(
                YAMLProblem(
                    .nonScalarKey, "a mapping key must be a scalar, not a \(key.kindName)", at: key.mark,
                    hint: "write the key as plain text; this pair is ignored"))
            frames[top].keySlot = .skipped
            return
        }
        let bytes = Array(text.utf8)
        if let first = frames[top].firstKeyMarks[bytes] {
            problems.append(
                YAMLProblem(
                    .duplicateKey,
                    "duplicate key '\(Self.quoted(text))' (first defined at line \(first.line), column \(first.column))",
                    at: key.mark, hint: "only the first value is used; remove or rename one of them"))
            frames[top].keySlot = .skipped
            return
        }
        frames[top].firstKeyMarks[bytes] = key.mark
        frames[top].keySlot = .key(key)
        frames[top].absorb(nodeCount: subtreeCount, height: height)
    }

    /// A key as it may appear inside a one-line message: control characters escaped, long
    /// keys shortened.
    private static func quoted(_ text: String) -> String {
        var result = ""
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if index == 60 {
                result += "…"
                break
            }
            result += scalar.properties.generalCategory == .control ? scalar.escaped(asASCII: true) : String(scalar)
        }
        return result
    }
}
