internal import CYAML

/// Owns one libyaml `yaml_parser_t` and the copy of the input it reads, and hands out events
/// as Swift values.
///
/// libyaml keeps a pointer to the input for the parser's whole life, so the reader copies the
/// bytes into memory it owns and frees both in `deinit`. Each event is deleted before `next()`
/// returns. Every libyaml return code goes through ``check(_:)``.
final class YAMLEventReader {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutableBufferPointer<UInt8>
    private let inputCount: Int
    private var isInitialized = false
    /// Set when `yaml_parser_initialize` failed; thrown by every `next()`.
    private var startupProblem: YAMLProblem?
    /// The mark just past the last character, counted once libyaml has chosen the encoding.
    private var endMark: YAMLMark?

    init(bytes: [UInt8]) {
        parser = .allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        // One spare byte so that even empty input has an address to hand to libyaml.
        input = .allocate(capacity: bytes.count + 1)
        _ = input.initialize(from: bytes)
        input[bytes.count] = 0
        inputCount = bytes.count
        do {
            try check(yaml_parser_initialize(parser))
            isInitialized = true
            yaml_parser_set_input_string(parser, input.baseAddress, inputCount)
        } catch {
            startupProblem = error
        }
    }

    deinit {
        if isInitialized { yaml_parser_delete(parser) }
        parser.deinitialize(count: 1)
        parser.deallocate()
        input.deallocate()
    }

    /// The next event, or the problem that stopped libyaml. Do not call again after
    /// `.streamEnd` or a thrown problem.
    func next() throws(YAMLProblem) -> YAMLEvent {
        if let startupProblem { throw startupProblem }
        var event = yaml_event_t()
        try check(yaml_parser_parse(parser, &event))
        defer { yaml_event_delete(&event) }
        // An empty node at the end of input (`---` alone) gets libyaml's mark on the line after the last
        // one, which does not exist when the file lacks a final newline: clamp to the real end, as for errors.
        return YAMLEvent(event, end: end())
    }

    private func end() -> YAMLMark {
        if let endMark { return endMark }
        let mark = YAMLMark(
            byteOffset: inputCount, in: inputBytes(), encoding: YAMLMark.SourceEncoding(parser.pointee.encoding))
        endMark = mark
        return mark
    }

    // MARK: - Errors

    /// Turns a libyaml return code (1 success, 0 failure) into a thrown ``YAMLProblem`` that
    /// carries libyaml's own `problem` and `context` text and a 1-based mark.
    private func check(_ returnCode: Int32) throws(YAMLProblem) {
        guard returnCode == 0 else { return }
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) }
        switch state.error {
        case YAML_MEMORY_ERROR:
            throw YAMLProblem(.syntax, problem ?? "libyaml ran out of memory", at: .start)
        case YAML_READER_ERROR:
            // Reader errors leave problem_mark empty; only the byte offset is known.
            var message = problem ?? "cannot read the input"
            if state.problem_value >= 0 {
                message += " (\(Self.describe(state.problem_value, isByte: message.contains("octet"))))"
            }
            let mark = YAMLMark(
                byteOffset: state.problem_offset,
                in: inputBytes(),
                encoding: YAMLMark.SourceEncoding(state.encoding))
            let hint =
                message.hasPrefix("control characters")
                ? "remove the character; YAML text allows tab, line feed and carriage return only"
                : "save the file as UTF-8 text"
            throw YAMLProblem(.syntax, message, at: mark, hint: hint)
        default:
            // At the end of input libyaml puts its mark on the line after the last one, which
            // does not exist when the file lacks a final newline: clamp to the real end.
            let end = YAMLMark(
                byteOffset: inputCount, in: inputBytes(), encoding: YAMLMark.SourceEncoding(state.encoding))
            var message = problem ?? "libyaml could not parse the input"
            if let context = state.context.map({ String(cString: $0) }) {
                let start = YAMLMark(state.context_mark).clamped(to: end)
                message += " (\(context) that started at line \(start.line), column \(start.column))"
            }
            throw YAMLProblem(.syntax, message, at: YAMLMark(state.problem_mark).clamped(to: end))
        }
    }

    private func inputBytes() -> [UInt8] {
        Array(UnsafeBufferPointer(start: input.baseAddress, count: inputCount))
    }

    /// `byte 0xFF` for a bad octet, `U+0007` for a bad character.
    private static func describe(_ value: Int32, isByte: Bool) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return isByte
            ? "byte 0x" + String(repeating: "0", count: max(0, 2 - hex.count)) + hex
            : "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

// MARK: - Conversions from libyaml values

extension YAMLMark {
    /// libyaml marks are 0-based.
    init(_ mark: yaml_mark_t) {
        self.init(line: mark.line + 1, column: mark.column + 1)
    }
}

extension YAMLMark.SourceEncoding {
    init(_ encoding: yaml_encoding_t) {
        switch encoding {
        case YAML_UTF16LE_ENCODING: self = .utf16LittleEndian
        case YAML_UTF16BE_ENCODING: self = .utf16BigEndian
        default: self = .utf8
        }
    }
}

extension YAMLScalarStyle {
    init(_ style: yaml_scalar_style_t) {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: self = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: self = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: self = .literal
        case YAML_FOLDED_SCALAR_STYLE: self = .folded
        default: self = .plain
        }
    }
}

extension YAMLEvent {
    /// Copies everything out of a libyaml event, its mark no later than `end`; the caller still deletes the
    /// event.
    init(_ event: yaml_event_t, end: YAMLMark) {
        let mark = YAMLMark(event.start_mark).clamped(to: end)
        switch event.type {
        case YAML_STREAM_START_EVENT:
            self = .streamStart
        case YAML_DOCUMENT_START_EVENT:
            self = .documentStart(mark: mark)
        case YAML_DOCUMENT_END_EVENT:
            self = .documentEnd
        case YAML_ALIAS_EVENT:
            self = .alias(anchor: Self.string(event.data.alias.anchor) ?? "", mark: mark)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            // Scalars may hold NUL (from a "\0" escape), so use the length, not strlen.
            let text = String(
                decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            self = .scalar(
                text, style: YAMLScalarStyle(scalar.style), anchor: Self.string(scalar.anchor),
                tag: Self.string(scalar.tag), mark: mark)
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            self = .sequenceStart(anchor: Self.string(start.anchor), tag: Self.string(start.tag), mark: mark)
        case YAML_SEQUENCE_END_EVENT:
            self = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            self = .mappingStart(anchor: Self.string(start.anchor), tag: Self.string(start.tag), mark: mark)
        case YAML_MAPPING_END_EVENT:
            self = .mappingEnd
        default:
            // YAML_NO_EVENT: libyaml has nothing more to say.
            self = .streamEnd
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
