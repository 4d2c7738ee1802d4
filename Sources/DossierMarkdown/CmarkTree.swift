internal import CCmarkGFM

/// Owns the root node of one parsed document; `deinit` frees the whole tree.
///
/// Nodes are read (and link URLs rewritten) in place through `CmarkNode` views, which never outlive the tree.
final class CmarkTree {
    let root: OpaquePointer

    init(root: OpaquePointer) {
        self.root = root
    }

    deinit {
        cmark_node_free(root)
    }

    /// Visits every node in document order, entering and leaving containers. Iterative, so deep nesting
    /// (e.g. 50,000 `>`) cannot overflow the stack. `visit` may change node data but not the tree's shape.
    func walk(_ visit: (_ entering: Bool, _ node: CmarkNode) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(event == CMARK_EVENT_ENTER, CmarkNode(node))
        }
    }

    /// Top-level blocks from the last one backwards, skipping footnote definitions (cmark moves those to the end).
    func lastTopLevelBlock() -> CmarkNode? {
        var node = cmark_node_last_child(root)
        while let current = node, cmark_node_get_type(current) == CMARK_NODE_FOOTNOTE_DEFINITION {
            node = cmark_node_previous(current)
        }
        return node.map(CmarkNode.init)
    }

    /// Unlinks `node` from the tree and frees it with its children.
    func remove(_ node: CmarkNode) {
        cmark_node_unlink(node.pointer)
        cmark_node_free(node.pointer)
    }
}

/// A borrowed view of one node of a `CmarkTree`.
struct CmarkNode {
    enum Kind {
        case text, code, softBreak, lineBreak, htmlInline, link, image
        case heading, paragraph, codeBlock, htmlBlock
        case other
    }

    fileprivate let pointer: OpaquePointer

    fileprivate init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    var kind: Kind {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_TEXT: .text
        case CMARK_NODE_CODE: .code
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_HTML_INLINE: .htmlInline
        case CMARK_NODE_LINK: .link
        case CMARK_NODE_IMAGE: .image
        case CMARK_NODE_HEADING: .heading
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_CODE_BLOCK: .codeBlock
        case CMARK_NODE_HTML_BLOCK: .htmlBlock
        default: .other
        }
    }

    /// Text of text, code and HTML nodes; empty otherwise.
    var literal: String {
        cmark_node_get_literal(pointer).map { String(cString: $0) } ?? ""
    }

    /// Destination of a link or image.
    var url: String {
        cmark_node_get_url(pointer).map { String(cString: $0) } ?? ""
    }

    /// Sets a link's or image's destination (cmark copies the string).
    func setURL(_ url: String) -> Bool {
        cmark_node_set_url(pointer, url) == 1
    }

    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }

    /// The only child, if the node has exactly one.
    var onlyChild: CmarkNode? {
        guard let child = cmark_node_first_child(pointer), cmark_node_next(child) == nil else { return nil }
        return CmarkNode(child)
    }
}
