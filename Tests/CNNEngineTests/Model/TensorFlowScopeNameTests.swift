import Testing

@testable import CNNEngine

/// TensorFlow's scope-name patterns as Python's `re.match` applies them (recorded behaviour:
/// scripts 1055-1057 show where Keras meets them).
@Suite struct TensorFlowScopeNameTests {
  @Test(arguments: [
    ("dense/", true), ("_hidden/", false), ("-x/", false), ("block:1/", false),
    ("schicht_ä/", false), (".a-b>c\\d/e/", true), ("2nd/", true), ("my model", false),
    ("m\n", true), ("m\n\n", false), ("\n", false), ("", true), ("a b", false),
  ])
  func root(_ scope: String, _ valid: Bool) {
    #expect(TensorFlowScopeNames.isValidRoot(scope) == valid)
  }

  @Test(arguments: [
    ("_hidden", true), ("-x", true), ("x y", false), ("模型", false), ("a:b", false), ("", true),
  ])
  func nested(_ scope: String, _ valid: Bool) {
    #expect(TensorFlowScopeNames.isValidNested(scope) == valid)
  }

  @Test func rootErrorIsTensorFlowsText() {
    let error = TensorFlowScopeNames.rootError("my dense/")
    #expect(error.type == "ValueError")
    #expect(
      error.message
        == #"'my dense/' is not a valid root scope name. A root scope name has to match the following pattern: ^[A-Za-z0-9.][A-Za-z0-9_.\\/>-]*$"#
    )
  }
}
