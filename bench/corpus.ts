/**
 * A deterministic corpus of SCO-style source documents (declarations, news reports, speeches), for
 * timing the extraction pipeline on input far larger than the seeds, and for anyone who needs
 * realistic text with known dates and places. Same (n, seed) → same bytes.
 *
 *   import { generateCorpus, writeCorpus } from './corpus.ts';
 *   generateCorpus(1000, 1)  // → [{ name: 'gen-0000.txt', text }, ...] of ~40 KB each
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small, well-known 32-bit PRNG, enough for shuffling words. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES = [
  'Astana',
  'Beijing',
  'Bishkek',
  'Dushanbe',
  'Moscow',
  'New Delhi',
  'Islamabad',
  'Tashkent',
  'Samarkand',
  'Qingdao',
  'Ufa',
  'Yekaterinburg',
  'Almaty',
  'Sochi',
  'Kunming',
  'Xiamen',
  'Vienna',
  'Geneva',
  'New York',
  'Tianjin',
  'Shanghai',
  'Cholpon-Ata',
  'Tehran',
  'Minsk',
  'Baku',
  'Kathmandu',
  'Colombo',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const BODIES = [
  'Council of Foreign Ministers',
  'Meeting of the Heads of Science and Technology Ministries',
  'SCO Youth Council',
  'Supreme Court Chief Justices',
  'SCO Business Council',
  'Council of National Coordinators',
  'Meeting of Ministers of Agriculture',
  'SCO Forum',
  'Heads of Emergency Prevention and Relief Agencies',
  'Meeting of Transport Ministers',
  'SCO Interbank Consortium',
  'Meeting of Energy Ministers',
];
const HEADINGS = [
  'Security',
  'Trade and economic cooperation',
  'Cultural, humanitarian and public exchanges',
  'International contacts',
  'Interparliamentary ties',
  'Interaction in the judicial sphere',
];
const FILLER = [
  'The member states reaffirm their commitment to the principles of mutual trust, mutual benefit, equality and respect for the diversity of cultures.',
  'They stress the importance of strengthening cooperation in trade, finance, investment, transport, energy and agriculture in the interests of sustainable development.',
  'The member states consider it important to promote contacts between legislatures, executive agencies and the business communities of the region.',
  'They note that transnational challenges and threats to security, primarily terrorism, separatism, extremism and drug trafficking, continue to grow.',
  'The member states advocate the further development of digital economy and information and communication technology for the benefit of their peoples.',
  'They emphasise the need to continue efforts to reduce the risks of disasters and to develop emergency response potential across the region.',
  'The member states support the efforts to promote dialogue between civilisations and to foster links in education, science, culture and tourism.',
  'They call for the early coordination of the draft agreement on the formation of an integrated transport management system.',
  'The Shanghai Cooperation Organisation will continue to contribute to peace, stability and prosperity in the Eurasian space.',
  'The member states reaffirmed their commitment to the Paris Pact Initiative and welcomed the work of the Heart of Asia-Istanbul Process.',
  'They noted the results of the joint anti-terrorist exercise Sary-Arka-Antiterror 2019 and the exercise Xiamen-2019.',
  'The member states will implement the Programme of Cooperation for 2022-2024 and the SCO Development Strategy until 2025.',
];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}
const ordinal = (n: number) =>
  `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

function randomDate(r: () => number): { y: number; m: number; d: number } {
  const y = 2001 + Math.floor(r() * 24);
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  return { y, m, d };
}

function eventSentence(r: () => number): string {
  const { y, m, d } = randomDate(r);
  const city = pick(r, CITIES);
  const body = pick(r, BODIES);
  const n = 1 + Math.floor(r() * 20);
  const date = `${d} ${MONTHS[m - 1]} ${y}`;
  switch (Math.floor(r() * 7)) {
    case 0:
      return `The member states welcomed the results of the ${ordinal(n)} ${body} (${city}, ${date}).`;
    case 1:
      return `They praised the outcome of the ${body} held in ${city} on ${date}, and noted its contribution to practical cooperation.`;
    case 2:
      return `The member states noted the results of the ${body} held on ${date} via videoconference.`;
    case 3:
      return `The ${ordinal(n)} ${body} took place in ${city} on ${d}-${Math.min(28, d + 2)} ${MONTHS[m - 1]} ${y} and in ${pick(r, CITIES)} on ${1 + Math.floor(r() * 28)} ${MONTHS[m % 12]} ${y}.`;
    case 4:
      return `The member states took note of the joint operation held between ${d} and ${Math.min(28, d + 4)} ${MONTHS[m - 1]} ${y}.`;
    case 5:
      return `They support implementing the Concept adopted in ${city} on ${date}, including by devising a plan of action to this effect.`;
    default:
      return `In ${MONTHS[m - 1]} ${y} the member states will hold the ${ordinal(n)} ${body} in ${city}.`;
  }
}

function declaration(r: () => number, i: number, targetBytes: number): string {
  const city = pick(r, CITIES);
  const { y, m, d } = randomDate(r);
  const parts = [`The ${city} Declaration of the Council of Heads of State of the Shanghai Cooperation Organisation (${i})`, ''];
  let size = 0;
  while (size < targetBytes) {
    if (r() < 0.06) {
      parts.push(pick(r, HEADINGS), '');
      continue;
    }
    const sentences: string[] = [];
    const k = 2 + Math.floor(r() * 4);
    for (let j = 0; j < k; j++) sentences.push(r() < 0.08 ? eventSentence(r) : pick(r, FILLER));
    const para = sentences.join(' ');
    parts.push(para, '');
    size += para.length + 2;
  }
  parts.push(`${d} ${MONTHS[m - 1]} ${y}`, '');
  return parts.join('\n');
}

function newsReport(r: () => number, targetBytes: number): string {
  const city = pick(r, CITIES);
  const { y, m, d } = randomDate(r);
  const parts = [
    `SCO ministers meet in ${city}`,
    '',
    `${city.toUpperCase()}, ${MONTHS[m - 1]} ${d} (Agency) -- Ministers of the Shanghai Cooperation Organization met on ${MONTHS[m - 1]} ${d}, ${y} to discuss connectivity and security.`,
    '',
  ];
  let size = 0;
  while (size < targetBytes) {
    const para = [pick(r, FILLER), r() < 0.1 ? eventSentence(r) : pick(r, FILLER), pick(r, FILLER)].join(' ');
    parts.push(para, '');
    size += para.length + 2;
  }
  return parts.join('\n');
}

/** n documents of about 40 KB each: mostly declarations, every fifth a news report. */
export function generateCorpus(n: number, seed = 1, bytesPerDoc = 40_000): { name: string; text: string }[] {
  const r = prng(seed);
  const docs: { name: string; text: string }[] = [];
  for (let i = 0; i < n; i++) {
    const text = i % 5 === 4 ? newsReport(r, bytesPerDoc) : declaration(r, i, bytesPerDoc);
    docs.push({ name: `gen-${String(i).padStart(4, '0')}.txt`, text });
  }
  return docs;
}

/** Writes the corpus into dir (emptied first); returns the total size in bytes. */
export function writeCorpus(dir: string, n: number, seed = 1): number {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const d of generateCorpus(n, seed)) {
    writeFileSync(join(dir, d.name), d.text);
    bytes += Buffer.byteLength(d.text);
  }
  return bytes;
}
