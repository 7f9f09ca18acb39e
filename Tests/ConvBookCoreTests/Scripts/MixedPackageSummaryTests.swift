import ConvBookCore
import Foundation
import KerasCells
import Testing

/// `convbook summary` of a Keras 3 script that also uses `tf_keras`: each model in its own
/// package's style (tf-keras' classic table beside Keras 3's box table).
@Suite struct MixedPackageSummaryTests {
  @Test func eachModelInItsPackagesStyle() throws {
    let loaded = try ModelFile.load(
      path: ScriptRunCorpusTests.folder.appendingPathComponent("80-tf-keras-pretrained-helper.py")
        .path,
      runner: LessonRunner(kerasVersion: KerasVersionSetting(commandLine: .keras3)))
    #expect(loaded.models().map(\.variable) == ["base", "head"])
    let report = try ModelCommands.summary(loaded, model: nil, json: false, footer: .modern)
    let parts = report.output.components(separatedBy: "Model: ")
    try #require(parts.count == 3)
    #expect(parts[1].hasPrefix("\"feature_extractor\"\n_____"))
    #expect(parts[1].contains("Total params: 5088 (19.88 KB)"))
    #expect(parts[2].hasPrefix("\"sequential\"\n┏"))
    let json = try ModelCommands.summary(loaded, model: nil, json: true, footer: .modern).output
    #expect(
      json.contains(
        "\"built\": true,\n      \"keras_version\": 2,\n      \"input_shape\": [null, 32, 32, 3]"))
  }
}
