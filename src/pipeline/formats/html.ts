/**
 * A saved web page (.html/.htm) → the plain text the pipeline reads.
 *
 * htmlparser2 does the parsing (tags, entities, broken markup); what is hand-written here is only the
 * choice of what counts as the document: script, style and other non-text elements are dropped, and so
 * are a page's navigation, header, footer, forms and asides (menus such as "Home / News / Events"
 * would otherwise become "statements"). Block elements become line breaks, paragraphs blank lines, so
 * the segmenter sees the page's own paragraphs. Nothing from the page is ever kept as markup.
 */
import { Parser } from 'htmlparser2';
import { FURNITURE_LINE, RELATED_HEADINGS } from './furniture-words.ts';

/** Elements whose content is never part of the document's text. */
const DROP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'canvas',
  'iframe',
  'object',
  'head',
  'select',
  'button',
  'textarea',
]);
/** Page furniture: menus, banners, cookie notices, share bars. */
const FURNITURE = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu']);
/** Elements that end a paragraph. */
const PARAGRAPH = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'blockquote',
  'pre',
  'table',
  'ul',
  'ol',
  'dl',
  'figure',
  'figcaption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'address',
  'details',
  'summary',
]);
/** Elements that end a line. */
const LINE = new Set(['br', 'li', 'tr', 'dt', 'dd', 'caption']);
/** Cells of a row are kept apart by a bar, so neighbouring cells do not run together. */
const CELL = new Set(['td', 'th']);
/** Class or id words that mark page furniture on sites that use plain divs and links for it. */
const HINT_WORDS = [
  'nav',
  'navbar',
  'topnav',
  'mainnav',
  'subnav',
  'navigation',
  'menu',
  'menubar',
  'topbar',
  'breadcrumbs?',
  'cookie',
  'share',
  'sharing',
  'social',
  'skip',
  // columns of other pages' headlines, readers' comments, paging, promotions
  'related',
  'recommended',
  'popular',
  'latest',
  'comments?',
  'pagination',
  'pager',
  'popup',
  'promo',
  'sponsored',
  'widget',
  'subscribe',
  'newsletter',
  'rss',
];
const hint = (words: string[]) => new RegExp(`(^|[\\s_-])(${words.join('|')})($|[\\s_-])`, 'i');
const FURNITURE_HINT = hint([...HINT_WORDS, 'sidebar', 'footer', 'header', 'banner']);
/** Inside an article a "header" or "footer" class is the article's own (its title, date, source). */
const ARTICLE_FURNITURE_HINT = hint(HINT_WORDS);
/** Never dropped by a class hint: a page that calls its body "has-header" is still the page. */
const NEVER_HINTED = new Set(['html', 'body', 'main', 'article']);

/**
 * htmlparser2 keeps its open elements (and its foreign-content contexts) in arrays with the innermost
 * first, growing by unshift and shrinking by shift: each costs the depth, so a page nested 100,000
 * levels deep took ~20 s. This stack answers the same operations the parser asks (its version is pinned
 * in package.json, and the deep-HTML test notices if that changes) with the innermost element last:
 * push and pop, a count per name for `includes`, and index 0 read as the innermost.
 */
function innermostFirst<T>(): T[] {
  const items: T[] = [];
  const open = new Map<T, number>();
  const api = {
    get length() {
      return items.length;
    },
    set length(n: number) {
      while (items.length > n) api.shift();
    },
    unshift(...xs: T[]) {
      for (const x of xs) {
        items.push(x);
        open.set(x, (open.get(x) ?? 0) + 1);
      }
      return items.length;
    },
    shift(): T | undefined {
      const x = items.pop();
      if (x !== undefined) open.set(x, open.get(x)! - 1);
      return x;
    },
    includes: (x: T) => (open.get(x) ?? 0) > 0,
    indexOf(x: T): number {
      if (!api.includes(x)) return -1;
      for (let i = items.length - 1; i >= 0; i--) if (items[i] === x) return items.length - 1 - i;
      return -1;
    },
  };
  return new Proxy(api, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) return items[items.length - 1 - Number(key)];
      return Reflect.get(target, key, receiver);
    },
  }) as unknown as T[];
}

export function htmlToText(html: string): string {
  const out: string[] = [];
  let line = '';
  let skipDepth = 0;
  // `cut`: where in `out` a heading over other pages' headlines began (furniture-words.ts): at the
  // element's end, the lines from there on are taken out again.
  const stack: Array<{ name: string; skip: boolean; cut?: number }> = [];
  /** How many open elements have a `cut`: an article looks for them only then (a page 100,000 deep has none). */
  let cuts = 0;
  /** Open <article>/<main> elements: a header or footer inside one is the article's own (title, date). */
  let inArticle = 0;
  let pre = 0;

  const flushLine = () => {
    const l = pre ? line.replace(/\s+$/, '') : line.replace(/[ \t\f\v\u00a0]+/g, ' ').trim();
    line = '';
    if (!l || (!pre && FURNITURE_LINE.test(l))) return;
    const around = stack[stack.length - 1];
    if (!pre && around && around.cut === undefined && l.length <= 40 && RELATED_HEADINGS.has(l.replace(/\s*[:：]$/, '').toLowerCase())) {
      around.cut = out.length;
      cuts++;
    }
    out.push(l);
  };
  /** Takes out what an open element's heading over other pages' headlines began (at its end, or where an article starts). */
  const cutBack = (open: { cut?: number }) => {
    if (open.cut === undefined) return;
    out.length = Math.min(out.length, open.cut);
    open.cut = undefined;
    cuts--;
  };
  const endParagraph = () => {
    flushLine();
    if (out.length && out[out.length - 1] !== '') out.push('');
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const hint = `${attrs['class'] ?? ''} ${attrs['id'] ?? ''} ${attrs['role'] ?? ''}`;
        const pageFurniture = FURNITURE.has(name) && !((name === 'header' || name === 'footer') && inArticle > 0);
        const skip =
          DROP.has(name) ||
          pageFurniture ||
          attrs['hidden'] !== undefined ||
          attrs['aria-hidden'] === 'true' ||
          (skipDepth === 0 && /\b(navigation|banner|contentinfo)\b/.test(attrs['role'] ?? '')) ||
          (!NEVER_HINTED.has(name) && (inArticle ? ARTICLE_FURNITURE_HINT : FURNITURE_HINT).test(hint));
        stack.push({ name, skip });
        if (skip) skipDepth++;
        if (skipDepth) return;
        if (name === 'article' || name === 'main') {
          // An article after a column of other pages' headlines in the same element is kept.
          if (cuts > 0) {
            flushLine();
            for (const open of stack) cutBack(open);
          }
          inArticle++;
        }
        if (name === 'pre') pre++;
        if (PARAGRAPH.has(name)) endParagraph();
        else if (LINE.has(name)) flushLine();
        else if (CELL.has(name) && line.trim()) line += ' | ';
        if (name === 'img' && attrs['alt']) line += ` ${attrs['alt']} `;
      },
      ontext(text) {
        if (skipDepth) return;
        if (pre) {
          const parts = text.split('\n');
          line += parts[0];
          for (const p of parts.slice(1)) {
            flushLine();
            line = p;
          }
        } else line += text.replace(/\s+/g, ' ');
      },
      onclosetag(name) {
        const open = stack.pop();
        if (open?.skip) {
          skipDepth--;
          return;
        }
        if (skipDepth) return;
        if (PARAGRAPH.has(name)) endParagraph();
        else if (LINE.has(name)) flushLine();
        if (open?.cut !== undefined) {
          flushLine();
          cutBack(open);
        }
        if (name === 'pre') pre = Math.max(0, pre - 1);
        if (name === 'article' || name === 'main') inArticle = Math.max(0, inArticle - 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  const internals = parser as unknown as { stack: string[]; foreignContext: number[] };
  internals.stack = innermostFirst<string>();
  const contexts = innermostFirst<number>();
  for (let i = internals.foreignContext.length - 1; i >= 0; i--) contexts.unshift(internals.foreignContext[i]!);
  internals.foreignContext = contexts;
  parser.write(html);
  parser.end();
  flushLine();
  while (out[out.length - 1] === '') out.pop();
  return out.length ? `${out.join('\n')}\n` : '';
}
