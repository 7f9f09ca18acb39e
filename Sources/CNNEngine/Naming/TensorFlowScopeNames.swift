/// TensorFlow's checks of the name scopes Keras opens while it builds a graph (`Graph.name_scope`):
/// a layer called on symbolic tensors enters a scope named after the layer, and TensorFlow refuses
/// a name outside its patterns. At the graph's root (nothing entered yet) the name must match
/// `^[A-Za-z0-9.][A-Za-z0-9_.\\/>-]*$`; inside another scope, `^[A-Za-z0-9_.\\/>-]*$`. Both are
/// ASCII classes (`Dense(name="密集層")` fails), and Python's `re.match` lets `$` match before a
/// final newline. An empty name enters no scope and is never checked.
///
/// Where Keras opens such scopes: tf-keras, at every call of a layer on Keras tensors (the scope is
/// the layer's name followed by "/", `'my dense/'`) and in the functions `fit`, `evaluate` and
/// `predict` trace; Keras 3, in those functions (the model's name at the root, without "/") and
/// where it runs a custom layer's `call` on Keras tensors to infer its output (the layers `call`
/// calls are at the root of that scratch graph).
public enum TensorFlowScopeNames {
  /// The pattern a root scope name has to match, as TensorFlow's message prints it.
  public static let rootPattern = #"^[A-Za-z0-9.][A-Za-z0-9_.\\/>-]*$"#
  /// The pattern any other scope name has to match.
  public static let scopePattern = #"^[A-Za-z0-9_.\\/>-]*$"#

  /// Whether `scope` may be entered at the graph's root.
  public static func isValidRoot(_ scope: String) -> Bool {
    let scalars = matched(scope)
    guard let first = scalars.first else { return scope.isEmpty }
    return isLeading(first) && scalars.dropFirst().allSatisfy(isFollowing)
  }

  /// Whether `scope` may be entered inside another scope.
  public static func isValidNested(_ scope: String) -> Bool {
    matched(scope).allSatisfy(isFollowing)
  }

  /// TensorFlow's ValueError for a root scope name that does not match.
  public static func rootError(_ scope: String) -> KerasError {
    .value(
      "'\(scope)' is not a valid root scope name. A root scope name has to match the following pattern: \(rootPattern)"
    )
  }

  /// The ValueError for a scope name that does not match inside another scope.
  public static func nestedMessage(_ scope: String) -> String {
    "'\(scope)' is not a valid scope name. A scope name has to match the following pattern: \(scopePattern)"
  }

  /// The scalars the pattern has to cover: `$` also matches before a final newline.
  private static func matched(_ scope: String) -> Substring.UnicodeScalarView {
    let scalars = Substring(scope).unicodeScalars
    return scalars.last == "\n" ? scalars.dropLast() : scalars[...]
  }

  private static func isLeading(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "A"..."Z", "a"..."z", "0"..."9", ".": return true
    default: return false
    }
  }

  private static func isFollowing(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "A"..."Z", "a"..."z", "0"..."9", "_", ".", "\\", "/", ">", "-": return true
    default: return false
    }
  }
}
