import LessonKit

/// An exercise as a card of its lesson page: the prompt, the starter script and requirements of a
/// design exercise, hints folded away, the command that checks an answer, and in instructors'
/// builds the solution.
public enum ExerciseCardRenderer {
  public static func html(_ card: ExerciseCard) -> String { nodes(card).markup }

  /// The card's `<section>`, followed by a line break.
  public static func nodes(_ card: ExerciseCard) -> [HTMLNode] {
    let label = card.kind == .design ? "Design exercise" : "Exercise"
    var children: [HTMLNode] = [
      .newline,
      .tag("p", ["class": "exercise-title"], [.text(label + " "), code(card.identifier)]),
      .newline,
    ]
    var markdown = MarkdownHTMLRenderer()
    let prompt = markdown.renderNode([card.prompt]) { expression, _ in
      PageRenderer.inlineValue(expression: expression, value: card.inlineValues[expression]).markup
    }
    children += [.tag("div", ["class": "exercise-prompt"], [.newline, prompt]), .newline]
    if let starterCode = card.starterCode {
      var start: [HTMLNode] = [.text("Start from ")]
      if let name = card.starterName {
        start += [code(name), .text(", written as a script")]
      } else {
        start.append(.text("this script"))
      }
      start += [.text("; save it as "), code("model.py"), .text(" and change it:")]
      children += [
        .tag(
          "div", ["class": "exercise-starter"],
          [.newline, .tag("p", [:], start), .newline, highlighted(starterCode), .newline]),
        .newline,
      ]
    }
    if !card.requirements.isEmpty {
      var items: [HTMLNode] = [.newline]
      for requirement in card.requirements {
        items += [.tag("li", [:], [code(requirement)]), .newline]
      }
      children += [
        .tag(
          "div", ["class": "exercise-requirements"],
          [
            .newline,
            .tag(
              "p", [:],
              [.text("Your model (the variable "), code("model"), .text(") must meet:")]),
            .newline, .tag("ul", [:], items), .newline,
          ]),
        .newline,
      ]
    }
    if !card.hints.isEmpty {
      var hints: [HTMLNode] = [
        .newline, .tag("summary", [:], [.text(card.hints.count == 1 ? "Hint" : "Hints")]), .newline,
      ]
      for hint in card.hints {
        hints.append(markdown.renderNode([LessonReader.parseMarkdown(hint)]))
      }
      children += [.tag("details", ["class": "exercise-hint"], hints), .newline]
    }
    var check: [HTMLNode] = [.newline]
    if let studentFile = card.studentFile {
      check.append(
        .tag(
          "p", [:],
          [
            .text("Check your answer with "), code("convbook"), .text(": "),
            .tag(
              "a",
              attributes: [
                .init("class", "exercise-download"), .init("href", studentFile), .flag("download"),
              ], [.text("download "), code(studentFile)]),
            .text(
              " to check your answers (the lesson with its answers sealed), then run:"),
          ]))
    } else {
      check.append(.tag("p", [:], [.text("Check your answer:")]))
    }
    check += [.newline, .tag("pre", [:], [code(card.checkCommand)]), .newline]
    if let note = card.answerNote {
      check += [.tag("p", ["class": "exercise-note"], [.text(note)]), .newline]
    }
    children += [.tag("div", ["class": "exercise-check"], check), .newline]
    if let sealed = card.sealedKey {
      // Shown by convbook-check.js; without JavaScript the command above is the way to check.
      children += [
        .tag(
          "form",
          attributes: [
            .init("class", "exercise-try"), .init("data-sealed", sealed), .flag("hidden"),
          ],
          [
            .newline,
            .tag(
              "label", [:],
              [
                .text("Or check it here: "),
                .void(
                  "input",
                  [
                    "type": "text", "name": "answer", "autocomplete": "off", "spellcheck": "false",
                  ]),
              ]),
            .text(" "), .tag("button", ["type": "submit"], [.text("Check")]), .newline,
            .tag(
              "p",
              ["class": "exercise-try-result", "role": "status", "aria-live": "polite"], []),
            .newline,
          ]),
        .newline,
        .tag(
          "script", attributes: [.init("src", ExerciseCheckScript.fileName), .flag("defer")], []),
        .newline,
      ]
    }
    if let solution = card.solution { children += solutionNodes(solution) }
    let kind = card.kind == .design ? "design" : "value"
    return [
      .tag(
        "section", ["class": "exercise exercise-\(kind)", "id": "exercise-" + card.identifier],
        children),
      .newline,
    ]
  }

  static func code(_ text: String) -> HTMLNode { .tag("code", [:], [.text(text)]) }

  static func highlighted(_ source: String) -> HTMLNode {
    .tag("pre", [:], [.tag("code", ["class": "language-python"], CodeHighlighter.nodes(source))])
  }

  private static func solutionNodes(_ solution: ExerciseSolution) -> [HTMLNode] {
    var children: [HTMLNode] = [.newline, .tag("summary", [:], [.text("Solution")]), .newline]
    if let answer = solution.answer {
      var line: [HTMLNode] = [
        .text("Answer: "), .tag("strong", ["class": "exercise-answer"], [.text(answer)]),
      ]
      if let expression = solution.answerExpression {
        line += [.text(" ("), code(expression), .text(")")]
      }
      children += [.tag("p", [:], line), .newline]
    }
    if let modelName = solution.modelName {
      children += [
        .tag(
          "p", [:], [.text("The lesson's "), code(modelName), .text(" meets every requirement:")]),
        .newline,
      ]
    }
    if !solution.measurements.isEmpty {
      var items: [HTMLNode] = [.newline]
      for measurement in solution.measurements {
        items += [.tag("li", [:], [.text(measurement)]), .newline]
      }
      children += [.tag("ul", [:], items), .newline]
    }
    if let code = solution.code { children += [highlighted(code), .newline] }
    return [.tag("details", ["class": "exercise-solution"], children), .newline]
  }
}
