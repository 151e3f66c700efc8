// Frozen once landed: later changes go in a new migration.
//
// The double-entry ledger. Every rule that keeps the books honest lives here, in the database,
// so that no code path (a service bug, a script, raw SQL in psql) can break it:
// - entries and postings are append-only (no UPDATE, DELETE or TRUNCATE);
// - an entry has at least two postings and sums to zero in each unit (checked at commit), and
//   only the transaction that creates an entry can add postings to it;
// - a posting's unit is its account's unit;
// - a posting computes its own balance_after, account_version, prev_hash and hash from its
//   account, and moves the account's balance, version and head hash itself: an account's
//   balance cannot be written any other way;
// - balances stay inside their bounds (CHECK) and inside a hard limit;
// - within one account, postings follow entry ids (so every export can be replayed in id order).
// Limits match app/domain/ledger/limits.ts.
import { sql, type Kysely } from "kysely";

// PGlite's query() runs one statement per call, so each statement is its own execute().
const statements = [
  sql`create table ledger_unit (
    code text primary key check (code ~ '^[A-Z]{3,8}$'),
    scale smallint not null check (scale between 0 and 6),
    name text not null check (length(name) between 1 and 100)
  )`,
  sql`insert into ledger_unit (code, scale, name) values ('GBP', 2, 'Pounds sterling'), ('HOUR', 2, 'Hours')`,
  // A unit's scale gives meaning to every stored amount: it can never change.
  sql`create trigger ledger_unit_append_only before update or delete on ledger_unit
    for each row execute function refuse_change()`,
  sql`create trigger ledger_unit_no_truncate before truncate on ledger_unit
    for each statement execute function refuse_change()`,

  sql`create function ledger_zero_hash() returns bytea language sql immutable parallel safe
    as $$ select decode(repeat('00', 32), 'hex') $$`,

  sql`create table ledger_account (
    id bigint generated always as identity primary key,
    code text not null check (length(code) <= 120
      and code ~ '^[a-z0-9][a-z0-9._-]*(:[a-z0-9][a-z0-9._-]*)*$'),
    unit text not null references ledger_unit (code),
    name text not null check (length(name) between 1 and 200 and name !~ '[[:cntrl:]]'),
    owner_type text check (owner_type ~ '^[a-z][a-z_]{0,39}$'),
    owner_id text check (length(owner_id) between 1 and 100),
    is_public boolean not null default false,
    min_balance_minor bigint check (min_balance_minor between -1000000000000000 and 0),
    max_balance_minor bigint check (max_balance_minor between 0 and 1000000000000000),
    balance_minor bigint not null default 0,
    version bigint not null default 0 check (version >= 0),
    head_hash bytea not null default ledger_zero_hash() check (octet_length(head_hash) = 32),
    last_entry_id bigint,
    created_at timestamptz not null default now(),
    constraint ledger_account_code_key unique (code),
    constraint ledger_account_id_unit_key unique (id, unit),
    constraint ledger_account_owner check ((owner_type is null) = (owner_id is null)),
    constraint ledger_account_balance_min check (min_balance_minor is null or balance_minor >= min_balance_minor),
    constraint ledger_account_balance_max check (max_balance_minor is null or balance_minor <= max_balance_minor),
    constraint ledger_account_balance_limit check (balance_minor between -1000000000000000 and 1000000000000000)
  ) with (fillfactor = 70)`,
  // fillfactor: every posting rewrites its account row; free space on the page lets PostgreSQL
  // keep the new version on the same page without touching the indexes (a HOT update).
  sql`create index ledger_account_public on ledger_account (code) where is_public`,
  sql`create index ledger_account_owner_idx on ledger_account (owner_type, owner_id)`,
  // Only name, owner, visibility and bounds may change by hand. Balance, version and head hash
  // change only inside the posting trigger (the WHEN clause lets that nested update through).
  sql`create function ledger_account_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        if new.balance_minor <> 0 or new.version <> 0 or new.head_hash <> ledger_zero_hash()
            or new.last_entry_id is not null then
          raise exception 'a new ledger account starts with a zero balance and no history'
            using errcode = 'LD008', detail = new.code;
        end if;
        return new;
      end if;
      if new.id <> old.id or new.code <> old.code or new.unit <> old.unit or new.created_at <> old.created_at then
        raise exception 'the code, unit and creation time of ledger account % cannot change', old.code
          using errcode = 'LD009', detail = old.code;
      end if;
      if new.balance_minor <> old.balance_minor or new.version <> old.version
          or new.head_hash <> old.head_hash or new.last_entry_id is distinct from old.last_entry_id then
        raise exception 'the balance of ledger account % changes only by posting an entry', old.code
          using errcode = 'LD010', detail = old.code;
      end if;
      return new;
    end $$`,
  sql`create trigger ledger_account_guard_insert before insert on ledger_account
    for each row execute function ledger_account_guard()`,
  sql`create trigger ledger_account_guard_update before update on ledger_account
    for each row when (pg_trigger_depth() = 0) execute function ledger_account_guard()`,
  sql`create trigger ledger_account_no_delete before delete on ledger_account
    for each row execute function refuse_change()`,
  sql`create trigger ledger_account_no_truncate before truncate on ledger_account
    for each statement execute function refuse_change()`,

  // Netstring: "<utf-8 byte length>:<text>," or "-," for null. Mirrors netstring() in
  // app/domain/ledger/canonical.ts.
  sql`create function ledger_ns(v text) returns text language sql immutable parallel safe
    as $$ select case when v is null then '-,' else octet_length(v)::text || ':' || v || ',' end $$`,

  // plpgsql rather than SQL: called from a CHECK, a SQL function body would be planned again
  // for every row, while plpgsql keeps its plans for the session.
  sql`create function ledger_metadata_ok(m jsonb) returns boolean language plpgsql immutable parallel safe as $$
    begin
      return jsonb_typeof(m) = 'object'
        and (select count(*) from jsonb_each(m)) <= 20
        and not exists (
          select 1 from jsonb_each(m) as e
          where jsonb_typeof(e.value) <> 'string'
            or e.key !~ '^[a-z][a-z0-9_]{0,39}$'
            or length(e.value #>> '{}') > 200);
    end $$`,

  sql`create function ledger_entry_content(
      p_id bigint, p_idempotency_key text, p_request_hash text, p_kind text, p_memo text,
      p_created_by text, p_created_at timestamptz, p_reverses_entry_id bigint, p_metadata jsonb)
    returns text language plpgsql immutable parallel safe as $$
    declare
      v_metadata text := '';
    begin
      if p_metadata <> '{}'::jsonb then
        select string_agg(ledger_ns(key) || ledger_ns(value), '' order by key collate "C") into v_metadata
          from jsonb_each_text(p_metadata);
      end if;
      return 'potluck-entry-v1,'
        || ledger_ns(p_id::text) || ledger_ns(p_idempotency_key) || ledger_ns(p_request_hash)
        || ledger_ns(p_kind) || ledger_ns(p_memo) || ledger_ns(p_created_by)
        || ledger_ns(((extract(epoch from p_created_at) * 1000000)::bigint)::text)
        || ledger_ns(p_reverses_entry_id::text)
        || ledger_ns(v_metadata);
    end $$`,

  sql`create function ledger_posting_content(
      p_prev_hash bytea, p_entry_hash bytea, p_entry_id bigint, p_account_id bigint, p_unit text,
      p_amount_minor bigint, p_balance_after_minor bigint, p_account_version bigint)
    returns text language sql immutable parallel safe as $$
    select 'potluck-posting-v1,'
      || ledger_ns(encode(p_prev_hash, 'hex')) || ledger_ns(encode(p_entry_hash, 'hex'))
      || ledger_ns(p_entry_id::text) || ledger_ns(p_account_id::text) || ledger_ns(p_unit)
      || ledger_ns(p_amount_minor::text) || ledger_ns(p_balance_after_minor::text)
      || ledger_ns(p_account_version::text)
  $$`,

  sql`create table ledger_entry (
    id bigint generated always as identity primary key,
    idempotency_key text not null check (idempotency_key ~ '^[!-~]{1,200}$'),
    request_hash text not null check (request_hash ~ '^[0-9a-f]{64}$'),
    kind text not null check (kind ~ '^[a-z][a-z0-9_]{0,39}$'),
    memo text not null default '' check (length(memo) <= 500 and memo !~ '[[:cntrl:]]'),
    metadata jsonb not null default '{}'::jsonb check (metadata = '{}'::jsonb or ledger_metadata_ok(metadata)),
    created_by text not null check (length(created_by) between 1 and 100 and created_by !~ '[[:cntrl:]]'),
    created_at timestamptz not null default clock_timestamp(),
    reverses_entry_id bigint references ledger_entry (id),
    hash bytea not null check (octet_length(hash) = 32),
    -- The (top-level) transaction that created the entry: only it may add postings, so an
    -- entry's postings are fixed when it commits. Not content, so not hashed.
    created_xact xid8 not null default pg_current_xact_id(),
    constraint ledger_entry_idempotency_key_key unique (idempotency_key),
    constraint ledger_entry_not_self_reversal check (reverses_entry_id is null or reverses_entry_id < id)
  )`,
  // An entry is reversed at most once. Partial, so ordinary entries add nothing to this index.
  sql`create unique index ledger_entry_reverses_entry_id_key on ledger_entry (reverses_entry_id)
    where reverses_entry_id is not null`,
  // The entry hash covers its header; postings chain to it. A supplied hash must be the right one.
  sql`create function ledger_entry_seal() returns trigger language plpgsql as $$
    declare
      v_hash bytea := sha256(convert_to(ledger_entry_content(new.id, new.idempotency_key, new.request_hash,
        new.kind, new.memo, new.created_by, new.created_at, new.reverses_entry_id, new.metadata), 'UTF8'));
    begin
      if new.hash is not null and new.hash <> v_hash then
        raise exception 'the hash of ledger entry % does not match its content', new.id using errcode = 'LD007';
      end if;
      if new.created_xact <> pg_current_xact_id() then
        raise exception 'ledger entry % must be created by the current transaction', new.id using errcode = 'LD007';
      end if;
      new.hash := v_hash;
      return new;
    end $$`,
  sql`create trigger ledger_entry_seal before insert on ledger_entry
    for each row execute function ledger_entry_seal()`,
  sql`create trigger ledger_entry_append_only before update or delete on ledger_entry
    for each row execute function refuse_change()`,
  sql`create trigger ledger_entry_no_truncate before truncate on ledger_entry
    for each statement execute function refuse_change()`,

  // Identified by its place in its account's chain; (entry_id, account_id) finds an entry's postings.
  sql`create table ledger_posting (
    entry_id bigint not null,
    account_id bigint not null,
    unit text not null,
    amount_minor bigint not null check (amount_minor <> 0 and amount_minor between -100000000000 and 100000000000),
    balance_after_minor bigint not null,
    account_version bigint not null check (account_version > 0),
    prev_hash bytea not null check (octet_length(prev_hash) = 32),
    hash bytea not null check (octet_length(hash) = 32),
    constraint ledger_posting_pkey primary key (account_id, account_version),
    constraint ledger_posting_entry_account_key unique (entry_id, account_id)
  )`,
  // The heart of the ledger: a posting extends its account's hash chain and moves its balance.
  // Chain fields are computed here; a caller that supplies them must be right. This trigger is
  // also what ties a posting to its entry and account (both must exist, units must match), in
  // place of foreign keys: those are triggers too, would check the same rows a second time, and
  // neither entries nor accounts can ever be deleted.
  sql`create function ledger_posting_chain() returns trigger language plpgsql as $$
    declare
      v_code text; v_unit text; v_balance bigint; v_version bigint; v_head bytea; v_last_entry bigint;
      v_min bigint; v_max bigint; v_entry_hash bytea; v_entry_xact xid8; v_after bigint; v_hash bytea;
    begin
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
      -- A new posting re-arms the commit-time balance check of its entry (see ledger_entry_balanced).
      perform set_config('potluck.ledger_balanced_entry', '', true);
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
  sql`create trigger ledger_posting_chain before insert on ledger_posting
    for each row execute function ledger_posting_chain()`,
  sql`create trigger ledger_posting_append_only before update or delete on ledger_posting
    for each row execute function refuse_change()`,
  sql`create trigger ledger_posting_no_truncate before truncate on ledger_posting
    for each statement execute function refuse_change()`,

  // Checked at commit, when every posting of the entry is in: at least two postings, zero sum in
  // each unit, and a reversal mirrors the entry it reverses (which is not itself a reversal).
  // It fires for the entry and for each of its postings (so a posting inserted after the entry
  // was checked early, under SET CONSTRAINTS ... IMMEDIATE, is checked too); the events of one
  // entry fire back to back at commit, so once the entry has passed, its postings' events are
  // skipped unless a posting was inserted since.
  sql`create function ledger_entry_balanced() returns trigger language plpgsql as $$
    declare
      v_entry_id bigint; v_reverses bigint; v_count bigint; v_unbalanced text;
    begin
      if tg_table_name = 'ledger_posting' then
        v_entry_id := new.entry_id;
        if current_setting('potluck.ledger_balanced_entry', true) = v_entry_id::text then
          return null;
        end if;
        select e.reverses_entry_id into v_reverses from ledger_entry e where e.id = v_entry_id;
      else
        v_entry_id := new.id;
        v_reverses := new.reverses_entry_id;
      end if;
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
      perform set_config('potluck.ledger_balanced_entry', v_entry_id::text, true);
      return null;
    end $$`,
  sql`create constraint trigger ledger_entry_balanced after insert on ledger_entry
    deferrable initially deferred for each row execute function ledger_entry_balanced()`,
  sql`create constraint trigger ledger_posting_balanced after insert on ledger_posting
    deferrable initially deferred for each row execute function ledger_entry_balanced()`,

  // One round trip per entry. Locks the accounts in ascending id order (so writers never
  // deadlock), then claims the idempotency key, then inserts the postings (whose trigger does
  // the chain and balance work, and refuses a unit mismatch or a repeated account). The entry id
  // is taken after the locks, so on every account entry ids grow with account versions.
  // Balance per unit is checked by the deferred trigger at commit (the service checks it first,
  // for a clear message). Outcome: 'created', 'replayed' (same key, same request:
  // the original entry comes back) or 'conflict' (same key, different request).
  sql`create function ledger_post_entry(
      p_idempotency_key text, p_request_hash text, p_kind text, p_memo text, p_metadata jsonb,
      p_created_by text, p_reverses_entry_id bigint,
      p_account_codes text[], p_units text[], p_amounts_minor bigint[])
    returns table (entry_id bigint, outcome text, entry_hash text, entry_created_at timestamptz,
      account_code text, unit text, amount_minor bigint, balance_after_minor bigint, account_version bigint)
    language plpgsql as $$
    #variable_conflict use_column
    declare
      v_count integer := coalesce(array_length(p_account_codes, 1), 0);
      v_ids bigint[];
      v_codes text[];
      v_bad text;
      v_entry_id bigint;
      v_entry_hash bytea;
      v_created_at timestamptz;
      v_existing_request_hash text;
    begin
      if v_count < 2 or v_count > 100 or coalesce(array_length(p_units, 1), 0) <> v_count
          or coalesce(array_length(p_amounts_minor, 1), 0) <> v_count then
        raise exception 'an entry needs 2 to 100 postings, each with an account, a unit and an amount'
          using errcode = 'LD015';
      end if;
      select array_agg(l.id order by l.id), array_agg(l.code order by l.id) into v_ids, v_codes
        from (select a.id, a.code from ledger_account a where a.code = any (p_account_codes)
              order by a.id for no key update) l;
      if coalesce(array_length(v_ids, 1), 0) <> v_count then
        select c into v_bad from unnest(p_account_codes) as c where c <> all (coalesce(v_codes, '{}')) limit 1;
        if v_bad is null then
          raise exception 'an account appears twice in one entry' using errcode = 'LD017';
        end if;
        raise exception 'ledger account % does not exist', v_bad using errcode = 'LD001', detail = v_bad;
      end if;
      if p_reverses_entry_id is not null then
        select e.reverses_entry_id::text into v_bad from ledger_entry e where e.id = p_reverses_entry_id;
        if not found then
          raise exception 'ledger entry % does not exist', p_reverses_entry_id
            using errcode = 'LD019', detail = p_reverses_entry_id::text;
        end if;
        if v_bad is not null then
          raise exception 'ledger entry % is a reversal and cannot be reversed', p_reverses_entry_id
            using errcode = 'LD013', detail = p_reverses_entry_id::text;
        end if;
      end if;

      insert into ledger_entry (idempotency_key, request_hash, kind, memo, metadata, created_by, reverses_entry_id)
        values (p_idempotency_key, p_request_hash, p_kind, p_memo, p_metadata, p_created_by, p_reverses_entry_id)
        on conflict (idempotency_key) do nothing
        returning id, hash, created_at into v_entry_id, v_entry_hash, v_created_at;

      if v_entry_id is null then
        select e.id, e.request_hash into v_entry_id, v_existing_request_hash
          from ledger_entry e where e.idempotency_key = p_idempotency_key;
        if v_existing_request_hash <> p_request_hash then
          return query select v_entry_id, 'conflict'::text, null::text, null::timestamptz,
            null::text, null::text, null::bigint, null::bigint, null::bigint;
          return;
        end if;
        return query
          select e.id, 'replayed'::text, encode(e.hash, 'hex'), e.created_at,
                 a.code, p.unit, p.amount_minor, p.balance_after_minor, p.account_version
          from ledger_entry e
          join ledger_posting p on p.entry_id = e.id
          join ledger_account a on a.id = p.account_id
          where e.id = v_entry_id
          order by p.account_id;
        return;
      end if;

      return query
        with inserted as (
          insert into ledger_posting (entry_id, account_id, unit, amount_minor)
          select v_entry_id, l.id, x.unit, x.amount
          from unnest(p_account_codes, p_units, p_amounts_minor) as x(code, unit, amount)
          join unnest(v_ids, v_codes) as l(id, code) on l.code = x.code
          order by l.id
          returning account_id, unit, amount_minor, balance_after_minor, account_version
        )
        select v_entry_id, 'created'::text, encode(v_entry_hash, 'hex'), v_created_at,
               l.code, i.unit, i.amount_minor, i.balance_after_minor, i.account_version
        from inserted i
        join unnest(v_ids, v_codes) as l(id, code) on l.id = i.account_id
        order by i.account_id;
    end $$`,

  // Many entries in one round trip and one transaction, each with its own idempotency key (so
  // a shared pot's lock and commit are paid once per batch, not once per entry). Every account
  // in the batch is locked first, in ascending id order, so batches cannot deadlock each other.
  // All or nothing: a refusal of any entry refuses the batch ('conflict' is an answer, not a refusal).
  sql`create function ledger_post_entries(p_entries jsonb)
    returns table (batch_index integer, entry_id bigint, outcome text, entry_hash text, entry_created_at timestamptz,
      account_code text, unit text, amount_minor bigint, balance_after_minor bigint, account_version bigint)
    language plpgsql as $$
    #variable_conflict use_column
    declare
      v_entry jsonb;
      v_index integer;
    begin
      if jsonb_typeof(p_entries) is distinct from 'array' or jsonb_array_length(p_entries) not between 1 and 1000 then
        raise exception 'a batch holds between 1 and 1000 entries' using errcode = 'LD020';
      end if;
      perform 1 from ledger_account a
        where a.code in (select jsonb_array_elements_text(e.value -> 'accountCodes') from jsonb_array_elements(p_entries) e)
        order by a.id for no key update;
      for v_entry, v_index in select e.value, (e.ordinality - 1)::integer from jsonb_array_elements(p_entries) with ordinality e loop
        return query select v_index, r.* from ledger_post_entry(
          v_entry ->> 'idempotencyKey', v_entry ->> 'requestHash', v_entry ->> 'kind', v_entry ->> 'memo',
          v_entry -> 'metadata', v_entry ->> 'createdBy', (v_entry ->> 'reversesEntryId')::bigint,
          array(select x.value from jsonb_array_elements_text(v_entry -> 'accountCodes') with ordinality x order by x.ordinality),
          array(select x.value from jsonb_array_elements_text(v_entry -> 'units') with ordinality x order by x.ordinality),
          array(select x.value::bigint from jsonb_array_elements_text(v_entry -> 'amountsMinor') with ordinality x order by x.ordinality)) r;
      end loop;
    end $$`,

  // A hold moves money or hours from a source account into an escrow account of its own; the
  // escrow balance is the amount still held. Capture and release are ordinary entries out of it.
  sql`create table ledger_hold (
    id bigint generated always as identity primary key,
    hold_key text not null check (hold_key ~ '^[a-z0-9][a-z0-9._-]{0,79}$'),
    source_account_id bigint not null references ledger_account (id),
    escrow_account_id bigint not null references ledger_account (id),
    amount_minor bigint not null check (amount_minor between 1 and 100000000000),
    created_at timestamptz not null default now(),
    constraint ledger_hold_hold_key_key unique (hold_key),
    constraint ledger_hold_escrow_account_id_key unique (escrow_account_id),
    constraint ledger_hold_distinct_accounts check (source_account_id <> escrow_account_id)
  )`,
  sql`create trigger ledger_hold_append_only before update or delete on ledger_hold
    for each row execute function refuse_change()`,
  sql`create trigger ledger_hold_no_truncate before truncate on ledger_hold
    for each statement execute function refuse_change()`,

  // A checkpoint publishes where every account's chain stood (heads) and a Merkle root over
  // them. Computed in TypeScript from one consistent read, so writers are never blocked.
  sql`create table ledger_checkpoint (
    id bigint generated always as identity primary key,
    previous_checkpoint_id bigint references ledger_checkpoint (id),
    created_at timestamptz not null default now(),
    account_count integer not null check (account_count between 0 and 1000000),
    posting_count bigint not null check (posting_count >= 0),
    heads text not null,
    root_hash bytea not null check (octet_length(root_hash) = 32),
    constraint ledger_checkpoint_previous_key unique (previous_checkpoint_id),
    constraint ledger_checkpoint_previous_older check (previous_checkpoint_id < id)
  )`,
  sql`create unique index ledger_checkpoint_one_first on ledger_checkpoint ((true)) where previous_checkpoint_id is null`,
  sql`create trigger ledger_checkpoint_append_only before update or delete on ledger_checkpoint
    for each row execute function refuse_change()`,
  sql`create trigger ledger_checkpoint_no_truncate before truncate on ledger_checkpoint
    for each statement execute function refuse_change()`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["ledger_checkpoint", "ledger_hold", "ledger_posting", "ledger_entry", "ledger_account", "ledger_unit"]) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
  for (const fn of [
    "ledger_post_entries(jsonb)",
    "ledger_post_entry(text, text, text, text, jsonb, text, bigint, text[], text[], bigint[])",
    "ledger_entry_balanced()",
    "ledger_posting_chain()",
    "ledger_entry_seal()",
    "ledger_posting_content(bytea, bytea, bigint, bigint, text, bigint, bigint, bigint)",
    "ledger_entry_content(bigint, text, text, text, text, text, timestamptz, bigint, jsonb)",
    "ledger_metadata_ok(jsonb)",
    "ledger_ns(text)",
    "ledger_account_guard()",
    "ledger_zero_hash()",
  ]) {
    await sql.raw(`drop function if exists ${fn}`).execute(db);
  }
}
