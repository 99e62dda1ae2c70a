-- The caseworkers' inbox: columns of `cases` derived from the engine's state (jsonb) and the
-- service definition, kept by a trigger so that every writer (submission, actions, assignment,
-- the seed of the benchmark) keeps them true without knowing of them; indexes for the inbox
-- views and a German full-text search column.

-- "Bürgerbüro" -> "buergerbuero": how a definition's meta.orgUnit names an org unit.
create function org_unit_slug(name text) returns text language sql immutable parallel safe as $$
  select trim(both '-' from regexp_replace(
    replace(replace(replace(replace(lower(name), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss'),
    '[^a-z0-9]+', '-', 'g'))
$$;

alter table cases
  -- the org unit the case is routed to (meta.orgUnit, or state.assignedTo.orgUnit once set)
  add column org_unit_id uuid,
  -- the person working on it (state.assignedTo.actorId)
  add column assignee_id uuid,
  add column due_date date,
  add column follow_up date,
  -- who proposed the action awaiting second approval (state.pending.proposedBy)
  add column pending_by text,
  -- false once the status is final (final-positive / final-negative)
  add column open boolean not null default true,
  add column applicant_name text,
  add column search tsvector generated always as (
    to_tsvector('german', reference || ' ' || coalesce(applicant_name, ''))
    || jsonb_to_tsvector('german', coalesce(state -> 'data', '{}'), '["string"]')
  ) stored;

/** The org unit of the tenant a definition or an assignment names: id, name, slug or slug prefix. */
create function inbox_org_unit(tenant uuid, target text) returns uuid language sql stable as $$
  select o.id from org_units o
  where o.tenant_id = tenant and target is not null
    and (o.id::text = target or lower(o.name) = lower(target)
      or org_unit_slug(o.name) = org_unit_slug(target)
      or org_unit_slug(target) like org_unit_slug(o.name) || '-%')
  order by (o.id::text = target) desc, (org_unit_slug(o.name) = org_unit_slug(target)) desc,
    length(o.name) desc
  limit 1
$$;

create function cases_inbox_columns() returns trigger language plpgsql as $$
declare
  def jsonb;
  actor text := new.state -> 'assignedTo' ->> 'actorId';
begin
  select v.definition into def from service_versions v
    where v.tenant_id = new.tenant_id and v.service_id = new.service_id
      and v.version = new.service_version;
  new.due_date := (new.state ->> 'dueDate')::date;
  new.follow_up := (new.state ->> 'followUp')::date;
  new.pending_by := new.state -> 'pending' ->> 'proposedBy';
  new.assignee_id := case
    when actor ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then actor::uuid end;
  new.open := not exists (
    select 1 from jsonb_array_elements(def -> 'process' -> 'statuses') s
    where s ->> 'id' = new.status and s ->> 'kind' like 'final%');
  new.org_unit_id := coalesce(
    inbox_org_unit(new.tenant_id,
      coalesce(new.state -> 'assignedTo' ->> 'orgUnit', def -> 'meta' ->> 'orgUnit')),
    new.org_unit_id);
  -- the applicant: the first person-name field of the form that has a value
  new.applicant_name := coalesce((
    select nullif(concat_ws(' ', v ->> 'givenName', v ->> 'familyName'), '')
    from jsonb_path_query(def, '$.form.pages[*].fields[*] ? (@.type == "personName")')
      with ordinality as f(field, n)
    cross join lateral (select new.state -> 'data' -> (f.field ->> 'id') as v) x
    where jsonb_typeof(v) = 'object'
    order by f.n limit 1), new.applicant_name);
  return new;
end $$;

create trigger cases_inbox_columns before insert or update of state on cases
  for each row execute function cases_inbox_columns();

update cases set state = state;

create index cases_inbox_unit on cases (tenant_id, org_unit_id, received_at desc, id desc);
create index cases_inbox_open on cases (tenant_id, org_unit_id)
  include (assignee_id, follow_up, due_date, pending_by, received_at) where open;
create index cases_inbox_assignee on cases (tenant_id, assignee_id, received_at desc, id desc)
  where assignee_id is not null;
