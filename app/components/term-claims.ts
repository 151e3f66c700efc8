// Which <Term> on a page links to the jargon buster: only the first appearance of each term.
// A term is claimed by the first owner (a React id) that renders it; the same owner keeps its
// claim when it renders again, so re-renders and hydration give the same answer as the server.

export const MAX_TERMS_PER_PAGE = 500;

export class TermClaims {
  private readonly owners = new Map<string, string>();

  /** True when `ownerId` is the first appearance of `termId` on this page (and so links it). */
  claim(termId: string, ownerId: string): boolean {
    const owner = this.owners.get(termId);
    if (owner !== undefined) return owner === ownerId;
    if (this.owners.size >= MAX_TERMS_PER_PAGE) return false;
    this.owners.set(termId, ownerId);
    return true;
  }
}
