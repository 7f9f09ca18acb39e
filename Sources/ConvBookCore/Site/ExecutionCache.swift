import Foundation
import LessonKit
import LessonRender

/// Executed lessons kept between builds, so that an unchanged lesson is not run again.
///
/// Content-addressed: an entry's key is a hash of everything the lesson's page depends on — the
/// lesson's text, the bytes of every file its cells and figures name, ConvBook itself (its
/// executable's size and date), and the build's settings (footer, solutions, title, template,
/// previous/next pages). Entries are JSON files under `directory` (`.convbook-cache/`,
/// git-ignored), written atomically; one that cannot be read, decoded or whose key does not
/// match is ignored and replaced, never trusted.
public struct ExecutionCache: Sendable {
  public var directory: URL

  public init(directory: URL = URL(fileURLWithPath: ".convbook-cache")) {
    self.directory = directory
  }

  /// A cached run: the key it was stored under (checked on reading) and the job's whole result —
  /// page, files beside it, counts and diagnostics — so that a cached lesson gives exactly what
  /// running it gives.
  struct Entry: Codable {
    var key: String
    var result: LessonJob.Result
  }

  func load(_ key: String) -> LessonJob.Result? {
    guard let data = try? Data(contentsOf: file(for: key)),
      let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.key == key
    else { return nil }
    return entry.result
  }

  /// The stored result under `key`, else `run()`'s, stored for next time unless the run failed
  /// for a reason outside the lesson (a stopped or crashed child process).
  func result(key: String, run: () -> LessonJob.Result) -> LessonJob.Result {
    if let stored = load(key) { return stored }
    let result = run()
    if result.failedOutsideTheLesson != true { store(result, key: key) }
    return result
  }

  func store(_ result: LessonJob.Result, key: String) {
    guard let data = try? JSONEncoder().encode(Entry(key: key, result: result)) else { return }
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    // Written beside and renamed, so a reader never sees half an entry.
    let target = file(for: key)
    let temporary = directory.appendingPathComponent(
      ".\(key).\(ProcessInfo.processInfo.processIdentifier).tmp")
    do {
      try data.write(to: temporary)
      _ = try? FileManager.default.removeItem(at: target)
      try FileManager.default.moveItem(at: temporary, to: target)
    } catch {
      try? FileManager.default.removeItem(at: temporary)
    }
  }

  private func file(for key: String) -> URL {
    directory.appendingPathComponent("\(key).json")
  }

  // MARK: Keys

  /// The key of `job` run on `lesson` (read from `file`): everything its result depends on — the
  /// job (mode, page name, neighbours, site title, instructors' copy), the lesson's bytes and the
  /// files it reads, ConvBook itself, the runner's settings and the page template.
  static func key(
    for job: LessonJob, lesson: Lesson, file: URL, runner: LessonRunner, template: PageTemplate?,
    lessonsDirectory: URL
  ) -> String {
    let files = filesRead(by: lesson, in: lessonsDirectory)
    let settingsText = [
      job.mode.rawValue, runner.footer.rawValue, "\(job.isInstructorCopy)", job.siteTitle,
      job.sourceFile,
      // The Keras version from --keras and the course (a lesson's own option is in its file).
      "\(runner.kerasVersion.commandLine?.rawValue ?? 0)",
      "\(runner.kerasVersion.course?.rawValue ?? 0)",
      job.pageFileName, job.previous?.title ?? "", job.previous?.href ?? "",
      job.next?.title ?? "", job.next?.href ?? "",
    ].joined(separator: "\u{1F}")
    return key(
      [
        convBookFingerprint, (try? Data(contentsOf: file)) ?? Data(),
        Data(settingsText.utf8), Data((template?.text ?? "").utf8),
      ] + files.flatMap { [Data($0.path.utf8), (try? Data(contentsOf: $0)) ?? Data()] })
  }

  /// The key of `parts`: two 64-bit FNV-1a hashes with different offsets, over each part's length
  /// and bytes (so that part boundaries count).
  static func key(_ parts: [Data]) -> String {
    var first: UInt64 = 0xcbf2_9ce4_8422_2325
    var second: UInt64 = 0x8422_2325_cbf2_9ce4
    func mix(_ byte: UInt8) {
      first = (first ^ UInt64(byte)) &* 0x100_0000_01b3
      second = (second ^ UInt64(byte ^ 0x5c)) &* 0x100_0000_01b3
    }
    for part in parts {
      var length = UInt64(part.count)
      for _ in 0..<8 {
        mix(UInt8(length & 0xff))
        length >>= 8
      }
      for byte in part { mix(byte) }
    }
    return String(first, radix: 16) + String(second, radix: 16)
  }

  /// ConvBook itself: its executable's path, size and modification date, so that a new build of
  /// ConvBook never reuses pages an older one made.
  static let convBookFingerprint: Data = {
    let path =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments.first ?? ""
    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
    let size = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
    let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return Data("\(path)|\(size)|\(date)".utf8)
  }()

  /// The files a lesson's cells and figures name in string literals (`weights="flat.npz"`),
  /// resolved against the lessons folder: their bytes are part of the key.
  static func filesRead(by lesson: Lesson, in lessonsDirectory: URL) -> [URL] {
    var texts: [String] = lesson.cells.map(\.source)
    texts += lesson.figures.map(\.text)
    var files: Set<URL> = []
    for text in texts {
      for literal in stringLiterals(in: text) where !literal.isEmpty && literal.count < 300 {
        let url =
          literal.hasPrefix("/")
          ? URL(fileURLWithPath: literal)
          : lessonsDirectory.appendingPathComponent(literal)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
          !isDirectory.boolValue
        {
          files.insert(url.standardizedFileURL)
        }
      }
    }
    return files.sorted { $0.path < $1.path }
  }

  static func stringLiterals(in text: String) -> [String] {
    var literals: [String] = []
    var current: String?
    var quote: Character = "\""
    for character in text {
      if var open = current {
        if character == quote {
          literals.append(open)
          current = nil
        } else if character == "\n" {
          current = nil
        } else {
          open.append(character)
          current = open
        }
      } else if character == "\"" || character == "'" {
        quote = character
        current = ""
      }
    }
    return literals
  }
}
