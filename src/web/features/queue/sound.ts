/**
 * Sound without audio files: a chime and beeps generated with WebAudio, and the spoken call with
 * the browser's speech synthesis (an Indonesian voice only: no voice means a silent call, never
 * Indonesian read by an English voice). Browsers allow audio only after a user gesture, so pages
 * call `unlockAudio()` from a button.
 */

type Ctor = typeof AudioContext;
let ctx: AudioContext | null = null;

function audioContext(): AudioContext | null {
  if (ctx) return ctx;
  const C: Ctor | undefined = globalThis.AudioContext ?? (globalThis as unknown as { webkitAudioContext?: Ctor }).webkitAudioContext;
  if (!C) return null;
  try {
    ctx = new C();
  } catch {
    ctx = null;
  }
  return ctx;
}

/** True when sound can play without a gesture (e.g. a kiosk browser started with an autoplay flag). */
export function audioAllowed(): boolean {
  const c = audioContext();
  return !!c && c.state === 'running';
}

/** Call from a click/tap: resumes the audio context and wakes up speech synthesis. */
export async function unlockAudio(): Promise<boolean> {
  const c = audioContext();
  try {
    if (c && c.state !== 'running') await c.resume();
  } catch {
    // Stays locked.
  }
  try {
    const s = globalThis.speechSynthesis;
    if (s) {
      const u = new SpeechSynthesisUtterance(' ');
      u.volume = 0;
      s.speak(u);
    }
  } catch {
    // No speech on this device.
  }
  return !!c && c.state === 'running';
}

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Plays tones [frequency Hz, start s, duration s]; resolves when they are done. */
async function tones(list: Array<[number, number, number]>, volume = 0.25, type: OscillatorType = 'sine'): Promise<void> {
  const c = audioContext();
  if (!c || c.state !== 'running') return;
  const t0 = c.currentTime + 0.02;
  let end = 0;
  for (const [freq, start, dur] of list) {
    const osc = c.createOscillator();
    const gain = c.createGain();
    osc.type = type;
    osc.frequency.value = freq;
    const a = t0 + start;
    gain.gain.setValueAtTime(0.0001, a);
    gain.gain.exponentialRampToValueAtTime(volume, a + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, a + dur);
    osc.connect(gain).connect(c.destination);
    osc.start(a);
    osc.stop(a + dur + 0.05);
    // Nodes are freed once they stop and nothing references them.
    osc.onended = () => {
      osc.disconnect();
      gain.disconnect();
    };
    end = Math.max(end, start + dur);
  }
  await wait((end + 0.1) * 1000);
}

/** The display's three-note "ding-dong-ding" before a call (≈ 1.6 s). */
export const chime = () =>
  tones(
    [
      [659.25, 0, 0.7],
      [523.25, 0.45, 0.7],
      [783.99, 0.9, 0.9],
    ],
    0.3,
  );

/** The status page's alert when the citizen is called: three short beeps. */
export const beep = () =>
  tones(
    [
      [880, 0, 0.18],
      [880, 0.3, 0.18],
      [1175, 0.6, 0.3],
    ],
    0.35,
    'square',
  );

let voice: SpeechSynthesisVoice | null | undefined;

function pickVoice(): SpeechSynthesisVoice | null {
  const s = globalThis.speechSynthesis;
  if (!s) return null;
  const voices = s.getVoices();
  const id = voices.filter((v) => v.lang.replace('_', '-').toLowerCase().startsWith('id'));
  return id.find((v) => v.localService) ?? id[0] ?? null;
}

/** The Indonesian voice, once the browser has listed its voices (the list may come late). */
export function indonesianVoice(): SpeechSynthesisVoice | null {
  if (voice) return voice;
  voice = pickVoice();
  return voice;
}

/** Whether an Indonesian voice exists; re-checks when the browser updates its voice list. */
export function watchVoices(onChange: (available: boolean) => void): () => void {
  const s = globalThis.speechSynthesis;
  if (!s) {
    onChange(false);
    return () => undefined;
  }
  const update = () => {
    voice = pickVoice();
    onChange(!!voice);
  };
  update();
  s.addEventListener?.('voiceschanged', update);
  return () => s.removeEventListener?.('voiceschanged', update);
}

/** Speaks Indonesian text; resolves when done (or at once when there is no Indonesian voice). */
export function speak(text: string): Promise<void> {
  const s = globalThis.speechSynthesis;
  const v = indonesianVoice();
  if (!s || !v || !text) return Promise.resolve();
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(guard);
      u.onend = null;
      u.onerror = null;
      resolve();
    };
    const u = new SpeechSynthesisUtterance(text);
    u.voice = v;
    u.lang = v.lang || 'id-ID';
    u.rate = 0.9;
    u.onend = finish;
    u.onerror = finish;
    // Some engines never fire `end`: a long enough guard keeps the queue moving.
    const guard = setTimeout(() => {
      s.cancel();
      finish();
    }, 4_000 + text.length * 120);
    s.speak(u);
  });
}

export interface Announcement {
  key: string;
  text: string;
}

/**
 * Plays announcements one after the other (chime, then the spoken call, twice when asked), never
 * overlapping. The queue is bounded: after a long outage the replayed calls are all shown but
 * only the latest few are read out.
 */
export class Announcer {
  private queue: Announcement[] = [];
  private running = false;
  private disposed = false;
  enabled = false;

  constructor(
    private readonly opts: { maxQueue?: number; repeat?: number; onStart?: (a: Announcement) => void; onEnd?: (a: Announcement) => void } = {},
  ) {}

  announce(a: Announcement): void {
    if (this.disposed) return;
    this.queue.push(a);
    const max = this.opts.maxQueue ?? 8;
    if (this.queue.length > max) this.queue.splice(0, this.queue.length - max);
    void this.run();
  }

  get pending(): number {
    return this.queue.length;
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (!this.disposed && this.queue.length) {
        const a = this.queue.shift()!;
        this.opts.onStart?.(a);
        if (this.enabled) {
          await chime();
          for (let i = 0; i < (this.opts.repeat ?? 1) && !this.disposed; i++) {
            await speak(a.text);
            if (i + 1 < (this.opts.repeat ?? 1)) await wait(500);
          }
        } else {
          // Without sound the call is still highlighted for a moment.
          await wait(2_500);
        }
        this.opts.onEnd?.(a);
        await wait(400);
      }
    } finally {
      this.running = false;
    }
  }

  dispose(): void {
    this.disposed = true;
    this.queue.length = 0;
    try {
      globalThis.speechSynthesis?.cancel();
    } catch {
      // Nothing to stop.
    }
  }
}
