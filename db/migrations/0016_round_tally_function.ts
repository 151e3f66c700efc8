// A round's tally in one statement. Frozen once landed.
//
// Why: the tally is read for every load of the tally page and for every live push. As queries
// from the app it took six round trips (begin in repeatable read, a planner setting, the round,
// the turnout, the counts, commit), and on the servers we run on a round trip costs the app and
// the database more CPU than the small queries it carries.
//
// round_tally() is STABLE, so every query in it reads the snapshot of the one statement that
// calls it: turnout and counts always agree, as they did in one repeatable-read transaction.
// It decides, as the only place that does, whether this audience may see the counts: when the
// round's counts are public, when voting has closed, or for the round's officers. Hidden counts
// are not computed at all for anyone else.
//
// Nested loops are off, as in the transaction it replaces: counting reads most of a round's
// ballots, which a hash join does in one pass, while a planner that still believes the ballot
// table nearly empty (a round's first day) picks an index lookup per ballot. Plans are made
// for each call, as the queries it replaces were, so they follow the round's size.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create function round_tally(p_round_id integer, p_officer boolean)
    returns table (phase text, counts_visible boolean, turnout jsonb, projects jsonb, counts jsonb)
    language plpgsql stable
    set enable_nestloop = off
    set plan_cache_mode = force_custom_plan as $$
    declare
      v_phase text;
      v_live_counts text;
      v_projects jsonb;
      v_visible boolean;
      v_turnout jsonb;
      v_counts jsonb;
    begin
      select r.phase, r.live_counts, r.frozen_rules -> 'projects' into v_phase, v_live_counts, v_projects
        from budget_round r where r.id = p_round_id;
      if not found then
        return;
      end if;
      v_visible := v_live_counts = 'public' or v_phase = 'closed' or p_officer;
      select coalesce(jsonb_object_agg(t.channel, t.n), '{}'::jsonb) into v_turnout
        from (select b.channel, count(*) as n from ballot b
              where b.round_id = p_round_id and b.superseded_at is null group by b.channel) t;
      if v_visible then
        select coalesce(jsonb_agg(jsonb_build_array(c.proposal_id, c.votes, c.points)), '[]'::jsonb) into v_counts
          from (select bc.proposal_id, count(*) as votes, sum(bc.points)::int8 as points
                from ballot_choice bc join ballot b on b.id = bc.ballot_id
                where b.round_id = p_round_id and b.superseded_at is null
                group by bc.proposal_id) c;
      end if;
      return query select v_phase, v_visible, v_turnout,
        case when v_visible then coalesce(v_projects, '[]'::jsonb) end, v_counts;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function if exists round_tally(integer, boolean)`.execute(db);
}
