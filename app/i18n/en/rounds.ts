// Budget rounds: the round pages, proposals, debate, voting, codes, paper ballots, the tally.
export const rounds = {
} as const;
