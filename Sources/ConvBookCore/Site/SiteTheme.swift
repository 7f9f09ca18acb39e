import Foundation
import LessonRender

/// An instructor's restyling, read from `theme/` in the lessons folder without recompiling:
/// `style.css` is appended to the default stylesheet and `page.html` replaces the page template.
public struct SiteTheme {
  public var template: PageTemplate
  public var extraStylesheet: String

  /// A theme file that is missing is left out; one that is there but cannot be read is an error.
  public static func load(from directory: URL) throws(TextFile.ReadError) -> SiteTheme {
    func optional(_ name: String) throws(TextFile.ReadError) -> String? {
      do {
        return try TextFile.read(directory.appendingPathComponent(name).path)
      } catch {
        if error.isMissing { return nil }
        throw error
      }
    }
    let css = try optional("style.css") ?? ""
    let page = try optional("page.html")
    return SiteTheme(
      template: page.map(PageTemplate.init(text:)) ?? .standard,
      extraStylesheet: css.isEmpty ? "" : "\n/* theme/style.css */\n" + css)
  }
}
