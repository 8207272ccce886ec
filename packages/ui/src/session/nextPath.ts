/**
 * Where to go after logging in: the login page carries the page the user wanted (`?suite=/…`), and only
 * a path of the same portal (never another site) is followed.
 */

/** Query parameter carrying the page to return to after logging in. */
export const NEXT_PARAM = "suite";

/** `next` when it is a path of this portal (`/…`, not `//host`), else `fallback`. */
export function safeNextPath(next: string | null | undefined, fallback: string): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : fallback;
}

/** The login page's URL that comes back to `current` (nothing to carry for the home page). */
export function loginPathFor(loginPath: string, current: string, homePath: string): string {
  return current === homePath
    ? loginPath
    : `${loginPath}?${NEXT_PARAM}=${encodeURIComponent(current)}`;
}
