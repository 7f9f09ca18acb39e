/// HTML and inline SVG as typed nodes: elements with attributes and children, text, and markup that
/// is trusted as it is. Writing a node escapes every text and every attribute value (attributes are
/// always written in double quotes), so the renderers cannot forget to escape; the only markup
/// written unescaped is a `TrustedMarkup`, whose sources are named.
public indirect enum HTMLNode: Sendable, Equatable {
  case element(HTMLElement)
  case text(String)
  case trusted(TrustedMarkup)

  /// `<name attributes>children</name>`.
  public static func tag(
    _ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ children: [HTMLNode] = []
  ) -> HTMLNode {
    .element(
      HTMLElement(
        name: name, attributes: attributes.map { HTMLAttribute($0.key, $0.value) },
        children: children))
  }

  /// An element with attributes decided at run time (optional ones left out by the caller).
  public static func tag(
    _ name: String, attributes: [HTMLAttribute], _ children: [HTMLNode] = [],
    form: HTMLElement.Form = .normal
  ) -> HTMLNode {
    .element(HTMLElement(name: name, attributes: attributes, children: children, form: form))
  }

  /// An SVG element without children: `<rect .../>`.
  public static func empty(_ name: String, _ attributes: [HTMLAttribute]) -> HTMLNode {
    .element(HTMLElement(name: name, attributes: attributes, children: [], form: .selfClosing))
  }

  /// An HTML void element: `<input ...>`, `<br>`.
  public static func void(_ name: String, _ attributes: KeyValuePairs<String, String> = [:])
    -> HTMLNode
  {
    .element(
      HTMLElement(
        name: name, attributes: attributes.map { HTMLAttribute($0.key, $0.value) }, children: [],
        form: .void))
  }

  /// A line break in the markup (between block elements, as the pages have always been written).
  public static let newline = HTMLNode.text("\n")

  /// The markup of this node.
  public var markup: String {
    var output = ""
    write(to: &output)
    return output
  }

  public func write(to output: inout String) {
    switch self {
    case .text(let text): output += HTMLEscaping.escape(text)
    case .trusted(let trusted): output += trusted.markup
    case .element(let element):
      output += "<" + element.name
      for attribute in element.attributes {
        output += " " + attribute.name
        if let value = attribute.value { output += "=\"" + HTMLEscaping.escape(value) + "\"" }
      }
      switch element.form {
      case .selfClosing:
        output += "/>"
      case .void:
        output += ">"
      case .normal:
        output += ">"
        for child in element.children { child.write(to: &output) }
        output += "</" + element.name + ">"
      }
    }
  }
}

/// The markup of a list of nodes, one after the other.
extension Array where Element == HTMLNode {
  public var markup: String {
    var output = ""
    for node in self { node.write(to: &output) }
    return output
  }
}

public struct HTMLElement: Sendable, Equatable {
  /// How an element ends: `</name>` after its children, `/>` (SVG elements without children) or
  /// nothing (HTML void elements such as `<input>`).
  public enum Form: Sendable, Equatable {
    case normal, selfClosing, void
  }

  public var name: String
  public var attributes: [HTMLAttribute]
  public var children: [HTMLNode]
  public var form: Form

  public init(
    name: String, attributes: [HTMLAttribute] = [], children: [HTMLNode] = [], form: Form = .normal
  ) {
    self.name = name
    self.attributes = attributes
    self.children = children
    self.form = form
  }
}

/// `name="value"`, or a boolean attribute (`hidden`, `download`) without a value.
public struct HTMLAttribute: Sendable, Equatable {
  public var name: String
  public var value: String?

  public init(_ name: String, _ value: String?) {
    self.name = name
    self.value = value
  }

  /// A boolean attribute: present, no value.
  public static func flag(_ name: String) -> HTMLAttribute { HTMLAttribute(name, nil) }
}

/// Markup written as it is, not escaped. Only these sources make it, each named by its initializer:
/// the Markdown renderer (which escapes as cmark does, and which the Markdown fixtures hold to
/// cmark's output, MathML included) and a site's page template (the instructor's own HTML).
public struct TrustedMarkup: Sendable, Equatable {
  public let markup: String

  /// HTML that `MarkdownHTMLRenderer` wrote.
  init(renderedMarkdown: String) { markup = renderedMarkdown }

  /// Part of a page template (`theme/page.html` or the built-in one).
  init(pageTemplate: String) { markup = pageTemplate }

  /// What a figure gave `SVGCanvas.raw` or `define`: kept so that figures written against the
  /// canvas's string API still compile; ConvBook's figures no longer use it.
  init(canvasMarkup: String) { markup = canvasMarkup }
}
