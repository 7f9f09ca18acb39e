import Foundation

/// `packaging.version`, which scripts use to check the TensorFlow they run on
/// (`version.parse(tf.__version__) >= version.parse("2.8.0")`): `parse` and `Version` read PEP 440
/// versions (epoch, release, pre-, post- and development releases, a local part) and compare them
/// as packaging 26 does; `InvalidVersion` is raised for anything else, in packaging's words.
enum StandardPackaging {
  static let invalidVersion = "packaging.version.InvalidVersion"

  static func attribute(_ name: String, of module: String) -> Value? {
    switch (module, name) {
    case ("packaging", "version"): return .module(.standard("packaging.version"))
    case ("packaging.version", "parse"), ("packaging.version", "Version"):
      return StandardLibrary.function(module, name)
    case ("packaging.version", "InvalidVersion"):
      return .function(Callable(.builtin(invalidVersion), path: invalidVersion))
    default: return nil
    }
  }

  static func call(_ name: String, _ arguments: StandardArguments) throws(CellError) -> Value? {
    let (values, _) = try arguments.bind([("version", nil)])
    let text = try arguments.string(values["version"]!, "version")
    guard let version = PackagingVersion(text) else {
      throw CellError(
        type: invalidVersion, message: "Invalid version: '\(text)'", range: arguments.range)
    }
    return .standard(version)
  }
}

/// A PEP 440 version (`packaging.version.Version`).
final class PackagingVersion: StandardObject {
  let epoch: Int
  let release: [Int]
  /// `a`, `b` or `rc` with its number.
  let pre: (String, Int)?
  let post: Int?
  let dev: Int?
  let local: String?

  /// Parses `text` as packaging's `VERSION_PATTERN` reads it (case-insensitive, surrounding
  /// spaces and a leading `v` allowed, the spellings it normalises: `alpha`, `c`, `-1`, ...).
  init?(_ text: String) {
    var characters = Array(text.trimmingCharacters(in: .whitespaces).lowercased())
    var position = 0
    func peek() -> Character? { position < characters.count ? characters[position] : nil }
    func number() -> Int? {
      var digits = ""
      while let next = peek(), next.isASCII, next.isNumber {
        digits.append(next)
        position += 1
      }
      // Leading zeros are dropped; a number beyond Int64 is not a version ConvBook reads.
      return digits.isEmpty ? nil : Int(digits)
    }
    func separator() { if let next = peek(), "-_.".contains(next) { position += 1 } }
    func word(_ options: [String]) -> String? {
      for option in options where characters[position...].starts(with: option) {
        position += option.count
        return option
      }
      return nil
    }
    if peek() == "v" { position += 1 }
    guard var first = number() else { return nil }
    var epoch = 0
    if peek() == "!" {
      position += 1
      epoch = first
      guard let next = number() else { return nil }
      first = next
    }
    var release = [first]
    while peek() == ".", position + 1 < characters.count, characters[position + 1].isNumber {
      position += 1
      guard let part = number() else { return nil }
      release.append(part)
    }
    // Pre-release: `[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?N?`.
    var pre: (String, Int)?
    let beforePre = position
    separator()
    if let letters = word(["alpha", "beta", "preview", "pre", "rc", "a", "b", "c"]) {
      let normal = ["alpha": "a", "beta": "b", "c": "rc", "pre": "rc", "preview": "rc"][letters]
      let saved = position
      separator()
      let value = number()
      if value == nil { position = saved }
      pre = (normal ?? letters, value ?? 0)
    } else {
      position = beforePre
    }
    // Post-release: `-N` or `[-_.]?(post|rev|r)[-_.]?N?`.
    var post: Int?
    let beforePost = position
    if peek() == "-", position + 1 < characters.count, characters[position + 1].isNumber {
      position += 1
      post = number()
    } else {
      separator()
      if word(["post", "rev", "r"]) != nil {
        let saved = position
        separator()
        let value = number()
        if value == nil { position = saved }
        post = value ?? 0
      } else {
        position = beforePost
      }
    }
    // Development release: `[-_.]?dev[-_.]?N?`.
    var dev: Int?
    let beforeDev = position
    separator()
    if word(["dev"]) != nil {
      let saved = position
      separator()
      let value = number()
      if value == nil { position = saved }
      dev = value ?? 0
    } else {
      position = beforeDev
    }
    var local: String?
    if peek() == "+" {
      position += 1
      let rest = String(characters[position...])
      let parts = rest.split(
        omittingEmptySubsequences: false, whereSeparator: { "-_.".contains($0) })
      guard
        !parts.isEmpty,
        parts.allSatisfy({
          !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        })
      else { return nil }
      local = parts.joined(separator: ".")
      position = characters.count
    }
    guard position == characters.count else { return nil }
    characters = []
    self.epoch = epoch
    self.release = release
    self.pre = pre
    self.post = post
    self.dev = dev
    self.local = local
  }

  override var typeName: String { "Version" }

  /// The normalised text (`str(v)`).
  var text: String {
    var result = epoch != 0 ? "\(epoch)!" : ""
    result += publicBase
    if let pre { result += "\(pre.0)\(pre.1)" }
    if let post { result += ".post\(post)" }
    if let dev { result += ".dev\(dev)" }
    if let local { result += "+" + local }
    return result
  }

  private var publicBase: String { release.map(String.init).joined(separator: ".") }

  override func str(_ item: (Value) -> String) -> String { text }
  override func repr(_ item: (Value) -> String) -> String { "<Version('\(text)')>" }

  /// packaging's `_cmpkey`: trailing zeros of the release dropped; a development release without a
  /// pre- or post-release sorts before every pre-release; no pre-release sorts after them all.
  override var comparisonKey: Value? {
    var trimmed = release
    while trimmed.count > 1, trimmed.last == 0 { trimmed.removeLast() }
    let below = Value.tuple([.int(-1)])
    let above = Value.tuple([.int(1)])
    let preKey: Value
    if pre == nil, post == nil, dev != nil {
      preKey = below
    } else if let pre {
      preKey = .tuple([.int(0), .string(pre.0), .int(pre.1)])
    } else {
      preKey = above
    }
    let postKey: Value = post.map { .tuple([.int(0), .int($0)]) } ?? below
    let devKey: Value = dev.map { .tuple([.int(0), .int($0)]) } ?? above
    let localKey: Value =
      local.map { text in
        .tuple(
          text.split(separator: ".").map { part in
            Int(part).map { .tuple([.int(1), .int($0)]) }
              ?? .tuple([.int(0), .string(String(part))])
          })
      } ?? .tuple([])
    return .tuple([
      .int(epoch), .tuple(trimmed.map(Value.int)), preKey, postKey, devKey, localKey,
    ])
  }

  override func attribute(_ name: String, interpreter: Interpreter, range: SourceRange)
    throws(CellError) -> Value?
  {
    func part(_ index: Int) -> Value { .int(index < release.count ? release[index] : 0) }
    switch name {
    case "major": return part(0)
    case "minor": return part(1)
    case "micro": return part(2)
    case "epoch": return .int(epoch)
    case "release": return .tuple(release.map(Value.int))
    case "pre": return pre.map { .tuple([.string($0.0), .int($0.1)]) } ?? Value.none
    case "post": return post.map(Value.int) ?? Value.none
    case "dev": return dev.map(Value.int) ?? Value.none
    case "local": return local.map(Value.string) ?? Value.none
    case "public":
      return .string(text.split(separator: "+", maxSplits: 1).first.map(String.init) ?? text)
    case "base_version": return .string((epoch != 0 ? "\(epoch)!" : "") + publicBase)
    case "is_prerelease": return .bool(pre != nil || dev != nil)
    case "is_postrelease": return .bool(post != nil)
    case "is_devrelease": return .bool(dev != nil)
    default: return nil
    }
  }
}
