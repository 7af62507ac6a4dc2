/**
 * ISO 3166-1 codes of countries: alpha-2 ↔ numeric (world-atlas names its shapes by the numeric code,
 * places.geojson its cities' countries by alpha-2). Read from i18n-iso-countries' own table, taken as
 * its text and turned into lookups the first time one is asked (a city framed, names in Russian or
 * Chinese): the library itself, imported for three look-ups, kept its code, the table as arrays, its
 * diacritics map and the Russian and Chinese names in the page's heap (~0.1 MB at 1,000 events, heap
 * snapshot) for a page shown in English.
 */
import table from 'i18n-iso-countries/codes.json?raw';

interface Lookups {
  numeric: Map<string, string>;
  alpha2: Map<string, string>;
}

let lookups: Lookups | null = null;

function read(): Lookups {
  if (lookups) return lookups;
  const numeric = new Map<string, string>();
  const alpha2 = new Map<string, string>();
  // Each row is [alpha-2, alpha-3, numeric, subdivision code]: alpha-3 maps to alpha-2 too.
  for (const [a2, a3, num] of JSON.parse(table) as string[][]) {
    numeric.set(a2!, num!);
    alpha2.set(num!, a2!);
    alpha2.set(a3!, a2!);
  }
  return (lookups = { numeric, alpha2 });
}

/** "KG" → "417"; undefined for a code the table lacks. */
export function alpha2ToNumeric(code: string): string | undefined {
  return read().numeric.get(code);
}

/** "417" (or 417, "4" for "004") → "KG"; undefined for a code the table lacks. */
export function numericToAlpha2(code: string | number): string | undefined {
  return read().alpha2.get(`000${code}`.slice(-3));
}

/** Any of a country's codes (alpha-2 in any case, alpha-3, numeric) as its alpha-2 code. */
export function toAlpha2(code: string): string | undefined {
  if (/^[0-9]*$/.test(code)) return numericToAlpha2(code);
  if (code.length === 2) return code.toUpperCase();
  if (code.length === 3) return read().alpha2.get(code.toUpperCase());
  return undefined;
}
