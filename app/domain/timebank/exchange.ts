// The shape of an exchange: who gave, who received, how many hours each. An ordinary exchange is
// one giver and one receiver. A group exchange is one giver and several receivers (a class: the
// giver earns the hours given and the receivers share them) or several givers and one receiver
// (a clean-up day for an organisation: the receiver pays the sum). Either way one entry balances.
import { DomainError, assert } from "../errors.js";
import { MAX_EXCHANGE_CENTIHOURS } from "./hours.js";

/** Postings per ledger entry are at most 100; a group of 50 keeps far inside that. */
export const MAX_GROUP_PARTIES = 50;
export const MAX_DESCRIPTION_CHARS = 500;

export interface PartyLine {
  memberId: number;
  centihours: bigint;
}

export interface ExchangeParties {
  givers: PartyLine[];
  receivers: PartyLine[];
}

/**
 * Splits `total` among `count` parties in hundredths of an hour, as evenly as possible; the
 * first parties take the odd hundredths so the shares always add up to the total.
 */
export function splitEvenly(total: bigint, count: number): bigint[] {
  assert(Number.isInteger(count) && count >= 1 && count <= MAX_GROUP_PARTIES, "a split has between 1 and 50 parts");
  assert(total > 0n, "a split divides a positive total");
  const n = BigInt(count);
  const base = total / n;
  const remainder = total % n;
  const shares = Array.from({ length: count }, (_, index) => base + (BigInt(index) < remainder ? 1n : 0n));
  assert(shares.reduce((sum, share) => sum + share, 0n) === total, "shares add up to the total");
  return shares;
}

/**
 * Builds the parties of an exchange: one giver to several receivers (the giver's hours are
 * shared among them) or several givers (each with their own hours) to one receiver.
 */
export function buildParties(input: { givers: PartyLine[]; receiverIds: number[] } | { giverId: number; hours: bigint; receiverIds: number[] }): ExchangeParties {
  if ("giverId" in input) {
    const receiverIds = [...new Set(input.receiverIds)];
    if (receiverIds.length === 0) throw new DomainError("timebank_receiver_missing", { field: "receiverIds" });
    const shares = receiverIds.length > MAX_GROUP_PARTIES ? [] : splitEvenly(input.hours, receiverIds.length);
    const parties = { givers: [{ memberId: input.giverId, centihours: input.hours }], receivers: receiverIds.map((memberId, index) => ({ memberId, centihours: shares[index]! })) };
    checkParties(parties);
    return parties;
  }
  const receiverIds = [...new Set(input.receiverIds)];
  if (receiverIds.length !== 1) throw new DomainError("timebank_group_shape", { field: "receiverIds" });
  const total = input.givers.reduce((sum, giver) => sum + giver.centihours, 0n);
  const parties = { givers: input.givers, receivers: [{ memberId: receiverIds[0]!, centihours: total }] };
  checkParties(parties);
  return parties;
}

/** The rules every exchange meets before it is stored; throws a DomainError for the first broken one. */
export function checkParties(parties: ExchangeParties): void {
  const { givers, receivers } = parties;
  if (givers.length === 0) throw new DomainError("timebank_giver_missing", { field: "giverId" });
  if (receivers.length === 0) throw new DomainError("timebank_receiver_missing", { field: "receiverIds" });
  if (givers.length > 1 && receivers.length > 1) throw new DomainError("timebank_group_shape", { field: "receiverIds" });
  if (givers.length + receivers.length > MAX_GROUP_PARTIES + 1) {
    throw new DomainError("timebank_group_too_big", { values: { maximum: MAX_GROUP_PARTIES }, field: "receiverIds" });
  }
  const ids = [...givers, ...receivers].map((party) => party.memberId);
  const giverIds = new Set(givers.map((party) => party.memberId));
  if (receivers.some((party) => giverIds.has(party.memberId))) throw new DomainError("timebank_exchange_with_self", { field: "receiverIds" });
  if (new Set(ids).size !== ids.length) throw new DomainError("timebank_member_repeated", { field: "receiverIds" });
  for (const party of [...givers, ...receivers]) {
    if (party.centihours <= 0n) throw new DomainError("timebank_share_too_small", { field: "hours" });
    if (party.centihours > MAX_EXCHANGE_CENTIHOURS * BigInt(MAX_GROUP_PARTIES)) throw new DomainError("timebank_hours_too_large", { values: { maximum: "24" }, field: "hours" });
  }
  const given = givers.reduce((sum, party) => sum + party.centihours, 0n);
  const received = receivers.reduce((sum, party) => sum + party.centihours, 0n);
  assert(given === received, "hours given equal hours received");
}

/** One line of text for the ledger memo: no control characters, at most 500 characters. */
export function memoText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, " ").trim().slice(0, MAX_DESCRIPTION_CHARS);
}
