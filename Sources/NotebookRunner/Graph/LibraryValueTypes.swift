import Foundation
import NotebookSupport
internal import SwiftParser
internal import SwiftSyntax

/// The type names whose values hold no references, so that a constant of one never changes once declared:
/// the structs and enums the notebook libraries declare, and the standard library's plain values.
///
/// The libraries declare no classes or actors (``LibraryStateScan``; a test guards it), so their structs and
/// enums hold no shared state of their own. A name the libraries also use for a protocol or a type alias
/// (which could stand for a class) is left out, and so is any generic argument the index does not hold.
public struct LibraryValueTypes: Sendable, Equatable, Codable {
  /// The names, unqualified.
  public private(set) var names: Set<String>

  /// The standard library's value types that hold no references.
  static let standardValues: Set<String> = [
    "Int", "Int8", "Int16", "Int32", "Int64", "UInt", "UInt8", "UInt16", "UInt32", "UInt64", "Double", "Float",
    "Bool", "String", "Character", "Array", "Dictionary", "Set", "Optional", "Range", "ClosedRange",
  ]

  /// No library types: only the standard library's values.
  public init() { names = Self.standardValues }

  /// The value types declared in `sources` (Swift source texts), with the standard library's.
  public init(sources: [String]) {
    let finder = TypeDeclarationFinder(viewMode: .sourceAccurate)
    for source in sources { finder.walk(Parser.parse(source: source)) }
    names = finder.values.subtracting(finder.others).union(Self.standardValues)
  }

  /// The value types of every Swift module `plan` describes, remembered in the project's cache for the
  /// fingerprint of their sources.
  public static func of(_ plan: LibraryPlan, project: Project) -> LibraryValueTypes {
    let modules = plan.graph.modules.values.filter { $0.kind == .swift }.sorted { $0.name < $1.name }
    let fingerprint = plan.fingerprint(of: modules)
    let file = project.cache.libraryValueTypes
    if let data = FileManager.default.contents(atPath: file),
      let stored = try? JSONDecoder().decode(Stored.self, from: data), stored.fingerprint == fingerprint
    {
      return stored.types
    }
    let sources = modules.flatMap { LibraryPlan.sources(of: $0, in: project) }.compactMap {
      try? String(contentsOfFile: project.path($0), encoding: .utf8)
    }
    let types = LibraryValueTypes(sources: sources)
    if let data = try? JSONEncoder().encode(Stored(fingerprint: fingerprint, types: types)) {
      try? writeAtomically(data, to: file)
    }
    return types
  }

  private struct Stored: Codable {
    var fingerprint: String
    var types: LibraryValueTypes
  }
}

/// Collects the names of declared structs and enums, and of every other kind of type declaration.
private final class TypeDeclarationFinder: SyntaxVisitor {
  var values: Set<String> = []
  var others: Set<String> = []

  override func visit(_ node: StructDeclSyntax) -> SyntaxVisitorContinueKind { value(node.name) }
  override func visit(_ node: EnumDeclSyntax) -> SyntaxVisitorContinueKind { value(node.name) }
  override func visit(_ node: ClassDeclSyntax) -> SyntaxVisitorContinueKind { other(node.name) }
  override func visit(_ node: ActorDeclSyntax) -> SyntaxVisitorContinueKind { other(node.name) }
  override func visit(_ node: ProtocolDeclSyntax) -> SyntaxVisitorContinueKind { other(node.name) }
  override func visit(_ node: TypeAliasDeclSyntax) -> SyntaxVisitorContinueKind { other(node.name) }
  override func visit(_ node: AssociatedTypeDeclSyntax) -> SyntaxVisitorContinueKind { other(node.name) }
  override func visit(_ node: GenericParameterSyntax) -> SyntaxVisitorContinueKind { other(node.name) }

  /// Bodies declare only local types, which notebooks cannot name.
  override func visit(_ node: CodeBlockSyntax) -> SyntaxVisitorContinueKind { .skipChildren }

  private func value(_ name: TokenSyntax) -> SyntaxVisitorContinueKind {
    values.insert(name.text)
    return .visitChildren
  }

  private func other(_ name: TokenSyntax) -> SyntaxVisitorContinueKind {
    others.insert(name.text)
    return .visitChildren
  }
}
