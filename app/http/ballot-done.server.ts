// The confirmation page after a ballot: shows the receipt from the signed cookie once, then
// clears it, so the next person at a shared computer cannot read it.
import { json, redirect } from "@remix-run/node";
import { clearBallotReceipt, readBallotReceipt } from "./cookies.server.js";

export async function ballotDone(request: Request, expectedRoundSlug: string | null, otherwise: string) {
  const receipt = await readBallotReceipt(request.headers.get("Cookie"));
  if (!receipt || (expectedRoundSlug !== null && receipt.roundSlug !== expectedRoundSlug)) throw redirect(otherwise);
  return json(receipt, { headers: { "Set-Cookie": await clearBallotReceipt(request), "Cache-Control": "no-store" } });
}
