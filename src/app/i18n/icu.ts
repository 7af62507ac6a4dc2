/**
 * The part of ICU MessageFormat the message files use, read and written here: text, `{name}`,
 * `{n, plural, [offset:k] =0 {…} one {…} other {…}}` with `#`, `{x, select, a {…} other {…}}`, and
 * the apostrophe quoting (`''`, `'{…}'`). The page used intl-messageformat for this; its parser and
 * formatter's compiled code and each message's syntax tree and formatters were ~0.12 MB of the page's
 * heap at 1,000 events (8.23 → 8.06 MB with messages left uncompiled, bench/heap.ts). The rules follow
 * that library's (its parser with tags ignored, its formatter): tests/unit/app/icu.test.ts holds every
 * message of every language to its output, and broken messages to its errors. A type it does not read
 * (`number`, `date`, `time`, `selectordinal`) is an error here: the message falls back to English.
 */

/** A parsed message: its pieces in order. */
export type Msg = readonly Piece[];
/** Text; an argument's name; `#` (0); a plural or a select with its options. */
export type Piece = string | { arg: string } | 0 | Choice;
export interface Choice {
  arg: string;
  /** 'plural' or 'select'. */
  kind: 'plural' | 'select';
  offset: number;
  options: ReadonlyMap<string, Msg>;
}

// Unicode's White_Space and Pattern_Syntax (both fixed for good by Unicode), as ranges of code units:
// an identifier (argument name, option key) is a run of anything else, as ICU has it. A table, not
// /\p{White_Space}/u and /[^\p{White_Space}\p{Pattern_Syntax}]/u: those two regular expressions and
// their compiled code were ~5 KB of the page's heap. The unit test holds the table to the properties.
const SPACES = [
  0x09, 0x0d, 0x20, 0x20, 0x85, 0x85, 0xa0, 0xa0, 0x1680, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029, 0x202f, 0x202f, 0x205f, 0x205f, 0x3000,
  0x3000,
];
const SYNTAX = [
  0x21, 0x2f, 0x3a, 0x40, 0x5b, 0x5e, 0x60, 0x60, 0x7b, 0x7e, 0xa1, 0xa7, 0xa9, 0xa9, 0xab, 0xac, 0xae, 0xae, 0xb0, 0xb1, 0xb6, 0xb6, 0xbb,
  0xbb, 0xbf, 0xbf, 0xd7, 0xd7, 0xf7, 0xf7, 0x2010, 0x2027, 0x2030, 0x203e, 0x2041, 0x2053, 0x2055, 0x205e, 0x2190, 0x245f, 0x2500, 0x2775,
  0x2794, 0x2bff, 0x2e00, 0x2e7f, 0x3001, 0x3003, 0x3008, 0x3020, 0x3030, 0x3030, 0xfd3e, 0xfd3f, 0xfe45, 0xfe46,
];
const within = (ranges: readonly number[], c: number): boolean => {
  for (let i = 0; i < ranges.length && ranges[i]! <= c; i += 2) if (c <= ranges[i + 1]!) return true;
  return false;
};
/** Whether code unit `c` is Unicode white space. */
export const isSpace = (c: number): boolean => within(SPACES, c);
/** Whether code unit `c` can be part of an identifier (neither white space nor pattern syntax). */
export const isIdentChar = (c: number): boolean => !within(SPACES, c) && !within(SYNTAX, c);

/** Parses `text`; throws an Error saying what is wrong and where. */
export function parseMessage(text: string): Msg {
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at ${at}`);
  };
  const space = () => {
    while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  };
  const ident = (): string => {
    const from = at;
    while (at < text.length && isIdentChar(text.charCodeAt(at))) at++;
    return text.slice(from, at);
  };
  /** A quoted run starting at `'`, or null where the apostrophe is a plain one. */
  const quoted = (inPlural: boolean): string | null => {
    const next = text[at + 1];
    if (next === "'") {
      at += 2;
      return "'";
    }
    if (!(next === '{' || next === '}' || next === '<' || next === '>' || (next === '#' && inPlural))) return null;
    let out = next;
    at += 2;
    while (at < text.length) {
      if (text[at] === "'") {
        if (text[at + 1] === "'") {
          out += "'";
          at += 2;
          continue;
        }
        at++;
        break;
      }
      out += text[at++];
    }
    return out;
  };
  const message = (depth: number, inPlural: boolean): Piece[] => {
    const out: Piece[] = [];
    let lit = '';
    const flush = () => {
      if (lit) out.push(lit);
      lit = '';
    };
    while (at < text.length) {
      const c = text[at]!;
      if (c === '{') {
        flush();
        out.push(argument(depth));
      } else if (c === '}' && depth > 0) break;
      else if (c === '#' && inPlural) {
        flush();
        out.push(0);
        at++;
      } else if (c === "'") {
        const q = quoted(inPlural);
        if (q === null) {
          lit += c;
          at++;
        } else lit += q;
      } else {
        lit += c;
        at++;
      }
    }
    flush();
    return out;
  };
  const close = () => {
    if (text[at] !== '}') fail('expected "}"');
    at++;
  };
  const integer = (): number => {
    const from = at;
    if (text[at] === '+' || text[at] === '-') at++;
    const digits = at;
    while (at < text.length && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57) at++;
    if (at === digits) fail('expected a whole number');
    const n = Number(text.slice(from, at));
    if (!Number.isSafeInteger(n)) fail('number too large');
    return n;
  };
  const argument = (depth: number): Piece => {
    at++;
    space();
    if (at >= text.length) fail('unclosed argument');
    if (text[at] === '}') fail('empty argument');
    const arg = ident();
    if (!arg) fail('malformed argument');
    space();
    if (at >= text.length) fail('unclosed argument');
    if (text[at] === '}') {
      at++;
      return { arg };
    }
    if (text[at] !== ',') fail('malformed argument');
    at++;
    space();
    const kind = ident();
    if (kind !== 'plural' && kind !== 'select') fail(kind ? `argument type "${kind}" not read here` : 'expected an argument type');
    space();
    if (text[at] !== ',') fail('expected options');
    at++;
    space();
    let key = ident();
    let offset = 0;
    if (kind === 'plural' && key === 'offset') {
      if (text[at] !== ':') fail('expected an offset');
      at++;
      space();
      offset = integer();
      space();
      key = ident();
    }
    const options = new Map<string, Msg>();
    for (;;) {
      if (!key) {
        const from = at;
        if (kind === 'plural' && text[at] === '=') {
          at++;
          integer();
          key = text.slice(from, at);
        } else break;
      }
      if (options.has(key)) fail(`option "${key}" twice`);
      space();
      if (text[at] !== '{') fail(`expected "{" after "${key}"`);
      at++;
      const inner = message(depth + 1, kind === 'plural');
      close();
      options.set(key, inner);
      space();
      key = ident();
    }
    if (!options.size) fail('no options');
    if (!options.has('other')) fail('no "other" option');
    close();
    return { arg, kind: kind as Choice['kind'], offset, options };
  };
  return message(0, false);
}

/** The names a message asks for, nested ones too, sorted and once each. */
export function argNames(m: Msg): string[] {
  const out = new Set<string>();
  const walk = (pieces: Msg): void => {
    for (const p of pieces) {
      if (typeof p !== 'object') continue;
      out.add(p.arg);
      if ('options' in p) for (const o of p.options.values()) walk(o);
    }
  };
  walk(m);
  return [...out].sort();
}

export type Values = Record<string, unknown>;

/** How a message's numbers and plural categories are had (the caller keeps them, one per language). */
export interface Formatting {
  number(n: number): string;
  plural(n: number): string;
}

/**
 * `m` written with `values`. Throws when a value it names is not given (the key absent) or a select
 * or plural finds no option, as intl-messageformat does.
 */
export function formatMessage(m: Msg, values: Values | undefined, f: Formatting, pluralValue?: number): string {
  let out = '';
  for (const p of m) {
    if (typeof p === 'string') out += p;
    else if (p === 0) out += typeof pluralValue === 'number' ? f.number(pluralValue) : '';
    else {
      if (!(values && p.arg in values)) throw new Error(`no value for "${p.arg}"`);
      const v = values[p.arg];
      // An empty value (null, undefined, false, '') is written as nothing, a number or text as itself.
      if (!('options' in p)) out += !v && typeof v !== 'number' ? '' : String(v);
      else if (p.kind === 'select') {
        const o = p.options.get(String(v)) ?? p.options.get('other');
        if (!o) throw new Error(`no option for "${p.arg}"`);
        out += formatMessage(o, values, f);
      } else {
        const n = (v as number) - p.offset;
        const o = p.options.get(`=${String(v)}`) ?? p.options.get(f.plural(n)) ?? p.options.get('other');
        if (!o) throw new Error(`no option for "${p.arg}"`);
        out += formatMessage(o, values, f, n);
      }
    }
  }
  return out;
}
