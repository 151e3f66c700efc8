// The three steps of voting, shared by residents' online voting and voting with a code:
// choose -> check your choices -> confirm. Each step is a plain form POST, so it works without
// JavaScript; the chosen projects travel in the form until the ballot is confirmed.
import { json, redirect } from "@remix-run/node";
import { BallotRejected, ballotFromForm, checkBallot, type BallotChoice } from "../domain/rounds/ballot.js";
import { messageFor } from "../domain/messages.js";
import { ballotRulesOf } from "../domain/rounds/rules.js";
import { serialiseBallotReceipt } from "./cookies.server.js";
import type { FormValues } from "./forms.server.js";
import { pageErrorFrom } from "./rounds.server.js";

export type BallotStep =
  | { step: "choose"; values: FormValues; errors?: { field: string; message: string }[] }
  | { step: "review"; values: FormValues; choices: BallotChoice[] };

/**
 * A confirmed ballot ends in a redirect to `donePath` (post/redirect/get: refreshing the
 * confirmation page never offers to send the ballot again); its receipt travels in a signed
 * cookie that the confirmation page reads once.
 */
export async function ballotStep(
  request: Request,
  round: { slug: string; ballot_type: "approval" | "knapsack" | "cumulative" | "ranked"; frozen_rules: unknown },
  values: FormValues,
  cast: (choices: BallotChoice[]) => Promise<{ receipt: string; replaced?: boolean }>,
  donePath: string,
) {
  const intent = values.intent;
  if (intent === "change") return json<BallotStep>({ step: "choose", values });
  const parsed = ballotFromForm(round.ballot_type, values);
  const check = parsed.problems.length > 0 ? { ok: false as const, problems: parsed.problems } : checkBallot(ballotRulesOf(round), parsed.choices);
  if (!check.ok) {
    const messages = [...new Set(check.problems.map((p) => messageFor(new BallotRejected([p]))))];
    return json<BallotStep>({ step: "choose", values, errors: messages.map((message) => ({ field: "ballot", message })) }, { status: 400 });
  }
  if (intent !== "confirm") return json<BallotStep>({ step: "review", values, choices: check.choices });
  try {
    const result = await cast(check.choices);
    const cookie = await serialiseBallotReceipt(request, { roundSlug: round.slug, receipt: result.receipt, replaced: result.replaced ?? false });
    return redirect(donePath, { status: 303, headers: { "Set-Cookie": cookie } });
  } catch (error) {
    const problem = pageErrorFrom(error);
    return json<BallotStep>({ step: "choose", values, errors: [{ field: problem.field === "code" ? "code" : "ballot", message: problem.message }] }, { status: 409 });
  }
}
