/** The establishments of a candidature, the lead (établissement porteur) first. */
export function leadFirst<M extends { isLead: boolean }>(members: readonly M[]): M[] {
  return [...members].sort((a, b) => Number(b.isLead) - Number(a.isLead));
}
