import Foundation

/// Writes an output file (`predict --out`) so that readers see either the old file or the whole
/// new one, and so that it can only ever replace a regular file that is not one of the command's
/// inputs.
///
/// The bytes go to a temporary file created exclusively in the same folder, are flushed to disk,
/// and the temporary file is then renamed over the target (rename is atomic within one file
/// system). A failed write removes the temporary file and leaves the target untouched. Temporary
/// files of killed runs (same naming, process gone) are removed by the next write to that folder.
public enum AtomicFileWriter {
  /// Why an output cannot be written. Refusals of the path itself are usage errors (exit 2); a
  /// write that fails on the way (disk full, permissions) is exit 1.
  public struct OutputError: Error, Equatable, CustomStringConvertible, Sendable {
    public var message: String
    public var isUsageError: Bool
    public var description: String { message }
  }

  /// Refuses a target that exists and is not a regular file (a folder, a symbolic link, a named
  /// pipe, a device, a socket), that is one of `inputs` (the same file, under any name), or whose
  /// folder does not exist. Called before any work, so a long run does not end in a refusal; the
  /// write checks again.
  public static func checkTarget(_ path: String, inputs: [String] = []) throws(OutputError) {
    let shown = TerminalText.escaped(path)
    // Both used to be found only by the write, after the work (`predict --out ""`: "No such file
    // or directory", `--out new.npy/`: "Not a directory", exit 1).
    guard !path.isEmpty else {
      throw OutputError(
        message: "refusing to write '': the path is empty; give --out a file path",
        isUsageError: true)
    }
    var info = stat()
    let found = lstat(path, &info) == 0
    let lookup = errno
    if path.hasSuffix("/"), !found || (info.st_mode & S_IFMT) != S_IFDIR {
      throw OutputError(
        message:
          "refusing to write '\(shown)': a path ending in '/' names a folder, not a file; give --out a file path without the trailing '/'",
        isUsageError: true)
    }
    if found {
      let type = info.st_mode & S_IFMT
      guard type == S_IFREG else {
        throw OutputError(
          message:
            "refusing to write '\(shown)': it is \(FileKind.describe(mode: info.st_mode)), not a regular file; give --out a new path or an existing regular file",
          isUsageError: true)
      }
      for input in inputs {
        var other = stat()
        if stat(input, &other) == 0, other.st_dev == info.st_dev, other.st_ino == info.st_ino {
          throw OutputError(
            message:
              "refusing to write '\(shown)': it is the input '\(TerminalText.escaped(input))'; give --out another path",
            isUsageError: true)
        }
      }
    } else if lookup != ENOENT {
      throw OutputError(
        message: "cannot write '\(shown)': \(String(cString: strerror(lookup)))",
        isUsageError: true)
    }
    let folder = (path as NSString).deletingLastPathComponent
    var folderInfo = stat()
    guard stat(folder.isEmpty ? "." : folder, &folderInfo) == 0,
      (folderInfo.st_mode & S_IFMT) == S_IFDIR
    else {
      throw OutputError(
        message:
          "cannot write '\(shown)': the folder '\(TerminalText.escaped(folder))' does not exist",
        isUsageError: true)
    }
  }

  public static func write(_ bytes: [UInt8], to path: String, inputs: [String] = [])
    throws(OutputError)
  {
    try checkTarget(path, inputs: inputs)
    let shown = TerminalText.escaped(path)
    let folder = (path as NSString).deletingLastPathComponent
    let directory = folder.isEmpty ? "." : folder
    let name = (path as NSString).lastPathComponent
    removeStaleTemporaries(in: directory, name: name)
    let pid = ProcessInfo.processInfo.processIdentifier
    var temporary = ""
    var descriptor: Int32 = -1
    for attempt in 0..<100 {
      temporary = (directory as NSString).appendingPathComponent(
        ".\(name).convbook-\(pid)-\(attempt).tmp")
      descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o666)
      if descriptor >= 0 || errno != EEXIST { break }
    }
    guard descriptor >= 0 else {
      throw OutputError(
        message: "cannot write '\(shown)': \(String(cString: strerror(errno)))",
        isUsageError: false)
    }
    func fail(_ reason: String) -> OutputError {
      unlink(temporary)
      return OutputError(message: "cannot write '\(shown)': \(reason)", isUsageError: false)
    }
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        Glibc.write(descriptor, buffer.baseAddress! + written, bytes.count - written)
      }
      if count < 0 {
        if errno == EINTR { continue }
        let reason = String(cString: strerror(errno))
        close(descriptor)
        throw fail(reason)
      }
      written += count
    }
    if fsync(descriptor) != 0 {
      let reason = String(cString: strerror(errno))
      close(descriptor)
      throw fail(reason)
    }
    if close(descriptor) != 0 { throw fail(String(cString: strerror(errno))) }
    // The target may have changed while the output was computed and written.
    do {
      try checkTarget(path, inputs: inputs)
    } catch {
      unlink(temporary)
      throw error
    }
    if rename(temporary, path) != 0 { throw fail(String(cString: strerror(errno))) }
  }

  /// Removes `.NAME.convbook-PID-N.tmp` files in `directory` whose process no longer runs.
  static func removeStaleTemporaries(in directory: String, name: String) {
    let prefix = ".\(name).convbook-"
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
      return
    }
    for entry in entries where entry.hasPrefix(prefix) && entry.hasSuffix(".tmp") {
      let middle = entry.dropFirst(prefix.count).dropLast(4)
      let parts = middle.split(separator: "-")
      guard parts.count == 2, let pid = Int32(parts[0]), Int(parts[1]) != nil,
        ProcessLiveness.isDead(pid)
      else { continue }
      unlink((directory as NSString).appendingPathComponent(entry))
    }
  }
}

/// Whether the process that named a temporary file or folder is gone, so its leftovers can go.
enum ProcessLiveness {
  static func isDead(_ pid: Int32) -> Bool {
    guard pid > 0 else { return false }
    if pid == ProcessInfo.processInfo.processIdentifier { return false }
    return kill(pid, 0) != 0 && errno == ESRCH
  }
}
