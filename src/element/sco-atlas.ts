/**
 * <sco-atlas>: the atlas as a custom element for any page, including a slide in reveal.js, with no
 * framework. Attributes mirror the URL parameters of the app:
 *   from, to, t, place, event, topics, docs, q, map, data      the view (see README)
 *   lang                                                       interface language: en, ru or zh (default: the browser's)
 *   embed, story, step, autoplay, origins                      presentation (see src/app/present/params.ts)
 *   data-url                                                   where the data folder is (default ./data/)
 * Changing `step` moves the story; changing a view attribute re-applies the view. Events (bubbling,
 * composed): `sco-atlas:ready` {total, step} and `sco-atlas:step` {step, total, eventId, title, date}.
 * Methods: next(), prev(), goto(n); properties: step, total.
 *
 * The atlas lives in a shadow root so the host page's CSS (a reveal.js theme styles every h2, p and
 * img) cannot reach it; MapLibre's stylesheet is put into the shadow root with it. MapLibre already
 * divides pointer positions by the scale of a CSS transform (DOM.mousePos compares the canvas's
 * bounding box with its layout size), so clicks land on the right city inside a scaled slide.
 */
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?inline';
import { mountAtlas, type AtlasHandle } from '../app/mount';
import { Presentation } from '../app/present/controller.svelte';
import { parsePresentParams, PRESENT_PARAM_NAMES } from '../app/present/params';
import type { StepReply } from '../app/present/protocol';

const VIEW_ATTRIBUTES = ['from', 'to', 't', 'place', 'event', 'topics', 'docs', 'q', 'map', 'data', 'lang'] as const;
const ATTRIBUTES = [...VIEW_ATTRIBUTES, ...PRESENT_PARAM_NAMES, 'data-url'];

const HOST_CSS = `
/* Inherited properties (a slide's text-align: center, its font size and colour) cross the shadow
   boundary: reset them, then set the atlas's own. The page's rules on the element still win. */
:host { all: initial; display: block; position: relative; width: 100%; height: 480px; overflow: hidden; contain: content; container-type: size; background: #fff;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; font-size: 16px; line-height: 1.4; color: #111827; text-align: left; }
:host([hidden]) { display: none; }
.atlas-root { position: absolute; inset: 0; }
`;

export class ScoAtlasElement extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  #handle: AtlasHandle | null = null;
  #presentation: Presentation | null = null;
  #container: HTMLDivElement | null = null;
  #unmountTimer: ReturnType<typeof setTimeout> | null = null;

  connectedCallback(): void {
    // Moving the element (e.g. reveal.js re-parenting a slide) disconnects and reconnects it: keep it.
    if (this.#unmountTimer) clearTimeout(this.#unmountTimer);
    this.#unmountTimer = null;
    if (this.#handle) return;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    shadow.replaceChildren();
    const style = document.createElement('style');
    style.textContent = HOST_CSS + maplibreCss;
    this.#container = document.createElement('div');
    this.#container.className = 'atlas-root';
    shadow.append(style, this.#container);
    this.#mount();
  }

  disconnectedCallback(): void {
    this.#unmountTimer = setTimeout(() => this.#unmount(), 0);
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (!this.#handle || old === value || this.#silencing) return;
    if (name === 'step' && value !== null && this.#presentation) {
      const n = Number(value);
      if (Number.isInteger(n) && n >= 1) {
        if (!this.#presentation.storyOn) this.#presentation.storyOn = true;
        this.#presentation.goto(n);
      }
      return;
    }
    if ((VIEW_ATTRIBUTES as readonly string[]).includes(name) && name !== 'data') {
      this.#handle.state.applyQuery(this.#query(VIEW_ATTRIBUTES));
      return;
    }
    // embed, story, autoplay, origins, data, data-url change how the atlas is built: build it again.
    this.#unmount();
    this.#mount();
  }

  /** The mounted atlas (view state, data, map adapter), for scripts that need more than attributes. */
  get atlas(): AtlasHandle | null {
    return this.#handle;
  }
  get step(): number {
    return this.#presentation?.step ?? 0;
  }
  set step(n: number) {
    this.setAttribute('step', String(n));
  }
  get total(): number {
    return this.#presentation?.total ?? 0;
  }
  next(): void {
    this.#presentation?.next();
  }
  prev(): void {
    this.#presentation?.prev();
  }
  goto(n: number): void {
    this.#presentation?.goto(n);
  }

  #query(names: readonly string[]): string {
    const p = new URLSearchParams();
    for (const n of names) {
      const v = this.getAttribute(n);
      if (v !== null) p.set(n, v);
    }
    const q = p.toString();
    return q ? `?${q}` : '';
  }

  #mount(): void {
    if (!this.#container) return;
    const attrs = Object.fromEntries(PRESENT_PARAM_NAMES.map((n) => [n, this.getAttribute(n)]));
    const params = parsePresentParams(attrs);
    // A custom element is always "embedded" in someone's page: compact chrome unless embed="0".
    if (this.getAttribute('embed') === null) params.embed = true;
    const presentation = new Presentation(params);
    this.#presentation = presentation;
    const dataUrl = new URL(this.getAttribute('data-url') ?? './data/', document.baseURI).href;
    this.#handle = mountAtlas(this.#container, {
      dataUrl,
      syncUrl: false,
      query: this.#query(VIEW_ATTRIBUTES),
      embed: params.embed,
      presentation,
      page: false,
      appUrl: new URL('../', dataUrl).href,
    });
    presentation.onStep((r: StepReply) => {
      // Keep the attribute in step with the story without re-entering attributeChangedCallback's goto.
      if (this.getAttribute('step') !== String(r.step)) this.#silentStep(r.step);
      this.dispatchEvent(new CustomEvent('sco-atlas:step', { detail: r, bubbles: true, composed: true }));
    });
    void presentation.ready.then(() => {
      if (presentation !== this.#presentation) return;
      const p = presentation;
      this.dispatchEvent(
        new CustomEvent('sco-atlas:ready', {
          detail: { type: 'sco-atlas:ready', total: p.total, step: p.step, title: p.current?.title ?? null },
          bubbles: true,
          composed: true,
        }),
      );
    });
  }

  #silencing = false;
  #silentStep(n: number): void {
    this.#silencing = true;
    try {
      this.setAttribute('step', String(n));
    } finally {
      this.#silencing = false;
    }
  }

  #unmount(): void {
    this.#handle?.destroy();
    this.#handle = null;
    this.#presentation = null;
    this.#container?.replaceChildren();
  }
}

if (!customElements.get('sco-atlas')) customElements.define('sco-atlas', ScoAtlasElement);

declare global {
  interface HTMLElementTagNameMap {
    'sco-atlas': ScoAtlasElement;
  }
}
