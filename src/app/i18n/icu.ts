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

const SPACE = /\p{White_Space}/u;
// An identifier: anything but white space and pattern syntax (the ICU rule for argument names and keys).
const IDENT = /[^\p{White_Space}\p{Pattern_Syntax}]*/uy;

/** Parses `text`; throws an Error saying what is wrong and where. */
export function parseMessage(text: string): Msg {
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at ${at}`);
  };
  const space = () => {
    while (at < text.length && SPACE.test(text[at]!)) at++;
  };
  const ident = (): string => {
    IDENT.lastIndex = at;
    const m = IDENT.exec(text)![0];
    at += m.length;
    return m;
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
    const m = /[+-]?\d+/y;
    m.lastIndex = at;
    const got = m.exec(text);
    if (!got) fail('expected a whole number');
    at += got![0].length;
    const n = Number(got![0]);
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
