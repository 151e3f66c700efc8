import type { z } from "zod";
import type { RoundFormSchema } from "../domain/rounds/forms.js";
import type { RoundInput } from "../services/rounds/rounds.server.js";

export function roundInputFrom(data: z.output<typeof RoundFormSchema>): RoundInput {
  const { budget, ...rest } = data;
  return { ...rest, budgetMinor: budget };
}
