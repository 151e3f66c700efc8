// Meetings: sign-up with access needs, attendance, expenses paid on the day.
export const meetings = {
} as const;
