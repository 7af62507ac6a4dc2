/**
 * Checking an editable data file as it is loaded (the schemas are in data-files.ts): JSON syntax
 * errors by line and column, schema problems by entry, both in plain words and each naming the file.
 * Pure: runs in Node, the page and its workers.
 */
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';

export type DataFileResult<T> = { ok: true; data: T } | { ok: false; problems: string[] };

/**
 * Parses `text` (the content of `file`, the name shown to people, e.g. "data/topics.json") and checks
 * it against `schema`. Problems read "data/topics.json: topics[3].keywords: expected an array of
 * strings"; a JSON syntax error gives the line and column. Pure: runs in Node, the browser and workers.
 */
export function checkDataFile<T>(file: string, schema: z.ZodType<T>, text: string): DataFileResult<T> {
  const json = parseJson(file, text);
  if (!json.ok) return json;
  return checkData(file, schema, json.data);
}

/**
 * `checkDataFile` for a value already parsed (e.g. a JSON module bundled at build time). `at`: where
 * the value sits in its file, when one entry is checked on its own (['steps', 2]).
 */
export function checkData<T>(file: string, schema: z.ZodType<T>, value: unknown, at: readonly PropertyKey[] = []): DataFileResult<T> {
  const r = schema.safeParse(value, { error: plainWords });
  if (r.success) return { ok: true, data: r.data };
  return {
    ok: false,
    problems: r.error.issues.map((i) => {
      const path = [...at, ...i.path];
      return `${file}: ${path.length ? `${dataPath(path)}: ` : ''}${i.message}`;
    }),
  };
}

/** The problems as one line (the first few, then how many more): what a CLI prints before exit 2. */
export function problemsLine(problems: readonly string[], shown = 3): string {
  const more = problems.length - shown;
  return problems.slice(0, shown).join('; ') + (more > 0 ? `; and ${more} more problem${more === 1 ? '' : 's'}` : '');
}

/** Thrown by loaders of the tool's own configuration (data/*.json): the file is unusable. */
export class DataFileError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problemsLine(problems));
    this.name = 'DataFileError';
  }
}

/** The data, or a DataFileError naming the file and entry. */
export function expectDataFile<T>(file: string, schema: z.ZodType<T>, text: string): T {
  const r = checkDataFile(file, schema, text);
  if (!r.ok) throw new DataFileError(r.problems);
  return r.data;
}

/** `topics[3].keywords`: the way a person would point into the file. */
export function dataPath(path: readonly PropertyKey[]): string {
  return path
    .map((k, i) =>
      typeof k === 'number'
        ? `[${k}]`
        : /^[A-Za-z_$][\w$]*$/.test(String(k))
          ? `${i > 0 ? '.' : ''}${String(k)}`
          : `[${JSON.stringify(String(k))}]`,
    )
    .join('');
}

function parseJson(file: string, text: string): DataFileResult<unknown> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a byte-order mark some editors add
  try {
    return { ok: true, data: JSON.parse(body) };
  } catch (e) {
    return { ok: false, problems: [`${file}: ${jsonSyntaxProblem(body, (e as Error).message)}`] };
  }
}

const SYNTAX_WORDS: Record<string, string> = {
  InvalidSymbol: 'an unexpected character',
  InvalidNumberFormat: 'a malformed number',
  PropertyNameExpected: 'a key in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: "':' was expected",
  CommaExpected: "',' was expected",
  CloseBraceExpected: "'}' was expected",
  CloseBracketExpected: "']' was expected",
  EndOfFileExpected: 'more text after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'a malformed \\u escape',
  InvalidEscapeCharacter: 'a malformed escape (\\) in a string',
  InvalidCharacter: 'a line break or control character inside a string',
};

/**
 * Where and what: JSON.parse's own message gives no line (and on Node 20 often no position), so the
 * text is scanned again by jsonc-parser (the VS Code JSON scanner) in strict mode for the offset of the
 * first error. Only runs on a file that has already failed.
 */
function jsonSyntaxProblem(text: string, fallback: string): string {
  if (text.trim() === '') return 'the file is empty (expected JSON)';
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return `not valid JSON (${fallback})`;
  // Cut short (a failed copy or download): the scanner reached the end still inside a value, and the
  // first error is on the last line (e.g. an unclosed string where the text stops).
  const end = text.trimEnd().length;
  if (errors.some((e) => e.offset >= end) && !text.slice(first.offset, end).includes('\n')) {
    return `not valid JSON: the file ends before the JSON is complete (cut short at line ${lineCol(text, end)})`;
  }
  const code = printParseErrorCode(first.error);
  return `not valid JSON at line ${lineCol(text, first.offset)}: ${SYNTAX_WORDS[code] ?? code}`;
}

function lineCol(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return `${line}, column ${offset - start + 1}`;
}

// ---- plain words for zod's issues (per parse, so no global zod setting changes) ----

const NOUN: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  tuple: 'an array',
  record: 'an object',
  null: 'null',
  literal: 'a fixed value',
};

function shown(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'object') return 'an object';
  return String(v);
}

type Issue = z.core.$ZodRawIssue;

function plainWords(iss: Issue): string | undefined {
  const got = shown(iss.input);
  switch (iss.code) {
    case 'invalid_type': {
      const want = NOUN[iss.expected] ?? iss.expected;
      return iss.input === undefined ? `missing (expected ${want})` : `expected ${want}, got ${got}`;
    }
    case 'unrecognized_keys':
      return `unknown key${iss.keys.length > 1 ? 's' : ''} ${iss.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `expected ${iss.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${got}`;
    case 'invalid_union':
      if ('options' in iss && Array.isArray(iss.options)) {
        // A discriminated union's issue carries the whole object: show the value of its key.
        const key = 'discriminator' in iss && typeof iss.discriminator === 'string' ? iss.discriminator : null;
        const value = key && iss.input && typeof iss.input === 'object' ? (iss.input as Record<string, unknown>)[key] : iss.input;
        return `expected ${iss.options.map((v) => JSON.stringify(v)).join(' or ')}, got ${shown(value)}`;
      }
      return `does not match any allowed form`;
    case 'too_small':
      if (iss.origin === 'string') return Number(iss.minimum) <= 1 ? 'must not be empty' : `needs at least ${iss.minimum} characters`;
      if (iss.origin === 'array') return `needs at least ${iss.minimum} entr${Number(iss.minimum) === 1 ? 'y' : 'ies'}`;
      return `must be ${iss.inclusive ? 'at least' : 'more than'} ${iss.minimum}, got ${got}`;
    case 'too_big':
      if (iss.origin === 'string') return `must be at most ${iss.maximum} characters`;
      if (iss.origin === 'array') return `has more than ${iss.maximum} entries`;
      return `must be ${iss.inclusive ? 'at most' : 'less than'} ${iss.maximum}, got ${got}`;
    case 'invalid_format':
      return `${got} is not in the expected form`;
    default:
      return undefined;
  }
}
