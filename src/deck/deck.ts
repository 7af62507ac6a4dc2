/**
 * The example deck: reveal.js from npm (no CDN, and no theme: reveal's themes fetch Google Fonts or
 * inline 500 kB of them; deck.css sets a plain look with system fonts), and the atlas shown two ways. Each atlas slide gets
 * one hidden fragment per story step after the first, so the deck's own keys (and a clicker) step
 * the story and then move on to the next slide. The iframe is driven by postMessage (see
 * src/app/present/protocol.ts), the custom element by its `step` attribute.
 */
import Reveal from 'reveal.js';
import 'reveal.js/reveal.css';
import './deck.css';
import '../element/sco-atlas';
import { wireDeck } from './wire';
import { parseLocale } from '../app/i18n/locale.svelte';

// The atlas's interface language from the deck's own link (deck/?lang=ru): the custom element and the
// iframe speak it; without one each follows the browser's language.
const deckLang = parseLocale(new URLSearchParams(location.search).get('lang'));
if (deckLang) {
  for (const el of document.querySelectorAll('sco-atlas')) el.setAttribute('lang', deckLang);
  for (const f of document.querySelectorAll<HTMLIFrameElement>('iframe[src]')) {
    const u = new URL(f.getAttribute('src')!, location.href);
    u.searchParams.set('lang', deckLang);
    f.src = u.href;
  }
}

// Taken before reveal reads (and may rewrite) it: a reload on a story step returns to that step.
const startHash = location.hash;

const deck = new Reveal({ hash: true, width: 1280, height: 720, margin: 0.04, transition: 'fade', controls: true, progress: true });
void deck.initialize().then(() => wireDeck(deck, document, startHash));
