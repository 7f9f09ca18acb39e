import ConvBookCore
import Foundation
import Testing

/// `keras_version` in the JSON of the commands that check exercises: `exercises`, `check` (one
/// exercise and `--answers`), the lesson's version unless `--keras` says otherwise.
@Suite struct KerasVersionJSONTests {
  typealias F = ExerciseFixtures

  static func version(_ json: JSONValue) -> Int? {
    guard
      let object = try? JSONSerialization.jsonObject(with: Data(json.serialized().utf8))
        as? [String: Any]
    else { return nil }
    return object["keras_version"] as? Int
  }

  @Test func exercisesCheckAndAnswersSayWhichKeras() throws {
    let exercises = try LessonExercises.load(lessonPath: F.lessonPath).get()
    #expect(Self.version(exercises.json) == 3)
    let two = try LessonExercises.load(
      lessonPath: F.lessonPath, kerasVersion: KerasVersionSetting(commandLine: .keras2)
    ).get()
    #expect(Self.version(two.json) == 2 && two.kerasVersion == .keras2)
    #expect(Self.version(F.check("wide-params", answer: "1").json) == 3)
    let usage = ExerciseCheck.check(
      lessonPath: F.lessonPath, exerciseID: "nope", submission: .value("1"),
      kerasVersion: KerasVersionSetting(commandLine: .keras2))
    #expect(usage.status == .usageError && Self.version(usage.json) == 2)
    let answers = try AnswersFile.parse("wide-params = 231_562\n", path: "a.toml").get()
    #expect(Self.version(AnswerSheet.check(two, answers: answers).json) == 2)
  }
}
