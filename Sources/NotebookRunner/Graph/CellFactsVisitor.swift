internal import SwiftSyntax

/// Walks one cell's syntax, keeping the names bound locally in a stack of scopes, and records its
/// ``CellFacts``.
///
/// Where the scoping is not modelled exactly the walker errs towards free names: a name it
/// wrongly takes for a global only adds a dependency, one it wrongly took for a local would lose one.
final class CellFactsVisitor: SyntaxVisitor {
  private(set) var facts = CellFacts()
  /// Local scopes, innermost last; each maps a local name to the free names its value came from
  /// (a local initialised from a global may refer to the same object).
  private var scopes: [[String: Set<String>]] = []
  /// How many closures, functions, accessors or type bodies enclose the current node.
  private var bodyDepth = 0
  private let declaresGlobals: Bool

  init(declaresGlobals: Bool) {
    self.declaresGlobals = declaresGlobals
    super.init(viewMode: .sourceAccurate)
    if !declaresGlobals { scopes.append([:]) }
  }

  // MARK: - Recording

  private var atTopLevel: Bool { scopes.isEmpty && bodyDepth == 0 }

  private func isLocal(_ name: String) -> Bool { scopes.contains { $0[name] != nil } }

  private func aliases(of name: String) -> Set<String>? {
    scopes.last { $0[name] != nil }?[name]
  }

  /// Binds `name` where it is declared: a global at the cell's top level, else the innermost scope.
  private func bind(_ name: String, from sources: Set<String> = []) {
    guard !name.isEmpty, name != "_" else { return }
    if atTopLevel {
      facts.declared.insert(name)
    } else if scopes.isEmpty {
      scopes.append([name: sources])
    } else {
      scopes[scopes.count - 1][name] = sources
    }
  }

  private func reference(_ name: String, shared: Bool = true) {
    guard !isLocal(name), !Self.keywords.contains(name) else { return }
    facts.referenced.insert(name)
    if shared { facts.shared.insert(name) }
    if bodyDepth > 0 { facts.referencedInBodies.insert(name) }
    if CellFacts.outsideStateNames.contains(name) { facts.outsideState.insert(name) }
  }

  /// Records that the values named `names` may change; a local stands for the globals it was made from.
  private func change(_ names: [String]) {
    for name in names {
      if let sources = aliases(of: name) {
        change(sources.filter { !isLocal($0) }.sorted())
        continue
      }
      guard !Self.keywords.contains(name) else { continue }
      facts.changed.insert(name)
      if bodyDepth > 0 { facts.changedInBodies.insert(name) }
    }
  }

  /// Records that `payload` is stored into the values at `targets` (resolving locals to their globals).
  private func store(_ payload: [Syntax], into targets: [String]) {
    guard !payload.isEmpty else { return }
    let probe = CellFactsVisitor(declaresGlobals: false)
    probe.scopes = scopes + [[:]]
    probe.bodyDepth = bodyDepth
    for node in payload { probe.walk(node) }
    for target in resolved(targets) {
      facts.flowsInto[target, default: []].formUnion(probe.facts.referenced)
      facts.changesStoredIn[target, default: []].formUnion(probe.facts.changedInBodies)
    }
  }

  /// The globals that `names` stand for: themselves, or for a local, the globals it was made from.
  private func resolved(_ names: [String]) -> [String] {
    names.flatMap { name -> [String] in
      if let sources = aliases(of: name) { return resolved(sources.filter { !isLocal($0) }.sorted()) }
      return Self.keywords.contains(name) ? [] : [name]
    }
  }

  private static let keywords: Set<String> = ["self", "Self", "super", "init", "_"]

  // MARK: - Scopes

  private func withScope(_ names: [String] = [], body: () -> Void) {
    scopes.append(Dictionary(names.map { ($0, []) }, uniquingKeysWith: { first, _ in first }))
    body()
    scopes.removeLast()
  }

  private func inBody(_ names: [String] = [], _ nodes: [Syntax?]) {
    bodyDepth += 1
    withScope(names) { for node in nodes.compactMap({ $0 }) { walk(node) } }
    bodyDepth -= 1
  }

  override func visit(_ node: CodeBlockSyntax) -> SyntaxVisitorContinueKind {
    withScope { walk(node.statements) }
    return .skipChildren
  }

  override func visit(_ node: SwitchCaseSyntax) -> SyntaxVisitorContinueKind {
    withScope {
      walk(node.label)
      walk(node.statements)
    }
    return .skipChildren
  }

  override func visit(_ node: CatchClauseSyntax) -> SyntaxVisitorContinueKind {
    withScope(["error"]) {
      walk(node.catchItems)
      walk(node.body)
    }
    return .skipChildren
  }

  // MARK: - Declarations

  override func visit(_ node: VariableDeclSyntax) -> SyntaxVisitorContinueKind {
    for binding in node.bindings {
      if let type = binding.typeAnnotation { walk(type) }
      if let initializer = binding.initializer { walk(initializer) }
      if let accessors = binding.accessorBlock { inBody(["newValue", "oldValue"], [Syntax(accessors)]) }
      let sources = binding.initializer.map { sourceNames(in: Syntax($0)) } ?? []
      for name in SyntaxNames.boundNames(in: Syntax(binding.pattern)) { bind(name, from: sources) }
    }
    return .skipChildren
  }

  /// The free names an expression is made from (through the locals it uses), so that a local
  /// made from them stands for them when it is changed.
  private func sourceNames(in node: Syntax) -> Set<String> {
    Set(SyntaxNames.freeNames(in: node).flatMap { name in aliases(of: name).map(Array.init) ?? [name] })
  }

  override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind {
    bind(node.name.text)
    let parameters = node.signature.parameterClause.parameters.map { ($0.secondName ?? $0.firstName).text }
    let generics = node.genericParameterClause?.parameters.map(\.name.text) ?? []
    inBody(
      parameters + generics,
      [Syntax(node.signature), node.genericWhereClause.map(Syntax.init), node.body.map(Syntax.init)])
    return .skipChildren
  }

  override func visit(_ node: InitializerDeclSyntax) -> SyntaxVisitorContinueKind {
    let parameters = node.signature.parameterClause.parameters.map { ($0.secondName ?? $0.firstName).text }
    inBody(parameters, [Syntax(node.signature), node.body.map(Syntax.init)])
    return .skipChildren
  }

  override func visit(_ node: SubscriptDeclSyntax) -> SyntaxVisitorContinueKind {
    let parameters = node.parameterClause.parameters.map { ($0.secondName ?? $0.firstName).text }
    inBody(
      parameters + ["newValue"],
      [Syntax(node.parameterClause), Syntax(node.returnClause), node.accessorBlock.map(Syntax.init)])
    return .skipChildren
  }

  override func visit(_ node: AccessorDeclSyntax) -> SyntaxVisitorContinueKind {
    inBody([node.parameters?.name.text, "newValue", "oldValue"].compactMap { $0 }, [node.body.map(Syntax.init)])
    return .skipChildren
  }

  override func visit(_ node: ClosureExprSyntax) -> SyntaxVisitorContinueKind {
    var names: [String] = []
    switch node.signature?.parameterClause {
    case .simpleInput(let list): names = list.map(\.name.text)
    case .parameterClause(let clause): names = clause.parameters.map { ($0.secondName ?? $0.firstName).text }
    case nil: break
    }
    if let captures = node.signature?.capture {
      for item in captures.items {
        if let initializer = item.initializer { walk(initializer) } else { reference(item.name.text) }
        names.append(item.name.text)
      }
    }
    inBody(names, [Syntax(node.statements)])
    return .skipChildren
  }

  override func visit(_ node: StructDeclSyntax) -> SyntaxVisitorContinueKind {
    typeDeclaration(node.name.text, node.genericParameterClause, node.memberBlock, [node.inheritanceClause])
  }

  override func visit(_ node: EnumDeclSyntax) -> SyntaxVisitorContinueKind {
    typeDeclaration(node.name.text, node.genericParameterClause, node.memberBlock, [node.inheritanceClause])
  }

  override func visit(_ node: ClassDeclSyntax) -> SyntaxVisitorContinueKind {
    facts.declaresReferenceType = true
    return typeDeclaration(node.name.text, node.genericParameterClause, node.memberBlock, [node.inheritanceClause])
  }

  override func visit(_ node: ActorDeclSyntax) -> SyntaxVisitorContinueKind {
    facts.declaresReferenceType = true
    return typeDeclaration(node.name.text, node.genericParameterClause, node.memberBlock, [node.inheritanceClause])
  }

  override func visit(_ node: ProtocolDeclSyntax) -> SyntaxVisitorContinueKind {
    typeDeclaration(node.name.text, nil, node.memberBlock, [node.inheritanceClause])
  }

  override func visit(_ node: ExtensionDeclSyntax) -> SyntaxVisitorContinueKind {
    facts.globalDeclarations.insert("extension \(node.extendedType.trimmedDescription)")
    walk(node.extendedType)
    return typeDeclaration(nil, nil, node.memberBlock, [node.inheritanceClause])
  }

  override func visit(_ node: OperatorDeclSyntax) -> SyntaxVisitorContinueKind {
    facts.globalDeclarations.insert("operator \(node.name.text)")
    return .skipChildren
  }

  override func visit(_ node: PrecedenceGroupDeclSyntax) -> SyntaxVisitorContinueKind {
    facts.globalDeclarations.insert("precedencegroup \(node.name.text)")
    return .skipChildren
  }

  override func visit(_ node: TypeAliasDeclSyntax) -> SyntaxVisitorContinueKind {
    bind(node.name.text)
    return .visitChildren
  }

  /// A type's body: its members (and `self`) are bound throughout it, whatever their order.
  private func typeDeclaration(
    _ name: String?, _ generics: GenericParameterClauseSyntax?, _ members: MemberBlockSyntax,
    _ extra: [InheritanceClauseSyntax?]
  ) -> SyntaxVisitorContinueKind {
    if let name { bind(name) }
    let memberNames = members.members.flatMap { SyntaxNames.declaredNames(by: $0.decl) }
    let genericNames = generics?.parameters.map(\.name.text) ?? []
    inBody(memberNames + genericNames, extra.map { $0.map(Syntax.init) } + [Syntax(members)])
    return .skipChildren
  }

  /// The free names `names` stand for (a local, for the names it was made from).
  private func sourceNames(_ names: [String]) -> Set<String> {
    Set(names.flatMap { name in aliases(of: name).map(Array.init) ?? [name] })
  }

  // MARK: - Patterns that bind

  override func visit(_ node: IdentifierPatternSyntax) -> SyntaxVisitorContinueKind {
    bind(node.identifier.text)
    return .skipChildren
  }

  override func visit(_ node: OptionalBindingConditionSyntax) -> SyntaxVisitorContinueKind {
    let names = SyntaxNames.boundNames(in: Syntax(node.pattern))
    if let initializer = node.initializer {
      walk(initializer)
    } else {
      names.forEach { reference($0) }
    }
    let sources = node.initializer.map { sourceNames(in: Syntax($0)) } ?? sourceNames(names)
    names.forEach { bind($0, from: sources) }
    return .skipChildren
  }

  override func visit(_ node: MatchingPatternConditionSyntax) -> SyntaxVisitorContinueKind {
    walk(node.initializer)
    walk(node.pattern)
    return .skipChildren
  }

  override func visit(_ node: IfExprSyntax) -> SyntaxVisitorContinueKind {
    withScope {
      walk(node.conditions)
      walk(node.body)
    }
    if let elseBody = node.elseBody { walk(elseBody) }
    return .skipChildren
  }

  override func visit(_ node: WhileStmtSyntax) -> SyntaxVisitorContinueKind {
    withScope {
      walk(node.conditions)
      walk(node.body)
    }
    return .skipChildren
  }

  /// `guard`'s bindings hold after it (at a cell's top level they are globals), not in its `else`.
  override func visit(_ node: GuardStmtSyntax) -> SyntaxVisitorContinueKind {
    walk(node.body)
    walk(node.conditions)
    return .skipChildren
  }

  override func visit(_ node: ForStmtSyntax) -> SyntaxVisitorContinueKind {
    walk(node.sequence)
    withScope {
      walk(node.pattern)
      if let whereClause = node.whereClause { walk(whereClause) }
      walk(node.body)
    }
    return .skipChildren
  }

  // MARK: - References

  override func visit(_ node: DeclReferenceExprSyntax) -> SyntaxVisitorContinueKind {
    if case .dollarIdentifier = node.baseName.tokenKind { return .skipChildren }
    reference(node.baseName.text)
    return .skipChildren
  }

  override func visit(_ node: MemberAccessExprSyntax) -> SyntaxVisitorContinueKind {
    if let base = node.base { walk(base) }
    if CellFacts.outsideStateMembers.contains(node.declName.baseName.text) {
      facts.outsideState.insert(".\(node.declName.baseName.text)")
    }
    return .skipChildren
  }

  override func visit(_ node: IdentifierTypeSyntax) -> SyntaxVisitorContinueKind {
    reference(node.name.text)
    return .visitChildren
  }

  override func visit(_ node: MemberTypeSyntax) -> SyntaxVisitorContinueKind {
    walk(node.baseType)
    if let arguments = node.genericArgumentClause { walk(arguments) }
    return .skipChildren
  }

  override func visit(_ node: PrefixOperatorExprSyntax) -> SyntaxVisitorContinueKind {
    reference(node.operator.text)
    return .visitChildren
  }

  override func visit(_ node: PostfixOperatorExprSyntax) -> SyntaxVisitorContinueKind {
    reference(node.operator.text)
    return .visitChildren
  }

  // MARK: - Changes

  override func visit(_ node: InOutExprSyntax) -> SyntaxVisitorContinueKind {
    change(SyntaxNames.roots(of: node.expression))
    if let name = node.expression.as(DeclReferenceExprSyntax.self) {
      reference(name.baseName.text, shared: false)
      return .skipChildren
    }
    return .visitChildren
  }

  override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
    let arguments =
      node.arguments.map { Syntax($0) } + [node.trailingClosure.map(Syntax.init)].compactMap { $0 }
      + node.additionalTrailingClosures.map { Syntax($0) }
    if let method = node.calledExpression.as(MemberAccessExprSyntax.self), let base = method.base {
      change(SyntaxNames.roots(of: base))
      store(arguments, into: SyntaxNames.roots(of: base))
    }
    for argument in node.arguments {
      guard let inOut = argument.expression.as(InOutExprSyntax.self) else { continue }
      store(arguments.filter { $0.id != Syntax(argument).id }, into: SyntaxNames.roots(of: inOut.expression))
    }
    for argument in node.arguments where !argument.expression.is(InOutExprSyntax.self) {
      for name in SyntaxNames.roots(of: argument.expression) where !isLocal(name) { facts.passedToCalls.insert(name) }
    }
    return .visitChildren
  }

  override func visit(_ node: SequenceExprSyntax) -> SyntaxVisitorContinueKind {
    let elements = Array(node.elements)
    var operandStart = 0
    for (position, element) in elements.enumerated() {
      let op: String
      if element.is(AssignmentExprSyntax.self) {
        op = "="
      } else if let binary = element.as(BinaryOperatorExprSyntax.self) {
        op = binary.operator.text
        reference(op)
        let neighbours = [position - 1, position + 1].filter(elements.indices.contains)
        facts.operatorOperands[op, default: []].formUnion(
          neighbours.flatMap { SyntaxNames.roots(of: elements[$0]) }.filter { !isLocal($0) })
      } else {
        continue
      }
      if SyntaxNames.assigns(op) {
        let targets = elements[operandStart..<position].flatMap { SyntaxNames.roots(of: $0) }
        change(targets)
        store(elements[(position + 1)...].map { Syntax($0) }, into: targets)
        operandStart = position + 1
      }
    }
    return .visitChildren
  }
}
