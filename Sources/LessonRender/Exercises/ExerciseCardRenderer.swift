import LessonKit

/// An exercise as a card of its lesson page: the prompt, the starter script and requirements of a
/// design exercise, hints folded away, the command that checks an answer, and in instructors'
/// builds the solution.
public enum ExerciseCardRenderer {
  public static func html(_ card: ExerciseCard) -> String {
    let id = HTMLEscaping.escapeAttribute("exercise-" + card.identifier)
    let label = card.kind == .design ? "Design exercise" : "Exercise"
    var html =
      "<section class=\"exercise exercise-\(card.kind == .design ? "design" : "value")\" id=\"\(id)\">\n"
    html +=
      "<p class=\"exercise-title\">\(label) <code>\(HTMLEscaping.escape(card.identifier))</code></p>\n"
    var markdown = MarkdownHTMLRenderer()
    let prompt = markdown.render(card.prompt) { expression, _ in
      PageRenderer.inlineValue(expression: expression, value: card.inlineValues[expression])
    }
    html += "<div class=\"exercise-prompt\">\n\(prompt)</div>\n"
    if let starterCode = card.starterCode {
      html += "<div class=\"exercise-starter\">\n<p>Start from "
      html +=
        card.starterName.map { "<code>\(HTMLEscaping.escape($0))</code>, written as a script" }
        ?? "this script"
      html += "; save it as <code>model.py</code> and change it:</p>\n"
      html +=
        "<pre><code class=\"language-python\">\(CodeHighlighter.html(starterCode))</code></pre>\n</div>\n"
    }
    if !card.requirements.isEmpty {
      html +=
        "<div class=\"exercise-requirements\">\n<p>Your model (the variable <code>model</code>) must meet:</p>\n<ul>\n"
      for requirement in card.requirements {
        html += "<li><code>\(HTMLEscaping.escape(requirement))</code></li>\n"
      }
      html += "</ul>\n</div>\n"
    }
    if !card.hints.isEmpty {
      html +=
        "<details class=\"exercise-hint\">\n<summary>Hint\(card.hints.count == 1 ? "" : "s")</summary>\n"
      for hint in card.hints {
        html += markdown.render(LessonReader.parseMarkdown(hint))
      }
      html += "</details>\n"
    }
    html += "<div class=\"exercise-check\">\n"
    if let studentFile = card.studentFile {
      let file = HTMLEscaping.escape(studentFile)
      html +=
        "<p>Check your answer with <code>convbook</code>: <a class=\"exercise-download\" href=\"\(HTMLEscaping.escapeAttribute(studentFile))\" download>download <code>\(file)</code></a> to check your answers (the lesson with its answers sealed), then run:</p>\n"
    } else {
      html += "<p>Check your answer:</p>\n"
    }
    html += "<pre><code>\(HTMLEscaping.escape(card.checkCommand))</code></pre>\n"
    if let note = card.answerNote {
      html += "<p class=\"exercise-note\">\(HTMLEscaping.escape(note))</p>\n"
    }
    html += "</div>\n"
    if let sealed = card.sealedKey {
      // Shown by convbook-check.js; without JavaScript the command above is the way to check.
      html +=
        "<form class=\"exercise-try\" data-sealed=\"\(HTMLEscaping.escapeAttribute(sealed))\" hidden>\n"
      html +=
        "<label>Or check it here: <input type=\"text\" name=\"answer\" autocomplete=\"off\" spellcheck=\"false\"></label> <button type=\"submit\">Check</button>\n"
      html +=
        "<p class=\"exercise-try-result\" role=\"status\" aria-live=\"polite\"></p>\n</form>\n"
      html +=
        "<script src=\"\(ExerciseCheckScript.fileName)\" defer></script>\n"
    }
    if let solution = card.solution { html += solutionHTML(solution) }
    return html + "</section>\n"
  }

  private static func solutionHTML(_ solution: ExerciseSolution) -> String {
    var html = "<details class=\"exercise-solution\">\n<summary>Solution</summary>\n"
    if let answer = solution.answer {
      html += "<p>Answer: <strong class=\"exercise-answer\">\(HTMLEscaping.escape(answer))</strong>"
      if let expression = solution.answerExpression {
        html += " (<code>\(HTMLEscaping.escape(expression))</code>)"
      }
      html += "</p>\n"
    }
    if let modelName = solution.modelName {
      html +=
        "<p>The lesson's <code>\(HTMLEscaping.escape(modelName))</code> meets every requirement:</p>\n"
    }
    if !solution.measurements.isEmpty {
      html += "<ul>\n"
      for measurement in solution.measurements {
        html += "<li>\(HTMLEscaping.escape(measurement))</li>\n"
      }
      html += "</ul>\n"
    }
    if let code = solution.code {
      html += "<pre><code class=\"language-python\">\(CodeHighlighter.html(code))</code></pre>\n"
    }
    return html + "</details>\n"
  }
}
