// Results of a round: counting, explanations, delivery, imports and exports of Pabulib files.
export const results = {
} as const;
