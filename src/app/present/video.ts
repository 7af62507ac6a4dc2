/**
 * The video export (issue 13): the story, or a playback of the window, recorded as WebM in the browser
 * with no network. Each frame is composed on one canvas (video-frame.ts) and stamped with the real time
 * since the start, so story steps and the playback keep their timing however fast the machine draws.
 *
 * Encoded with WebCodecs (VP8) and written by webm-muxer where the browser has VideoEncoder: every
 * frame is kept and the file gets its duration and seek index. Elsewhere MediaRecorder records the
 * canvas (`captureStream`); it writes no duration, which fix-webm-duration adds. MediaRecorder was
 * tried first everywhere, but on a loaded machine it dropped every frame of a 1280×720 canvas and
 * wrote an empty file, as its encoder must keep up in real time; VideoEncoder waits for it.
 */
import fixWebmDuration from 'fix-webm-duration';
import { ArrayBufferTarget, Muxer } from 'webm-muxer';
import type { MapAdapter } from '../map/types';
import { drawLayers } from './snapshot';
import { drawFrame, type FrameParts } from './video-frame';
import { webmType } from './video-support';

/** What plays while recording: its length, and what to show at each moment (called once a frame). */
export interface VideoScript {
  durationMs: number;
  /** Called with the time since the start; shows what belongs there (a story step, the playhead's day). */
  at(elapsedMs: number): void;
}

export interface RecordOptions {
  width: number;
  height: number;
  script: VideoScript;
  /** Everything of a frame but the map's copy and the timeline's picture (they are taken here). */
  parts(): Omit<FrameParts, 'mapFrame' | 'timeline'>;
  map: MapAdapter | null;
  timelineEl: HTMLElement | null;
  signal?: AbortSignal;
  onProgress?(share: number): void;
  /** Frames per second asked of the recorder (the map may draw fewer on a slow machine). */
  fps?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Where frames go: an encoder and muxer, or a MediaRecorder. */
interface Sink {
  /** Takes the canvas as it is now, at `ms` since the start. */
  frame(ms: number): Promise<void>;
  /** The finished file (after the last frame at `ms`). */
  finish(ms: number): Promise<Blob>;
  close(): void;
}

async function codecsSink(canvas: HTMLCanvasElement, bitrate: number): Promise<Sink | null> {
  if (typeof VideoEncoder === 'undefined' || typeof VideoFrame === 'undefined') return null;
  const config: VideoEncoderConfig = { codec: 'vp8', width: canvas.width, height: canvas.height, bitrate, framerate: 30 };
  const support = await VideoEncoder.isConfigSupported(config).catch(() => null);
  if (!support?.supported) return null;
  const muxer = new Muxer({
    target: new ArrayBufferTarget(),
    firstTimestampBehavior: 'offset',
    video: { codec: 'V_VP8', width: canvas.width, height: canvas.height },
  });
  let failure: Error | null = null;
  const encoder = new VideoEncoder({ output: (chunk, meta) => muxer.addVideoChunk(chunk, meta), error: (e) => (failure = e) });
  encoder.configure(config);
  let n = 0;
  return {
    async frame(ms) {
      if (failure) throw failure;
      const f = new VideoFrame(canvas, { timestamp: Math.round(ms * 1000) });
      encoder.encode(f, { keyFrame: n++ % 48 === 0 });
      f.close();
      // A slow machine: let the encoder catch up rather than hold many frames in memory.
      while (encoder.encodeQueueSize > 4) await new Promise((r) => setTimeout(r, 10));
    },
    async finish() {
      await encoder.flush();
      if (failure) throw failure;
      muxer.finalize();
      return new Blob([muxer.target.buffer], { type: 'video/webm' });
    },
    close() {
      if (encoder.state !== 'closed') encoder.close();
    },
  };
}

function recorderSink(canvas: HTMLCanvasElement, bitrate: number): Sink {
  const type = webmType();
  if (!type) throw new Error('This browser cannot record video (no WebM encoder).');
  const stream = canvas.captureStream(0);
  const track = stream.getVideoTracks()[0] as (MediaStreamTrack & { requestFrame?: () => void }) | undefined;
  const recorder = new MediaRecorder(stream, { mimeType: type, videoBitsPerSecond: bitrate });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => {
    if (e.data.size) chunks.push(e.data);
  };
  const stopped = new Promise<void>((r) => (recorder.onstop = () => r()));
  let started = false;
  return {
    async frame() {
      track?.requestFrame?.();
      if (!started) {
        started = true;
        recorder.start(1000);
      }
    },
    async finish(ms) {
      recorder.stop();
      await stopped;
      const raw = new Blob(chunks, { type: 'video/webm' });
      if (!raw.size) throw new Error('the browser recorded no frames (the machine may be too busy)');
      return fixWebmDuration(raw, ms, { logger: false });
    },
    close() {
      if (recorder.state !== 'inactive') recorder.stop();
      for (const t of stream.getTracks()) t.stop();
    },
  };
}

/** Records the script; resolves to the WebM, or null when cancelled. */
export async function recordVideo(o: RecordOptions): Promise<Blob | null> {
  const canvas = document.createElement('canvas');
  canvas.width = o.width;
  canvas.height = o.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw on a canvas, so it cannot make a video.');
  const bitrate = o.width >= 1920 ? 8_000_000 : 4_000_000;
  const sink = (await codecsSink(canvas, bitrate)) ?? recorderSink(canvas, bitrate);

  // The timeline is redrawn as a picture now and then (rasterising its SVG costs more than a frame).
  const tl = document.createElement('canvas');
  let tlReady = false;
  let tlBusy = false;
  let tlAt = -Infinity;
  let tlDone: Promise<void> = Promise.resolve();
  const refreshTimeline = (now: number) => {
    const el = o.timelineEl;
    if (!el || tlBusy || now - tlAt < 300) return tlDone;
    tlBusy = true;
    tlAt = now;
    const box = el.getBoundingClientRect();
    tl.width = Math.max(1, Math.round(box.width * 1.5));
    tl.height = Math.max(1, Math.round(box.height * 1.5));
    const c = tl.getContext('2d');
    if (!c) return;
    c.fillStyle = '#ffffff';
    c.fillRect(0, 0, tl.width, tl.height);
    tlDone = drawLayers(c, el, { x: 0, y: 0, width: tl.width, height: tl.height }).finally(() => {
      tlBusy = false;
      tlReady = true;
    });
    return tlDone;
  };

  const draw = async (ms: number) => {
    const mapFrame = o.map?.capture ? await o.map.capture().catch(() => null) : null;
    drawFrame(ctx, o.width, o.height, { ...o.parts(), mapFrame, timeline: tlReady ? tl : null });
    await sink.frame(ms);
  };

  const fps = o.fps ?? 24;
  let cancelled = false;
  const onAbort = () => (cancelled = true);
  o.signal?.addEventListener('abort', onAbort);
  try {
    o.script.at(0);
    await refreshTimeline(performance.now());
    await draw(0); // the first frame is at 0: the script starts when it is in
    const start = performance.now();
    let t = 0;
    for (;;) {
      const now = performance.now();
      t = now - start;
      if (cancelled || t >= o.script.durationMs) break;
      o.script.at(t);
      o.onProgress?.(Math.min(1, t / o.script.durationMs));
      void refreshTimeline(now);
      await draw(t);
      await sleep(Math.max(0, 1000 / fps - (performance.now() - now)));
    }
    if (cancelled) return null;
    // The last frame with the timeline as it is now (the picture may be from before the last step).
    await tlDone;
    await refreshTimeline(Infinity);
    await draw(o.script.durationMs);
    const blob = await sink.finish(o.script.durationMs);
    o.onProgress?.(1);
    return blob;
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
    sink.close();
  }
}

/** A story told for the camera: step `first` to `last`, each held `seconds`. */
export function storyScript(first: number, last: number, seconds: number, goto: (n: number) => void): VideoScript {
  const n = Math.max(1, last - first + 1);
  const hold = seconds * 1000;
  let shown = -1;
  return {
    durationMs: n * hold,
    at(t) {
      const step = first + Math.min(n - 1, Math.floor(t / hold));
      if (step !== shown) {
        shown = step;
        goto(step);
      }
    },
  };
}

/** The window played: the playhead walks from its first day to its last in `seconds`. */
export function playbackScript(from: number, to: number, seconds: number, setCursor: (t: number) => void, day = 86_400_000): VideoScript {
  let last = NaN;
  return {
    durationMs: seconds * 1000,
    at(t) {
      const share = Math.min(1, t / (seconds * 1000));
      const cursor = from + Math.floor(((to - from) * share) / day) * day;
      if (cursor !== last) {
        last = cursor;
        setCursor(cursor);
      }
    },
  };
}
