// Co-production: teams, self-reflection, the checklist, Working Together for Change.
export const coproduction = {
} as const;
