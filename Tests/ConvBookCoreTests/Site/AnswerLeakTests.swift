import CNNEngine
import ConvBookCore
import Foundation
import KerasCells
import LessonKit
import Testing

/// The bundled course must not print an exercise's answer on its public page, its student file
/// or its notebook: a student who searches the page for the number would find it. Nor may a design
/// exercise's solution be readable there: no model of the student file or the notebook has the
/// solution's layer list, and no summary or figure of the page lists its layers.
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

  /// One layer as a reader can identify it: class, output shape and parameters.
  struct LayerEntry: Equatable {
    var className: String
    var outputShape: String
    var parameters: Int
  }

  /// A model's layers (without the input layer), as its summary lists them.
  static func layerList(_ model: KerasModel) -> [LayerEntry]? {
    guard let summary = try? model.summary() else { return nil }
    return summary.rows.filter { !$0.isInputLayer }.map {
      LayerEntry(
        className: $0.className, outputShape: $0.outputShapeText, parameters: $0.parameters)
    }
  }

  /// The solutions of the design exercises of the lesson at `path`, run as the instructor runs it.
  static func solutions(ofLesson path: String) throws -> [(exercise: String, layers: [LayerEntry])]
  {
    let file = try ModelFile.load(path: path)
    let lesson = try #require(file.lesson)
    var found: [(String, [LayerEntry])] = []
    for block in lesson.exercises {
      guard let exercise = try? Exercise(block: block),
        case .design(_, _, let solution?) = exercise.kind
      else { continue }
      let model = try #require(file.models(named: solution.text).last?.model, "\(solution.text)")
      found.append((exercise.id, try #require(layerList(model))))
    }
    return found
  }

  /// Whether `text` lists `layers` in order: each layer's output shape, then its parameter count,
  /// as whole tokens (so a summary or a figure table of a model with those layers is found).
  static func lists(_ layers: [LayerEntry], in text: String) -> Bool {
    guard !layers.isEmpty else { return false }
    var rest = Substring(text)
    for layer in layers {
      guard let shape = rest.range(of: layer.outputShape) else { return false }
      rest = rest[shape.upperBound...]
      let forms = printedForms(of: PythonFormat.grouped(layer.parameters))
      let positions = forms.compactMap { form in firstOccurrence(of: form, in: rest) }
      guard let next = positions.min() else { return false }
      rest = rest[next...]
    }
    return true
  }

  /// The end of the first occurrence of the number `form` in `text` that is not part of a
  /// longer number (as ``occurs(_:in:)`` decides).
  static func firstOccurrence(of form: String, in text: Substring) -> String.Index? {
    func isSeparator(_ c: Character) -> Bool { c == "," || c == "." || c == "_" }
    func digit(before index: String.Index) -> Bool {
      index > text.startIndex && text[text.index(before: index)].isNumber
    }
    func digit(at index: String.Index) -> Bool { index < text.endIndex && text[index].isNumber }
    var start = text.startIndex
    while let range = text[start...].range(of: form) {
      let joinsBefore =
        digit(before: range.lowerBound)
        || (range.lowerBound > text.startIndex
          && isSeparator(text[text.index(before: range.lowerBound)])
          && digit(before: text.index(before: range.lowerBound)))
      let joinsAfter =
        digit(at: range.upperBound)
        || (range.upperBound < text.endIndex && isSeparator(text[range.upperBound])
          && digit(at: text.index(after: range.upperBound)))
      if !joinsBefore && !joinsAfter { return range.upperBound }
      start = range.upperBound
    }
    return nil
  }

  /// The summaries and figures of a page, each as visible text.
  static func modelBlocks(ofPage html: String) -> [String] {
    var blocks: [String] = []
    for (open, close) in [("<pre class=\"output-summary\"", "</pre>"), ("<figure", "</figure>")] {
      var rest = html[...]
      while let start = rest.range(of: open) {
        let end = rest[start.upperBound...].range(of: close)?.upperBound ?? rest.endIndex
        blocks.append(visibleText(ofPage: String(rest[start.lowerBound..<end])))
        rest = rest[end...]
      }
    }
    return blocks
  }

  /// Where the public site shows a design exercise's solution: a model of the student file or
  /// the notebook with the solution's layer list, or a summary or figure of the page listing them.
  static func solutionLeaks(lessonPath: String, site: URL, page: String) throws -> [String] {
    let solutions = try solutions(ofLesson: lessonPath)
    let stem = (page as NSString).deletingPathExtension
    var publicModels: [(file: String, variable: String, layers: [LayerEntry])] = []
    // The notebook does not carry the lesson's `keras=` setting: run it in the student file's.
    var version: KerasVersion?
    for file in [stem + ".student.md", stem + ".ipynb"] {
      let loaded = try ModelFile.load(
        path: site.appendingPathComponent(file).path,
        runner: LessonRunner(kerasVersion: KerasVersionSetting(commandLine: version)))
      version = version ?? loaded.session.kerasVersion
      #expect(loaded.diagnostics.isEmpty, "\(file): \(loaded.diagnostics)")
      for defined in loaded.session.definedModels {
        if let layers = layerList(defined.model) {
          publicModels.append((file, defined.variable, layers))
        }
      }
    }
    let blocks = modelBlocks(
      ofPage: try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8))
    var leaks: [String] = []
    for (exercise, layers) in solutions {
      for model in publicModels where model.layers == layers {
        leaks.append("\(model.file) defines \(model.variable), the solution of '\(exercise)'")
      }
      for block in blocks where lists(layers, in: block) {
        leaks.append("\(page) lists the layers of the solution of '\(exercise)'")
      }
    }
    return leaks
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
      leaks += try solutionLeaks(lessonPath: lesson.sourceFile, site: publicSite, page: page)
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

  @Test func layerListsAreFoundInOrder() {
    let layers = [
      LayerEntry(className: "Conv2D", outputShape: "(None, 26, 26, 32)", parameters: 320),
      LayerEntry(className: "Dense", outputShape: "(None, 10)", parameters: 1_290),
    ]
    #expect(Self.lists(layers, in: "conv2d (None, 26, 26, 32) 320 dense (None, 10) 1290"))
    #expect(Self.lists(layers, in: "│ (None, 26, 26, 32) │ 320 │ … │ (None, 10) │ 1,290 │"))
    #expect(!Self.lists(layers, in: "(None, 10) 1,290 (None, 26, 26, 32) 320"))
    #expect(!Self.lists(layers, in: "(None, 26, 26, 32) 3200 (None, 10) 1,290"))
  }

  /// A lesson whose design exercise names a public model as its solution leaks it, in the student
  /// file, the notebook and the page's summary: the check can fail.
  @Test func aPublicSolutionIsFound() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "convbook-solution-leak-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let lessons = root.appendingPathComponent("Lessons")
    try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
    try """
    # Leaky

    ```keras
    from tensorflow import keras
    from tensorflow.keras import layers
    small = keras.Sequential([keras.Input(shape=(8, 8, 1)), layers.Conv2D(2, 3)], name="small")
    wide = keras.Sequential([keras.Input(shape=(8, 8, 1)), layers.Conv2D(4, 3), layers.Flatten(), layers.Dense(3)], name="wide")
    wide.summary()
    ```

    ```exercise
    id: three
    prompt: Three scores from a convolution.
    starter: small
    require:
      - model.output_shape == (None, 3)
    solution: wide
    ```

    """.write(to: lessons.appendingPathComponent("01-leaky.md"), atomically: true, encoding: .utf8)
    let site = root.appendingPathComponent("site")
    let report = try SiteBuilder().build(lessonsDirectory: lessons, outputDirectory: site)
    #expect(report.failingLessons.isEmpty)
    let leaks = try Self.solutionLeaks(
      lessonPath: lessons.appendingPathComponent("01-leaky.md").path, site: site,
      page: "01-leaky.html")
    #expect(
      leaks == [
        "01-leaky.student.md defines wide, the solution of 'three'",
        "01-leaky.ipynb defines wide, the solution of 'three'",
        "01-leaky.html lists the layers of the solution of 'three'",
      ])
  }

  @Test func bundledLessonsShowNoAnswer() throws {
    let lessons = BrowserCheckTests.repositoryRoot.appendingPathComponent("Lessons")
    let leaks = try Self.leaks(lessons: lessons)
    #expect(leaks.isEmpty, "\(leaks.joined(separator: "\n"))")
  }
}
