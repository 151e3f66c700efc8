// Running a timebank: the coordinator dashboard, reports, rewards, partners, settings, participation.
export const timebankAdmin = {
} as const;
