import ConvBookCore
import Foundation
import Testing

/// Builds the bundled lessons into a site and renders every page in headless Chromium: a page with
/// no visible text or any console message fails. Without Chromium the check is skipped on a
/// developer's machine and fails in CI (`CI` set), where `.ci/run` installs it.
@Suite struct BrowserCheckTests {
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static let chromium: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
      for folder in path.split(separator: ":") {
        let candidate = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      }
    }
    return nil
  }()

  static var inCI: Bool { !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty }

  @Test func chromiumIsThereInCI() {
    if Self.inCI {
      #expect(
        Self.chromium != nil,
        "CI must install Chromium for the browser check (scripts/install-deps)")
    }
  }

  @Test(.enabled(if: BrowserCheckTests.chromium != nil, "Chromium is not installed"))
  func everyBundledPageRendersWithoutConsoleErrors() throws {
    let chromium = try #require(Self.chromium)
    let output = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-browser-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: output) }
    // The runner `convbook build` uses, so that the pages are the ones readers get.
    let builder = SiteBuilder(
      runner: LessonRunner(
        figureEvaluator: FigureEvaluator(), exerciseEvaluator: ExerciseCardEvaluator()))
    let report = try builder.build(
      lessonsDirectory: Self.repositoryRoot.appendingPathComponent("Lessons"),
      outputDirectory: output)
    let pages = ["index.html"] + report.lessons.map(\.pageFileName)
    #expect(pages.count > 1)
    for page in pages {
      let url = output.appendingPathComponent(page)
      let (dom, log) = try Self.render(url, chromium: chromium)
      let text = Self.visibleText(ofBody: dom)
      #expect(text.count > 20, "\(page) renders blank")
      let console = log.split(separator: "\n").filter { $0.contains(":CONSOLE") }
      #expect(console.isEmpty, "\(page): \(console.joined(separator: "\n"))")
    }
  }

  /// Keras 3's box-drawn summaries must line up in the page's font: every table line of a summary
  /// has the same rendered width, on a phone (390 px) and a desktop (1280 px).
  @Test(.enabled(if: BrowserCheckTests.chromium != nil, "Chromium is not installed"))
  func summaryTablesAlignAtPhoneAndDesktopWidths() throws {
    let chromium = try #require(Self.chromium)
    let output = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-align-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: output) }
    let report = try SiteBuilder().build(
      lessonsDirectory: Self.repositoryRoot.appendingPathComponent("Lessons"),
      outputDirectory: output)
    let page = try #require(report.lessons.first?.pageFileName)
    // Measures each summary's table lines with DOM ranges and writes the widths into the page.
    let script = """
      window.addEventListener('load', () => {
        const out = [];
        document.querySelectorAll('pre.output-summary').forEach((pre) => {
          const node = pre.firstChild; let offset = 0; const widths = new Set();
          for (const line of pre.textContent.split('\\n')) {
            if (line.length > 0 && '┏┃┡│├└'.includes(line.charAt(0))) {
              const range = document.createRange();
              range.setStart(node, offset); range.setEnd(node, offset + line.length);
              widths.add(range.getBoundingClientRect().width.toFixed(2));
            }
            offset += line.length + 1;
          }
          out.push([...widths].join(','));
        });
        const div = document.createElement('div'); div.id = 'summary-widths';
        div.textContent = out.join(';'); document.body.appendChild(div);
      });
      """
    try script.write(
      to: output.appendingPathComponent("measure.js"), atomically: true, encoding: .utf8)
    let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
    #expect(html.contains("┏━"), "the bundled lesson shows a Keras 3 summary")
    let measured = output.appendingPathComponent("measure.html")
    try html.replacingOccurrences(
      of: "</body>", with: "<script src=\"measure.js\"></script></body>"
    )
    .write(to: measured, atomically: true, encoding: .utf8)
    for width in [390, 1280] {
      let (dom, _) = try Self.render(measured, chromium: chromium, width: width)
      let widths = try #require(
        dom.firstMatch(of: #/<div id="summary-widths">([^<]*)</div>/#).map { String($0.1) })
      let tables = widths.split(separator: ";")
      #expect(!tables.isEmpty, "\(width) px: no summary measured")
      for table in tables {
        #expect(!table.contains(","), "\(width) px: lines of one summary differ in width: \(table)")
      }
    }
  }

  /// Chromium's DOM after loading `url`, and what it logged.
  static func render(_ url: URL, chromium: String, width: Int = 1280) throws -> (
    dom: String, log: String
  ) {
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-chromium-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: profile) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: chromium)
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
      "--user-data-dir=\(profile.path)",
      "--enable-logging=stderr", "--v=0", "--virtual-time-budget=2000",
      "--window-size=\(width),900", "--hide-scrollbars", "--dump-dom",
      url.absoluteString,
    ]
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    // Read both pipes while Chromium runs, so that a full pipe cannot stall it.
    nonisolated(unsafe) var errorData = Data()
    let reader = Thread { errorData = stderr.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
    return (String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
  }

  /// The text of `<body>` without tags: what a reader would see (roughly).
  static func visibleText(ofBody dom: String) -> String {
    guard let start = dom.range(of: "<body"),
      let end = dom.range(of: "</body>", options: .backwards)
    else { return "" }
    var text = ""
    var inTag = false
    for character in dom[start.lowerBound..<end.lowerBound] {
      if character == "<" {
        inTag = true
      } else if character == ">" {
        inTag = false
      } else if !inTag {
        text.append(character)
      }
    }
    return text.trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
