-- News by topic (Neuigkeiten): a municipality's topics, citizens' subscriptions and the items
-- published to them. Each item is mailed to the topic's subscribers in the item's transaction.

create table news_topics (
  tenant_id uuid not null references tenants (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  name text not null check (length(name) between 1 and 100),
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, name)
);

create table news_subscriptions (
  tenant_id uuid not null,
  topic_id uuid not null,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (tenant_id, topic_id, user_id),
  foreign key (tenant_id, topic_id) references news_topics (tenant_id, id) on delete cascade
);
create index news_subscriptions_user on news_subscriptions (user_id);

create table news_items (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  topic_id uuid not null,
  title text not null check (length(title) between 1 and 200),
  body text not null check (length(body) between 1 and 20000),
  author_id uuid references users (id) on delete set null,
  recipients integer not null default 0,
  published_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, topic_id) references news_topics (tenant_id, id) on delete cascade
);
create index news_items_recent on news_items (tenant_id, published_at desc);

do $$
declare t text;
begin
  foreach t in array array['news_topics', 'news_subscriptions', 'news_items'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id())', t);
  end loop;
end $$;

-- The Bürgerkonto lists every municipality's topics and the citizen's own subscriptions
-- (in a transaction opened with `withCitizen`).
create policy citizen_read on news_topics for select using (app_user_id() is not null);
create policy owner_read on news_subscriptions for select using (user_id = app_user_id());
