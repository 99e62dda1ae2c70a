-- The inbox columns' trigger (0009) read the case's whole service definition for every case it
-- wrote, walked its statuses and its form (jsonb_path_query) and called inbox_org_unit, a SQL
-- function run afresh per call that slugged every org unit's name: ~0.06 ms of PostgreSQL CPU
-- per case written (bench/submit), more than the insert itself with its indexes. What it needs
-- of a definition is fixed per service version, and an org unit's slug per name: both are now
-- derived once, when stored, into generated columns. The trigger keeps the same values
-- (src/modules/cases/__tests__/inbox-columns.test.ts compares them with 0009's derivation).

-- The ids of the definition's final statuses (kind final-positive / final-negative).
create function inbox_final_statuses(definition jsonb) returns text[]
language sql immutable parallel safe as $$
  select coalesce(array_agg(s ->> 'id'), '{}')
  from jsonb_array_elements(case jsonb_typeof(definition -> 'process' -> 'statuses')
    when 'array' then definition -> 'process' -> 'statuses' end) s
  where s ->> 'id' is not null and s ->> 'kind' like 'final%'
$$;

-- The ids of the form's person-name fields, in form order: the applicant is the first with a value.
create function inbox_applicant_fields(definition jsonb) returns text[]
language sql immutable parallel safe as $$
  select coalesce(array_agg(f.field ->> 'id' order by f.n), '{}')
  from jsonb_path_query(definition, '$.form.pages[*].fields[*] ? (@.type == "personName")')
    with ordinality as f(field, n)
$$;

alter table service_versions
  add column inbox_org_unit text generated always as (definition -> 'meta' ->> 'orgUnit') stored,
  add column inbox_final_statuses text[]
    generated always as (inbox_final_statuses(definition)) stored,
  add column inbox_applicant_fields text[]
    generated always as (inbox_applicant_fields(definition)) stored;

alter table org_units add column name_slug text generated always as (org_unit_slug(name)) stored;

create or replace function cases_inbox_columns() returns trigger language plpgsql as $$
declare
  version record;
  actor text := new.state -> 'assignedTo' ->> 'actorId';
  target text;
  target_slug text;
  unit uuid;
  field text;
  person jsonb;
begin
  select v.inbox_org_unit, v.inbox_final_statuses, v.inbox_applicant_fields into version
    from service_versions v
    where v.tenant_id = new.tenant_id and v.service_id = new.service_id
      and v.version = new.service_version;
  new.due_date := (new.state ->> 'dueDate')::date;
  new.follow_up := (new.state ->> 'followUp')::date;
  new.pending_by := new.state -> 'pending' ->> 'proposedBy';
  new.assignee_id := case
    when actor ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then actor::uuid end;
  new.open := not coalesce(new.status = any(version.inbox_final_statuses), false);
  -- the org unit: its id, its name, its slug, or a slug it begins (as 0009's inbox_org_unit)
  target := coalesce(new.state -> 'assignedTo' ->> 'orgUnit', version.inbox_org_unit);
  if target is not null then
    target_slug := org_unit_slug(target);
    select o.id into unit from org_units o
      where o.tenant_id = new.tenant_id
        and (o.id::text = target or lower(o.name) = lower(target) or o.name_slug = target_slug
          or target_slug like o.name_slug || '-%')
      order by (o.id::text = target) desc, (o.name_slug = target_slug) desc, length(o.name) desc
      limit 1;
  end if;
  new.org_unit_id := coalesce(unit, new.org_unit_id);
  -- the applicant: the first person-name field of the form that has a value
  foreach field in array coalesce(version.inbox_applicant_fields, '{}') loop
    person := new.state -> 'data' -> field;
    if jsonb_typeof(person) = 'object' then
      new.applicant_name := coalesce(
        nullif(concat_ws(' ', person ->> 'givenName', person ->> 'familyName'), ''),
        new.applicant_name);
      exit;
    end if;
  end loop;
  return new;
end $$;

drop function inbox_org_unit(uuid, text);
