import CNNEngine
import Foundation
import KerasCells
import Testing

/// One script that uses Keras 3 (`keras`, `tf.keras`) and tf-keras (`tf_keras`) together, against
/// what TensorFlow 2.21 with Keras 3.15.1 and tf-keras 2.21 side by side printed and raised
/// (`Tests/Fixtures/keras3/mixing`, made by `make_mixing_fixtures.py`): each package's names,
/// summaries and words, and what mixing their objects raises (type and first line).
@Suite struct KerasPackageMixingTests {
  static let folder = Keras3CorpusTests.fixtures.appendingPathComponent("mixing")

  /// Cases the real packages accept only because TensorFlow runs one package's tensor through the
  /// other as a TensorFlow operation: ConvBook refuses them as its limitation.
  static let limitations: Set<String> = [
    "arithmetic-of-mixed-tensors", "arithmetic-of-mixed-tensors-reversed",
    "keras3-add-of-mixed-tensors", "keras3-concatenate-of-tf-keras-tensors",
    "keras3-layer-on-tf-keras-input", "keras3-model-on-tf-keras-input",
  ]

  static let cases: [(name: String, source: String)] = {
    let text =
      (try? String(contentsOf: folder.appendingPathComponent("cases.py"), encoding: .utf8)) ?? ""
    var sections: [(String, String)] = [("", "")]
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("# %%") {
        sections.append((line.dropFirst(4).trimmingCharacters(in: .whitespaces), ""))
      } else {
        sections[sections.count - 1].1 += line + "\n"
      }
    }
    return sections
  }()

  static var prelude: String { cases[0].source }
  static var caseNames: [String] { cases.dropFirst().map(\.name) }

  @Test func everyCaseWasRecorded() throws {
    let expected = try Self.expected()
    #expect(Set(expected.keys) == Set(Self.caseNames))
    #expect(Self.limitations.isSubset(of: Set(Self.caseNames)))
  }

  static func expected() throws -> [String: [String: Any]] {
    let data = try Data(contentsOf: folder.appendingPathComponent("expected.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
  }

  @Test(arguments: caseNames)
  func matchesThePackages(_ name: String) throws {
    let want = try #require(try Self.expected()[name])
    let source = try #require(Self.cases.first { $0.name == name }?.source)
    let session = KerasSession(kerasVersion: .keras3)
    #expect(session.run(Self.prelude).error == nil)
    let result = session.run(source)
    let printed = result.printed(format: .keras3())
    if Self.limitations.contains(name) {
      let error = try #require(result.error, "\(name): expected ConvBook's refusal")
      #expect(error.type == nil && error.message.hasPrefix("ConvBook does not support"), "\(name)")
      return
    }
    #expect(printed == want["stdout"] as? String, "\(name) stdout")
    if let error = want["error"] as? [String: Any] {
      let got = try #require(result.error, "\(name): expected \(error)")
      #expect(got.type == error["type"] as? String, "\(name) type")
      // Python's repr of an object names its address, which ConvBook leaves out.
      let message = (error["message"] as? String ?? "").replacing(#/ at 0x[0-9a-f]+/#, with: "")
      #expect(Keras3CorpusTests.firstLine(got.message) == message, "\(name) message")
    } else {
      #expect(result.error == nil, "\(name): unexpected \(String(describing: result.error))")
    }
  }

  /// In Keras 2 mode every package is tf-keras, as with `TF_USE_LEGACY_KERAS=1`: one set of names.
  @Test func keras2ModeSharesOnePackage() {
    let session = KerasSession(kerasVersion: .keras2)
    let result = session.run(
      Self.prelude
        + "print(keras.layers.Dense(1).name, tf_keras.layers.Dense(1).name, tf.keras.layers.Dense(1).name)\n"
        + "print(tf_keras.__version__, tf.__version__)\n"
        + "model = keras.Sequential([tf_keras.layers.Dense(2, input_shape=(3,))])\n"
        + "print(isinstance(model.layers[0], keras.layers.Dense))\n")
    #expect(result.error == nil)
    #expect(result.printed(format: .keras2()) == "dense dense_1 dense_2\n2.21.0 2.21.0\nTrue\n")
  }
}
