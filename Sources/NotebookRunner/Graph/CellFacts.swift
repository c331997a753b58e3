import NotebookCore
internal import SwiftParser
internal import SwiftSyntax

/// What one cell's code says about the program's shared state, read from its syntax alone.
///
/// Names are the cell's free names: those not bound inside the cell by a parameter, a local
/// declaration, a pattern or a type's members. Whether a free name is the notebook's (declared by
/// some cell) or the libraries' is decided later, by ``CellGraph``.
struct CellFacts: Equatable {
  /// Top-level names the cell declares: variables, constants, functions, operators and types.
  var declared: Set<String> = []
  /// Free names the cell uses in any way (reads, calls, types, operators), in bodies too.
  var referenced: Set<String> = []
  /// Free names used other than as the operand of `&` alone: values that a declaration may
  /// capture or alias.
  var shared: Set<String> = []
  /// Free names used inside closures, functions, accessors or type members: what runs again when
  /// the cell's declarations are used later.
  var referencedInBodies: Set<String> = []
  /// Free names the cell may change: assigned, compound-assigned, passed with `&`, assigned
  /// through a subscript or a member, or the base of a method call.
  var changed: Set<String> = []
  /// The subset of ``changed`` inside closures, functions, accessors or type members.
  var changedInBodies: Set<String> = []
  /// For each changed name, the free names used in what was stored into it at a change site (the
  /// right-hand side of an assignment, a method call's arguments): a closure or a reference stored there
  /// is reached through the name later.
  var flowsInto: [String: Set<String>] = [:]
  /// For each changed name, the names changed inside closures stored into it at a change site:
  /// what calling them later may change.
  var changesStoredIn: [String: Set<String>] = [:]
  /// Free names passed as plain arguments to a call: a reference type could be changed through them.
  var passedToCalls: Set<String> = []
  /// Interfaces to state outside the program the cell names (files, environment, C random state,
  /// threads), sorted.
  var outsideState: Set<String> = []
  /// Declarations that apply to every cell of the program: extensions, operators, precedence groups.
  var globalDeclarations: Set<String> = []
  /// Whether the code has syntax errors: then nothing it says can be trusted.
  var hasSyntaxErrors = false
  /// Whether the cell declares a class or an actor (values of it are shared by reference).
  var declaresReferenceType = false
  /// What each top-level `let` says about its value's type (``ConstantEvidence``).
  var constants: [String: ConstantEvidence] = [:]
  /// Free operators used in `a op b` form, with the names at the root of their operands: a
  /// notebook's own operator may take an operand `inout`.
  var operatorOperands: [String: Set<String>] = [:]

  /// The facts of one cell.
  ///
  /// Declarations of a cell marked `error: true` are local to it (it runs inside `do { … }`), so it
  /// declares nothing.
  static func of(_ cell: Cell) -> CellFacts {
    let visitor = CellFactsVisitor(declaresGlobals: !cell.options.error)
    let tree = Parser.parse(source: cell.code)
    visitor.walk(tree)
    var facts = visitor.facts
    facts.hasSyntaxErrors = tree.hasError
    if !cell.options.error { facts.constants = ConstantEvidence.scan(tree) }
    return facts
  }

  /// Facts of a code snippet, as an ordinary cell.
  static func of(code: String) -> CellFacts {
    of(Cell(index: 0, code: code, options: CellOptions(), fenceLine: 1, codeLine: 2))
  }
}

extension CellFacts {
  /// Free names that reach state outside the program's variables — files, the environment, C's
  /// random state, the floating-point environment, OpenBLAS's threads, other threads — which a cell can leave changed for any later cell.
  ///
  /// `Lab` keeps no state of its own (it has no classes and no global variables; a test guards
  /// that) and only reads files, so its calls are not listed here.
  static let outsideStateNames: Set<String> = [
    "FileManager", "FileHandle", "OutputStream", "InputStream", "fopen", "freopen", "fwrite", "fputs", "fprintf",
    "fclose", "fflush", "remove", "rename", "unlink", "mkdir", "rmdir", "chdir", "getenv", "setenv", "unsetenv",
    "putenv", "ProcessInfo", "Process", "CommandLine", "srand", "srand48", "drand48", "erand48", "lrand48", "rand",
    "random", "srandom", "arc4random", "arc4random_uniform", "setlocale", "Thread", "DispatchQueue", "DispatchGroup",
    "Task", "Timer", "RunLoop", "OperationQueue", "signal", "atexit", "setvbuf", "UserDefaults",
    "NotificationCenter", "URLSession", "system", "popen", "exit", "fesetround", "fesetenv", "feholdexcept",
    "feupdateenv", "feclearexcept", "feraiseexcept", "fetestexcept", "openblas_set_num_threads",
    "goto_set_num_threads",
  ]

  /// Member names that write files: `data.write(to:)`, `text.write(toFile:atomically:encoding:)`.
  static let outsideStateMembers: Set<String> = ["write", "createFile", "createDirectory", "removeItem"]
}
