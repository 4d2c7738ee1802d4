import Foundation

/// The data a template renders: what the page builders' `[String: Any]` dictionaries hold, converted once per
/// page so that rendering never casts.
///
/// Section truthiness is swift-mustache's, which the built-in templates were written against: `false`,
/// null and the empty list are false; everything else, the empty string included, is true (a string or an
/// object is pushed as the section's context; `true` keeps the current one).
enum TemplateValue: Sendable {
    case null
    case bool(Bool)
    case string(String)
    case list([TemplateValue])
    case object([String: TemplateValue])

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
