/**
 * The alarm's sound: a two-tone "ding-dong" made with Web Audio oscillators (no sound file to ship or lose),
 * rung a few times until someone acknowledges or mutes. Browsers keep audio silent until the person has
 * clicked the page; then the state is 'blocked' and the banner offers a button that unlocks it.
 *
 * @example
 * alarmChime.ring();   // on 'alarm.fired'
 * alarmChime.stop();   // nothing left to acknowledge
 */

export type ChimeState = 'idle' | 'ringing' | 'blocked' | 'muted';

/** Five chimes, four seconds apart: long enough to be noticed across the room, short enough not to nag. */
const RINGS = 5;
const GAP_MS = 4_000;
/** A5 then E5, the familiar doorbell interval; each with a quiet octave overtone so it sounds like a bell. */
const TONES = [880, 659.25] as const;
const TONE_SPACING_S = 0.34;
/** How long to wait for the browser to start audio before deciding it is blocked. */
const UNLOCK_WAIT_MS = 400;

type AudioContextCtor = new () => AudioContext;

function audioContextCtor(): AudioContextCtor | null {
  const w = window as unknown as { AudioContext?: AudioContextCtor; webkitAudioContext?: AudioContextCtor };
  return w.AudioContext ?? w.webkitAudioContext ?? null;
}

function running(ctx: AudioContext): boolean {
  return ctx.state === 'running';
}

function playChime(ctx: AudioContext): void {
  const t0 = ctx.currentTime + 0.02;
  TONES.forEach((freq, i) => {
    const start = t0 + i * TONE_SPACING_S;
    for (const [mult, peak] of [
      [1, 0.32],
      [2, 0.06],
    ] as const) {
      const osc = ctx.createOscillator();
      osc.type = 'sine';
      osc.frequency.value = freq * mult;
      const gain = ctx.createGain();
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(peak, start + 0.012);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 1.1);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(start + 1.15);
    }
  });
}

export class AlarmChime {
  #ctx: AudioContext | null = null;
  #state: ChimeState = 'idle';
  #left = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  /** Waiting for the browser to start audio: a second ring in that moment would chime twice. */
  #waiting = false;
  readonly #listeners = new Set<() => void>();
  /** Chimes actually played since the page opened (the banner exposes it to e2e tests). */
  #played = 0;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly state = (): ChimeState => this.#state;
  readonly played = (): number => this.#played;

  /** A new alarm (or step): ring again, even if the last one was muted. */
  ring(): void {
    this.#clear();
    this.#left = RINGS;
    void this.#next();
  }

  /** Nothing left to acknowledge. */
  stop(): void {
    this.#clear();
    this.#left = 0;
    if (this.#state !== 'muted') this.#set('idle');
  }

  /** Silence until the next alarm fires. */
  mute(): void {
    this.#clear();
    this.#left = 0;
    this.#set('muted');
  }

  /** Called from a click: the browser now lets the page play sound. Plays what was waiting, or one chime to show it works. */
  async unlock(): Promise<void> {
    const ctx = this.#context();
    if (!ctx) return;
    await ctx.resume().catch(() => undefined);
    if (this.#state === 'ringing') return; // the click's own press already unlocked it
    if (this.#left === 0) this.#left = 1;
    await this.#next();
  }

  /** Browsers start audio only after a click or key press: create the context on the first one, so a later alarm can ring. */
  primeOnFirstGesture(): () => void {
    // Only unlock here; the context's statechange carries on whatever was waiting to ring.
    const prime = () => {
      const ctx = this.#context();
      if (ctx && !running(ctx)) void ctx.resume().catch(() => undefined);
    };
    const options = { capture: true } as const;
    window.addEventListener('pointerdown', prime, options);
    window.addEventListener('keydown', prime, options);
    return () => {
      window.removeEventListener('pointerdown', prime, options);
      window.removeEventListener('keydown', prime, options);
    };
  }

  #context(): AudioContext | null {
    if (this.#ctx) return this.#ctx;
    const Ctor = audioContextCtor();
    if (!Ctor) return null;
    const ctx = new Ctor();
    // A slow machine may start audio after we gave up waiting: whatever was waiting rings then.
    ctx.onstatechange = () => {
      if (running(ctx) && this.#state === 'blocked') void this.#next();
    };
    this.#ctx = ctx;
    return ctx;
  }

  async #ready(): Promise<AudioContext | null> {
    const ctx = this.#context();
    if (!ctx) return null;
    if (running(ctx)) return ctx;
    // A fresh context reports 'suspended' until the audio thread starts, even when allowed: give it a moment.
    await Promise.race([ctx.resume().catch(() => undefined), new Promise((r) => setTimeout(r, UNLOCK_WAIT_MS))]);
    return running(ctx) ? ctx : null;
  }

  async #next(): Promise<void> {
    this.#clear();
    if (this.#left <= 0 || this.#waiting) return;
    this.#waiting = true;
    const ctx = await this.#ready();
    this.#waiting = false;
    if (this.#left <= 0) return; // acknowledged or muted while waiting
    if (!ctx) {
      this.#set(audioContextCtor() ? 'blocked' : 'idle');
      return;
    }
    playChime(ctx);
    this.#played++;
    this.#left--;
    this.#set(this.#left > 0 ? 'ringing' : 'idle');
    if (this.#left > 0) this.#timer = setTimeout(() => void this.#next(), GAP_MS);
  }

  #clear(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #set(state: ChimeState): void {
    this.#state = state;
    for (const l of this.#listeners) l();
  }
}

/** One chime for the whole window: every banner instance (there is one) drives the same sound. */
export const alarmChime = new AlarmChime();
