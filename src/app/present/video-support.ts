/**
 * What the Share dialog needs to offer the video export, without the export itself: whether this
 * browser can record, and the sizes on offer. The recorder (video.ts, with webm-muxer and
 * fix-webm-duration) is a chunk of its own, fetched when a recording starts.
 */
export const VIDEO_SIZES = [
  { id: '720p', width: 1280, height: 720 },
  { id: '1080p', width: 1920, height: 1080 },
] as const;
export type VideoSize = (typeof VIDEO_SIZES)[number]['id'];

/** Whether this browser can make the video at all (WebCodecs, or MediaRecorder for WebM). */
export function canRecordVideo(): boolean {
  return typeof VideoEncoder !== 'undefined' || webmType() !== null;
}

/** The WebM flavour this browser records, or null when it records none. */
export function webmType(): string | null {
  if (typeof MediaRecorder === 'undefined') return null;
  for (const t of ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm']) if (MediaRecorder.isTypeSupported(t)) return t;
  return null;
}

/** What the Share dialog asks of the video export (Presentation.svelte records it). */
export interface VideoRequest {
  what: 'story' | 'window';
  size: VideoSize;
  /** Per story step, or the whole playback of the window. */
  seconds: number;
  signal: AbortSignal;
  onProgress(share: number): void;
}
