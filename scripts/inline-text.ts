// Finds words that people read but that are written in code instead of the catalogue
// (app/i18n). It reads the TypeScript syntax tree, so it knows a class name from a sentence:
// - text between JSX tags ("<h1>Proposals</h1>"),
// - string and template literals that look like words for people: a capital letter followed by a
//   lower-case one or a space, or two words ("Waiting for review", "Proposals", "no proposal"),
// except where a literal cannot be read by a person: imports, the key given to t()/tp(),
// attributes and properties that hold names, classes, addresses or codes, comparisons,
// switch cases, thrown programming errors (Error, TypeError, assertions), tagged templates (SQL)
// and anything on a line marked `i18n-exempt: <reason>`.
// Run `npm run i18n:inline` for a list; a unit test keeps the list empty.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

export interface InlineText {
  file: string;
  line: number;
  text: string;
}

/** Folders whose words must all come from the catalogue. */
export const CHECKED_FOLDERS = ["app", "server", "cli"];

/** The catalogue itself, where the words belong. */
const CATALOGUE_FOLDER = "app/i18n";

/** Attributes and property names whose values are never read by a person. */
const NOT_TEXT_NAMES = new Set([
  "className", "id", "name", "htmlFor", "type", "href", "to", "action", "method", "rel", "autoComplete",
  "inputMode", "key", "role", "encType", "spellCheck", "pattern", "lang", "src", "target", "charSet",
  "content", "property", "httpEquiv", "media", "as", "crossOrigin", "integrity", "sizes", "value",
  "defaultValue", "form", "accept", "dir", "align", "scope", "headers", "colSpan", "rowSpan", "wrap",
  "viewBox", "fill", "stroke", "d", "xmlns", "focusable", "preventScrollReset", "reloadDocument",
  "prefetch", "replace", "navigate", "fetcherKey", "aria-describedby", "aria-labelledby", "aria-controls",
  "aria-current", "aria-live", "aria-hidden", "aria-expanded", "aria-sort", "data-module", "nonce",
  "code", "kind", "unit", "status", "phase", "subjectType", "slug", "path", "format", "timeZone",
  "field", "fieldId", "errorId", "hintId", "variant", "tone", "level", "icon", "image", "anchor",
]);

/** Calls whose string arguments are not for people to read. */
const NOT_TEXT_CALLS = new Set([
  "t", "tp", "tr", "format", "require", "Error", "TypeError", "RangeError", "assert", "invariant", "DomainError",
  "get", "has", "set", "append", "delete", "querySelector", "querySelectorAll", "locator", "getByTestId",
  "sql", "raw", "ref", "lit", "DateTimeFormat", "NumberFormat", "PluralRules", "Date", "createCookie",
  "createCookieSessionStorage", "addEventListener", "removeEventListener", "createHash", "createHmac",
  "Symbol", "getEnv", "requireEnv", "log", "debug", "setHeader", "header",
]);

const WORDS = /[A-Z][a-z]|[a-zA-Z]{2,}[\s,.:;!?]+[a-zA-Z]/;

function looksLikeWords(text: string): boolean {
  const trimmed = text.trim();
  if (!/[A-Za-z]/.test(trimmed)) return false;
  if (/^[a-z0-9_.:\-/]+$/i.test(trimmed) && !/[A-Z][a-z]/.test(trimmed)) return false; // codes, paths, keys
  if (/^(https?:|mailto:|\/)/.test(trimmed)) return false;
  if (/^[a-z_][a-z0-9_.]* as [A-Za-z_][A-Za-z0-9_]*$/.test(trimmed)) return false; // SQL aliases: "app_user.name as author_name"
  if (/^(is not|not in|not like|not ilike|is distinct from|is not distinct from)$/.test(trimmed)) return false; // SQL operators
  if (/^[A-Z0-9_]+$/.test(trimmed)) return false; // GBP, HOUR, ENV_NAMES
  if (/^[a-z][A-Za-z0-9_.\-]*$/.test(trimmed)) return false; // field names: accountCode, reviewedOn-
  return WORDS.test(trimmed);
}

function calleeName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return undefined;
}

function isExemptLine(source: ts.SourceFile, node: ts.Node): boolean {
  const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
  const lines = source.text.split("\n");
  return /i18n-exempt:/.test(lines[line] ?? "") || /i18n-exempt:/.test(lines[line - 1] ?? "");
}

/** Whether a literal sits where people never read it. */
function inNonTextPlace(node: ts.Node): boolean {
  for (let current: ts.Node = node, parent = node.parent; parent; current = parent, parent = parent.parent) {
    if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isImportTypeNode(parent)) return true;
    if (ts.isLiteralTypeNode(parent) || ts.isTypeReferenceNode(parent) || ts.isIndexedAccessTypeNode(parent)) return true;
    if (ts.isTaggedTemplateExpression(parent)) return true;
    if (ts.isJsxAttribute(parent)) return NOT_TEXT_NAMES.has(parent.name.getText());
    if (ts.isPropertyAssignment(parent)) {
      if (parent.name === current) return true;
      const name = parent.name.getText().replace(/^["']|["']$/g, "");
      if (NOT_TEXT_NAMES.has(name)) return true;
      return false;
    }
    if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
      const callee = parent.expression;
      if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === "console") return true; // server logs are for operators
      const name = calleeName(callee);
      if (name && NOT_TEXT_CALLS.has(name)) return true;
      if (ts.isCallExpression(parent) && parent.expression === current) return true;
      return false;
    }
    if (ts.isBinaryExpression(parent)) {
      const op = parent.operatorToken.kind;
      if ([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken, ts.SyntaxKind.InKeyword].includes(op)) return true;
    }
    if (ts.isCaseClause(parent) && parent.expression === current) return true;
    if (ts.isElementAccessExpression(parent) && parent.argumentExpression === current) return true;
    if (ts.isJsxExpression(parent) || ts.isJsxElement(parent) || ts.isJsxFragment(parent)) return false;
    if (ts.isVariableDeclaration(parent) || ts.isReturnStatement(parent) || ts.isBlock(parent) || ts.isSourceFile(parent)) return false;
    if (ts.isArrowFunction(parent) || ts.isFunctionDeclaration(parent) || ts.isMethodDeclaration(parent)) return false;
  }
  return false;
}

export function findInlineTextIn(file: string, text: string): InlineText[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: InlineText[] = [];
  const report = (node: ts.Node, words: string) => {
    if (isExemptLine(source, node)) return;
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push({ file, line: line + 1, text: words.trim().replace(/\s+/g, " ").slice(0, 80) });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      if (/[A-Za-z]{2,}|^[A-Za-z]$/.test(node.text.trim())) report(node, node.text);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (looksLikeWords(node.text) && !inNonTextPlace(node)) report(node, node.text);
    } else if (ts.isTemplateExpression(node)) {
      const pieces = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(" … ");
      const literals = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
      // A piece beside an interpolation is words when a word in it touches a space: `${n} proposals`.
      const wordsBesideValue = (piece: string) => looksLikeWords(piece) || /(^|\s)[A-Za-z]{2,}(\s|$)/.test(piece) && /\s/.test(piece);
      if (literals.some(wordsBesideValue) && !inNonTextPlace(node)) report(node, pieces);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return /\.tsx?$/.test(path) ? [path] : [];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}

/** Every piece of inline text in the checked folders, relative to the project root. */
export function findInlineText(root: string, folders: string[] = CHECKED_FOLDERS): InlineText[] {
  return folders.flatMap((folder) =>
    filesUnder(join(root, folder))
      .filter((file) => !relative(root, file).startsWith(`${CATALOGUE_FOLDER}/`))
      .flatMap((file) => findInlineTextIn(relative(root, file), readFileSync(file, "utf8"))),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const folders = process.argv.slice(2);
  const found = findInlineText(process.cwd(), folders.length > 0 ? folders : CHECKED_FOLDERS);
  const perFile = new Map<string, number>();
  for (const item of found) {
    console.log(`${item.file}:${item.line}: ${item.text}`);
    perFile.set(item.file, (perFile.get(item.file) ?? 0) + 1);
  }
  console.log(`\n${found.length} pieces of inline text in ${perFile.size} files`);
  process.exitCode = found.length > 0 ? 1 : 0;
}
