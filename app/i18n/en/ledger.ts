// The ledger: the public ledger page, statements, verify and export.
export const ledger = {
} as const;
