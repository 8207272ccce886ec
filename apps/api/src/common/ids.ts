import { notFound } from "./errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `id` can be a primary key; a malformed id answers like a missing object. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}

export function assertUuidOrNotFound(what: string, id: string): void {
  if (!isUuid(id)) throw notFound(what, id);
}
