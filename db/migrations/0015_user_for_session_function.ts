// The person a session belongs to, by a function whose plan each connection keeps. Frozen once
// landed.
//
// Why: every signed-in request starts by finding its person (with their roles) from the
// session cookie. As a plain query, PostgreSQL parsed and planned it on every request, and the
// planning cost more than running it. plpgsql keeps the plan of its query for the life of the
// connection. Sequential scans are off inside it for the reason of 0014: a plan kept from when a
// table was small must still be an index plan when the table is large.
//
// Measured with pgbench on a 2-CPU machine, 4 clients, 20,000 sessions: 6,100-6,300 lookups a
// second as a query, 12,000-13,500 through the function.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create function user_for_session(p_token_hash text, p_now timestamptz)
    returns table (id integer, name text, email text, area text, must_change_password boolean, large_print boolean, roles text)
    language plpgsql stable set enable_seqscan = off as $$
    begin
      return query
        select u.id, u.name, u.email, u.area, u.must_change_password, u.large_print,
          (select coalesce(json_agg(json_build_array(r.role, r.organisation_id) order by r.id), '[]')::text
            from user_role r where r.user_id = u.id)
        from session s join app_user u on u.id = s.user_id
        where s.token_hash = p_token_hash and s.expires_at > p_now;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function if exists user_for_session(text, timestamptz)`.execute(db);
}
