/**
 * Links reveal.js navigation to the atlases on the deck's slides. Kept apart from deck.ts so the
 * rules (step = 1 + visible story fragments, which messages are trusted) read in one place.
 */
import type Reveal from 'reveal.js';

type RevealApi = InstanceType<typeof Reveal>;

interface StepInfo {
  step: number;
  total: number;
  title: string | null;
}

interface AtlasSlide {
  slide: HTMLElement;
  /** Shows step n (1-based) in the atlas. */
  show(n: number): void;
  /**
   * The step last asked of the atlas, until its answer comes back (or two seconds pass). Answers
   * that arrive meanwhile are late echoes of earlier requests, not moves of the atlas's own:
   * following them would pull the deck back a step and start a loop of requests and echoes.
   */
  waiting: { step: number; until: number } | null;
  /** Answers arrive inside `show` (the custom element) rather than later (an iframe). */
  sync: boolean;
}

function label(slide: HTMLElement, info: StepInfo): void {
  const el = slide.querySelector<HTMLElement>('.step-label');
  // Titles come from documents: text only, never markup.
  if (el) el.textContent = info.total ? `Step ${info.step} of ${info.total}${info.title ? ` — ${info.title}` : ''}` : '';
}

function isStep(data: unknown): data is { type: string; step: number; total: number; title?: string | null } {
  const d = data as { type?: unknown; step?: unknown; total?: unknown } | null;
  return !!d && (d.type === 'sco-atlas:step' || d.type === 'sco-atlas:ready') && typeof d.total === 'number';
}

/**
 * The fragment a deck URL asks for (`#/h/v/f`, reveal's numeric hash with fragmentInURL), or null.
 * Read before reveal starts: the story fragments only exist once the atlas has reported its step
 * count, so reveal itself cannot restore that part of the URL on a reload.
 */
export function fragmentFromHash(hash: string): { h: number; f: number } | null {
  const m = /^#\/(\d+)\/(\d+)\/(\d+)$/.exec(hash);
  return m ? { h: Number(m[1]), f: Number(m[3]) } : null;
}

export function wireDeck(deck: RevealApi, doc: Document, initialHash = ''): void {
  const slides: AtlasSlide[] = [];
  /** A step the URL asked for, restored once that slide's fragments exist. */
  let wanted = fragmentFromHash(initialHash);

  /** One hidden fragment per step after the first; rebuilt when the atlas reports its step count. */
  const ensureFragments = (slide: HTMLElement, total: number) => {
    const have = slide.querySelectorAll('.fragment.story-step').length;
    if (have === Math.max(0, total - 1)) return;
    slide.querySelectorAll('.fragment.story-step').forEach((f) => f.remove());
    for (let i = 2; i <= total; i++) {
      const f = doc.createElement('span');
      f.className = 'fragment story-step';
      f.dataset.step = String(i);
      f.setAttribute('aria-hidden', 'true');
      slide.append(f);
    }
    deck.syncFragments(slide);
    if (wanted && deck.getCurrentSlide() === slide && deck.getIndices().h === wanted.h) {
      const f = Math.min(wanted.f, total - 2);
      wanted = null;
      if (f >= 0) deck.navigateFragment(f);
    }
  };

  const currentStep = (slide: HTMLElement) => 1 + slide.querySelectorAll('.fragment.story-step.visible').length;

  for (const slide of doc.querySelectorAll<HTMLElement>('section[data-atlas-slide]')) {
    const frame = slide.querySelector<HTMLIFrameElement>('iframe');
    const element = slide.querySelector<HTMLElement>('sco-atlas');
    if (frame) {
      // Only the frame's own window, from our origin, may move the deck's fragments.
      window.addEventListener('message', (e: MessageEvent) => {
        if (e.source !== frame.contentWindow || e.origin !== location.origin || !isStep(e.data)) return;
        ensureFragments(slide, e.data.total);
        label(slide, { step: e.data.step ?? 1, total: e.data.total, title: e.data.title ?? null });
        if (e.data.type === 'sco-atlas:step') follow(slide, e.data.step);
        // The frame says it is ready: show the step the deck is on (e.g. after coming back).
        if (e.data.type === 'sco-atlas:ready' && deck.getCurrentSlide() === slide) show(slide);
      });
      slides.push({
        slide,
        waiting: null,
        sync: false,
        show: (n) => frame.contentWindow?.postMessage({ type: 'sco-atlas:goto', step: n }, location.origin),
      });
    } else if (element) {
      const onInfo = (e: Event) => {
        const d = (e as CustomEvent<StepInfo & { type?: string }>).detail;
        ensureFragments(slide, d.total);
        label(slide, d);
        // The element's own step, not the event's: an event can arrive after a newer step was set
        // inside its own dispatch (the deck restoring a step from its URL).
        if (e.type === 'sco-atlas:step') follow(slide, (element as HTMLElement & { step?: number }).step ?? d.step);
      };
      element.addEventListener('sco-atlas:step', onInfo);
      element.addEventListener('sco-atlas:ready', (e) => {
        onInfo(e);
        if (deck.getCurrentSlide() === slide) show(slide);
      });
      // The element answers at once, inside setAttribute: nothing to wait for.
      slides.push({ slide, waiting: null, sync: true, show: (n) => element.setAttribute('step', String(n)) });
    }
  }

  /**
   * The atlas moved by itself (someone clicked into it and used its keys or buttons): move the
   * deck's fragments to match, so the next deck key continues from there.
   */
  function follow(slide: HTMLElement, step: number): void {
    const s = slides.find((x) => x.slide === slide);
    if (s?.waiting && performance.now() < s.waiting.until) {
      if (step === s.waiting.step) s.waiting = null;
      return;
    }
    if (s) s.waiting = null;
    if (deck.getCurrentSlide() !== slide || step < 1 || step === currentStep(slide)) return;
    deck.navigateFragment(step - 2);
  }

  function show(slide: HTMLElement): void {
    const s = slides.find((x) => x.slide === slide);
    if (!s) return;
    const n = currentStep(slide);
    s.waiting = s.sync ? null : { step: n, until: performance.now() + 2000 };
    s.show(n);
  }

  const onMove = () => {
    const slide = deck.getCurrentSlide() as HTMLElement | undefined;
    if (slide) show(slide);
  };
  deck.on('slidechanged', onMove);
  deck.on('fragmentshown', onMove);
  deck.on('fragmenthidden', onMove);
  onMove();
}
