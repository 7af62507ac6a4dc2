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

// Taken before reveal reads (and may rewrite) it: a reload on a story step returns to that step.
const startHash = location.hash;

const deck = new Reveal({ hash: true, width: 1280, height: 720, margin: 0.04, transition: 'fade', controls: true, progress: true });
void deck.initialize().then(() => wireDeck(deck, document, startHash));
