/// The Okabe–Ito colours the stylesheet uses, written out because SVG presentation attributes
/// cannot read CSS variables in every viewer (and printed pages must keep them). Each colour is
/// always paired with a pattern, a shape or a label, so that no meaning rests on colour alone.
enum FigurePalette {
  static let ink = "#1d1d1f"
  static let muted = "#5a5a5f"
  static let paper = "#ffffff"
  static let panel = "#f5f5f3"
  static let rule = "#d9d9d6"
  static let blue = "#0072b2"
  static let vermillion = "#d55e00"
  /// Vermillion darkened for text on white (contrast above 4.5:1).
  static let vermillionText = "#a84a00"
  static let green = "#009e73"
  static let orange = "#e69f00"
  static let sky = "#56b4e9"
  static let purple = "#cc79a7"
  /// A pale vermillion for highlighted rows.
  static let highlight = "#fbe4d5"

  /// Line colours, dash patterns and marker shapes for the series of a chart, in order.
  static let seriesColors = [blue, vermillion, green, purple, orange, sky]
  static let seriesDashes: [String?] = [nil, "7 4", "2 3", "9 3 2 3", "4 4", "1 2"]
}
