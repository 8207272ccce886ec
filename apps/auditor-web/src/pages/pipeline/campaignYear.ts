/**
 * The year of a candidature in the regional team's pipeline: the school year (September to August) of
 * its audit, or of its opening while no audit is scheduled. (The API filters by académie and kind; the
 * year is read here until it filters by year too.)
 */
export function schoolYearOfDate(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const start = month >= 9 ? year : year - 1;
  return `${start}-${start + 1}`;
}

export function campaignYear(c: { auditDate?: string | null; createdAt: string }): string {
  // `createdAt` is an instant: its civil date in Paris decides (a 31 August 23:30 UTC is September).
  const opened = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Paris",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(c.createdAt));
  return schoolYearOfDate(c.auditDate ?? opened);
}
