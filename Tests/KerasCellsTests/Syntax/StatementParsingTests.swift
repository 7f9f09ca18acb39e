import KerasCells
import Testing

@Suite struct StatementParsingTests {
  @Test func importStyles() throws {
    guard case .importModules(let plain) = try parseStatement("import tensorflow as tf, keras").kind
    else {
      Issue.record("expected import")
      return
    }
    #expect(plain.map(\.module.description) == ["tensorflow", "keras"])
    #expect(plain.map(\.boundName) == ["tf", "keras"])
    #expect(span(plain[0].range) == "1:8-1:24")

    guard case .importModules(let dotted) = try parseStatement("import tensorflow.keras").kind
    else { return }
    #expect(dotted[0].module.components == ["tensorflow", "keras"])
    #expect(dotted[0].boundName == "tensorflow")

    guard
      case .importNames(let module, let names) = try parseStatement("from tensorflow import keras")
        .kind
    else {
      Issue.record("expected from-import")
      return
    }
    #expect(module.description == "tensorflow")
    #expect(names.map(\.boundName) == ["keras"])

    guard
      case .importNames(let layersModule, let layerNames) = try parseStatement(
        "from tensorflow.keras import layers, models as m"
      ).kind
    else { return }
    #expect(layersModule.components == ["tensorflow", "keras"])
    #expect(layerNames.map(\.name) == ["layers", "models"])
    #expect(layerNames.map(\.boundName) == ["layers", "m"])
    #expect(span(layerNames[1].nameRange) == "1:38-1:44")
    #expect(span(layerNames[1].range) == "1:38-1:49")
  }

  @Test func parenthesizedImportSpansLines() throws {
    let statement = try parseStatement(
      "from tensorflow.keras.layers import (Conv2D, Dense,\n    MaxPooling2D,)\n")
    guard case .importNames(_, let names) = statement.kind else {
      Issue.record("expected from-import")
      return
    }
    #expect(names.map(\.name) == ["Conv2D", "Dense", "MaxPooling2D"])
    #expect(span(names[2].range) == "2:5-2:17")
    #expect(span(statement.range) == "1:1-2:19")
  }

  @Test func assignments() throws {
    guard case .assignment(let targets, let value) = try parseStatement("a, b = 1, 2").kind else {
      Issue.record("expected assignment")
      return
    }
    #expect(targets.map(\.canonicalSource) == ["(a, b)"])
    #expect(value.canonicalSource == "(1, 2)")

    guard
      case .assignment(let chain, _) = try parseStatement("x = y = model.layers[0].units = 3").kind
    else { return }
    #expect(chain.map(\.canonicalSource) == ["x", "y", "model.layers[0].units"])

    guard case .assignment(let nested, _) = try parseStatement("(a, [b, *rest]) = data").kind else {
      return
    }
    #expect(nested[0].canonicalSource == "(a, [b, *rest])")
  }

  @Test func augmentedAssignment() throws {
    let statement = try parseStatement("total_params += layer.count_params()")
    guard case .augmentedAssignment(let target, let operation, let value) = statement.kind else {
      Issue.record("expected augmented assignment")
      return
    }
    #expect(target.kind == .name("total_params"))
    #expect(operation == .add)
    #expect(value.canonicalSource == "layer.count_params()")
    #expect(span(statement.range) == "1:1-1:37")
  }

  @Test func expressionStatementsAndSemicolons() throws {
    let statements = try PythonParser.parse("model.summary(); pass;\nprint(1)")
    #expect(statements.map(\.kind.description) == ["expression", "pass", "expression"])
    #expect(span(statements[0].range) == "1:1-1:16")
  }

  @Test func forLoopWithBlock() throws {
    let source = """
      for i, layer in enumerate(model.layers):
          print(i, layer.name)

          if layer.trainable:
              count += 1
      print(count)
      """
    let statements = try PythonParser.parse(source)
    #expect(statements.count == 2)
    guard case .forLoop(let target, let iterable, let body, _) = statements[0].kind else {
      Issue.record("expected for")
      return
    }
    #expect(target.canonicalSource == "(i, layer)")
    #expect(iterable.canonicalSource == "enumerate(model.layers)")
    #expect(body.count == 2)
    #expect(span(statements[0].range) == "1:1-5:19")
  }

  @Test func singleLineBodies() throws {
    let statements = try PythonParser.parse(
      "for f in filters: model.add(Conv2D(f, 3)); n += 1\nif ok: pass\nelse: x = 1")
    guard case .forLoop(_, _, let body, _) = statements[0].kind else {
      Issue.record("expected for")
      return
    }
    #expect(body.count == 2)
    guard case .ifStatement(let branches, let elseBody) = statements[1].kind else { return }
    #expect(branches.count == 1)
    #expect(elseBody?.count == 1)
  }

  @Test func ifElifElse() throws {
    let source = """
      if x > 3:
          y = 1
      elif x == 2:
          y = 2
      elif x:
          pass
      else:
          y = 0
      """
    let statement = try parseStatement(source)
    guard case .ifStatement(let branches, let elseBody) = statement.kind else {
      Issue.record("expected if")
      return
    }
    #expect(branches.map(\.condition.canonicalSource) == ["x > 3", "x == 2", "x"])
    #expect(span(branches[1].range) == "3:1-4:10")
    #expect(elseBody?.count == 1)
    #expect(span(statement.range) == "1:1-8:10")
  }

  @Test func nestedBlocksDedentTogether() throws {
    let statements = try PythonParser.parse(
      "for a in b:\n    for c in d:\n        if c:\n            pass\nx = 1\n")
    #expect(statements.count == 2)
  }

  @Test func blankLinesCommentsAndContinuationsDoNotMatter() throws {
    let source = "x = 1 + \\\n    2  # sum\n\n   # stray comment\ny = [\n  1,\n# inside\n  2,\n]\n"
    let statements = try PythonParser.parse(source)
    #expect(statements.count == 2)
    #expect(span(statements[1].range) == "5:1-9:2")
  }

  @Test func statementLevelWalrusIsExplainedLikeCPython() throws {
    #expect(
      try parseError("c.j := 1").message == "cannot use assignment expressions with attribute")
    #expect(span(try parseError("x := 1").range) == "1:3-1:5")
  }

  @Test func emptyCell() throws {
    #expect(try PythonParser.parse("").isEmpty)
    #expect(try PythonParser.parse("# nothing here\n\n").isEmpty)
  }
}

extension Statement.Kind {
  /// The case name, for compact expectations.
  var description: String {
    switch self {
    case .expression: "expression"
    case .assignment: "assignment"
    case .augmentedAssignment: "augmentedAssignment"
    case .importModules: "importModules"
    case .importNames: "importNames"
    case .relativeImport: "relativeImport"
    case .forLoop: "forLoop"
    case .ifStatement: "ifStatement"
    case .pass: "pass"
    case .functionDefinition: "functionDefinition"
    case .returnStatement: "returnStatement"
    case .whileLoop: "whileLoop"
    case .breakStatement: "breakStatement"
    case .continueStatement: "continueStatement"
    case .assertStatement: "assertStatement"
    case .delete: "delete"
    case .raiseStatement: "raiseStatement"
    case .scopeDeclaration: "scopeDeclaration"
    case .tryStatement: "tryStatement"
    case .classDefinition: "classDefinition"
    case .withStatement: "withStatement"
    case .matchStatement: "matchStatement"
    }
  }
}
