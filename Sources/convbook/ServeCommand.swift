import ArgumentParser
import ConvBookCore
import Foundation

#if CONVBOOK_SERVE
  import ConvBookServer
#endif

struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Preview a course: build it, serve it on 127.0.0.1 and rebuild what changes.",
    discussion: """
      Builds LESSONS_DIR into OUT, serves it at http://127.0.0.1:PORT/ (never on other \
      addresses) and watches the folder: an edited lesson is rebuilt alone, any other change \
      (theme, course.yml, linked files) rebuilds the site, and open pages reload themselves. The \
      reload script exists only in served pages; `convbook build` output has no JavaScript. Stop \
      with Ctrl-C.
      """)

  @ArgumentParser.Argument(help: "The folder of lessons.")
  var lessonsDirectory: String = "Lessons"

  @Option(parsing: .unconditional, help: "The port to listen on (127.0.0.1 only).")
  var port = OptionNumber<UInt16>(8000)

  func validate() throws {
    _ = try port.value(of: "--port", "a whole number from 0 to 65535")
  }

  @Option(name: .shortAndLong, help: "The folder the served site is built into.")
  var out: String = ".convbook-serve"

  @Flag(help: "Serve the instructors' copy, with answers and solutions.")
  var solutions = false

  func run() throws {
    #if CONVBOOK_SERVE
      try serve()
    #else
      CommandFailure.usage(
        "this convbook was built without `serve` (CONVBOOK_WITHOUT_SERVE, as `scripts/install` builds it for students); preview a course with a convbook built by `scripts/install --serve` or `swift build`"
      ).exit()
    #endif
  }
}

#if CONVBOOK_SERVE
  extension ServeCommand {
    func serve() throws {
      var configuration = CourseServer.Configuration(
        lessonsDirectory: URL(fileURLWithPath: lessonsDirectory),
        siteDirectory: URL(fileURLWithPath: out), port: UInt16(port.text)!,
        isInstructorCopy: solutions)
      // Each lesson in its own process, as `build` runs them: a lesson that crashes or runs away
      // fails alone, and the preview keeps serving.
      configuration.isolation = CommandSupport.isolation(
        footer: .default, solutions: solutions, timeout: LessonIsolation.defaultTimeout)
      let server = CourseServer(configuration: configuration)
      let failure = ServeFailure()
      let done = DispatchSemaphore(value: 0)
      Task {
        do {
          try await server.start()
          let port = await server.port ?? configuration.port
          print("Serving \(lessonsDirectory) at http://127.0.0.1:\(port)/ (Ctrl-C to stop)")
          for message in await server.lastMessages { Terminal.error(message) }
        } catch {
          failure.message = "cannot serve on 127.0.0.1:\(configuration.port): \(error)"
          done.signal()
        }
      }
      done.wait()
      CommandFailure.usage(failure.message).exit()
    }
  }

  /// Carries a start-up failure out of the server's task.
  private final class ServeFailure: @unchecked Sendable {
    var message = ""
  }
#endif
