/**
 * Checks of meaning the schemas' shapes cannot say: a date that is a real day, an end not before its
 * start, ids that are unique and links between files that resolve. Shared by the pipeline (the
 * corrections file) and the app (what it loads). Pure and total: they never throw, whatever the input.
 */

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real calendar day or month ("2020-02-31" and "2020-13" do not). */
export function isRealDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  if (m[2] === undefined) return true;
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return false;
  if (m[3] === undefined) return true;
  const d = Number(m[3]);
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d >= 1 && d <= days;
}

/** The last day a partial date covers, for comparing a start with an end of another precision ("2020" ends on 2020-12-31). */
const lastDay = (s: string) => (s.length === 4 ? `${s}-12-31` : s.length === 7 ? `${s}-31` : s);

/** True when `end` (if any) does not fall before `start`. Both are taken to be real dates. */
export const endNotBeforeStart = (start: string, end: string | undefined) => end === undefined || lastDay(end) >= start;

interface EventLike {
  id: string;
  docId: string;
  start: string;
  end?: string;
  placeId: string | null;
  statementIds: string[];
}
interface StatementLike {
  id: string;
  docId: string;
  eventIds: string[];
  placeIds: string[];
}

export interface MeaningInput<E extends EventLike, S extends StatementLike> {
  events: E[];
  placeIds: Iterable<string>;
  documentIds: Iterable<string>;
  /** Null while the statements are not loaded: links to them are then not checked. */
  statements: S[] | null;
}

export interface MeaningResult<E, S> {
  /** The records the app can show: each broken one dropped, or repaired when only a link was broken. */
  events: E[];
  statements: S[] | null;
  /** One line per problem, naming the file and the entry (`events.json: event doc:2020-02-31: ...`). */
  problems: string[];
}

const MAX_PROBLEMS = 20;

/** True when every id is in the set; a plain loop, as it runs for every record of large files. */
function allIn(ids: readonly string[], set: ReadonlySet<string>): boolean {
  for (let i = 0; i < ids.length; i++) if (!set.has(ids[i]!)) return false;
  return true;
}

/**
 * Checks what the files mean together. An event whose dates are no real days, whose end is before its
 * start, whose id is taken by an earlier one or whose document is unknown is dropped; an unknown place
 * makes it unplaced; links to statements that are not there are cut. Statements likewise. Each problem
 * is named (the first MAX_PROBLEMS, then a count), and everything else is kept as it was.
 */
export function checkMeaning<E extends EventLike, S extends StatementLike>(input: MeaningInput<E, S>): MeaningResult<E, S> {
  const problems: string[] = [];
  let more = 0;
  const say = (line: string) => (problems.length < MAX_PROBLEMS ? problems.push(line) : more++);
  const places = new Set(input.placeIds);
  const docs = new Set(input.documentIds);
  const statementIds = input.statements ? new Set(input.statements.map((s) => s.id)) : null;

  const seen = new Set<string>();
  const events: E[] = [];
  input.events.forEach((e) => {
    const where = `events.json: event ${e.id}`;
    if (seen.has(e.id)) return say(`${where}: a second event with this id; left out`);
    if (!isRealDate(e.start)) return say(`${where}: start ${e.start} is not a real calendar date; left out`);
    if (e.end !== undefined && !isRealDate(e.end)) return say(`${where}: end ${e.end} is not a real calendar date; left out`);
    if (!endNotBeforeStart(e.start, e.end)) return say(`${where}: end ${e.end} is before start ${e.start}; left out`);
    if (!docs.has(e.docId)) return say(`${where}: document "${e.docId}" is not in documents.json; left out`);
    seen.add(e.id);
    let fixed = e;
    if (e.placeId !== null && !places.has(e.placeId)) {
      say(`${where}: place "${e.placeId}" is not in places.geojson; shown without a place`);
      fixed = { ...fixed, placeId: null };
    }
    if (statementIds && !allIn(e.statementIds, statementIds)) {
      const missing = e.statementIds.filter((s) => !statementIds.has(s));
      say(
        `${where}: ${missing.length} statement id(s) not in statements.json (${missing.slice(0, 2).join(', ')}${missing.length > 2 ? ', …' : ''}); left unlinked`,
      );
      fixed = { ...fixed, statementIds: e.statementIds.filter((s) => statementIds.has(s)) };
    }
    events.push(fixed);
  });

  let statements: S[] | null = null;
  if (input.statements) {
    const eventIds = seen;
    // Duplicates are rare: a second set of every id is made only when the first one shows some.
    const sseen = statementIds!.size < input.statements.length ? new Set<string>() : null;
    statements = [];
    input.statements.forEach((s) => {
      const where = `statements.json: statement ${s.id}`;
      if (sseen?.has(s.id)) return say(`${where}: a second statement with this id; left out`);
      if (!docs.has(s.docId)) return say(`${where}: document "${s.docId}" is not in documents.json; left out`);
      sseen?.add(s.id);
      let fixed = s;
      if (!allIn(s.eventIds, eventIds)) {
        const badEvents = s.eventIds.filter((id) => !eventIds.has(id));
        say(
          `${where}: ${badEvents.length} event id(s) not among the events (${badEvents.slice(0, 2).join(', ')}${badEvents.length > 2 ? ', …' : ''}); left unlinked`,
        );
        fixed = { ...fixed, eventIds: s.eventIds.filter((id) => eventIds.has(id)) };
      }
      statements!.push(fixed);
    });
  }
  if (more) problems.push(`… and ${more} more problem(s) of the same kind`);
  return { events, statements, problems };
}
