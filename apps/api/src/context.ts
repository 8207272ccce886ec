/**
 * The per-request context: the data source, this request's DataLoaders (so relations are batched,
 * never N+1), and the clock. Services take it first.
 */
import type { DataSource, EntityManager } from "typeorm";
import { createLoaders, type Loaders } from "./loaders";

export interface RequestContext {
  dataSource: DataSource;
  loaders: Loaders;
  /** Today's date (YYYY-MM-DD, Europe/Paris): deadlines are civil dates in France. */
  today(): string;
  /** Runs `fn` in one transaction: a mutation writes all or nothing. */
  transaction<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T>;
}

export function parisToday(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Paris",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

export function createContext(dataSource: DataSource): RequestContext {
  return {
    dataSource,
    loaders: createLoaders(dataSource),
    today: () => parisToday(),
    transaction: (fn) => dataSource.transaction(fn),
  };
}
