import Foundation

/// Writes a file so that readers see either the old file or the whole new one: the bytes go to a
/// temporary file in the same folder, which is then renamed over the target (rename is atomic
/// within one file system). A failed write leaves the target untouched.
public enum AtomicFileWriter {
  public static func write(_ bytes: [UInt8], to path: String) throws(ForwardCommandError) {
    let target = URL(fileURLWithPath: path)
    let folder = target.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(
      ".\(target.lastPathComponent).convbook-\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
      try Data(bytes).write(to: temporary)
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw .input("cannot write '\(path)': \(error.localizedDescription)")
    }
    if rename(temporary.path, target.path) != 0 {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw .input("cannot write '\(path)': \(reason)")
    }
  }
}
