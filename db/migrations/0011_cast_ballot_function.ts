// A ballot is cast in one statement: cast_ballot() takes the round's shared lock, checks the
// phase, the closing time, the channel and the voter's eligibility, replaces the voter's earlier
// ballot or uses up the code, and writes the ballot with its choices. Frozen once landed.
//
// Why a function: written from the app, a ballot took eight statements (BEGIN, the lock, the
// round, the voter, the replacement, the ballot, its choices, COMMIT), each a round trip, and on
// the servers we run on a round trip costs the app and the database more CPU than the work it
// carries. One statement is one round trip in its own transaction, and plpgsql keeps its
// plans for the session. The app still checks the ballot against the frozen rules before
// calling; the function refuses the call if the rules it was checked against (their sha256) are
// not the round's.
//
// With p_check_only the function makes the round's checks and returns without writing: the app
// calls it so when a ballot breaks the rules, to say "voting has closed" before "too many
// projects", as a person would expect.
//
// A refusal is raised with SQLSTATE PBV01 and the domain error's code as its message (the
// eligible area, when there is one, in DETAIL), so the app answers with the same errors as
// before.
import { sql, type Kysely } from "kysely";

const statements = [
  sql`create function cast_ballot(
      p_round_id integer,
      p_rules_hash text,
      p_channel text,
      p_voter_user_id integer,
      p_code_hash text,
      p_now timestamptz,
      p_receipt_hash text,
      p_choices jsonb,
      p_proposal_ids integer[],
      p_points integer[],
      p_ranks integer[],
      p_check_only boolean
    ) returns table (ballot_id integer, replaced boolean, voting_code_id integer)
    language plpgsql as $$
    declare
      v_round record;
      v_voter_area text;
      v_code_id integer;
      v_ballot_id integer;
      v_replaced boolean := false;
    begin
      if p_channel not in ('online', 'code') then
        raise exception 'cast_ballot takes online or code ballots, not %', p_channel;
      end if;
      if cardinality(p_proposal_ids) is distinct from cardinality(p_points) or cardinality(p_proposal_ids) is distinct from cardinality(p_ranks) then
        raise exception 'cast_ballot: choice arrays differ in length';
      end if;
      -- The round's shared lock (class "rnd" + 1): a phase change waits for this ballot.
      perform pg_advisory_xact_lock_shared(1919837185, p_round_id);
      select phase, voting_closes_at, frozen_rules_hash, allow_account_votes, allow_code_votes, area_only, area
        into v_round from budget_round where id = p_round_id;
      if not found then
        raise exception 'round_not_found' using errcode = 'PBV01';
      end if;
      if v_round.phase <> 'voting' or (v_round.voting_closes_at is not null and v_round.voting_closes_at <= p_now) then
        raise exception 'voting_closed' using errcode = 'PBV01';
      end if;
      if v_round.frozen_rules_hash is distinct from p_rules_hash then
        raise exception 'ballot_rules_changed' using errcode = 'PBV01';
      end if;
      if p_channel = 'online' then
        if not v_round.allow_account_votes then
          raise exception 'voting_accounts_not_allowed' using errcode = 'PBV01';
        end if;
        -- One voter's ballots queue on their own row, so replacing is never a race; the
        -- unique index on live ballots stays the final guarantee.
        select area into v_voter_area from app_user where id = p_voter_user_id for no key update;
        if not found then
          raise exception 'cast_ballot: no user %', p_voter_user_id;
        end if;
        if v_round.area_only and v_round.area is not null and lower(coalesce(v_voter_area, '')) <> lower(v_round.area) then
          raise exception 'voting_not_eligible_area' using errcode = 'PBV01', detail = v_round.area;
        end if;
        if p_check_only then
          return;
        end if;
        update ballot set superseded_at = p_now
          where round_id = p_round_id and voter_user_id = p_voter_user_id and superseded_at is null;
        v_replaced := found;
      else
        if not v_round.allow_code_votes then
          raise exception 'voting_codes_not_allowed' using errcode = 'PBV01';
        end if;
        if p_check_only then
          return;
        end if;
        update voting_code set used_at = p_now
          where code_hash = p_code_hash and round_id = p_round_id and used_at is null
          returning id into v_code_id;
        if v_code_id is null then
          if exists (select 1 from voting_code where code_hash = p_code_hash and round_id = p_round_id) then
            raise exception 'voting_code_used' using errcode = 'PBV01';
          end if;
          raise exception 'voting_code_invalid' using errcode = 'PBV01';
        end if;
      end if;
      insert into ballot (round_id, channel, voter_user_id, voting_code_id, receipt_hash, choices)
        values (p_round_id, p_channel, case when p_channel = 'online' then p_voter_user_id end, v_code_id, p_receipt_hash, p_choices)
        returning id into v_ballot_id;
      insert into ballot_choice (ballot_id, proposal_id, points, rank)
        select v_ballot_id, c.proposal_id, c.points, c.rank
        from unnest(p_proposal_ids, p_points, p_ranks) as c(proposal_id, points, rank);
      return query select v_ballot_id, v_replaced, v_code_id;
    end $$`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function if exists cast_ballot(integer, text, text, integer, text, timestamptz, text, jsonb, integer[], integer[], integer[], boolean)`.execute(db);
}
