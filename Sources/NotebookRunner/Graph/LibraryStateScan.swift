internal import SwiftParser
internal import SwiftSyntax

/// Finds what in a library's source could keep state between a notebook's cells: classes and actors
/// (shared by reference), global variables and stored `static var`s.
///
/// ``CellGraph`` treats calls into `Lab` as linking nothing; that is sound only while this finds nothing in it.
enum LibraryStateScan {
  /// Each declaration in `source` that could keep state, as `line: description`.
  static func statefulDeclarations(in source: String) -> [String] {
    let tree = Parser.parse(source: source)
    let finder = StatefulDeclarationFinder(viewMode: .sourceAccurate)
    finder.walk(tree)
    let converter = SourceLocationConverter(fileName: "", tree: tree)
    return finder.found.map { node, what in "\(node.startLocation(converter: converter).line): \(what)" }
  }
}

private final class StatefulDeclarationFinder: SyntaxVisitor {
  var found: [(Syntax, String)] = []
  private var typeDepth = 0

  override func visit(_ node: ClassDeclSyntax) -> SyntaxVisitorContinueKind {
    found.append((Syntax(node), "class \(node.name.text)"))
    return .visitChildren
  }

  override func visit(_ node: ActorDeclSyntax) -> SyntaxVisitorContinueKind {
    found.append((Syntax(node), "actor \(node.name.text)"))
    return .visitChildren
  }

  override func visit(_ node: MemberBlockSyntax) -> SyntaxVisitorContinueKind {
    typeDepth += 1
    return .visitChildren
  }

  override func visitPost(_ node: MemberBlockSyntax) { typeDepth -= 1 }

  /// Function bodies hold locals, not state.
  override func visit(_ node: CodeBlockSyntax) -> SyntaxVisitorContinueKind { .skipChildren }

  override func visit(_ node: AccessorBlockSyntax) -> SyntaxVisitorContinueKind { .skipChildren }

  override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind { .skipChildren }

  override func visit(_ node: VariableDeclSyntax) -> SyntaxVisitorContinueKind {
    guard node.bindingSpecifier.tokenKind == .keyword(.var) else { return .skipChildren }
    let isStatic = node.modifiers.contains { [.keyword(.static), .keyword(.class)].contains($0.name.tokenKind) }
    guard typeDepth == 0 || isStatic else { return .skipChildren }
    for binding in node.bindings where Self.isStored(binding) {
      found.append((Syntax(node), "\(isStatic ? "static " : "")var \(binding.pattern.trimmedDescription)"))
    }
    return .skipChildren
  }

  /// Whether a binding has storage: no accessors, or only `willSet`/`didSet` observers.
  private static func isStored(_ binding: PatternBindingSyntax) -> Bool {
    guard let accessors = binding.accessorBlock?.accessors else { return true }
    guard case .accessors(let list) = accessors else { return false }
    return list.allSatisfy { [.keyword(.willSet), .keyword(.didSet)].contains($0.accessorSpecifier.tokenKind) }
  }
}
