import Foundation

/// Writes a whole site so that readers only ever see the old site or the new one.
///
/// Files go to a fresh sibling folder first (`.NAME.convbook-new-PID`); only when all are written
/// does it take the place of the output folder, in one atomic step: on Linux the two folders are
/// exchanged with `renameat2(RENAME_EXCHANGE)`, so there is no moment without a site; elsewhere (or
/// on a file system without exchange) the old folder is moved aside and the new one moved in, and
/// put back if that fails. The previous site is then deleted; if it cannot be, the build fails.
///
/// An existing output folder is replaced only if an earlier build wrote it (it carries the marker
/// file), so a mistyped `--out` can never delete someone's files. A symbolic link at `--out` is
/// followed: the site is built beside the folder it points to and exchanged there, and the link is
/// left as it is. Staging and retired folders that killed builds left behind (our naming, a process
/// that no longer runs) are removed by the next build.
public struct AtomicSiteWriter {
  public static let markerFileName = ".convbook-site"

  public var outputDirectory: URL
  private let fileManager = FileManager.default

  public init(outputDirectory: URL) {
    self.outputDirectory = outputDirectory.standardizedFileURL
  }

  public enum WriteError: Error, CustomStringConvertible, Equatable {
    case notASite(String)
    /// The output folder holds one of the build's inputs (the lessons): replacing it would lose them.
    case containsInput(output: String, input: String)
    case unsafePath(String)
    case io(String)
    /// The new site is in place, but the previous one could not be deleted.
    case oldSiteNotRemoved(path: String, reason: String)

    public var description: String {
      switch self {
      case .notASite(let path):
        return
          "refusing to replace '\(TerminalText.escaped(path))': it exists and was not written by `convbook build` (no \(AtomicSiteWriter.markerFileName) file). Choose another --out folder or remove it yourself."
      case .containsInput(let output, let input):
        return
          "refusing to replace '\(TerminalText.escaped(output))': it holds '\(TerminalText.escaped(input))', an input of this build. Choose another --out folder."
      case .unsafePath(let path):
        return
          "refusing to write '\(TerminalText.escaped(path))': it lies outside the output folder"
      case .io(let message): return message
      case .oldSiteNotRemoved(let path, let reason):
        return
          "the new site is in place, but the previous one could not be deleted from '\(TerminalText.escaped(path))' (\(reason)); delete it yourself"
      }
    }
  }

  /// The folder the site really goes to: `outputDirectory`, or where a symbolic link there points
  /// (following a chain of links).
  public func resolvedOutputDirectory() throws(WriteError) -> URL {
    var current = outputDirectory
    for _ in 0..<40 {
      var info = stat()
      guard lstat(current.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else {
        return current
      }
      guard let destination = try? fileManager.destinationOfSymbolicLink(atPath: current.path)
      else {
        throw .io("cannot read the symbolic link '\(TerminalText.escaped(current.path))'")
      }
      current =
        destination.hasPrefix("/")
        ? URL(fileURLWithPath: destination)
        : current.deletingLastPathComponent().appendingPathComponent(destination)
      current = current.standardizedFileURL
    }
    throw .io(
      "cannot follow '\(TerminalText.escaped(outputDirectory.path))': too many levels of symbolic links"
    )
  }

  /// Whether the output folder may be replaced, checked before a build does any work: it must be
  /// missing, empty or a site an earlier build wrote, and must not hold any of `inputs`.
  public func checkTarget(inputs: [URL] = []) throws(WriteError) {
    let target = try resolvedOutputDirectory()
    try checkReplaceable(target)
    let real = Self.realPath(target)
    for input in inputs {
      let path = Self.realPath(input)
      if path == real || path.hasPrefix(real == "/" ? "/" : real + "/") {
        throw .containsInput(output: target.path, input: input.path)
      }
    }
  }

  /// The path with every symbolic link resolved, as far as it exists.
  static func realPath(_ url: URL) -> String {
    url.standardizedFileURL.resolvingSymlinksInPath().path
  }

  /// Writes `files` (relative path -> contents) as the complete new content of the output folder.
  /// `inputs`: paths that must not lie inside it (see `checkTarget`).
  public func write(_ files: [(path: String, contents: Data)]) throws(WriteError) {
    let target = try resolvedOutputDirectory()
    let parent = target.deletingLastPathComponent()
    let base = target.lastPathComponent
    guard !base.isEmpty, base != "/", base != ".", base != ".." else {
      throw .notASite(target.path)
    }
    let pid = ProcessInfo.processInfo.processIdentifier
    let staging = parent.appendingPathComponent(".\(base).convbook-new-\(pid)")
    let retired = parent.appendingPathComponent(".\(base).convbook-old-\(pid)")
    try checkReplaceable(target)
    do {
      try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
    } catch {
      throw .io(
        "cannot create '\(TerminalText.escaped(parent.path))': \(error.localizedDescription)")
    }
    removeLeftovers(in: parent, base: base)
    do {
      try? fileManager.removeItem(at: staging)
      try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
    } catch {
      throw .io(
        "cannot create '\(TerminalText.escaped(staging.path))': \(error.localizedDescription)")
    }
    do {
      for file in files {
        let path = staging.appendingPathComponent(file.path).standardizedFileURL
        guard path.path.hasPrefix(staging.standardizedFileURL.path + "/") else {
          throw WriteError.unsafePath(file.path)
        }
        try fileManager.createDirectory(
          at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        try file.contents.write(to: path)
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
    try swap(staging: staging, into: target, retired: retired)
  }

  /// Puts `staging` in place of `target`; afterwards neither `staging` nor `retired` exists, or the
  /// build fails saying which one is left.
  private func swap(staging: URL, into target: URL, retired: URL) throws(WriteError) {
    let exists = fileManager.fileExists(atPath: target.path)
    switch AtomicRename.rename(staging.path, target.path, exchange: exists) {
    case .done:
      // After an exchange `staging` holds the previous site.
      if exists { try removeOldSite(staging) }
      return
    case .failed(let reason):
      try? fileManager.removeItem(at: staging)
      throw .io("cannot move the new site into place: \(reason)")
    case .unsupported:
      break
    }
    // Two renames: there is a moment without a site, and a kill in it leaves the previous site in
    // `retired`, which the next build removes.
    do {
      if exists { try fileManager.moveItem(at: target, to: retired) }
      try fileManager.moveItem(at: staging, to: target)
    } catch {
      if !fileManager.fileExists(atPath: target.path),
        fileManager.fileExists(atPath: retired.path)
      {
        try? fileManager.moveItem(at: retired, to: target)
      }
      try? fileManager.removeItem(at: staging)
      throw .io("cannot move the new site into place: \(error.localizedDescription)")
    }
    if exists { try removeOldSite(retired) }
  }

  private func removeOldSite(_ folder: URL) throws(WriteError) {
    do {
      try fileManager.removeItem(at: folder)
    } catch {
      throw .oldSiteNotRemoved(path: folder.path, reason: Self.reason(error))
    }
  }

  private static func reason(_ error: Error) -> String {
    let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
    if let underlying, underlying.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(underlying.code)))
    }
    return error.localizedDescription
  }

  /// Removes `.BASE.convbook-new-PID` and `.BASE.convbook-old-PID` folders of builds whose process
  /// no longer runs: a build killed while staging or before deleting the previous site.
  func removeLeftovers(in parent: URL, base: String) {
    guard let entries = try? fileManager.contentsOfDirectory(atPath: parent.path) else { return }
    for entry in entries {
      for kind in ["new", "old"] {
        let prefix = ".\(base).convbook-\(kind)-"
        guard entry.hasPrefix(prefix), let pid = Int32(entry.dropFirst(prefix.count)),
          String(pid) == entry.dropFirst(prefix.count), ProcessLiveness.isDead(pid)
        else { continue }
        let path = parent.appendingPathComponent(entry)
        var info = stat()
        guard lstat(path.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { continue }
        try? fileManager.removeItem(at: path)
      }
    }
  }

  private func checkReplaceable(_ target: URL) throws(WriteError) {
    var info = stat()
    guard lstat(target.path, &info) == 0 else { return }
    guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .notASite(target.path) }
    let contents = (try? fileManager.contentsOfDirectory(atPath: target.path)) ?? []
    if contents.isEmpty || contents.contains(Self.markerFileName) { return }
    throw .notASite(target.path)
  }
}

/// `renameat2` where the C library has it (Linux): an atomic exchange of two paths, or a rename
/// that refuses to replace anything. Looked up at run time, so ConvBook still builds and runs
/// where it is missing (then the caller falls back to plain renames).
enum AtomicRename {
  enum Outcome: Equatable {
    case done
    case failed(String)
    /// No `renameat2`, or the file system cannot exchange.
    case unsupported
  }

  private typealias RenameAt2 =
    @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

  private static let renameat2: RenameAt2? = {
    guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else {
      return nil
    }
    return unsafeBitCast(symbol, to: RenameAt2.self)
  }()

  /// Exchanges `from` and `to` (both must exist) or, with `exchange` false, moves `from` to `to`
  /// only if nothing is there.
  static func rename(_ from: String, _ to: String, exchange: Bool) -> Outcome {
    guard let renameat2 else { return .unsupported }
    let flags: UInt32 = exchange ? 2 : 1  // RENAME_EXCHANGE : RENAME_NOREPLACE
    if renameat2(AT_FDCWD, from, AT_FDCWD, to, flags) == 0 { return .done }
    let code = errno
    if code == ENOSYS || code == EINVAL { return .unsupported }
    return .failed(String(cString: strerror(code)))
  }
}
