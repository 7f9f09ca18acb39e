import Foundation

/// Writes a whole site so that readers only ever see the old site or the new one.
///
/// Files go to a fresh sibling folder first; only when all are written does it take the place of
/// the output folder. An existing output folder is replaced only if an earlier build wrote it
/// (it carries the marker file), so a mistyped `--out` can never delete someone's files.
public struct AtomicSiteWriter {
  public static let markerFileName = ".convbook-site"

  public var outputDirectory: URL
  private let fileManager = FileManager.default

  public init(outputDirectory: URL) {
    self.outputDirectory = outputDirectory.standardizedFileURL
  }

  public enum WriteError: Error, CustomStringConvertible, Equatable {
    case notASite(String)
    case unsafePath(String)
    case io(String)

    public var description: String {
      switch self {
      case .notASite(let path):
        return
          "refusing to replace '\(path)': it exists and was not written by `convbook build` (no \(AtomicSiteWriter.markerFileName) file). Choose another --out folder or remove it yourself."
      case .unsafePath(let path):
        return "refusing to write '\(path)': it lies outside the output folder"
      case .io(let message): return message
      }
    }
  }

  /// Writes `files` (relative path -> contents) as the complete new content of the output folder.
  public func write(_ files: [(path: String, contents: Data)]) throws(WriteError) {
    let parent = outputDirectory.deletingLastPathComponent()
    let base = outputDirectory.lastPathComponent
    let pid = ProcessInfo.processInfo.processIdentifier
    let staging = parent.appendingPathComponent(".\(base).convbook-new-\(pid)")
    let retired = parent.appendingPathComponent(".\(base).convbook-old-\(pid)")
    try checkReplaceable()
    do {
      try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
      try? fileManager.removeItem(at: staging)
      try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
    } catch {
      throw .io("cannot create '\(staging.path)': \(error.localizedDescription)")
    }
    do {
      for file in files {
        let target = staging.appendingPathComponent(file.path).standardizedFileURL
        guard target.path.hasPrefix(staging.standardizedFileURL.path + "/") else {
          throw WriteError.unsafePath(file.path)
        }
        try fileManager.createDirectory(
          at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try file.contents.write(to: target)
      }
      try Data(
        "This folder was written by `convbook build`; the next build replaces it whole.\n".utf8
      )
      .write(to: staging.appendingPathComponent(Self.markerFileName))
    } catch let error as WriteError {
      try? fileManager.removeItem(at: staging)
      throw error
    } catch {
      try? fileManager.removeItem(at: staging)
      throw .io("cannot write the site: \(error.localizedDescription)")
    }
    do {
      if fileManager.fileExists(atPath: outputDirectory.path) {
        try fileManager.moveItem(at: outputDirectory, to: retired)
      }
      try fileManager.moveItem(at: staging, to: outputDirectory)
    } catch {
      // Put the previous site back if the swap did not complete.
      if !fileManager.fileExists(atPath: outputDirectory.path),
        fileManager.fileExists(atPath: retired.path)
      {
        try? fileManager.moveItem(at: retired, to: outputDirectory)
      }
      try? fileManager.removeItem(at: staging)
      throw .io("cannot move the new site into place: \(error.localizedDescription)")
    }
    try? fileManager.removeItem(at: retired)
  }

  private func checkReplaceable() throws(WriteError) {
    var isDirectory: ObjCBool = false
    guard fileManager.fileExists(atPath: outputDirectory.path, isDirectory: &isDirectory) else {
      return
    }
    guard isDirectory.boolValue else { throw .notASite(outputDirectory.path) }
    let contents = (try? fileManager.contentsOfDirectory(atPath: outputDirectory.path)) ?? []
    if contents.isEmpty || contents.contains(Self.markerFileName) { return }
    throw .notASite(outputDirectory.path)
  }
}
