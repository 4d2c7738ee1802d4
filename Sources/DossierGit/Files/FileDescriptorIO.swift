import Foundation

/// Plain POSIX file writing shared by every writer that owns a descriptor (bundle output, site files, new
/// workspace files, the digest cache).
public enum FileDescriptorIO {
    /// Writes all of `bytes` to `descriptor`, going on after partial writes and interrupted calls. Returns nil,
    /// or the `errno` of the write that failed (EIO for a write that made no progress).
    public static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let n = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return n < 0 ? errno : EIO }
            offset += n
        }
        return nil
    }

    public static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { writeAll(descriptor, $0) }
    }
}
