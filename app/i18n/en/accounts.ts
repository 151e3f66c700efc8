// Accounts and people: registration, signing in, passwords, roles, the home page, emails.
export const accounts = {
} as const;
