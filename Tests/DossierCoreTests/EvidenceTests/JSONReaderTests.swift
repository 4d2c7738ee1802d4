import Testing

@testable import DossierCore

/// The JSON reader evidence tests use: RFC 8259 values, escapes, clear errors, bounded nesting.
@Suite struct JSONReaderTests {
    func parse(_ text: String) throws -> JSONValue { try JSONReader.parse(Array(text.utf8)) }

    @Test func valuesAreTypedAndObjectsKeepFileOrder() throws {
        let value = try parse(#"{"b": [1, -2.5e1, true, null], "a": "x\"\\\/\n\u00e9\ud83d\ude00"}"#)
        #expect(
            value
                == .object([
                    ("b", .array([.number(1), .number(-25), .bool(true), .null])), ("a", .string("x\"\\/\né😀")),
                ]))
        #expect(try parse("\u{FEFF} [] ") == .array([]))
    }

    @Test(arguments: [
        ("{\"a\": 1,}", "expected a key"), ("[1 2]", "expected `,` or `]`"), ("01", "malformed number"),
        ("\"open", "unclosed string"), ("[1] x", "after the JSON value"), ("tru", "unexpected"),
        ("{\"a\"\n: \"\\q\"}", "unknown escape"), ("", "ends where a value"),
    ])
    func malformedJSONSaysWhat(text: String, message: String) {
        #expect {
            try parse(text)
        } throws: { error in
            (error as? JSONReader.Failure)?.message.contains(message) == true
        }
    }

    @Test func nestingIsBounded() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: JSONReader.Failure.self) { try parse(deep) }
        #expect((try? parse(String(repeating: "[", count: 500) + String(repeating: "]", count: 500))) != nil)
    }
}
