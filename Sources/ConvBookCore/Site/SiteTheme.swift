import Foundation
import LessonRender

/// An instructor's restyling, read from `theme/` in the lessons folder without recompiling:
/// `style.css` is appended to the default stylesheet and `page.html` replaces the page template.
public struct SiteTheme {
  public var template: PageTemplate
  public var extraStylesheet: String

  public static func load(from directory: URL) -> SiteTheme {
    let css =
      (try? String(contentsOf: directory.appendingPathComponent("style.css"), encoding: .utf8))
      ?? ""
    let page = try? String(
      contentsOf: directory.appendingPathComponent("page.html"), encoding: .utf8)
    return SiteTheme(
      template: page.map(PageTemplate.init(text:)) ?? .standard,
      extraStylesheet: css.isEmpty ? "" : "\n/* theme/style.css */\n" + css)
  }
}
