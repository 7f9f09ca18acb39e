import Foundation

/// The HTML skeleton of every page. Instructors can replace it with `theme/page.html` in the
/// lessons folder; the placeholders below are filled in, already escaped where needed.
///
/// `{{title}}` page title · `{{site_title}}` · `{{stylesheet}}` relative stylesheet link ·
/// `{{nav}}` previous/next links · `{{content}}` the lesson · `{{index}}` link to the index.
public struct PageTemplate: Sendable {
  public var text: String

  public init(text: String) { self.text = text }

  public static let placeholders = ["title", "site_title", "stylesheet", "nav", "content", "index"]

  public static let standard = PageTemplate(
    text: """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>{{title}} · {{site_title}}</title>
      <link rel="stylesheet" href="{{stylesheet}}">
      </head>
      <body>
      <header class="site-header"><a href="{{index}}">{{site_title}}</a></header>
      <main class="lesson">
      {{content}}
      </main>
      <nav class="lesson-nav">{{nav}}</nav>
      </body>
      </html>

      """)

  /// Fills the placeholders with nodes, written (and so escaped) here.
  public func fill(_ values: [String: [HTMLNode]]) -> String {
    fill(values.mapValues(\.markup))
  }

  /// Fills the placeholders in one pass, so values that themselves contain `{{...}}` stay as written.
  func fill(_ values: [String: String]) -> String {
    var output = ""
    var rest = text[...]
    while let open = rest.range(of: "{{") {
      output += rest[..<open.lowerBound]
      guard let close = rest[open.upperBound...].range(of: "}}") else {
        rest = rest[open.lowerBound...]
        break
      }
      let key = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
      output += values[key] ?? String(rest[open.lowerBound..<close.upperBound])
      rest = rest[close.upperBound...]
    }
    output += rest
    return output
  }
}
