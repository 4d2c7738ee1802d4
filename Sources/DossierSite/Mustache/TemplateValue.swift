import Foundation

/// The data a template renders: what the page builders' `[String: Any]` dictionaries hold, converted once per
/// page so that rendering never casts.
///
/// Section truthiness is swift-mustache's, which the built-in templates were written against: `false`,
/// null and the empty list are false; everything else, the empty string included, is true (a string or an
/// object is pushed as the section's context; `true` keeps the current one).
enum TemplateValue {
    case null
    case bool(Bool)
    case string(String)
    case list([TemplateValue])
    case object([String: TemplateValue])
    /// A list built one item at a time while its section renders.
    case rows(TemplateRows)
    /// Text rendered straight into the output where it is used (a page's body inside the layout), never
    /// held as a string; behaves as a non-empty string.
    case deferred(DeferredText)

    /// Converts page-builder data: strings, booleans, integers, dictionaries, arrays, optionals of them and
    /// `NSNull` (null: a name bound to it stops the lookup instead of climbing to an outer context).
    /// Anything else renders as its description, as swift-mustache did.
    init(_ any: Any) {
        switch any {
        case let value as String: self = .string(value)
        case let value as Bool: self = .bool(value)
        case let value as [String: Any]: self = .object(value.mapValues(TemplateValue.init))
        case let value as [[String: Any]]: self = .list(value.map { .object($0.mapValues(TemplateValue.init)) })
        case let value as [Any]: self = .list(value.map(TemplateValue.init))
        case let value as Int: self = .string(String(value))
        case let value as TemplateValue: self = value
        case let value as TemplateRows: self = .rows(value)
        case is NSNull: self = .null
        case let value as any OptionalConvertible: self = value.templateValue
        default: self = .string(String(describing: any))
        }
    }

    subscript(name: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[name] }
        return nil
    }
}

/// `Optional` seen through `Any`: nil is null, a value converts as itself.
protocol OptionalConvertible {
    var templateValue: TemplateValue { get }
}

extension Optional: OptionalConvertible {
    var templateValue: TemplateValue {
        switch self {
        case .none: .null
        case .some(let wrapped): TemplateValue(wrapped)
        }
    }
}

/// A long list whose items are built only while its section renders, one at a time: the evidence inventory
/// of a workspace with 20,000 files would otherwise hold 20,000 row dictionaries (and their converted
/// copies) at once. Behaves as a list: an empty one hides the section.
struct TemplateRows {
    let count: Int
    let item: (Int) -> Any

    init(count: Int, item: @escaping (Int) -> Any) {
        self.count = count
        self.item = item
    }

    init<C: RandomAccessCollection>(_ elements: C, _ transform: @escaping (C.Element) -> Any) where C.Index == Int {
        self.count = elements.count
        let start = elements.startIndex
        self.item = { transform(elements[start + $0]) }
    }

    var isEmpty: Bool { count == 0 }

    /// Every item, built now (for code that needs a plain array).
    var materialized: [Any] { (0..<count).map(item) }
}

/// Renders its text into the output it is given.
final class DeferredText {
    let render: (MustacheOutput) -> Void

    init(_ render: @escaping (MustacheOutput) -> Void) { self.render = render }
}
