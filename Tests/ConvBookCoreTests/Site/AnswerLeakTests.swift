import ConvBookCore
import Foundation
import Testing

/// The bundled course must not print an exercise's answer on its public page, its student file
/// or its notebook: a student who searches the page for the number would find it.
@Suite struct AnswerLeakTests {
  /// Answers as the instructors' build prints them (`<strong class="exercise-answer">`).
  static func answers(inPage html: String) -> [String] {
    let marker = "<strong class=\"exercise-answer\">"
    var answers: [String] = []
    var rest = html[...]
    while let start = rest.range(of: marker) {
      rest = rest[start.upperBound...]
      guard let end = rest.range(of: "</strong>") else { break }
      answers.append(String(rest[..<end.lowerBound]))
      rest = rest[end.upperBound...]
    }
    return answers
  }

  /// The forms in which a page or file could show `answer`: as printed, and a whole number also
  /// without thousands separators.
  static func printedForms(of answer: String) -> [String] {
    let unescaped = answer.replacingOccurrences(of: "&quot;", with: "\"")
      .replacingOccurrences(of: "&amp;", with: "&")
    let digits = unescaped.replacingOccurrences(of: ",", with: "")
    if Int(digits) != nil { return Set([unescaped, digits]).sorted() }
    return [unescaped]
  }

  /// What a reader sees of a page: its text without tags (so that SVG coordinates and attribute
  /// values do not count), entities decoded.
  static func visibleText(ofPage html: String) -> String {
    var text = ""
    var inTag = false
    for character in html {
      if character == "<" {
        inTag = true
        text.append(" ")
      } else if character == ">" {
        inTag = false
      } else if !inTag {
        text.append(character)
      }
    }
    return text.replacingOccurrences(of: "&quot;", with: "\"")
      .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&amp;", with: "&")
  }

  /// Whether `form` occurs in `text` as a whole token, not as part of a longer number
  /// (`640` is not in `6400` nor in `1,640`).
  static func occurs(_ form: String, in text: String) -> Bool {
    let characters = Array(text)
    let target = Array(form)
    guard !target.isEmpty, characters.count >= target.count else { return false }
    func isSeparator(_ c: Character) -> Bool { c == "," || c == "." || c == "_" }
    func digit(at i: Int) -> Bool { i >= 0 && i < characters.count && characters[i].isNumber }
    for start in 0...(characters.count - target.count)
    where characters[start..<(start + target.count)].elementsEqual(target) {
      let end = start + target.count
      let joinsBefore =
        digit(at: start - 1)
        || (start >= 1 && isSeparator(characters[start - 1]) && digit(at: start - 2))
      let joinsAfter =
        digit(at: end)
        || (end < characters.count && isSeparator(characters[end]) && digit(at: end + 1))
      if !(target.first!.isNumber && joinsBefore) && !(target.last!.isNumber && joinsAfter) {
        return true
      }
    }
    return false
  }

  static func leaks(lessons: URL) throws -> [String] {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-leaks-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let publicSite = root.appendingPathComponent("site")
    let instructorSite = root.appendingPathComponent("instructor")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let report = try SiteBuilder().build(lessonsDirectory: lessons, outputDirectory: publicSite)
    #expect(report.failingLessons.isEmpty)
    _ = try SiteBuilder(
      runner: LessonRunner(exerciseEvaluator: ExerciseCardEvaluator(showSolutions: true)),
      isInstructorCopy: true
    ).build(lessonsDirectory: lessons, outputDirectory: instructorSite)
    var leaks: [String] = []
    for lesson in report.lessons {
      let page = lesson.pageFileName
      let student = (page as NSString).deletingPathExtension + ".student.md"
      let answers = answers(
        inPage: try String(
          contentsOf: instructorSite.appendingPathComponent(page), encoding: .utf8))
      #expect(!answers.isEmpty, "\(page) has no value exercise")
      let notebook = (page as NSString).deletingPathExtension + ".ipynb"
      let publicTexts = try [page, student, notebook].map { file in
        let text = try String(contentsOf: publicSite.appendingPathComponent(file), encoding: .utf8)
        return (file, file == page ? visibleText(ofPage: text) : text)
      }
      for answer in answers {
        for form in printedForms(of: answer) {
          for (file, text) in publicTexts where occurs(form, in: text) {
            leaks.append("\(file) shows the answer \(form)")
          }
        }
      }
    }
    return leaks
  }

  @Test func tokensAreWhole() {
    #expect(Self.occurs("11,508,138", in: "Head parameters 11,508,138."))
    #expect(!Self.occurs("508,138", in: "Head parameters 11,508,138."))
    #expect(!Self.occurs("640", in: "6400 and 1,640"))
    #expect(Self.occurs("(None, 53, 53, 64)", in: "│ (None, 53, 53, 64) │"))
    #expect(Self.printedForms(of: "36") == ["36"])
    #expect(Self.visibleText(ofPage: "<text x=\"36\">4</text>") == " 4 ")
    #expect(Self.printedForms(of: "4,640") == ["4,640", "4640"])
  }

  @Test func bundledLessonsShowNoAnswer() throws {
    let lessons = BrowserCheckTests.repositoryRoot.appendingPathComponent("Lessons")
    let leaks = try Self.leaks(lessons: lessons)
    #expect(leaks.isEmpty, "\(leaks.joined(separator: "\n"))")
  }
}
