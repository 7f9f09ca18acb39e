import Foundation

/// Reads a lesson, script or theme file as UTF-8 text, or says precisely why it cannot: missing,
/// a dangling symlink, not a regular file (a folder, a pipe, a device), no permission, too large,
/// or not UTF-8 (with the line, column and byte offset of the first bad byte).
///
/// Nothing is opened before it is known to be a regular file, and it is opened without blocking,
/// so a named pipe called `lesson.md` cannot hang a build.
public enum TextFile {
  /// Lessons and scripts are small; a larger file is refused before it is read into memory.
  public static let maximumBytes = 16 * 1024 * 1024

  public enum ReadError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Nothing at the path: the user named something that is not there (a usage error).
    case missing(path: String)
    case danglingSymlink(path: String)
    case notARegularFile(path: String, kind: String)
    case unreadable(path: String, reason: String)
    case tooLarge(path: String, bytes: Int, limit: Int)
    /// The first byte that is not part of valid UTF-8; line and column are 1-based (the column
    /// counts characters), the offset 0-based bytes from the start of the file.
    case invalidUTF8(path: String, line: Int, column: Int, byteOffset: Int, byte: UInt8)

    public var path: String {
      switch self {
      case .missing(let path), .danglingSymlink(let path), .notARegularFile(let path, _),
        .unreadable(let path, _), .tooLarge(let path, _, _), .invalidUTF8(let path, _, _, _, _):
        return path
      }
    }

    /// The file does not exist at all: the command line named something that is not there.
    public var isMissing: Bool {
      if case .missing = self { return true }
      return false
    }

    /// Line and column for a diagnostic (0 when the problem concerns the whole file).
    public var position: (line: Int, column: Int) {
      if case .invalidUTF8(_, let line, let column, _, _) = self { return (line, column) }
      return (0, 0)
    }

    /// The reason, without the path (diagnostics put the path in front).
    public var reason: String {
      switch self {
      case .missing: return "no such file"
      case .danglingSymlink: return "it is a symbolic link to a file that does not exist"
      case .notARegularFile(_, let kind): return "it is \(kind), not a regular file"
      case .unreadable(_, let reason): return reason
      case .tooLarge(_, let bytes, let limit):
        return "it is \(bytes) bytes, more than the \(limit) bytes ConvBook reads from such a file"
      case .invalidUTF8(_, let line, let column, let offset, let byte):
        return
          "it is not valid UTF-8: byte 0x\(String(byte, radix: 16, uppercase: true)) at line \(line), column \(column) (byte offset \(offset)); save it as UTF-8"
      }
    }

    public var description: String { message() }

    /// `cannot read the lesson 'a.md:3:7': ...` with `what` = "the lesson".
    public func message(what: String? = nil) -> String {
      let (line, column) = position
      let location = line > 0 ? "\(path):\(line):\(column)" : path
      return
        "cannot read \(what.map { $0 + " " } ?? "")'\(TerminalText.escaped(location))': \(reason)"
    }
  }

  /// The file's text.
  public static func read(_ path: String) throws(ReadError) -> String {
    try text(of: readBytes(path), path: path)
  }

  /// `bytes`, read from `path`, as UTF-8 text (the error names the first bad byte).
  public static func text(of bytes: [UInt8], path: String) throws(ReadError) -> String {
    if let bad = firstInvalidUTF8(bytes) {
      let lineStart = bytes[..<bad].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
      let line = bytes[..<bad].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
      let column = String(decoding: bytes[lineStart..<bad], as: UTF8.self).unicodeScalars.count + 1
      throw .invalidUTF8(path: path, line: line, column: column, byteOffset: bad, byte: bytes[bad])
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The file's bytes, after the same checks as `read` (all but the encoding).
  public static func readBytes(_ path: String, limit: Int = maximumBytes) throws(ReadError)
    -> [UInt8]
  {
    var link = stat()
    guard lstat(path, &link) == 0 else {
      if errno == ENOENT || errno == ENOTDIR { throw .missing(path: path) }
      throw .unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    var info = stat()
    if stat(path, &info) != 0 {
      if (link.st_mode & S_IFMT) == S_IFLNK && errno == ENOENT {
        throw .danglingSymlink(path: path)
      }
      throw .unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      throw .notARegularFile(path: path, kind: FileKind.describe(mode: info.st_mode))
    }
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw .unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    defer { close(descriptor) }
    // Checked again on what was opened: the path may have changed since `stat`.
    guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
      throw .notARegularFile(path: path, kind: FileKind.describe(mode: info.st_mode))
    }
    let size = Int(info.st_size)
    guard size <= limit else { throw .tooLarge(path: path, bytes: size, limit: limit) }
    var bytes = [UInt8](repeating: 0, count: size)
    var filled = 0
    while filled < size {
      let count = bytes.withUnsafeMutableBytes { buffer in
        Glibc.read(descriptor, buffer.baseAddress! + filled, size - filled)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw .unreadable(path: path, reason: String(cString: strerror(errno)))
      }
      if count == 0 { break }
      filled += count
    }
    // A file that shrank while being read is taken as it was read.
    bytes.removeLast(size - filled)
    return bytes
  }

  /// The offset of the first byte that does not start well-formed UTF-8 (RFC 3629: no overlong
  /// forms, no surrogates, nothing above U+10FFFF), or nil when all of it is valid.
  public static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    var index = 0
    let count = bytes.count
    while index < count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      let length: Int
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0:
        length = 3
        low = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED:
        length = 3
        high = 0x9F
      case 0xF0:
        length = 4
        low = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4:
        length = 4
        high = 0x8F
      default: return index
      }
      for offset in 1..<length {
        guard index + offset < count else { return index }
        let byte = bytes[index + offset]
        let (min, max) = offset == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
        guard byte >= min && byte <= max else { return index }
      }
      index += length
    }
    return nil
  }
}

/// Names what kind of file system object a mode describes, for messages.
enum FileKind {
  static func describe(mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFDIR: return "a folder"
    case S_IFIFO: return "a named pipe"
    case S_IFSOCK: return "a socket"
    case S_IFCHR: return "a character device"
    case S_IFBLK: return "a block device"
    case S_IFLNK: return "a symbolic link"
    case S_IFREG: return "a regular file"
    default: return "not a regular file"
    }
  }
}
