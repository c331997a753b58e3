internal import SwiftSyntax

/// Names read off syntax nodes: what a pattern binds, what a declaration adds, the variable an lvalue changes.
enum SyntaxNames {
  /// The names a member declaration adds to its type.
  static func declaredNames(by decl: DeclSyntax) -> [String] {
    if let variable = decl.as(VariableDeclSyntax.self) {
      return variable.bindings.flatMap { boundNames(in: Syntax($0.pattern)) }
    }
    if let function = decl.as(FunctionDeclSyntax.self) { return [function.name.text] }
    if let cases = decl.as(EnumCaseDeclSyntax.self) { return cases.elements.map(\.name.text) }
    if let type = decl.asProtocol(NamedDeclSyntax.self) { return [type.name.text] }
    return []
  }

  /// The identifiers a pattern binds.
  static func boundNames(in pattern: Syntax) -> [String] {
    final class Collector: SyntaxVisitor {
      var names: [String] = []
      override func visit(_ node: IdentifierPatternSyntax) -> SyntaxVisitorContinueKind {
        names.append(node.identifier.text)
        return .skipChildren
      }
    }
    let collector = Collector(viewMode: .sourceAccurate)
    collector.walk(pattern)
    return collector.names
  }

  /// The names referred to anywhere under `node`.
  static func freeNames(in node: Syntax) -> [String] {
    final class Collector: SyntaxVisitor {
      var names: [String] = []
      override func visit(_ node: DeclReferenceExprSyntax) -> SyntaxVisitorContinueKind {
        names.append(node.baseName.text)
        return .skipChildren
      }
    }
    let collector = Collector(viewMode: .sourceAccurate)
    collector.walk(node)
    return collector.names
  }

  /// Whether an infix operator assigns to its left operand: `=`, `+=`, `&*=`, `<<=`, but not `==` or `<=`.
  static func assigns(_ op: String) -> Bool {
    guard op.hasSuffix("=") else { return false }
    return !["==", "!=", "<=", ">=", "===", "!==", "~="].contains(op)
  }

  /// The variables at the root of an lvalue: `x` in `x`, `x.a.b`, `x[i]`, `x?.a`, `x!`; each of a tuple's.
  static func roots(of expression: ExprSyntax) -> [String] {
    if let name = expression.as(DeclReferenceExprSyntax.self) {
      if case .dollarIdentifier = name.baseName.tokenKind { return [] }
      return [name.baseName.text]
    }
    if let member = expression.as(MemberAccessExprSyntax.self) { return member.base.map(roots(of:)) ?? [] }
    if let subscriptCall = expression.as(SubscriptCallExprSyntax.self) {
      return roots(of: subscriptCall.calledExpression)
    }
    if let unwrap = expression.as(ForceUnwrapExprSyntax.self) { return roots(of: unwrap.expression) }
    if let chain = expression.as(OptionalChainingExprSyntax.self) { return roots(of: chain.expression) }
    if let inOut = expression.as(InOutExprSyntax.self) { return roots(of: inOut.expression) }
    if let tuple = expression.as(TupleExprSyntax.self) { return tuple.elements.flatMap { roots(of: $0.expression) } }
    if let tried = expression.as(TryExprSyntax.self) { return roots(of: tried.expression) }
    return []
  }
}
