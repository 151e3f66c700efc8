// The command line: usage, results and errors printed by `potluck`.
export const cli = {
} as const;
