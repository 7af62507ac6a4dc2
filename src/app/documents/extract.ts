/**
 * One added document's text → its records, through the pipeline's extractDocument, checked against the
 * contract as the CLI checks each document (src/pipeline/run.ts): a record the contract rejects fails
 * its own document, never the others. A sheet's rows go through sheet.ts instead. Pure: runs in the
 * documents worker and in the unit tests.
 */
import { Events, Statements, type DocumentMeta } from '../../contract/schema';
import { extractDocument, type Context } from '../../pipeline/document';
import type { AddedDocument } from './corpus';
import { sheetToRecords } from './sheet';

export interface Extracted {
  /** What the list shows about it: counts and the pipeline's own notes. */
  found: { events: number; places: number; statements: number };
  messages: string[];
  /** Null when nothing could be taken from it (the reason is in `messages`). */
  added: AddedDocument | null;
}

const meta = (docId: string, file: string, bytes: number, text: string, title: string): DocumentMeta => ({
  id: docId,
  file,
  title,
  kind: 'other',
  published: null,
  source: 'added in this browser',
  bytes,
  chars: text.length,
  eventCount: 0,
  statementCount: 0,
  placeCount: 0,
  textPath: `documents/${encodeURIComponent(docId)}.txt`,
});

function checked(events: unknown, statements: unknown): string | null {
  const bad = [Events.safeParse(events), Statements.safeParse(statements)].find((x) => !x.success)?.error;
  return bad
    ? `a record does not fit the data contract: ${bad.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`
    : null;
}

/** `title`: one the user gave (pasted text), else the pipeline reads it from the text. */
export function extractText(docId: string, file: string, text: string, bytes: number, ctx: Context, title?: string): Extracted {
  const empty = { events: 0, places: 0, statements: 0 };
  if (text.trim() === '') return { found: empty, messages: [`${file}: no text in it; nothing to extract`], added: null };
  try {
    // A title given by the user is metadata, as a .meta.json side file gives it to the CLI.
    const r = extractDocument(docId, text, title ? { title } : null, ctx);
    const bad = checked(r.events, r.statements);
    if (bad) throw new Error(bad);
    const document = {
      ...meta(docId, file, bytes, text, r.meta.title),
      kind: r.meta.kind,
      published: r.meta.published,
      source: r.meta.source || 'added in this browser',
      eventCount: r.events.length,
      statementCount: r.statements.length,
      placeCount: r.found.places,
      lang: r.lang,
    };
    const messages = r.messages.map((m) => `${file}: ${m}`);
    if (r.found.dates === 0) messages.push(`${file}: no date found in it, so it adds no event`);
    return {
      found: { events: r.events.length, places: r.placeNames.size, statements: r.statements.length },
      messages,
      added: { document, text, events: r.events, statements: r.statements, placeNames: [...r.placeNames].map(([id, n]) => [id, [...n]]) },
    };
  } catch (e) {
    return { found: empty, messages: [`${file}: extraction failed (${(e as Error).message})`], added: null };
  }
}

/** A sheet's rows (header first) → its records; its text is one paragraph per row. */
export function extractSheet(docId: string, file: string, rows: unknown[][], bytes: number, ctx: Context): Extracted {
  const lower = new Map<string, string>();
  for (const p of ctx.gaz.byId.values())
    for (const n of [p.id, p.name, ...p.names, ...(p.ru ?? []), ...(p.zh ?? [])])
      if (!lower.has(n.toLowerCase())) lower.set(n.toLowerCase(), p.id);
  const s = sheetToRecords(docId, file, rows, {
    place: (name) => ctx.gaz.lookup(name)?.id ?? lower.get(name.trim().toLowerCase()) ?? null,
    topics: (t) => ctx.topics.forText(t),
  });
  const found = { events: s.events.length, places: s.placeNames.size, statements: s.statements.length };
  if (s.rows === 0) return { found, messages: s.problems, added: null };
  const bad = checked(s.events, s.statements);
  if (bad) return { found, messages: [...s.problems, `${file}: ${bad}`], added: null };
  const title = file.replace(/\.[^.]+$/, '');
  const document = {
    ...meta(docId, file, bytes, s.text, title),
    eventCount: s.events.length,
    statementCount: s.statements.length,
    placeCount: s.placeNames.size,
  };
  return {
    found,
    messages: s.problems,
    added: {
      document,
      text: s.text,
      events: s.events,
      statements: s.statements,
      placeNames: [...s.placeNames].map(([id, n]) => [id, [...n]]),
    },
  };
}
