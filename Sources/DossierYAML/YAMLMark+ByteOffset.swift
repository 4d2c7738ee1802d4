extension YAMLMark {
    /// The text encoding libyaml chose from the byte order mark (UTF-8 when there is none).
    enum SourceEncoding {
        case utf8
        case utf16LittleEndian
        case utf16BigEndian
    }

    /// The mark of the character that holds byte `offset` of the raw input, counted the way
    /// libyaml's scanner counts marks.
    ///
    /// libyaml fills `problem_mark` for scanner and parser errors, but a reader error (invalid
    /// UTF-8, a control character) carries only a byte offset into the raw input, BOM included.
    /// Everything before that offset was decoded successfully, so it can be counted here.
    init(byteOffset offset: Int, in bytes: [UInt8], encoding: SourceEncoding) {
        switch encoding {
        case .utf8:
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
            let start = bytes.starts(with: bom) ? bom.count : 0
            self = Self.counting(bytes, from: start, upTo: Self.characterStart(offset, in: bytes, from: start))
        case .utf16LittleEndian, .utf16BigEndian:
            // Transcode the decoded prefix to UTF-8 and count that; a lone high surrogate at the
            // end belongs to the bad character, not to the text before it.
            let littleEndian = encoding == .utf16LittleEndian
            var units: [UInt16] = []
            let end = min(offset, bytes.count)
            var index = 2
            while index + 1 < end {
                let low = UInt16(bytes[littleEndian ? index : index + 1])
                let high = UInt16(bytes[littleEndian ? index + 1 : index])
                units.append(high << 8 | low)
                index += 2
            }
            if let last = units.last, UTF16.isLeadSurrogate(last) { units.removeLast() }
            let utf8 = Array(String(decoding: units, as: UTF16.self).utf8)
            self = Self.counting(utf8, from: 0, upTo: utf8.count)
        }
    }

    /// This mark, or `end` if this one lies beyond it.
    func clamped(to end: YAMLMark) -> YAMLMark {
        (line, column) > (end.line, end.column) ? end : self
    }

    /// Moves `offset` back to the lead byte when it points inside a multi-byte character
    /// (libyaml reports a bad trailing octet at the octet's own offset).
    private static func characterStart(_ offset: Int, in bytes: [UInt8], from start: Int) -> Int {
        var end = max(start, min(offset, bytes.count))
        var lead = end
        while lead > start, end - lead < 3, bytes[lead - 1] & 0xC0 == 0x80 { lead -= 1 }
        if lead > start {
            let byte = bytes[lead - 1]
            let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            if width > end - (lead - 1) { end = lead - 1 }
        }
        return end
    }

    /// Counts lines and characters in valid UTF-8, treating CR LF, CR, LF, NEL, LS and PS as
    /// one line break each, as libyaml 0.2.5 does.
    private static func counting(_ bytes: [UInt8], from start: Int, upTo end: Int) -> YAMLMark {
        var mark = YAMLMark.start
        var index = start
        while index < end {
            let byte = bytes[index]
            var breakWidth = 0
            if byte == 0x0D {
                breakWidth = index + 1 < end && bytes[index + 1] == 0x0A ? 2 : 1
            } else if byte == 0x0A {
                breakWidth = 1
            } else if byte == 0xC2, index + 1 < end, bytes[index + 1] == 0x85 {
                breakWidth = 2
            } else if byte == 0xE2, index + 2 < end, bytes[index + 1] == 0x80,
                bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
            {
                breakWidth = 3
            }
            if breakWidth > 0 {
                mark.line += 1
                mark.column = 1
                index += breakWidth
            } else {
                if byte & 0xC0 != 0x80 { mark.column += 1 }
                index += 1
            }
        }
        return mark
    }
}
