import fs from 'fs';
import path from 'path';
import ts from 'typescript';
import { check } from 'recheck';

/**
 * Every regular expression in the server's source is checked for catastrophic backtracking (ReDoS)
 * by recheck, a maintained detector. The regexes are found by parsing the source with the TypeScript
 * compiler, not listed by hand, so a new one is checked the day it is written: literals
 * (`/.../g`), and `new RegExp(...)` whose source the compiler can read statically (string
 * literals, templates and `+` over module constants, `[...].join(sep)`, `Object.keys({...}).join(sep)`,
 * and the arguments at each call of a small factory such as `phrases([...])`).
 *
 * recheck runs on its pure JavaScript backend: no Java, no native binary, no network.
 */
process.env.RECHECK_BACKEND = 'pure';

const SOURCE_ROOT = __dirname;

interface FoundRegex {
  where: string;
  source: string;
  flags: string;
}

interface Unreadable {
  where: string;
  text: string;
}

/**
 * Regexes whose source the scan cannot read, each with why it is safe and the instances checked in
 * its place. An entry is keyed by file and the start of the `new RegExp(` expression.
 */
const UNREADABLE_ALLOWED: Array<{ file: string; startsWith: string; reason: string; instances: Array<{ source: string; flags: string }> }> = [
  {
    file: 'core/fields/rich-text.ts',
    startsWith: 'new RegExp(`${letters}${gap}',
    // The scheme comes from the body (unsafeSchemesIn), one letter after another with a gap of
    // whitespace or control characters between them: a gap never matches the letter after it, so
    // there is one way to match. Checked on a usual scheme and one with escaped punctuation.
    reason: 'built at run time from a scheme found in the body; letters separated by whitespace-only gaps',
    instances: ['javascript', 'a+b.c-d'].map((scheme) => {
      const gap = '[\\s\\u0000-\\u001f\\u007f-\\u009f]*';
      const letters = [...scheme].map((letter) => letter.replace(/[.+-]/g, '\\$&')).join(gap);
      return { source: `${letters}${gap}\\\\?:`, flags: 'gi' };
    }),
  },
];

/**
 * Regexes recheck does not judge linear (polynomial, or too large to decide in time), allowed
 * because what they run on is short: each entry says what and how short. Keyed by file and a piece
 * of the source. Anything that runs on a Story body may never be here: bodies are 200,000 characters.
 */
const STATEMENT_TEXT = 'runs on one statement\'s text (at most 5,000 characters, schema maxLength) or an imported claim; recheck\'s attack strings at 5,000 characters took at most 50 ms through findQuantities/analyse/cleanQueryText';
const BOUNDED_ALLOWED: Array<{ file: string; sourceIncludes: string; reason: string }> = [
  { file: 'core/claims/claim-features.ts', sourceIncludes: "(?:^|[^\\p{L}'])(?:", reason: STATEMENT_TEXT },
  { file: 'core/claims/quantities.ts', sourceIncludes: '', reason: STATEMENT_TEXT },
  { file: 'core/claims/claim-matching.ts', sourceIncludes: '\\(@\\w+\\)', reason: STATEMENT_TEXT },
  { file: 'core/claims/claim-matching.ts', sourceIncludes: '(?:^|[.!?:;', reason: 'isSentenceStart: applied to the 4 characters before a match' },
  { file: 'core/claims/claim-review.ts', sourceIncludes: '\\/+$', reason: "the newsroom's configured URL (plugin config), not user text" },
  { file: 'core/countries/country-enrichment.ts', sourceIncludes: '(?:[A-Z]\\.){2,}$', reason: "capitals from the world-countries package's data, not user text" },
  { file: 'core/flags/rules/anonymous-source.ts', sourceIncludes: 'officials?', reason: 'a statement\'s attribution: at most 500 characters (schema maxLength)' },
  { file: 'core/linking/linkable.ts', sourceIncludes: '(?:of|for|to)', reason: "an actor position's title, a short string field (schema maxLength)" },
];

const boundedEntry = (regex: FoundRegex) => BOUNDED_ALLOWED.find((entry) => regex.where.startsWith(`${entry.file}:`) && regex.source.includes(entry.sourceIncludes));

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    // Tests and fixtures never see a request's text.
    return /\.ts$/.test(entry.name) && !/\.(test|fixture)\.ts$/.test(entry.name) && !/\.d\.ts$/.test(entry.name) ? [full] : [];
  });
}

type Value = string | string[] | undefined;
type Bindings = Map<string, ts.Expression>;

/** The module-level `const` initializers of a file, by name. */
function moduleConstants(file: ts.SourceFile): Bindings {
  const constants: Bindings = new Map();
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.initializer) constants.set(declaration.name.text, declaration.initializer);
    }
  }
  return constants;
}

/** The value of an expression, when the compiler can read it without running anything. */
function evaluate(node: ts.Expression, constants: Bindings, bindings: Map<string, Value>, depth = 0): Value {
  if (depth > 50) return undefined;
  const again = (inner: ts.Expression) => evaluate(inner, constants, bindings, depth + 1);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return again(node.expression);
  if (ts.isTemplateExpression(node)) {
    let text = node.head.text;
    for (const span of node.templateSpans) {
      const value = again(span.expression);
      if (typeof value !== 'string') return undefined;
      text += value + span.literal.text;
    }
    return text;
  }
  if (ts.isIdentifier(node)) {
    if (bindings.has(node.text)) return bindings.get(node.text);
    const initializer = constants.get(node.text);
    return initializer ? again(initializer) : undefined;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = again(node.left);
    const right = again(node.right);
    return typeof left === 'string' && typeof right === 'string' ? left + right : undefined;
  }
  if (ts.isArrayLiteralExpression(node)) {
    const items = node.elements.map((element) => again(element));
    return items.every((item): item is string => typeof item === 'string') ? items : undefined;
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const { expression: target, name } = node.expression;
    if (name.text === 'join') {
      const separator = node.arguments.length === 0 ? ',' : again(node.arguments[0]!);
      const list = again(target);
      return Array.isArray(list) && typeof separator === 'string' ? list.join(separator) : undefined;
    }
    if (name.text === 'keys' && ts.isIdentifier(target) && target.text === 'Object' && node.arguments.length === 1) {
      let object: ts.Expression | undefined = node.arguments[0];
      while (object && ts.isIdentifier(object)) object = constants.get(object.text);
      while (object && (ts.isAsExpression(object) || ts.isSatisfiesExpression(object))) object = object.expression;
      if (!object || !ts.isObjectLiteralExpression(object)) return undefined;
      const keys = object.properties.map((property) =>
        ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined,
      );
      return keys.every((key): key is string => typeof key === 'string') ? keys : undefined;
    }
  }
  return undefined;
}

/** The function a node sits in, with the name it is called by (`const phrases = (list) => ...`). */
function enclosingFactory(node: ts.Node): { name: string; parameters: string[] } | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isArrowFunction(current) || ts.isFunctionExpression(current) || ts.isFunctionDeclaration(current)) {
      const parameters = current.parameters.map((parameter) => (ts.isIdentifier(parameter.name) ? parameter.name.text : ''));
      if (ts.isFunctionDeclaration(current) && current.name) return { name: current.name.text, parameters };
      if (ts.isVariableDeclaration(current.parent) && ts.isIdentifier(current.parent.name)) return { name: current.parent.name.text, parameters };
      return undefined;
    }
  }
  return undefined;
}

function callsOf(file: ts.SourceFile, name: string): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === name) calls.push(node);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return calls;
}

function findRegexes(): { found: FoundRegex[]; unreadable: Unreadable[] } {
  const found: FoundRegex[] = [];
  const unreadable: Unreadable[] = [];
  for (const fileName of sourceFiles(SOURCE_ROOT)) {
    const relative = path.relative(SOURCE_ROOT, fileName).split(path.sep).join('/');
    const file = ts.createSourceFile(fileName, fs.readFileSync(fileName, 'utf8'), ts.ScriptTarget.Latest, true);
    const constants = moduleConstants(file);
    const where = (node: ts.Node) => `${relative}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText();
        const end = text.lastIndexOf('/');
        found.push({ where: where(node), source: text.slice(1, end), flags: text.slice(end + 1) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [sourceArgument, flagsArgument] = node.arguments ?? [];
        const readWith = (bindings: Map<string, Value>) => {
          const source = sourceArgument ? evaluate(sourceArgument, constants, bindings) : undefined;
          const flags = flagsArgument ? evaluate(flagsArgument, constants, bindings) : '';
          return typeof source === 'string' && typeof flags === 'string' ? { source, flags } : undefined;
        };
        const direct = readWith(new Map());
        if (direct) {
          found.push({ where: where(node), ...direct });
        } else {
          // A factory: read the regex once per call, with the call's arguments for its parameters.
          const factory = enclosingFactory(node);
          const calls = factory ? callsOf(file, factory.name) : [];
          const instances = calls.map((call) => readWith(new Map(factory!.parameters.map((name, index) => [name, call.arguments[index] ? evaluate(call.arguments[index]!, constants, new Map()) : undefined]))));
          if (calls.length > 0 && instances.every(Boolean)) {
            instances.forEach((instance, index) => found.push({ where: `${where(node)} (as called at ${where(calls[index]!)})`, ...instance! }));
          } else {
            unreadable.push({ where: where(node), text: node.getText() });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { found, unreadable };
}

const { found, unreadable } = findRegexes();

describe('Regular expressions on user text', () => {
  test('The scan - should find the regexes of the source, literal and built', () => {
    // A floor, not a count: it fails if the scan stops finding them, not when one is added.
    expect(found.length).toBeGreaterThan(140);
    expect(found.some((regex) => regex.where.startsWith('core/flags/story-context.ts'))).toBe(true);
    expect(found.some((regex) => regex.where.startsWith('core/claims/quantities.ts') && regex.source.includes('(?<digits>'))).toBe(true);
    expect(found.some((regex) => regex.where.includes('as called at core/claims/claim-features.ts'))).toBe(true);
  });

  test('A regex whose source cannot be read - should be on the allow-list with a reason', () => {
    const unlisted = unreadable.filter((regex) => !UNREADABLE_ALLOWED.some((entry) => regex.where.startsWith(`${entry.file}:`) && regex.text.startsWith(entry.startsWith)));
    expect(unlisted).toEqual([]);
    // And no allow-list entry outlives its regex.
    for (const entry of UNREADABLE_ALLOWED) expect(unreadable.some((regex) => regex.where.startsWith(`${entry.file}:`) && regex.text.startsWith(entry.startsWith))).toBe(true);
  });

  test('Every entry of the bounded allow-list - should still match a regex found (none outlives its regex)', () => {
    for (const entry of BOUNDED_ALLOWED) expect({ entry: entry.file, matched: found.some((regex) => boundedEntry(regex) === entry) }).toEqual({ entry: entry.file, matched: true });
  });

  test('Every regex found - should be judged safe (linear or constant time) by recheck', async () => {
    const checked = [...found.filter((regex) => !boundedEntry(regex)), ...UNREADABLE_ALLOWED.flatMap((entry) => entry.instances.map((instance) => ({ where: `${entry.file} (allow-listed instance)`, ...instance })))];
    const unsafe: string[] = [];
    for (const regex of checked) {
      // The automaton checker decides exactly and fast where it applies (no look-around or back
      // reference); elsewhere recheck's default (fuzzing) decides.
      const exact = await check(regex.source, regex.flags, { checker: 'automaton', timeout: 30_000 });
      let diagnostics = exact.status === 'unknown' ? await check(regex.source, regex.flags, { timeout: 30_000 }) : exact;
      // The fuzzer runs against the clock: on a loaded machine it may run out of time before it
      // decides. Once more with twice the time, and a fixed seed so that a verdict is repeatable.
      if (diagnostics.status === 'unknown' && diagnostics.error.kind === 'timeout') diagnostics = await check(regex.source, regex.flags, { timeout: 60_000, randomSeed: 42 });
      if (diagnostics.status !== 'safe') {
        const detail = diagnostics.status === 'vulnerable' ? `${diagnostics.complexity.type}, e.g. ${diagnostics.attack.pattern}` : diagnostics.status === 'unknown' ? diagnostics.error.kind : '';
        unsafe.push(`${regex.where} /${regex.source}/${regex.flags}: ${diagnostics.status} ${detail}`);
      }
    }
    expect(unsafe).toEqual([]);
  }, 600_000);
});
