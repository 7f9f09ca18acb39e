import ConvBookCore
import Foundation
import Testing

/// Lessons that cannot be read fail by name; outputs never replace the wrong thing.
@Suite struct FileSafetyTests {
  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-files-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static let lesson = """
    # Fine

    ```keras
    from tensorflow import keras
    from tensorflow.keras import layers
    model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(2)])
    ```
    """

  static func write(_ bytes: [UInt8], _ url: URL) throws {
    try Data(bytes).write(to: url)
  }

  static var isRoot: Bool { getuid() == 0 }

  // MARK: reading

  @Test func invalidUTF8IsReportedWithLineColumnAndOffset() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("bad.py")
    try Self.write(Array("x = 1\nyé = \u{1}".utf8) + [0xFF] + Array("\n".utf8), file)
    #expect(
      throws: TextFile.ReadError.invalidUTF8(
        path: file.path, line: 2, column: 7, byteOffset: 13, byte: 0xFF)
    ) {
      try TextFile.read(file.path)
    }
    let error = try #require(throws: TextFile.ReadError.self) { try TextFile.read(file.path) }
    #expect(error.description.contains("line 2, column 7 (byte offset 13)"))
  }

  @Test func malformedUTF8Forms() {
    #expect(TextFile.firstInvalidUTF8(Array("héllo ✓ 𝄞".utf8)) == nil)
    #expect(TextFile.firstInvalidUTF8([0x61, 0xC0, 0x80]) == 1)  // overlong
    #expect(TextFile.firstInvalidUTF8([0xED, 0xA0, 0x80]) == 0)  // surrogate
    #expect(TextFile.firstInvalidUTF8([0xF4, 0x90, 0x80, 0x80]) == 0)  // above U+10FFFF
    #expect(TextFile.firstInvalidUTF8([0x61, 0x62, 0xE2, 0x9C]) == 2)  // truncated
    #expect(TextFile.firstInvalidUTF8([0x80]) == 0)  // stray continuation
  }

  @Test func foldersPipesAndDanglingLinksAreNotLessons() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let folder = dir.appendingPathComponent("folder.md")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
    let link = dir.appendingPathComponent("dangling.md")
    try FileManager.default.createSymbolicLink(
      atPath: link.path, withDestinationPath: "nowhere.md")
    let pipe = dir.appendingPathComponent("pipe.md")
    #expect(mkfifo(pipe.path, 0o644) == 0)
    #expect(throws: TextFile.ReadError.notARegularFile(path: folder.path, kind: "a folder")) {
      try TextFile.read(folder.path)
    }
    #expect(throws: TextFile.ReadError.danglingSymlink(path: link.path)) {
      try TextFile.read(link.path)
    }
    // Opening a pipe would block until a writer comes; it is refused without opening it.
    #expect(throws: TextFile.ReadError.notARegularFile(path: pipe.path, kind: "a named pipe")) {
      try TextFile.read(pipe.path)
    }
    #expect(throws: TextFile.ReadError.missing(path: dir.appendingPathComponent("no.md").path)) {
      try TextFile.read(dir.appendingPathComponent("no.md").path)
    }
    #expect(throws: TextFile.ReadError.self) { try TextFile.readBytes("/dev/zero") }
  }

  @Test(.enabled(if: !isRoot, "root reads files whatever their mode bits say"))
  func fileWithoutReadPermission() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("secret.md")
    try Self.lesson.write(to: file, atomically: false, encoding: .utf8)
    chmod(file.path, 0)
    let error = try #require(throws: TextFile.ReadError.self) { try TextFile.read(file.path) }
    #expect(error.description.contains("Permission denied"))
  }

  @Test func tooLargeFilesAreRefusedBeforeReading() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("big.py")
    try Self.write([UInt8](repeating: 0x20, count: 100), file)
    #expect(throws: TextFile.ReadError.tooLarge(path: file.path, bytes: 100, limit: 10)) {
      try TextFile.readBytes(file.path, limit: 10)
    }
  }

  /// Every kind of unreadable lesson fails by name; the others are built; verify agrees.
  @Test func unreadableLessonsFailByNameAndTheOthersBuild() throws {
    let dir = try Self.folder()
    let lessons = dir.appendingPathComponent("lessons")
    try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: false)
    defer { try? FileManager.default.removeItem(at: dir) }
    try Self.lesson.write(
      to: lessons.appendingPathComponent("01-good.md"), atomically: false, encoding: .utf8)
    try Self.write(
      Array("# Bad\n\nab".utf8) + [0xC3, 0x28], lessons.appendingPathComponent("02-utf8.md"))
    try FileManager.default.createDirectory(
      at: lessons.appendingPathComponent("03-folder.md"), withIntermediateDirectories: false)
    try FileManager.default.createSymbolicLink(
      atPath: lessons.appendingPathComponent("04-dangling.md").path,
      withDestinationPath: "gone.md")
    try Self.lesson.write(
      to: lessons.appendingPathComponent("05-good.md"), atomically: false, encoding: .utf8)
    let site = dir.appendingPathComponent("site")
    let report = try SiteBuilder().build(lessonsDirectory: lessons, outputDirectory: site)
    let failing = report.failingLessons
    #expect(failing.map(\.pageFileName) == ["02-utf8.html", "03-folder.html", "04-dangling.html"])
    let utf8 = try #require(failing.first?.diagnostics.first)
    #expect((utf8.line, utf8.column) == (3, 3))
    #expect(utf8.message.contains("not valid UTF-8: byte 0xC3 at line 3, column 3 (byte offset 9)"))
    #expect(failing[1].diagnostics.first?.message.contains("a folder, not a regular file") == true)
    #expect(failing[2].diagnostics.first?.message.contains("symbolic link") == true)
    for page in ["01-good.html", "05-good.html", "02-utf8.html", "index.html"] {
      #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(page).path))
    }
    let badPage = try String(
      contentsOf: site.appendingPathComponent("03-folder.html"), encoding: .utf8)
    #expect(badPage.contains("cannot read this lesson"))

    let outcomes = try LessonVerifier().verify(path: lessons)
    #expect(
      outcomes.filter { !$0.passed }.map(\.sourceFile).map { ($0 as NSString).lastPathComponent }
        == [
          "02-utf8.md", "03-folder.md", "04-dangling.md",
        ])
    #expect(outcomes[1].summaryLine.hasSuffix("1 error (0 cells, 0 inline values, 0 exercises)"))
  }

  /// A lesson named like another lesson's student file (`02.student.md` beside `02.md`) would
  /// write that student file and that notebook over the other lesson's: it fails by name, and
  /// the other lesson's files are its own.
  @Test func lessonNamedLikeAnotherLessonsStudentFileFailsByName() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let lessons = dir.appendingPathComponent("lessons")
    try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: false)
    try Self.lesson.write(
      to: lessons.appendingPathComponent("02.md"), atomically: false, encoding: .utf8)
    try "# Shadow\n\nA second lesson.\n".write(
      to: lessons.appendingPathComponent("02.student.md"), atomically: false, encoding: .utf8)
    let site = dir.appendingPathComponent("site")
    let report = try SiteBuilder().build(lessonsDirectory: lessons, outputDirectory: site)
    #expect(report.failingLessons.map(\.pageFileName) == ["02.student.html"])
    #expect(
      report.failingLessons.first?.diagnostics.first?.message
        == "a lesson cannot be named 02.student.md here: 02.md writes 02.student.md into the site already; rename the lesson"
    )
    let student = try String(
      contentsOf: site.appendingPathComponent("02.student.md"), encoding: .utf8)
    #expect(student.hasPrefix("# Fine"))
    let notebook = try String(contentsOf: site.appendingPathComponent("02.ipynb"), encoding: .utf8)
    #expect(!notebook.contains("Shadow"))
  }

  @Test func unreadableThemeStopsTheBuildWithTheReason() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let lessons = dir.appendingPathComponent("lessons")
    let theme = lessons.appendingPathComponent("theme")
    try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
    try Self.lesson.write(
      to: lessons.appendingPathComponent("01.md"), atomically: false, encoding: .utf8)
    try FileManager.default.createDirectory(
      at: theme.appendingPathComponent("style.css"), withIntermediateDirectories: false)
    let error = try #require(throws: SiteBuilder.BuildError.self) {
      try SiteBuilder().build(
        lessonsDirectory: lessons, outputDirectory: dir.appendingPathComponent("site"))
    }
    #expect(error.description.contains("style.css': it is a folder, not a regular file"))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("site").path))
  }

  /// A script that is not UTF-8 and declares no encoding fails before it runs, with CPython's
  /// SyntaxError (`python bad.py`'s words, the first bad byte's line), as a syntax error does.
  @Test func scriptWithInvalidUTF8FailsAsPythonDoes() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("bad.py")
    try Self.write([0x78, 0x20, 0x3D, 0x20, 0xFF], file)
    let loaded = try ModelFile.load(path: file.path)
    #expect(loaded.outputs.isEmpty)
    #expect(loaded.scriptError?.type == "SyntaxError")
    #expect(
      loaded.scriptError?.message
        == "Non-UTF-8 code starting with '\\xff' in file \(file.path) on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details"
    )
    let missing = try #require(throws: ModelFile.LoadError.self) {
      try ModelFile.load(path: dir.appendingPathComponent("none.py").path)
    }
    #expect(missing.isUsageError)
  }

  /// CPython reads a script line by line, each line's UTF-8 checked up to a NUL and then the line
  /// checked for NUL bytes: the first line that fails decides (`python t.py` in 3.11.7), and a NUL
  /// is "source code cannot contain null bytes" at its line, printed with the text before the NUL
  /// and no caret (exec's "source code string ..." is for strings).
  @Test func scriptWithNullBytesFailsAsPythonDoes() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("nul.py")
    let cases: [([UInt8], String?)] = [
      (
        Array("print(1)\nx = 1  ".utf8) + [0] + Array(" \n".utf8),
        "  File \"nul.py\", line 2\n    x = 1  \n"
      ),
      (
        Array("if True:\n    x = 1".utf8) + [0] + Array("\n".utf8),
        "  File \"nul.py\", line 2\n    x = 1\n"
      ),
      ([0] + Array("print(1)\n".utf8), "  File \"nul.py\", line 1\n    \n"),
      (
        Array("x = = 1\nprint(1)".utf8) + [0] + Array("\n".utf8),
        "  File \"nul.py\", line 2\n    print(1)\n"
      ),
      (
        Array("x = 1\n".utf8) + [0] + Array("\n".utf8) + [0xFF] + Array("\n".utf8),
        "  File \"nul.py\", line 2\n    \n"
      ),
      (
        Array("x = 1".utf8) + [0, 0xFF] + Array("\n".utf8), "  File \"nul.py\", line 1\n    x = 1\n"
      ),
      // An invalid byte before the NUL, or on an earlier line: the encoding error comes first.
      ([0xFF, 0] + Array("\n".utf8), nil),
      (Array("x = 1\n".utf8) + [0xFF] + Array("\n".utf8) + [0], nil),
    ]
    for (bytes, expected) in cases {
      try Self.write(bytes, file)
      let loaded = try ModelFile.load(path: file.path)
      #expect(loaded.outputs.isEmpty)
      let error = try #require(loaded.scriptError)
      #expect(error.type == "SyntaxError")
      guard let expected else {
        #expect(error.message.hasPrefix("Non-UTF-8 code starting with '\\xff'"))
        continue
      }
      #expect(error.message == "source code cannot contain null bytes")
      let traceback = try #require(loaded.scriptTraceback)
      #expect(
        traceback.text(lastLine: "SyntaxError: " + error.message).replacingOccurrences(
          of: file.path, with: "nul.py")
          == expected + "SyntaxError: source code cannot contain null bytes\n")
    }
  }

  /// A UTF-8 byte order mark and a coding declaration of another encoding: CPython refuses the
  /// file before it runs (`encoding problem: iso-8859-1 with BOM`, the declared name as its
  /// tokenizer normalizes it); `utf-8` (or `UTF_8`, `utf-8-sig`) is fine.
  @Test func byteOrderMarkWithAnotherDeclarationFailsAsPythonDoes() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("bom.py")
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    for (declaration, expected) in [
      ("# -*- coding: latin-1 -*-", "encoding problem: iso-8859-1 with BOM"),
      ("# coding: Latin_1", "encoding problem: iso-8859-1 with BOM"),
      ("# coding: utf8", "encoding problem: utf8 with BOM"),
      ("# coding: foo", "encoding problem: foo with BOM"),
      ("#!/usr/bin/python\n# vim: set fileencoding=gbk :", "encoding problem: gbk with BOM"),
      ("# coding: UTF_8", nil), ("# coding: utf-8-sig", nil), ("print(0)\n# coding: latin-1", nil),
    ] as [(String, String?)] {
      try Self.write(bom + Array((declaration + "\nprint(1)\n").utf8), file)
      let loaded = try ModelFile.load(path: file.path)
      if let expected {
        #expect(loaded.outputs.isEmpty)
        #expect(loaded.scriptError?.type == "SyntaxError")
        #expect(loaded.scriptError?.message == expected)
      } else {
        #expect(loaded.scriptError == nil)
      }
    }
  }

  /// A linked file is copied into the site only when it is a regular file, whatever a symbolic
  /// link leads to: a device (`img -> /dev/zero`) or a named pipe is an error at the link's line,
  /// where copying it never ended (or failed the whole build without a place).
  @Test func linkedDevicesAndPipesAreErrorsAtTheirLines() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let lessons = dir.appendingPathComponent("lessons")
    let images = lessons.appendingPathComponent("img")
    try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: images.appendingPathComponent("zero.png").path, withDestinationPath: "/dev/zero")
    #expect(mkfifo(images.appendingPathComponent("pipe.png").path, 0o644) == 0)
    try Data("png".utf8).write(to: images.appendingPathComponent("fine.png"))
    try "# Links\n\n![zero](img/zero.png)\n\n[pipe](img/pipe.png)\n\n![fine](img/fine.png)\n".write(
      to: lessons.appendingPathComponent("01.md"), atomically: false, encoding: .utf8)
    let report = try SiteBuilder().build(
      lessonsDirectory: lessons, outputDirectory: dir.appendingPathComponent("site"))
    let diagnostics = report.lessons.flatMap(\.diagnostics)
    #expect(diagnostics.map(\.line) == [3, 5])
    #expect(
      diagnostics.map(\.message) == [
        "image 'img/zero.png' is a character device, not a regular file; link a file",
        "linked file 'img/pipe.png' is a named pipe, not a regular file; link a file",
      ])
    #expect(
      FileManager.default.fileExists(
        atPath: dir.appendingPathComponent("site/img/fine.png").path))
  }

  @Test func studentFileThatIsNotUTF8IsAWrongAnswerWithTheReason() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("model.py")
    try Self.write(Array("model = 1\n# ".utf8) + [0xE9] + Array("\n".utf8), file)
    let report = ExerciseCheck.check(
      lessonPath: ExerciseFixtures.lessonPath, exerciseID: "slim-design",
      submission: .file(file.path))
    #expect(report.exitCode == 1)
    #expect(
      report.text.contains(
        "SyntaxError: Non-UTF-8 code starting with '\\xe9' in file \(file.path) on line 2"))
    let missing = ExerciseCheck.check(
      lessonPath: ExerciseFixtures.lessonPath, exerciseID: "slim-design",
      submission: .file(dir.appendingPathComponent("none.py").path))
    #expect(missing.exitCode == 2)
  }

  // MARK: writing one file

  @Test func outputThatIsNotARegularFileIsRefused() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let pipe = dir.appendingPathComponent("pipe.npy")
    #expect(mkfifo(pipe.path, 0o644) == 0)
    let target = dir.appendingPathComponent("target.npy")
    try Self.write([1, 2, 3], target)
    let link = dir.appendingPathComponent("link.npy")
    try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target.path)
    for path in [pipe.path, link.path, dir.path, "/dev/null", "/dev/full"] {
      let error = try #require(throws: AtomicFileWriter.OutputError.self) {
        try AtomicFileWriter.write([9], to: path)
      }
      #expect(error.isUsageError)
      #expect(error.message.contains("not a regular file"))
    }
    #expect(try Data(contentsOf: target) == Data([1, 2, 3]))
    var info = stat()
    #expect(lstat(pipe.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
    #expect(lstat(link.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK)
    #expect(lstat("/dev/full", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == [
        "link.npy", "pipe.npy", "target.npy",
      ])
  }

  /// `--out ""` and `--out new.npy/` are refused before any work, as usage errors: they used to
  /// fail only at the write, after the pass (exit 1, "No such file or directory", "Not a
  /// directory").
  @Test func anEmptyPathOrOneEndingInASlashIsRefusedBeforeTheWork() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("file.npy")
    try Self.write([1], file)
    let empty = try #require(throws: AtomicFileWriter.OutputError.self) {
      try AtomicFileWriter.checkTarget("")
    }
    #expect(empty.isUsageError)
    #expect(empty.message == "refusing to write '': the path is empty; give --out a file path")
    for path in [dir.path + "/new.npy/", dir.path + "/nowhere/", file.path + "/"] {
      let error = try #require(throws: AtomicFileWriter.OutputError.self) {
        try AtomicFileWriter.checkTarget(path)
      }
      #expect(error.isUsageError)
      #expect(
        error.message
          == "refusing to write '\(path)': a path ending in '/' names a folder, not a file; give --out a file path without the trailing '/'"
      )
    }
    // An existing folder keeps its own refusal, with or without the slash.
    let folder = try #require(throws: AtomicFileWriter.OutputError.self) {
      try AtomicFileWriter.checkTarget(dir.path + "/")
    }
    #expect(folder.message.contains("it is a folder, not a regular file"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["file.npy"])
  }

  @Test func outputThatIsAnInputIsRefusedUnderAnyName() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let script = dir.appendingPathComponent("m.py")
    try Self.write(Array("print(1)\n".utf8), script)
    let hardLink = dir.appendingPathComponent("other.npy")
    #expect(link(script.path, hardLink.path) == 0)
    for out in [script.path, hardLink.path, dir.path + "/./m.py"] {
      let error = try #require(throws: AtomicFileWriter.OutputError.self) {
        try AtomicFileWriter.write([0], to: out, inputs: [script.path])
      }
      #expect(error.message.contains("it is the input"))
    }
    #expect(try String(contentsOf: script, encoding: .utf8) == "print(1)\n")
  }

  @Test func writesAtomicallyAndLeavesNoTemporaryFiles() throws {
    let dir = try Self.folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let target = dir.appendingPathComponent("y.npy")
    // A temporary file of a killed run (PID far above pid_max) and one of a live process (PID 1).
    let stale = dir.appendingPathComponent(".y.npy.convbook-999999999-0.tmp")
    let live = dir.appendingPathComponent(".y.npy.convbook-1-0.tmp")
    try Self.write([7], stale)
    try Self.write([7], live)
    try AtomicFileWriter.write([1, 2], to: target.path)
    try AtomicFileWriter.write([3, 4, 5], to: target.path)
    #expect(try Data(contentsOf: target) == Data([3, 4, 5]))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == [
        ".y.npy.convbook-1-0.tmp", "y.npy",
      ])
    #expect(throws: AtomicFileWriter.OutputError.self) {
      try AtomicFileWriter.write([1], to: dir.appendingPathComponent("no/such/y.npy").path)
    }
  }
}
