/**
 * Cheap, exact checks of whether English text may hold a date, run before the date stages (dates.ts): most
 * paragraphs and sentences of a document hold none, and each check answers as the patterns it stands in for
 * (tests/unit/pipeline/dates-precheck.test.ts holds them to that).
 */

/** A month's name, in full or cut, as the date patterns of dates.ts read it. */
export const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';

const ANY_DIGIT = /\d/;
export const MONTH_WORD = new RegExp(`\\b${MONTH}\\b`);
/** Every relative form of dates-en.ts and years.ts written without a digit or a month has one of these. */
const RELATIVE_WORD = /day|before|the\s+eve|last|ago/i;
/**
 * True when English text holds nothing findDates or findYears reads, whatever the document's date: no digit,
 * no month's name, and none of the words its relative forms need ("on Tuesday", "the day before", "the
 * eve", "last month", "two years ago", "today"). Three quick scans instead of the ~15 patterns and the
 * arrays those two build, for the 41,285 of the 71,290 sentences read in the generated corpus that pass.
 */
export const noDateWordsEn = (text: string) => !ANY_DIGIT.test(text) && !MONTH_WORD.test(text) && !RELATIVE_WORD.test(text);

/**
 * Whether a paragraph may hold a date: a month's name, a numeric date, a year after in/since/during/of or in
 * brackets, or a day, month or year counted from the report's own date. Written first as two patterns of many
 * alternatives (the test keeps them), tried at every position of every paragraph without a place (73,000 of
 * the generated corpus's 93,000), they took ~6 % of a cold run; here each alternative stands alone or behind
 * a scan for what it cannot match without (a year's first digits; "day", "last" or "ago"), at about half the
 * cost over those paragraphs, with the same answer.
 */
export const maybeDateEn = (text: string) =>
  MONTH_WORD.test(text) ||
  NUMERIC_DATE.test(text) ||
  (YEAR_DIGITS.test(text) && MAYBE_YEAR_DIGITS.test(text)) ||
  (YEAR_WORDS.test(text) && MAYBE_YEAR_WORDS.test(text));
/** A numeric date: ISO, day.month.year or year/month/day. */
export const NUMERIC_DATE = /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{4}\b|\b\d{4}\/\d{2}\/\d{2}\b/;
// A year after in/since/during/of or in brackets; a day named from the report's own date ("on Tuesday", "the
// day before", dates-en.ts) or a year or month counted back from it.
const YEAR_DIGITS = /(?:19|20)\d\d/;
const MAYBE_YEAR_DIGITS = /\b(?:[Ii]n|[Ss]ince|[Dd]uring|year|of)\s+(?:19|20)\d{2}\b|\((?:19|20)\d{2}\)/;
const YEAR_WORDS = /day|last|ago/;
const MAYBE_YEAR_WORDS =
  /\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:day\s+before|[Yy]esterday|today|last\s+(?:year|month)|(?:years?|months?)\s+ago)\b/;
