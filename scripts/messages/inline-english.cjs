// The build's rewrite of a source file's message IDs. Each string literal that is a
// message ID becomes its short key, and the file registers the English of exactly
// the messages it names. So a chunk carries the English of the code in it, no
// more, and no catalog of a whole part rides along with the first page load.
const ts = require('typescript');

const REGISTER = '__registerEnglishMessages';
const REGISTER_FROM = '@/lib/i18n/translate';
// Files that cannot name a message skip the parse: a quote, a lowercase part name, a dot.
const MIGHT_NAME_A_MESSAGE = /['"`][a-z][a-z-]*\.[a-z]/;

/** True for a literal written as a type (`'claims.expTitle' | …`), which stays as written. */
function isInType(node) {
  return node.parent !== undefined && node.parent.kind === ts.SyntaxKind.LiteralType;
}

/** True for the path of an import or export (`from '…'`). */
function isModulePath(node) {
  const parent = node.parent;
  if (!parent) return false;
  if ((ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) && parent.moduleSpecifier === node) return true;
  if (ts.isExternalModuleReference(parent)) return true;
  return ts.isCallExpression(parent) && parent.expression.kind === ts.SyntaxKind.ImportKeyword;
}

/** Where the registration goes: after the last top-level import, else after the directives ('use client'). */
function insertionPoint(sourceFile) {
  const imports = sourceFile.statements.filter((statement) => ts.isImportDeclaration(statement));
  if (imports.length > 0) return imports[imports.length - 1].end;
  let point = 0;
  for (const statement of sourceFile.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) break;
    point = statement.end;
  }
  return point;
}

/**
 * Rewrites `source` (TypeScript, JSX when `fileName` ends in x). `keys.keyOf` maps each
 * message ID to its short key, `keys.english` each ID to its compiled English message.
 * Returns the new code and the IDs it named; the code is unchanged when it names none.
 */
function inlineEnglish(source, fileName, keys) {
  if (!MIGHT_NAME_A_MESSAGE.test(source)) return { code: source, ids: [] };
  const kind = /\.[cm]?[jt]sx$/.test(fileName) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
  const edits = [];
  const named = new Set();
  const visit = (node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && keys.keyOf.has(node.text) && !isInType(node) && !isModulePath(node)) {
      edits.push({ start: node.getStart(sourceFile), end: node.end, text: JSON.stringify(keys.keyOf.get(node.text)) });
      named.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  if (named.size === 0) return { code: source, ids: [] };

  const ids = [...named].sort();
  const registration = `\nimport { registerEnglishMessages as ${REGISTER} } from ${JSON.stringify(REGISTER_FROM)};\n${REGISTER}(${JSON.stringify(englishRuns(ids, keys))});\n`;
  const point = insertionPoint(sourceFile);
  edits.push({ start: point, end: point, text: registration, registration: true });

  return { code: applyEdits(source, edits), ids };
}

function applyEdits(source, edits) {
  // From the end so earlier offsets stay right; at one offset the registration goes after the literal.
  const ordered = [...edits].sort((a, b) => b.start - a.start || (a.registration ? -1 : 1));
  let code = source;
  for (const edit of ordered) code = code.slice(0, edit.start) + edit.text + code.slice(edit.end);
  return code;
}

/**
 * The English of `ids` (sorted) as runs (lib/i18n/registration.ts): a run's first index,
 * then its messages; a plain message is its bare string. Shorter than an object keyed by
 * short keys, as neighbouring IDs of a module are mostly neighbours in the sorted list.
 */
function englishRuns(ids, keys) {
  const runs = [];
  let previous = -2;
  for (const id of ids) {
    const index = keys.indexOf.get(id);
    if (index !== previous + 1) runs.push(index);
    const message = keys.english.get(id);
    runs.push(Array.isArray(message) && message.length === 1 && typeof message[0] === 'string' ? message[0] : message);
    previous = index;
  }
  return runs;
}

/** A foreign catalog keyed by short keys; a message the keys do not know is dropped (English has no such message). */
function rekeyCatalog(catalog, keys) {
  const rekeyed = {};
  for (const [id, message] of Object.entries(catalog)) {
    const key = keys.keyOf.get(id);
    if (key !== undefined) rekeyed[key] = message;
  }
  return rekeyed;
}

module.exports = { inlineEnglish, rekeyCatalog, REGISTER };
