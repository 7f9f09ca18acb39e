import CNNEngine
import Foundation
import KerasCells
import Testing

/// Every constructor argument that tf-keras 2.21 and Keras 3.15.1 keep as an attribute of the
/// same name reads back as Keras has it, or is ConvBook's limitation, never a made-up
/// AttributeError: each layer class made as `Tools/keras-reference/make_layer_attributes.py` made
/// it (`Tests/Fixtures/keras*/layer-attributes.json`), then each recorded argument read.
@Suite struct LayerArgumentAttributeTests {
  struct Setting: Decodable {
    let kind: String
    let repr: String?
  }

  struct Recorded: Decodable {
    let expression: String
    let arguments: [String: Setting]
  }

  static func recorded(_ version: KerasVersion) throws -> [String: Recorded] {
    let url = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent(
        "Fixtures/\(version == .keras3 ? "keras3" : "keras")/layer-attributes.json")
    return try JSONDecoder().decode([String: Recorded].self, from: Data(contentsOf: url))
  }

  @Test(arguments: [KerasVersion.keras2, .keras3])
  func argumentsReadBackAsKerasKeepsThem(_ version: KerasVersion) throws {
    let classes = try Self.recorded(version)
    #expect(classes.count >= 100)
    var checked = 0
    for (className, recorded) in classes.sorted(by: { $0.key < $1.key }) {
      let session = KerasSession(kerasVersion: version)
      let made = session.run(
        "import tensorflow as tf\n"
          + (version == .keras3 ? "import keras\n" : "from tensorflow import keras\n")
          + "layer = \(recorded.expression)\n")
      // A class ConvBook lacks, or cannot make so, is refused when made: nothing to read.
      if let error = made.error {
        // Keras 3.15's newer preprocessing layers (`AugMix`, `RandomErasing`, ...) included:
        // ConvBook's refusal, never a made-up AttributeError of `keras.layers`.
        #expect(error.type == nil, "\(className): \(error.message)")
        continue
      }
      for (name, setting) in recorded.arguments.sorted(by: { $0.key < $1.key }) {
        let result = session.run("print(repr(layer.\(name)))\n")
        let printed = result.printed(footer: .modern).trimmingCharacters(in: .newlines)
        if setting.kind == "private" {
          // Kept as `_name`: Keras' AttributeError, with CPython's suggestion (or ConvBook's
          // limitation for the layers it models in part), never a value.
          #expect(result.error != nil, "\(className).\(name): \(printed)")
          if result.error?.type != nil {
            #expect(result.error?.type == "AttributeError", "\(className).\(name)")
            #expect(result.error?.suggestion == "_" + name, "\(className).\(name)")
          }
          continue
        }
        if let error = result.error {
          // Never Python's error where Keras has the attribute.
          #expect(error.type == nil, "\(className).\(name): \(error.type ?? ""): \(error.message)")
          continue
        }
        // (What Keras converts, a default seed drawn at random, may be answered otherwise only
        // where it is a plain value ConvBook knows.)
        if let repr = setting.repr, setting.kind != "other" || !repr.allSatisfy(\.isNumber) {
          #expect(printed == repr, "\(className).\(name): \(printed) where Keras has \(repr)")
        }
        checked += 1
      }
    }
    #expect(checked >= 300)
  }
}
