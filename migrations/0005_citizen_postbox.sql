-- Bürgerkonto and postbox: the citizen's profile (for prefilling forms), postbox messages keyed
-- by the case effect that wrote them (jobs run at least once), attachments of messages.

-- Name, address and phone as the citizen keeps them (src/core AccountProfile shape).
alter table users add column profile jsonb not null default '{}';

-- A message written by a case effect carries its key: a repeated job finds it and writes nothing.
alter table postbox_messages add column effect_key text check (length(effect_key) <= 300);
alter table postbox_messages add constraint postbox_messages_effect_key unique (tenant_id, effect_key);

-- The municipality keeps its correspondence when a citizen deletes the account (record keeping):
-- the message stays, without its recipient.
alter table postbox_messages drop constraint postbox_messages_recipient_id_fkey;
alter table postbox_messages add constraint postbox_messages_recipient_id_fkey
  foreign key (recipient_id) references users (id) on delete set null;

-- Attachments of a postbox message (they also carry the case id, so the applicant may read them).
alter table files add column message_id uuid;
alter table files add constraint files_message foreign key (tenant_id, message_id)
  references postbox_messages (tenant_id, id) on delete cascade;
create index files_message on files (tenant_id, message_id) where message_id is not null;

-- The applicant reads the replies they wrote, too.
create policy author_read on postbox_messages for select
  using (direction = 'from-applicant' and author_id = app_user_id());
