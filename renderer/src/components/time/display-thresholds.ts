/**
 * When a countdown a person sees changes colour, stated once for every screen. Statutory periods run in days
 * and turn amber three days before they end; a warning's feedback and supervision run in hours and turn amber
 * in their last twelve; a handover lists only what falls due within a day, all of it amber, and red in the
 * last six hours. Everything is red once it has run out.
 */
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type CountdownScale = 'days' | 'hours' | 'shift';

export interface Thresholds {
  /** Red from this long before the end (0: only once it has passed). */
  readonly redWithin: number;
  /** Amber from this long before the end (Infinity: always, until red). */
  readonly amberWithin: number;
}

export const COUNTDOWN_THRESHOLDS: Readonly<Record<CountdownScale, Thresholds>> = {
  days: { redWithin: 0, amberWithin: 3 * DAY_MS },
  hours: { redWithin: 0, amberWithin: 12 * HOUR_MS },
  shift: { redWithin: 6 * HOUR_MS, amberWithin: Infinity },
};

/** The home page's "3日内到期" figure counts the deadlines that are amber on the days scale. */
export const DUE_SOON_MS = COUNTDOWN_THRESHOLDS.days.amberWithin;
