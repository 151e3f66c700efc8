// The timebank: members, offers and requests, exchanges, pledges, partners, rewards, reports.
export const timebank = {
} as const;
