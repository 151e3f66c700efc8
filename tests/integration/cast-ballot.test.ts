// A ballot is cast in one statement (cast_ballot(), migration 0011), and a ballot's round and
// proposals are checked by triggers instead of row-locking foreign keys (migration 0012).
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "../../db/client.js";
import { DomainError } from "../../app/domain/errors.js";
import { movePhase } from "../../app/services/rounds/rounds.server.js";
import { castCodeBallot, castOnlineBallot, generateVotingCodes } from "../../app/services/rounds/voting.server.js";
import { testDatabases } from "./databases.js";
import { person, roundInVoting } from "./rounds-fixtures.js";

async function domainError(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const approve = (...ids: number[]) => ids.map((proposalId) => ({ proposalId, points: 1, rank: null }));

async function ballotsIn(handle: DbHandle, roundId: number) {
  const rows = await sql<{ ballots: number; choices: number }>`
    select (select count(*)::int from ballot where round_id = ${roundId}) as ballots,
      (select count(*)::int from ballot_choice c join ballot b on b.id = c.ballot_id where b.round_id = ${roundId}) as choices`.execute(handle.db);
  return rows.rows[0]!;
}

describe.each(testDatabases)("casting a ballot in one statement on $name", (database) => {
  let handle: DbHandle & { url?: string };
  beforeAll(async () => {
    handle = await database.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("says the round has closed, or the voter may not vote, before what is wrong with the ballot", async () => {
    const { roundId, officer, projectIds } = await roundInVoting(handle, { areaOnly: true, area: "Riverside" });
    const outsider = await person(handle, "Hilltop Resident", { area: "Hilltop" });
    const insider = await person(handle, "Riverside Resident", { area: "riverside" });
    const tooMany = approve(...projectIds, ...projectIds);
    const refused = await domainError(castOnlineBallot(handle.db, outsider, roundId, tooMany));
    expect(refused).toMatchObject({ code: "voting_not_eligible_area", status: 403, values: { area: "Riverside" } });
    expect((await domainError(castOnlineBallot(handle.db, outsider, roundId, approve(projectIds[0]!)))).code).toBe("voting_not_eligible_area");
    expect((await domainError(castOnlineBallot(handle.db, insider, roundId, tooMany))).code).toBe("ballot_duplicate_project");
    await castOnlineBallot(handle.db, insider, roundId, approve(projectIds[0]!));
    await movePhase(handle.db, officer, roundId, "closed", "Close");
    expect((await domainError(castOnlineBallot(handle.db, insider, roundId, tooMany))).code).toBe("voting_closed");
    expect((await domainError(castOnlineBallot(handle.db, insider, roundId, approve(projectIds[1]!)))).code).toBe("voting_closed");
    expect(await ballotsIn(handle, roundId)).toEqual({ ballots: 1, choices: 1 });
  });

  it("refuses a ballot at the closing time given, even while the phase still says voting", async () => {
    const closesAt = new Date(Date.now() + 60_000);
    const { roundId, resident, projectIds } = await roundInVoting(handle, { votingClosesAt: closesAt });
    expect((await domainError(castOnlineBallot(handle.db, resident, roundId, approve(projectIds[0]!), closesAt))).code).toBe("voting_closed");
    const accepted = await castOnlineBallot(handle.db, resident, roundId, approve(projectIds[0]!), new Date(closesAt.getTime() - 1));
    expect(accepted.replacedEarlierBallot).toBe(false);
  });

  it("refuses votes from accounts or with codes when the round does not take them", async () => {
    const noAccounts = await roundInVoting(handle, { allowAccountVotes: false });
    expect(await domainError(castOnlineBallot(handle.db, noAccounts.resident, noAccounts.roundId, approve(noAccounts.projectIds[0]!)))).toMatchObject({ code: "voting_accounts_not_allowed", status: 403 });
    const noCodes = await roundInVoting(handle, { allowCodeVotes: false });
    expect(await domainError(castCodeBallot(handle.db, noCodes.roundId, "AAAA-BBBB-CCCC", approve(noCodes.projectIds[0]!)))).toMatchObject({ code: "voting_codes_not_allowed", status: 403 });
    expect(await ballotsIn(handle, noAccounts.roundId)).toEqual({ ballots: 0, choices: 0 });
  });

  it("refuses a code from another round as unknown, and uses nothing up", async () => {
    const first = await roundInVoting(handle);
    const second = await roundInVoting(handle);
    const [code] = await generateVotingCodes(handle.db, first.officer, first.roundId, 1, "Library");
    expect(await domainError(castCodeBallot(handle.db, second.roundId, code!, approve(second.projectIds[0]!)))).toMatchObject({ code: "voting_code_invalid", field: "code" });
    const used = await handle.db.selectFrom("voting_code").select("used_at").where("round_id", "=", first.roundId).executeTakeFirstOrThrow();
    expect(used.used_at).toBeNull();
    await castCodeBallot(handle.db, first.roundId, code!, approve(first.projectIds[0]!));
    expect(await ballotsIn(handle, first.roundId)).toEqual({ ballots: 1, choices: 1 });
  });

  it("refuses a ballot checked against rules that are not the round's, and the service checks again against the round's", async () => {
    const { roundId, resident, projectIds } = await roundInVoting(handle, { maxChoices: 3 });
    // Kept by this process: max 3 choices.
    await castOnlineBallot(handle.db, resident, roundId, approve(projectIds[0]!));
    const cast = (hash: string) => sql`select * from cast_ballot(${roundId}::int, ${hash}::text, 'online', ${resident.user!.id}::int, null, now(), ${"f".repeat(64)}, '[]'::jsonb, '{}'::int[], '{}'::int[], '{}'::int[], false)`.execute(handle.db);
    await expect(cast("0".repeat(64))).rejects.toMatchObject({ code: "PBV01", message: "ballot_rules_changed" });
    // The rules change behind the app's back (as a restored database might): one choice only.
    const round = await handle.db.selectFrom("budget_round").select(["frozen_rules"]).where("id", "=", roundId).executeTakeFirstOrThrow();
    const rules = { ...(round.frozen_rules as Record<string, unknown>), maxChoices: 1 };
    await sql`alter table budget_round disable trigger budget_round_rules_frozen`.execute(handle.db);
    try {
      await sql`update budget_round set frozen_rules = ${JSON.stringify(rules)}::jsonb, frozen_rules_hash = ${"a".repeat(64)} where id = ${roundId}`.execute(handle.db);
    } finally {
      await sql`alter table budget_round enable trigger budget_round_rules_frozen`.execute(handle.db);
    }
    expect((await domainError(castOnlineBallot(handle.db, resident, roundId, approve(projectIds[0]!, projectIds[1]!)))).code).toBe("ballot_too_many");
    const replaced = await castOnlineBallot(handle.db, resident, roundId, approve(projectIds[1]!));
    expect(replaced.replacedEarlierBallot).toBe(true);
  });

  it("keeps rounds, proposals and ballots that others refer to: no deleting them, no new ids", async () => {
    const { roundId, projectIds, resident } = await roundInVoting(handle);
    await expect(sql`delete from budget_round where id = ${roundId}`.execute(handle.db)).rejects.toThrow(/delete of budget_round .* is not allowed/);
    await expect(sql`delete from proposal where id = ${projectIds[0]!}`.execute(handle.db)).rejects.toThrow(/delete of proposal .* is not allowed/);
    await expect(sql`update proposal set id = default where id = ${projectIds[0]!}`.execute(handle.db)).rejects.toThrow(/update of proposal .* is not allowed/);
    const cast = await castOnlineBallot(handle.db, resident, roundId, approve(projectIds[0]!));
    await expect(sql`delete from ballot where id = ${cast.ballotId}`.execute(handle.db)).rejects.toThrow(/delete of ballot .* is not allowed/);
    const still = await handle.db.selectFrom("proposal").select("id").where("round_id", "=", roundId).execute();
    expect(still.map((p) => p.id).sort()).toEqual([...projectIds].sort());
  });

  it("refuses a ballot for no round, and a choice of a proposal from another round, as foreign keys did", async () => {
    const mine = await roundInVoting(handle);
    const other = await roundInVoting(handle);
    const noRound = sql`insert into ballot (round_id, channel, voter_user_id, receipt_hash, choices) values (999999, 'online', ${mine.resident.user!.id}, ${"b".repeat(64)}, '[]')`;
    await expect(noRound.execute(handle.db)).rejects.toMatchObject({ code: "23503", message: expect.stringContaining("ballot_round_id_fkey") });
    const wrongProposal = handle.db.transaction().execute(async (trx) => {
      const ballot = await trx.insertInto("ballot").values({ round_id: mine.roundId, channel: "online", voter_user_id: mine.resident.user!.id, receipt_hash: "c".repeat(64), choices: "[]" }).returning("id").executeTakeFirstOrThrow();
      await trx.insertInto("ballot_choice").values([{ ballot_id: ballot.id, proposal_id: mine.projectIds[0]!, points: 1, rank: null }, { ballot_id: ballot.id, proposal_id: other.projectIds[0]!, points: 1, rank: null }]).execute();
    });
    await expect(wrongProposal).rejects.toMatchObject({ code: "23503", message: expect.stringContaining("ballot_choice_proposal_id_fkey") });
    const noBallot = sql`insert into ballot_choice (ballot_id, proposal_id, points) values (999999, ${mine.projectIds[0]!}, 1)`;
    await expect(noBallot.execute(handle.db)).rejects.toMatchObject({ code: "23503", message: expect.stringContaining("ballot_choice_ballot_id_fkey") });
    expect(await ballotsIn(handle, mine.roundId)).toEqual({ ballots: 0, choices: 0 });
  });

  it("reads a handful of ballots to cast one, however many the round holds, even on plans made when it held none", async () => {
    const { roundId, projectIds } = await roundInVoting(handle);
    const frozen = await handle.db.selectFrom("budget_round").select("frozen_rules_hash").where("id", "=", roundId).executeTakeFirstOrThrow();
    // One connection throughout, so the plans it keeps are the ones measured.
    const one = database.name === "postgres" ? await createDb({ databaseUrl: handle.url!, poolMax: 1 }) : handle;
    try {
      const voters = (await sql<{ id: number }>`
        insert into app_user (name, email, email_normalised, area)
        select 'Crowd ' || g, 'crowd' || g || '-' || ${roundId} || '@example.org', 'crowd' || g || '-' || ${roundId} || '@example.org', 'Riverside'
        from generate_series(1, 3010) g returning id`.execute(one.db)).rows.map((r) => r.id);
      let next = 0;
      const cast = (db: typeof one.db) => sql<{ ballot_id: number }>`select ballot_id from cast_ballot(${roundId}::int, ${frozen.frozen_rules_hash}::text, 'online', ${voters[next++]!}::int, null,
        now(), ${randomBytes(32).toString("hex")}::text, '[]'::jsonb, ${[projectIds[0]!, projectIds[1]!]}::int[], '{1,1}'::int[], '{NULL,NULL}'::int[], false)`.execute(db);
      // A round's first ballots, analysed as autovacuum would early in a round (or a database-wide
      // ANALYZE before it), then enough ballots for PostgreSQL to settle on the plans it keeps.
      for (let i = 0; i < 5; i++) await cast(one.db);
      await sql`analyze ballot, ballot_choice`.execute(one.db);
      for (let i = 0; i < 5; i++) await cast(one.db);
      await sql`insert into ballot (round_id, channel, voter_user_id, receipt_hash, choices)
        select ${roundId}, 'online', v, md5(v::text) || md5('r' || v::text), '[]' from unnest(${voters.slice(10, 3000)}::int[]) v`.execute(one.db);
      const read = await one.db.transaction().execute(async (trx) => {
        await cast(trx);
        const counts = await sql<{ fetched: string; scanned: string }>`
          select pg_stat_get_xact_tuples_fetched('ballot'::regclass)::text as fetched, pg_stat_get_xact_tuples_returned('ballot'::regclass)::text as scanned`.execute(trx);
        return counts.rows[0]!;
      });
      // Rows of the ballot table read to cast one ballot among 3,000: 15,199 before the plans
      // were made to scale (migration 0013); about a hundred on PGlite with 0013 alone; with the
      // ballot functions' plans kept on indexes (0014), none on PostgreSQL and a dozen on PGlite.
      expect(Number(read.fetched) + Number(read.scanned)).toBeLessThan(100);
    } finally {
      if (one !== handle) await one.close();
    }
  });

  it.runIf(database.name === "postgres")("takes no lock on the round's row: a ballot goes through while another session holds it", async () => {
    const { roundId, resident, projectIds } = await roundInVoting(handle);
    const holder = new pg.Client({ connectionString: handle.url });
    await holder.connect();
    try {
      await holder.query("begin");
      // FOR UPDATE conflicts with the FOR KEY SHARE a foreign key check takes.
      await holder.query("select id from budget_round where id = $1 for update", [roundId]);
      await holder.query("select id from proposal where round_id = $1 for update", [roundId]);
      const outcome = await Promise.race([
        castOnlineBallot(handle.db, resident, roundId, approve(projectIds[0]!)).then(() => "cast"),
        new Promise((resolve) => setTimeout(() => resolve("waited"), 5_000)),
      ]);
      expect(outcome).toBe("cast");
    } finally {
      await holder.query("rollback").catch(() => undefined);
      await holder.end();
    }
    expect(await ballotsIn(handle, roundId)).toEqual({ ballots: 1, choices: 1 });
  });
});
