// What the timebank's front page shows to whoever is looking: a member sees their balance,
// their week against the pledge and what waits for them; a coordinator sees links to the work.
import { toBigInt } from "../../domain/ledger/amount.js";
import { todayInLondon } from "../../domain/timebank/dates.js";
import type { CurrentUser } from "../current-user.js";
import { getAccount } from "../ledger/accounts.server.js";
import { listMemberExchanges, type ExchangeLine } from "./exchanges.server.js";
import { memberPledge, type MemberPledge } from "./pledges.server.js";
import { isCoordinatorOf, memberAccountCode, membershipOf, requireTimebank, type Membership, type Timebank, type TimebankDb } from "./timebanks.server.js";

export interface TimebankHome {
  timebank: Timebank;
  isCoordinator: boolean;
  membership: Membership | null;
  balanceCentihours: bigint | null;
  pledge: MemberPledge | null;
  exchanges: ExchangeLine[];
  /** Exchanges someone recorded as giving to this member, waiting for them to confirm. */
  toConfirm: ExchangeLine[];
  memberCount: number;
}

export async function timebankHome(db: TimebankDb, user: CurrentUser | null, slug: string, today = todayInLondon()): Promise<TimebankHome> {
  const timebank = await requireTimebank(db, slug);
  const membership = user ? await membershipOf(db, timebank.id, user.id) : null;
  const count = await db
    .selectFrom("timebank_member")
    .select((eb) => eb.fn.countAll<bigint>().as("n"))
    .where("timebank_id", "=", timebank.id)
    .where("status", "=", "active")
    .executeTakeFirstOrThrow();
  const home: TimebankHome = {
    timebank,
    isCoordinator: isCoordinatorOf(user, timebank),
    membership,
    balanceCentihours: null,
    pledge: null,
    exchanges: [],
    toConfirm: [],
    memberCount: Number(toBigInt(count.n)),
  };
  if (!user || !membership || membership.status !== "active") return home;
  const account = await getAccount(db, memberAccountCode(timebank.id, membership.memberId));
  home.balanceCentihours = account?.balanceMinor ?? 0n;
  home.pledge = await memberPledge(db, user, timebank, membership.memberId, today);
  home.exchanges = await listMemberExchanges(db, timebank.id, membership.memberId, 20);
  home.toConfirm = home.exchanges.filter((line) => line.status === "done" && line.side === "receiver");
  return home;
}

export interface TimebankListItem {
  slug: string;
  name: string;
  organisationName: string;
  description: string;
  myStatus: "applied" | "active" | "left" | null;
  isCoordinator: boolean;
}

export async function timebankList(db: TimebankDb, user: CurrentUser | null): Promise<TimebankListItem[]> {
  const timebanks = await db
    .selectFrom("timebank as t")
    .innerJoin("organisation as o", "o.id", "t.organisation_id")
    .select(["t.id", "t.slug", "t.name", "t.description", "t.organisation_id", "o.name as organisation_name"])
    .orderBy("t.name")
    .limit(100)
    .execute();
  const mine = user
    ? await db.selectFrom("timebank_member").select(["timebank_id", "status"]).where("user_id", "=", user.id).execute()
    : [];
  return timebanks.map((t) => ({
    slug: t.slug,
    name: t.name,
    organisationName: t.organisation_name,
    description: t.description,
    myStatus: mine.find((m) => m.timebank_id === t.id)?.status ?? null,
    isCoordinator: isCoordinatorOf(user, { organisationId: t.organisation_id }),
  }));
}
