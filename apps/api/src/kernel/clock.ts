/**
 * The request's clock: "now" and "today" (a civil date in Europe/Paris, where the procedure's deadlines
 * fall). Injected in the request context so that tests and the demo data can set "today".
 */
import type { IsoDate } from "@ldm/domain";

export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Today's date in Europe/Paris (YYYY-MM-DD). */
  today(): IsoDate;
}

export function parisDate(instant: Date): IsoDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Paris",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => parisDate(new Date()),
};

/**
 * A clock stopped at `at` (an instant, or a civil date taken at noon in Paris): what tests and the demo
 * seed use. `advance` moves it.
 */
export function fixedClock(at: Date | IsoDate): Clock & { advance(ms: number): void } {
  let instant = typeof at === "string" ? new Date(`${at}T12:00:00+01:00`) : new Date(at);
  return {
    now: () => new Date(instant),
    today: () => parisDate(instant),
    advance: (ms) => {
      instant = new Date(instant.getTime() + ms);
    },
  };
}
