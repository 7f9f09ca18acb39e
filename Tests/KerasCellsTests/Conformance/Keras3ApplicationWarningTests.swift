import Foundation
import KerasCells
import Testing

/// Keras 3's "Weights for input shape (224, 224) will be loaded as the default." UserWarning of
/// the MobileNets, against what Keras 3.15.1 warned for each call of
/// `Tests/Fixtures/keras3/application_warnings.cases` (`make_application_warning_fixtures.py`):
/// the text Python prints on standard error, at the caller's line or at Keras' own.
@Suite struct Keras3ApplicationWarningTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var call: String
    var refused: Bool
    var warnings: [String]
    var testDescription: String { call }
  }

  static let cases: [Case] = {
    let url = Keras3CorpusTests.fixtures.appendingPathComponent("application_warnings.json")
    guard let data = try? Data(contentsOf: url),
      let entries = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
    else { return [] }
    return entries.map { entry in
      let warnings = (entry["warnings"] as? [[String: Any]] ?? []).map { warning in
        let site = "\(warning["file"] as? String ?? ""):\(warning["line"] as? Int ?? 0)"
        return
          "\(site): \(warning["category"] as? String ?? ""): \(warning["message"] as? String ?? "")\n  \(warning["source"] as? String ?? "")\n"
      }
      return Case(
        call: entry["call"] as? String ?? "",
        refused: (entry["outcome"] as? String ?? "").hasPrefix("refused"), warnings: warnings)
    }
  }()

  @Test func everyCaseWasRecorded() { #expect(Self.cases.count == 21) }

  @Test(arguments: cases)
  func warnsAsKeras3(_ example: Case) {
    let session = KerasSession(kerasVersion: .keras3)
    let result = session.run("import keras\n" + example.call)
    #expect((result.error != nil) == example.refused, "\(String(describing: result.error))")
    // The call is the cell's line 2 and the recorder's `case.py` line 1.
    let shown = result.warnings.map { $0.pythonText(orAt: "case.py:\($0.range.start.line - 1)") }
    #expect(shown == example.warnings)
  }

  /// Python shows a warning once per place: the same line twice warns once, another line again;
  /// MobileNetV3's place is in Keras, so a second call anywhere is silent.
  @Test func oncePerPlace() {
    let session = KerasSession(kerasVersion: .keras3)
    let result = session.run(
      """
      import keras
      for size in [96, 100]:
          m = keras.applications.MobileNetV2(input_shape=(size, size, 3), include_top=False)
      m = keras.applications.MobileNetV2(input_shape=(100, 100, 3), include_top=False)
      m = keras.applications.MobileNetV3Small(input_shape=(96, 96, 3), include_top=False)
      m = keras.applications.MobileNetV3Small(input_shape=(96, 96, 3), include_top=False)
      """)
    #expect(result.error == nil)
    #expect(result.warnings.map(\.range.start.line) == [3, 4, 5])
  }

  @Test func tfKerasDoesNotWarn() {
    let session = KerasSession(kerasVersion: .keras3)
    let result = session.run(
      "import tf_keras\nm = tf_keras.applications.MobileNetV2(input_shape=(96, 96, 3), include_top=False)\n"
        + "m = tf_keras.applications.MobileNet(input_shape=(96, 96, 3), include_top=False)\n")
    #expect(result.error == nil && result.warnings.isEmpty)
    let legacy = KerasSession(kerasVersion: .keras2)
    let classic = legacy.run(
      "import keras\nm = keras.applications.MobileNetV2(input_shape=(96, 96, 3), include_top=False)\n"
    )
    #expect(classic.error == nil && classic.warnings.isEmpty)
  }
}
