/// File types that are already compressed: a zip stores them as they are instead of deflating them again,
/// which would cost time and gain nothing.
package enum Precompressed {
    package static let extensions: Set<String> = [
        // images
        "png", "jpg", "jpeg", "gif", "webp", "heic", "heif", "avif", "jp2",
        // documents and office files (zip containers)
        "pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "epub", "pages", "numbers", "key",
        // archives and compressed streams
        "zip", "gz", "tgz", "bz2", "xz", "zst", "lz4", "7z", "rar", "jar", "apk", "whl",
        // audio and video
        "mp4", "m4v", "mov", "mkv", "webm", "avi", "mp3", "m4a", "aac", "ogg", "opus", "flac",
        // fonts
        "woff", "woff2",
    ]

    package static func contains(_ path: [UInt8]) -> Bool {
        guard let dot = path.lastIndex(of: UInt8(ascii: ".")), !path[dot...].contains(UInt8(ascii: "/")) else {
            return false
        }
        return extensions.contains(String(decoding: path[(dot + 1)...], as: UTF8.self).lowercased())
    }
}
