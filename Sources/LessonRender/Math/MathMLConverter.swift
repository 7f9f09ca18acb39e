/// Turns the TeX subset lessons use into MathML at build time, so pages need no JavaScript.
///
/// Supported: numbers, letters, `+ - = < > ( ) [ ] | / , ; : ! ' *`, groups `{...}`, sub- and
/// superscripts `_` `^`, `\frac{a}{b}` (and `\dfrac`, `\tfrac`), `\sqrt{x}` and `\sqrt[n]{x}`,
/// `\text{...}`, `\mathrm{...}`, `\operatorname{...}`, `\left` / `\right` delimiters,
/// `\begin{aligned} ... & ... \\ ... \end{aligned}`, the Greek letters, function names such as
/// `\log` and `\max`, the spaces `\, \: \; \! \quad \qquad`, and the symbols in ``symbols``
/// (`\cdot`, `\times`, `\lfloor`, `\rfloor`, `\lceil`, `\rceil`, `\sum`, `\le`, `\to`, …).
/// Anything else is a ``MathError`` pointing at the offending text.
public enum MathMLConverter {
  /// The MathML element for `tex`: `<math>` inline, `<math display="block">` for display math.
  public static func mathML(_ tex: String, isDisplay: Bool) throws(MathError) -> String {
    var parser = Parser(Array(tex), isDisplay: isDisplay)
    let body = try parser.parseAll()
    let open = isDisplay ? "<math display=\"block\">" : "<math>"
    return "\(open)<mrow>\(body)</mrow></math>"
  }

  /// Checks `tex` without keeping the MathML.
  public static func check(_ tex: String) -> MathError? {
    do throws(MathError) {
      _ = try mathML(tex, isDisplay: false)
      return nil
    } catch {
      return error
    }
  }

  enum Symbol {
    /// An identifier (`<mi>`); `upright` for capital Greek letters and function names.
    case identifier(String, upright: Bool)
    /// An operator (`<mo>`); `largeOperator` for `\sum`-like ones, whose limits go above and
    /// below in display math.
    case operatorSymbol(String, largeOperator: Bool)
    case space(String)
  }

  /// Every symbol command, by name.
  static let symbols: [String: Symbol] = {
    var table: [String: Symbol] = [:]
    let lowerGreek: [(String, String)] = [
      ("alpha", "α"), ("beta", "β"), ("gamma", "γ"), ("delta", "δ"), ("epsilon", "ϵ"),
      ("varepsilon", "ε"), ("zeta", "ζ"), ("eta", "η"), ("theta", "θ"), ("vartheta", "ϑ"),
      ("iota", "ι"), ("kappa", "κ"), ("lambda", "λ"), ("mu", "μ"), ("nu", "ν"), ("xi", "ξ"),
      ("pi", "π"), ("rho", "ρ"), ("sigma", "σ"), ("tau", "τ"), ("upsilon", "υ"), ("phi", "ϕ"),
      ("varphi", "φ"), ("chi", "χ"), ("psi", "ψ"), ("omega", "ω"), ("ell", "ℓ"),
      ("infty", "∞"), ("partial", "∂"), ("nabla", "∇"),
    ]
    for (name, character) in lowerGreek { table[name] = .identifier(character, upright: false) }
    let upperGreek: [(String, String)] = [
      ("Gamma", "Γ"), ("Delta", "Δ"), ("Theta", "Θ"), ("Lambda", "Λ"), ("Xi", "Ξ"), ("Pi", "Π"),
      ("Sigma", "Σ"), ("Upsilon", "Υ"), ("Phi", "Φ"), ("Psi", "Ψ"), ("Omega", "Ω"),
    ]
    for (name, character) in upperGreek { table[name] = .identifier(character, upright: true) }
    for name in [
      "log", "ln", "exp", "max", "min", "argmax", "argmin", "sin", "cos", "tan", "tanh", "sigmoid",
      "softmax", "dim", "lim",
    ] {
      table[name] = .identifier(name, upright: true)
    }
    let operators: [(String, String)] = [
      ("cdot", "⋅"), ("times", "×"), ("div", "÷"), ("pm", "±"), ("mp", "∓"), ("le", "≤"),
      ("leq", "≤"), ("ge", "≥"), ("geq", "≥"), ("ne", "≠"), ("neq", "≠"), ("approx", "≈"),
      ("equiv", "≡"), ("sim", "∼"), ("propto", "∝"), ("to", "→"), ("rightarrow", "→"),
      ("leftarrow", "←"), ("Rightarrow", "⇒"), ("Leftarrow", "⇐"), ("mapsto", "↦"), ("in", "∈"),
      ("notin", "∉"), ("subset", "⊂"), ("subseteq", "⊆"), ("cup", "∪"), ("cap", "∩"),
      ("ldots", "…"), ("cdots", "⋯"), ("vdots", "⋮"), ("ddots", "⋱"), ("lfloor", "⌊"),
      ("rfloor", "⌋"), ("lceil", "⌈"), ("rceil", "⌉"), ("langle", "⟨"), ("rangle", "⟩"),
      ("mid", "∣"), ("vert", "|"), ("lvert", "|"), ("rvert", "|"), ("circ", "∘"), ("ast", "∗"),
      ("star", "⋆"), ("otimes", "⊗"), ("oplus", "⊕"), ("odot", "⊙"), ("forall", "∀"),
      ("exists", "∃"), ("neg", "¬"), ("land", "∧"), ("lor", "∨"), ("prime", "′"), ("{", "{"),
      ("}", "}"), ("%", "%"), ("$", "$"), ("#", "#"), ("_", "_"), ("&", "&"), ("|", "‖"),
    ]
    for (name, character) in operators {
      table[name] = .operatorSymbol(character, largeOperator: false)
    }
    for (name, character) in [("sum", "∑"), ("prod", "∏")] {
      table[name] = .operatorSymbol(character, largeOperator: true)
    }
    let spaces: [(String, String)] = [
      (",", "0.1667em"), (":", "0.2222em"), (";", "0.2778em"), (" ", "0.25em"), ("quad", "1em"),
      ("qquad", "2em"),
    ]
    for (name, width) in spaces { table[name] = .space(width) }
    return table
  }()

  /// Commands with arguments or other structure, handled by the parser itself.
  static let structuralCommands: Set<String> = [
    "frac", "dfrac", "tfrac", "sqrt", "text", "mathrm", "operatorname", "left", "right", "begin",
    "end", "!",
  ]

  /// Every command name the converter knows, for suggestions and the documentation.
  public static var supportedCommands: [String] {
    (Array(symbols.keys) + Array(structuralCommands)).sorted()
  }

  static let environments: Set<String> = ["aligned"]
}

/// A recursive-descent parser that writes MathML as it goes.
private struct Parser {
  let characters: [Character]
  let isDisplay: Bool
  var index = 0
  /// How many atoms are being parsed inside one another.
  var depth = 0
  static let maximumDepth = 255

  init(_ characters: [Character], isDisplay: Bool) {
    self.characters = characters
    self.isDisplay = isDisplay
  }

  mutating func parseAll() throws(MathError) -> String {
    let body = try parseSequence(inTable: false)
    if index < characters.count {
      let character = characters[index]
      if character == "}" {
        throw MathError(message: "Extra }, or forgotten {", offset: index)
      }
      if character == "&" {
        throw MathError(
          message: "Misplaced alignment tab character & (use it inside \\begin{aligned})",
          offset: index)
      }
      if character == "\\", let name = peekCommand(), name == "\\" || name == "end" {
        throw MathError(
          message: name == "end"
            ? "\\end without a matching \\begin"
            : "ConvBook supports \\\\ line breaks only inside \\begin{aligned}",
          offset: index, length: name.count + 1)
      }
      if character == "\\", peekCommand() == "right" {
        throw MathError(message: "Extra \\right", offset: index, length: 6)
      }
    }
    return body
  }

  /// The name of the command at `index` (which is a backslash), without consuming it.
  func peekCommand() -> String? {
    guard index < characters.count, characters[index] == "\\" else { return nil }
    var end = index + 1
    guard end < characters.count else { return "" }
    if characters[end].isASCIILetter {
      while end < characters.count, characters[end].isASCIILetter { end += 1 }
      return String(characters[(index + 1)..<end])
    }
    return String(characters[end])
  }

  /// Items up to the end of the input, a `}`, an `&` or `\\` or `\end` or `\right`.
  mutating func parseSequence(inTable: Bool) throws(MathError) -> String {
    var output = ""
    while index < characters.count {
      let character = characters[index]
      if character == "}" || character == "&" { break }
      if character == "\\", let name = peekCommand(),
        name == "\\" || name == "end" || name == "right"
      {
        break
      }
      output += try parseItem()
    }
    return output
  }

  /// An atom with its scripts.
  mutating func parseItem() throws(MathError) -> String {
    skipSpaces()
    guard index < characters.count else { return "" }
    var (base, isLargeOperator) = try parseAtom()
    if base.isEmpty { isLargeOperator = false }
    var lowerScript: String?
    var upperScript: String?
    while true {
      skipSpaces()
      guard index < characters.count else { break }
      let character = characters[index]
      if character == "'" {
        index += 1
        let prime = "<mo>′</mo>"
        upperScript = (upperScript ?? "") + prime
        continue
      }
      guard character == "^" || character == "_" else { break }
      let scriptStart = index
      index += 1
      skipSpaces()
      guard index < characters.count else {
        throw MathError(
          message: "Missing { inserted: \(character) needs an argument", offset: scriptStart)
      }
      let (script, _) = try parseAtom(argumentOf: String(character))
      if character == "^" {
        if upperScript != nil {
          throw MathError(message: "Double superscript", offset: scriptStart)
        }
        upperScript = script
      } else {
        if lowerScript != nil {
          throw MathError(message: "Double subscript", offset: scriptStart)
        }
        lowerScript = script
      }
    }
    if base.isEmpty && (lowerScript != nil || upperScript != nil) { base = "<mrow></mrow>" }
    let under = isLargeOperator && isDisplay
    switch (lowerScript, upperScript) {
    case (nil, nil): return base
    case (let sub?, nil):
      return under ? "<munder>\(base)\(sub)</munder>" : "<msub>\(base)\(sub)</msub>"
    case (nil, let sup?):
      return under ? "<mover>\(base)\(sup)</mover>" : "<msup>\(base)\(sup)</msup>"
    case (let sub?, let sup?):
      return under
        ? "<munderover>\(base)\(sub)\(sup)</munderover>"
        : "<msubsup>\(base)\(sub)\(sup)</msubsup>"
    }
  }

  mutating func skipSpaces() {
    while index < characters.count, characters[index].isWhitespace { index += 1 }
  }

  /// One atom: a group, a number, a letter, an operator or a command. `argumentOf` names the
  /// command or script whose argument this is, for messages.
  mutating func parseAtom(argumentOf: String? = nil) throws(MathError) -> (String, Bool) {
    // Every nesting (a group, a command's argument, \left ... \right, an environment) passes
    // here: bounded, so that 20,000 nested braces are an error instead of a stack overflow.
    guard depth < Self.maximumDepth else {
      throw MathError(
        message:
          "ConvBook does not support math nested more than \(Self.maximumDepth) levels deep",
        offset: min(index, max(0, characters.count - 1)))
    }
    depth += 1
    defer { depth -= 1 }
    skipSpaces()
    guard index < characters.count else {
      throw MathError(
        message: "Missing argument for \(argumentOf ?? "this command")",
        offset: max(0, characters.count - 1))
    }
    let character = characters[index]
    if character == "{" {
      return (try parseGroup(), false)
    }
    if argumentOf != nil, character == "}" || character == "&" {
      throw MathError(message: "Missing argument for \(argumentOf ?? "")", offset: index)
    }
    if character.isASCIIDigit
      || (character == "." && index + 1 < characters.count
        && characters[index + 1].isASCIIDigit)
    {
      var end = index
      // A single digit when it is a script's argument, as in TeX: x^23 is x² followed by 3.
      if argumentOf != nil {
        end += 1
      } else {
        while end < characters.count,
          characters[end].isASCIIDigit
            || (characters[end] == "." && end + 1 < characters.count
              && characters[end + 1].isASCIIDigit)
        {
          end += 1
        }
      }
      let number = String(characters[index..<end])
      index = end
      return ("<mn>\(HTMLEscaping.escape(number))</mn>", false)
    }
    if character.isLetter {
      index += 1
      return ("<mi>\(HTMLEscaping.escape(String(character)))</mi>", false)
    }
    if character == "\\" {
      return try parseCommand()
    }
    switch character {
    case "^", "_":
      throw MathError(
        message: "Missing argument for \(argumentOf ?? String(character))", offset: index)
    case "%":
      throw MathError(
        message: "ConvBook does not support TeX comments in math; write \\% for a percent sign",
        offset: index)
    case "#":
      throw MathError(
        message: "You can't use macro parameter character # in math mode; write \\#", offset: index)
    case "~":
      index += 1
      return ("<mspace width=\"0.25em\"></mspace>", false)
    case "-":
      index += 1
      return ("<mo>−</mo>", false)
    case "*":
      index += 1
      return ("<mo>∗</mo>", false)
    default:
      index += 1
      return (Self.operatorElement(String(character)), false)
    }
  }

  /// `{ ... }`, as one `<mrow>`.
  mutating func parseGroup() throws(MathError) -> String {
    let open = index
    index += 1
    let body = try parseSequence(inTable: false)
    guard index < characters.count, characters[index] == "}" else {
      if index < characters.count, characters[index] == "&" {
        throw MathError(
          message: "Misplaced alignment tab character & (inside { })", offset: index)
      }
      throw MathError(message: "Missing } inserted for this {", offset: open)
    }
    index += 1
    return "<mrow>\(body)</mrow>"
  }

  /// The text of a `{...}` argument taken literally (for `\text`), without the braces.
  mutating func literalArgument(of command: String, at commandStart: Int) throws(MathError)
    -> String
  {
    skipSpaces()
    guard index < characters.count, characters[index] == "{" else {
      throw MathError(
        message: "\\\(command) needs its argument in braces: \\\(command){...}",
        offset: commandStart, length: command.count + 1)
    }
    let open = index
    var depth = 0
    var text = ""
    while index < characters.count {
      let character = characters[index]
      index += 1
      if character == "{" {
        depth += 1
        if depth == 1 { continue }
      } else if character == "}" {
        depth -= 1
        if depth == 0 { return text }
      } else if character == "\\", index < characters.count,
        "{}%$#_&\\ ".contains(characters[index])
      {
        text.append(characters[index] == "\\" ? " " : characters[index])
        index += 1
        continue
      }
      text.append(character)
    }
    throw MathError(message: "Missing } inserted for this {", offset: open)
  }

  mutating func parseCommand() throws(MathError) -> (String, Bool) {
    let start = index
    guard let name = peekCommand(), !name.isEmpty else {
      throw MathError(message: "A lone \\ ends this math", offset: start)
    }
    index += 1 + name.count
    let length = name.count + 1
    switch name {
    case "frac", "dfrac", "tfrac":
      let numerator = try parseAtom(argumentOf: "\\\(name)").0
      let denominator = try parseAtom(argumentOf: "\\\(name)").0
      return ("<mfrac>\(numerator)\(denominator)</mfrac>", false)
    case "sqrt":
      skipSpaces()
      if index < characters.count, characters[index] == "[" {
        let open = index
        index += 1
        var degree = ""
        while index < characters.count, characters[index] != "]" {
          degree += try parseItem()
          skipSpaces()
        }
        guard index < characters.count else {
          throw MathError(message: "Missing ] for the root's degree", offset: open)
        }
        index += 1
        let radicand = try parseAtom(argumentOf: "\\sqrt").0
        return ("<mroot>\(radicand)<mrow>\(degree)</mrow></mroot>", false)
      }
      let radicand = try parseAtom(argumentOf: "\\sqrt").0
      return ("<msqrt>\(radicand)</msqrt>", false)
    case "text":
      let text = try literalArgument(of: name, at: start)
      return ("<mtext>\(HTMLEscaping.escape(text))</mtext>", false)
    case "mathrm", "operatorname":
      let text = try literalArgument(of: name, at: start)
      return ("<mi mathvariant=\"normal\">\(HTMLEscaping.escape(text))</mi>", false)
    case "left":
      // \left( ... \right): one row between two stretchy delimiters.
      let open = try delimiter(after: name, at: start)
      let body = try parseSequence(inTable: false)
      guard index < characters.count, peekCommand() == "right" else {
        throw MathError(message: "Missing \\right for this \\left", offset: start, length: length)
      }
      let rightStart = index
      index += 6
      let close = try delimiter(after: "right", at: rightStart)
      return ("<mrow>\(open)\(body)\(close)</mrow>", false)
    case "right":
      throw MathError(message: "Extra \\right", offset: start, length: length)
    case "begin":
      return (try parseEnvironment(at: start), false)
    case "!":
      return ("<mspace width=\"-0.1667em\"></mspace>", false)
    default:
      break
    }
    switch MathMLConverter.symbols[name] {
    case .identifier(let text, let upright)?:
      let variant = upright && text.count == 1 ? " mathvariant=\"normal\"" : ""
      return ("<mi\(variant)>\(HTMLEscaping.escape(text))</mi>", false)
    case .operatorSymbol(let text, let large)?:
      if large {
        return (
          "<mo largeop=\"true\" movablelimits=\"true\">\(HTMLEscaping.escape(text))</mo>", true
        )
      }
      return (Self.operatorElement(text), false)
    case .space(let width)?:
      return ("<mspace width=\"\(width)\"></mspace>", false)
    case nil:
      throw MathError(
        message: Self.unknownCommandMessage(name), offset: start, length: length)
    }
  }

  /// TeX commands lessons might reasonably use that ConvBook does not render: they are
  /// ConvBook's limitation, never a typo to correct.
  static let knownUnsupported: Set<String> = [
    "int", "iint", "oint", "binom", "overline", "underline", "hat", "bar", "vec", "dot", "ddot",
    "tilde", "widehat", "mathbf", "mathcal", "mathbb", "mathit", "boldsymbol", "underbrace",
    "overbrace", "stackrel", "overset", "underset", "color", "displaystyle", "limits", "cases",
    "matrix", "pmatrix", "bmatrix", "hline", "newcommand", "def", "label", "tag", "nonumber",
  ]

  /// The delimiter after `\left` or `\right`, as a stretchy operator (`.` is none).
  mutating func delimiter(after name: String, at start: Int) throws(MathError) -> String {
    skipSpaces()
    guard index < characters.count else {
      throw MathError(
        message: "Missing delimiter after \\\(name)", offset: start, length: name.count + 1)
    }
    if characters[index] == "." {
      index += 1
      return ""
    }
    let (symbol, _) = try parseAtom(argumentOf: "\\\(name)")
    guard symbol.hasPrefix("<mo"), let close = symbol.firstIndex(of: ">") else {
      throw MathError(
        message: "Missing delimiter after \\\(name)", offset: start, length: name.count + 1)
    }
    return "<mo stretchy=\"true\">" + symbol[symbol.index(after: close)...]
  }

  /// Delimiters written without `\left`/`\right` keep their size, as in TeX (MathML would
  /// stretch them to the row's height).
  static let fixedDelimiters: Set<String> = [
    "(", ")", "[", "]", "|", "⌊", "⌋", "⌈", "⌉", "⟨", "⟩", "‖", "{", "}",
  ]

  static func operatorElement(_ text: String) -> String {
    let attributes = fixedDelimiters.contains(text) ? " stretchy=\"false\"" : ""
    return "<mo\(attributes)>\(HTMLEscaping.escape(text))</mo>"
  }

  static func unknownCommandMessage(_ name: String) -> String {
    let known = MathMLConverter.supportedCommands
    if !knownUnsupported.contains(name),
      // Only names within 2 characters of its length can be within edit distance 2: the others
      // are not measured (a 100,000-letter command took minutes of edit distances).
      let suggestion = known.filter({ $0.count > 1 && abs($0.count - name.count) <= 2 }).min(by: {
        editDistance($0, name) < editDistance($1, name)
      }), editDistance(suggestion, name) <= 2, name.count > 2
    {
      return "Undefined control sequence \\\(name); did you mean \\\(suggestion)?"
    }
    return "ConvBook does not support the TeX command \\\(name) yet (README: Math in lessons)"
  }

  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    var previous = Array(0...b.count)
    for i in 1...max(1, a.count) where !a.isEmpty {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...max(1, b.count) where !b.isEmpty {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return a.isEmpty ? b.count : previous[b.count]
  }

  /// `\begin{aligned} a &= b \\ c &= d \end{aligned}` as a table whose columns alternate right
  /// and left alignment, as in TeX.
  mutating func parseEnvironment(at start: Int) throws(MathError) -> String {
    let name = try literalArgument(of: "begin", at: start)
    guard MathMLConverter.environments.contains(name) else {
      throw MathError(
        message: "ConvBook does not support \\begin{\(name)} yet; use \\begin{aligned}",
        offset: start, length: index - start)
    }
    var rows: [[String]] = [[]]
    while true {
      let cell = try parseSequence(inTable: true)
      rows[rows.count - 1].append(cell)
      guard index < characters.count else {
        throw MathError(
          message: "Missing \\end{\(name)} for this \\begin{\(name)}", offset: start,
          length: name.count + 8)
      }
      let character = characters[index]
      if character == "&" {
        index += 1
        continue
      }
      if character == "}" {
        throw MathError(message: "Extra }, or forgotten {", offset: index)
      }
      let commandStart = index
      let command = peekCommand() ?? ""
      index += 1 + command.count
      if command == "\\" {
        rows.append([])
        continue
      }
      if command == "right" {
        throw MathError(message: "Extra \\right", offset: commandStart, length: 6)
      }
      // \end
      let endName = try literalArgument(of: "end", at: commandStart)
      guard endName == name else {
        throw MathError(
          message: "\\begin{\(name)} ended by \\end{\(endName)}", offset: commandStart,
          length: index - commandStart)
      }
      break
    }
    if rows.count > 1, rows[rows.count - 1].allSatisfy({ $0.isEmpty }) { rows.removeLast() }
    var output = "<mtable displaystyle=\"true\">"
    for row in rows {
      output += "<mtr>"
      for (column, cell) in row.enumerated() {
        let alignment = column % 2 == 0 ? "right" : "left"
        output += "<mtd style=\"text-align: \(alignment)\"><mrow>\(cell)</mrow></mtd>"
      }
      output += "</mtr>"
    }
    return output + "</mtable>"
  }
}

extension Character {
  fileprivate var isASCIILetter: Bool {
    ("a"..."z").contains(self) || ("A"..."Z").contains(self)
  }
  fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
