// The ledger's row checks move from CHECK constraints into the triggers that already run for
// every row. Frozen once landed.
//
// Why: PostgreSQL rebuilds every CHECK expression of a table from its stored text once per
// statement, and a posting runs several statements per row (the entry, its postings and one
// balance update per account). Profiled, those rebuilds and evaluations were a fifth of the
// database's work per transfer. plpgsql keeps its compiled expressions for the session, so the
// same rules cost far less there. Entries and postings are append-only, so checking them when
// they are inserted is checking them for good; on accounts, the rules for fields a person may
// change (name, owner, bounds) run in the guard on insert and on every direct update, and the
// balance stays a CHECK (against its bounds), as the balance changes on every posting.
//
// Errors keep their SQLSTATE (23514 check_violation) and constraint names, so callers and
// tests see exactly what they saw before.
//
// Posting uses generic plans (see the end of this file).
//
// The per-posting commit check goes too: the entry's own deferred check covers its postings,
// and a posting added after that check ran early (SET CONSTRAINTS ... IMMEDIATE) is refused
// when it is inserted (LD022) rather than checked a second time at commit.
import { sql, type Kysely } from "kysely";

const accountChecks = [
  "ledger_account_code_check",
  "ledger_account_head_hash_check",
  "ledger_account_max_balance_minor_check",
  "ledger_account_min_balance_minor_check",
  "ledger_account_name_check",
  "ledger_account_owner",
  "ledger_account_owner_id_check",
  "ledger_account_owner_type_check",
  "ledger_account_version_check",
];
const entryChecks = [
  "ledger_entry_created_by_check",
  "ledger_entry_hash_check",
  "ledger_entry_idempotency_key_check",
  "ledger_entry_kind_check",
  "ledger_entry_memo_check",
  "ledger_entry_metadata_check",
  "ledger_entry_not_self_reversal",
  "ledger_entry_request_hash_check",
];
const postingChecks = [
  "ledger_posting_account_version_check",
  "ledger_posting_amount_minor_check",
  "ledger_posting_hash_check",
  "ledger_posting_prev_hash_check",
];

const statements = [
  // One place that raises a check violation under a given constraint name.
  sql`create function ledger_refuse_check(p_table text, p_constraint text) returns void language plpgsql as $$
    begin
      raise exception 'new row for relation "%" violates check constraint "%"', p_table, p_constraint
        using errcode = 'check_violation', constraint = p_constraint, table = p_table;
    end $$`,

  sql`create or replace function ledger_account_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        if new.balance_minor <> 0 or new.version <> 0 or new.head_hash <> ledger_zero_hash()
            or new.last_entry_id is not null then
          raise exception 'a new ledger account starts with a zero balance and no history'
            using errcode = 'LD008', detail = new.code;
        end if;
        if (length(new.code) <= 120 and new.code ~ '^[a-z0-9][a-z0-9._-]*(:[a-z0-9][a-z0-9._-]*)*$') is false then
          perform ledger_refuse_check('ledger_account', 'ledger_account_code_check');
        end if;
      else
        if new.id <> old.id or new.code <> old.code or new.unit <> old.unit or new.created_at <> old.created_at then
          raise exception 'the code, unit and creation time of ledger account % cannot change', old.code
            using errcode = 'LD009', detail = old.code;
        end if;
        if new.balance_minor <> old.balance_minor or new.version <> old.version
            or new.head_hash <> old.head_hash or new.last_entry_id is distinct from old.last_entry_id then
          raise exception 'the balance of ledger account % changes only by posting an entry', old.code
            using errcode = 'LD010', detail = old.code;
        end if;
      end if;
      if (length(new.name) between 1 and 200 and new.name !~ '[[:cntrl:]]') is false then
        perform ledger_refuse_check('ledger_account', 'ledger_account_name_check');
      end if;
      if (new.owner_type is null) <> (new.owner_id is null) then
        perform ledger_refuse_check('ledger_account', 'ledger_account_owner');
      end if;
      if (length(new.owner_id) between 1 and 100) is false then
        perform ledger_refuse_check('ledger_account', 'ledger_account_owner_id_check');
      end if;
      if (new.owner_type ~ '^[a-z][a-z_]{0,39}$') is false then
        perform ledger_refuse_check('ledger_account', 'ledger_account_owner_type_check');
      end if;
      if (new.min_balance_minor between -1000000000000000 and 0) is false then
        perform ledger_refuse_check('ledger_account', 'ledger_account_min_balance_minor_check');
      end if;
      if (new.max_balance_minor between 0 and 1000000000000000) is false then
        perform ledger_refuse_check('ledger_account', 'ledger_account_max_balance_minor_check');
      end if;
      return new;
    end $$`,
  ...accountChecks.map((name) => sql`alter table ledger_account drop constraint ${sql.id(name)}`),

  sql`create or replace function ledger_entry_seal() returns trigger language plpgsql as $$
    declare
      v_hash bytea;
    begin
      if (new.idempotency_key ~ '^[!-~]{1,200}$') is false then
        perform ledger_refuse_check('ledger_entry', 'ledger_entry_idempotency_key_check');
      end if;
      if (new.request_hash ~ '^[0-9a-f]{64}$') is false then
        perform ledger_refuse_check('ledger_entry', 'ledger_entry_request_hash_check');
      end if;
      if (new.kind ~ '^[a-z][a-z0-9_]{0,39}$') is false then
        perform ledger_refuse_check('ledger_entry', 'ledger_entry_kind_check');
      end if;
      if (length(new.memo) <= 500 and new.memo !~ '[[:cntrl:]]') is false then
        perform ledger_refuse_check('ledger_entry', 'ledger_entry_memo_check');
      end if;
      if new.metadata <> '{}'::jsonb and ledger_metadata_ok(new.metadata) is false then
        perform ledger_refuse_check('ledger_entry', 'ledger_entry_metadata_check');
      end if;
      if (length(new.created_by) between 1 and 100 and new.created_by !~ '[[:cntrl:]]') is false then
        perform ledger_refuse_check('ledger_entry', 'ledger_entry_created_by_check');
      end if;
      if new.reverses_entry_id >= new.id then
        perform ledger_refuse_check('ledger_entry', 'ledger_entry_not_self_reversal');
      end if;
      v_hash := sha256(convert_to(ledger_entry_content(new.id, new.idempotency_key, new.request_hash,
        new.kind, new.memo, new.created_by, new.created_at, new.reverses_entry_id, new.metadata), 'UTF8'));
      if new.hash is not null and new.hash <> v_hash then
        raise exception 'the hash of ledger entry % does not match its content', new.id using errcode = 'LD007';
      end if;
      if new.created_xact <> pg_current_xact_id() then
        raise exception 'ledger entry % must be created by the current transaction', new.id using errcode = 'LD007';
      end if;
      new.hash := v_hash;
      return new;
    end $$`,
  ...entryChecks.map((name) => sql`alter table ledger_entry drop constraint ${sql.id(name)}`),

  sql`create or replace function ledger_posting_chain() returns trigger language plpgsql as $$
    declare
      v_code text; v_unit text; v_balance bigint; v_version bigint; v_head bytea; v_last_entry bigint;
      v_min bigint; v_max bigint; v_entry_hash bytea; v_entry_xact xid8; v_after bigint; v_hash bytea;
    begin
      if (new.amount_minor <> 0 and new.amount_minor between -100000000000 and 100000000000) is false then
        perform ledger_refuse_check('ledger_posting', 'ledger_posting_amount_minor_check');
      end if;
      -- Entries of this transaction up to this id have had their commit check already (it was
      -- made to run early): a posting added now would escape it.
      if new.entry_id <= coalesce(nullif(current_setting('potluck.ledger_checked_upto', true), '')::bigint, 0) then
        raise exception 'ledger entry % has been checked already: add postings before its balance check', new.entry_id
          using errcode = 'LD022';
      end if;
      -- No lock here: ledger_post_entry has locked the accounts in id order. A writer that did
      -- not lock is caught by the version check on the update below (and the unique version).
      select a.code, a.unit, a.balance_minor, a.version, a.head_hash, a.last_entry_id,
             a.min_balance_minor, a.max_balance_minor
        into v_code, v_unit, v_balance, v_version, v_head, v_last_entry, v_min, v_max
        from ledger_account a where a.id = new.account_id;
      if not found then
        raise exception 'ledger account % does not exist', new.account_id
          using errcode = 'LD001', detail = new.account_id::text;
      end if;
      if new.unit is distinct from v_unit then
        raise exception 'ledger account % counts in %, not %', v_code, v_unit, new.unit
          using errcode = 'LD004', detail = v_code;
      end if;
      if v_last_entry is not null and new.entry_id <= v_last_entry then
        raise exception 'entry % is older than the last entry (%) on ledger account %', new.entry_id, v_last_entry, v_code
          using errcode = 'LD018', detail = v_code;
      end if;
      select e.hash, e.created_xact into v_entry_hash, v_entry_xact from ledger_entry e where e.id = new.entry_id;
      if not found then
        raise exception 'ledger entry % does not exist', new.entry_id using errcode = 'LD019';
      end if;
      if v_entry_xact <> pg_current_xact_id() then
        raise exception 'ledger entry % is closed: postings are added only by the transaction that creates an entry', new.entry_id
          using errcode = 'LD021';
      end if;
      v_after := v_balance + new.amount_minor;
      if v_min is not null and v_after < v_min then
        raise exception 'the balance of ledger account % would go below its minimum', v_code
          using errcode = 'LD005', detail = v_code;
      end if;
      if v_max is not null and v_after > v_max then
        raise exception 'the balance of ledger account % would go above its maximum', v_code
          using errcode = 'LD006', detail = v_code;
      end if;
      v_hash := sha256(convert_to(ledger_posting_content(v_head, v_entry_hash, new.entry_id, new.account_id,
        new.unit, new.amount_minor, v_after, v_version + 1), 'UTF8'));
      if (new.balance_after_minor is not null and new.balance_after_minor <> v_after)
          or (new.account_version is not null and new.account_version <> v_version + 1)
          or (new.prev_hash is not null and new.prev_hash <> v_head)
          or (new.hash is not null and new.hash <> v_hash) then
        raise exception 'a posting to ledger account % must continue its chain', v_code
          using errcode = 'LD007', detail = v_code;
      end if;
      new.balance_after_minor := v_after;
      new.account_version := v_version + 1;
      new.prev_hash := v_head;
      new.hash := v_hash;
      update ledger_account
        set balance_minor = v_after, version = v_version + 1, head_hash = v_hash, last_entry_id = new.entry_id
        where id = new.account_id and version = v_version;
      if not found then
        raise exception 'ledger account % changed while posting: lock accounts before posting', v_code
          using errcode = '40001', detail = v_code;
      end if;
      return new;
    end $$`,
  ...postingChecks.map((name) => sql`alter table ledger_posting drop constraint ${sql.id(name)}`),

  // At commit (or earlier, if asked): at least two postings, zero sum in each unit, and a
  // reversal mirrors the entry it reverses (which is not itself a reversal). Checks run in entry
  // order, so "checked up to" is the newest entry checked; the posting trigger refuses postings
  // to entries at or below it.
  sql`drop trigger ledger_posting_balanced on ledger_posting`,
  sql`create or replace function ledger_entry_balanced() returns trigger language plpgsql as $$
    declare
      v_entry_id bigint := new.id; v_reverses bigint := new.reverses_entry_id; v_count bigint; v_unbalanced text;
    begin
      select coalesce(sum(t.n), 0), (array_agg(t.unit) filter (where t.total <> 0))[1]
        into v_count, v_unbalanced
        from (select p.unit, count(*) as n, sum(p.amount_minor) as total
              from ledger_posting p where p.entry_id = v_entry_id group by p.unit) t;
      if v_count < 2 then
        raise exception 'ledger entry % has % posting(s): an entry needs at least two', v_entry_id, v_count
          using errcode = 'LD011';
      end if;
      if v_unbalanced is not null then
        raise exception 'ledger entry % does not balance in %', v_entry_id, v_unbalanced
          using errcode = 'LD012', detail = v_unbalanced;
      end if;
      if v_reverses is not null then
        if exists (select 1 from ledger_entry e where e.id = v_reverses and e.reverses_entry_id is not null) then
          raise exception 'ledger entry % reverses a reversal', v_entry_id using errcode = 'LD013';
        end if;
        if exists (
          select 1
          from (select p.account_id, p.amount_minor from ledger_posting p where p.entry_id = v_entry_id) r
          full join (select p.account_id, -p.amount_minor as amount_minor from ledger_posting p
                     where p.entry_id = v_reverses) o using (account_id)
          where r.amount_minor is distinct from o.amount_minor) then
          raise exception 'ledger entry % does not exactly mirror entry %', v_entry_id, v_reverses
            using errcode = 'LD014';
        end if;
      end if;
      if v_entry_id > coalesce(nullif(current_setting('potluck.ledger_checked_upto', true), '')::bigint, 0) then
        perform set_config('potluck.ledger_checked_upto', v_entry_id::text, true);
      end if;
      return null;
    end $$`,

  // Every statement inside a post (and in the triggers it fires) has the same shape each time:
  // a generic plan is right for all of them, and planning afresh for each call was 8 % of the
  // database's work per transfer.
  sql`alter function ledger_post_entry(text, text, text, text, jsonb, text, bigint, text[], text[], bigint[])
    set plan_cache_mode = force_generic_plan`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("0010_ledger_checks_in_triggers cannot be undone: restore from a backup");
}
