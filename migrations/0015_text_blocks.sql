-- The municipality's text blocks (Textbausteine): paragraphs with platform placeholders that
-- every service's notices can use by key (a service's own block of the same key wins).
-- Tenant-owned: tenant_id first in the key, row-level security forced. The application role
-- gets select, insert, update and delete through 0001's default privileges.

create table text_blocks (
  tenant_id uuid not null references tenants (id) on delete cascade,
  key text not null check (key ~ '^[a-zA-Z][a-zA-Z0-9_]*$' and length(key) <= 60),
  title text check (title is null or length(title) between 1 and 200),
  text text not null check (length(text) between 1 and 20000),
  -- every save increments it; a form carries the version it showed
  version integer not null default 1 check (version > 0),
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id) on delete set null,
  primary key (tenant_id, key)
);

alter table text_blocks enable row level security;
alter table text_blocks force row level security;
create policy tenant_isolation on text_blocks
  using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id());

-- The blocks every municipality starts with; the tenants module calls this in the transaction
-- that creates a municipality (in its row-level-security context). Existing blocks are kept.
create function seed_default_text_blocks(tenant uuid) returns void language sql as $$
  insert into text_blocks (tenant_id, key, title, text) values
  (tenant, 'rechtsbehelfsbelehrungWiderspruch', 'Rechtsbehelfsbelehrung',
   'Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden. '
   'Der Widerspruch ist schriftlich, in elektronischer Form nach § 3a Absatz 2 des '
   'Verwaltungsverfahrensgesetzes oder zur Niederschrift bei {{tenant.name}}, {{tenant.street}}, '
   '{{tenant.postcode}} {{tenant.city}}, zu erheben. Eine einfache E-Mail genügt der elektronischen '
   'Form nicht.'),
  (tenant, 'rechtsbehelfsbelehrungKlage', 'Rechtsbehelfsbelehrung',
   'Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Klage bei dem '
   'Verwaltungsgericht [Name und Anschrift des zuständigen Verwaltungsgerichts eintragen] erhoben '
   'werden. Die Klage ist schriftlich oder zur Niederschrift des Urkundsbeamten der Geschäftsstelle '
   'des Gerichts zu erheben. Sie kann auch als elektronisches Dokument nach Maßgabe des § 55a der '
   'Verwaltungsgerichtsordnung eingereicht werden; eine einfache E-Mail genügt nicht. Die Klage muss '
   'den Kläger, den Beklagten und den Gegenstand des Klagebegehrens bezeichnen und soll einen '
   'bestimmten Antrag enthalten.'),
  (tenant, 'datenschutzhinweis', 'Hinweise zum Datenschutz',
   'Verantwortlich für die Verarbeitung Ihrer personenbezogenen Daten ist {{tenant.name}}, '
   '{{tenant.street}}, {{tenant.postcode}} {{tenant.city}}. Ihre Daten werden verarbeitet, um Ihr '
   'Anliegen zu bearbeiten (Artikel 6 Absatz 1 Buchstabe c und e der Datenschutz-Grundverordnung in '
   'Verbindung mit den für das Verfahren geltenden Rechtsvorschriften). Sie werden nur an Stellen '
   'übermittelt, die an dem Verfahren beteiligt sind oder an die sie aufgrund einer Rechtsvorschrift '
   'zu übermitteln sind, und gelöscht, sobald sie für das Verfahren nicht mehr erforderlich sind und '
   'keine Aufbewahrungsfrist entgegensteht. Sie haben das Recht auf Auskunft (Artikel 15), '
   'Berichtigung (Artikel 16), Löschung (Artikel 17), Einschränkung der Verarbeitung (Artikel 18) '
   'und Widerspruch gegen die Verarbeitung (Artikel 21 DSGVO) sowie das Recht, sich bei einer '
   'Datenschutz-Aufsichtsbehörde zu beschweren (Artikel 77 DSGVO). Die Kontaktdaten der oder des '
   'Datenschutzbeauftragten und weitere Informationen finden Sie in der Datenschutzerklärung von '
   '{{tenant.name}}.'),
  (tenant, 'gebuehrenbegruendung', 'Begründung der Gebühr',
   'Für die von Ihnen beantragte Amtshandlung wird eine Gebühr von {{fees.total}} erhoben. '
   'Rechtsgrundlage sind das Verwaltungskostenrecht des Landes und die Gebührensatzung von '
   '{{tenant.name}}; die angewendeten Tarifstellen sind in der Gebührenaufstellung genannt. '
   'Gebührenschuldner ist, wer die Amtshandlung veranlasst hat. Die Höhe der Gebühr bemisst sich '
   'nach dem Verwaltungsaufwand und nach der Bedeutung, dem wirtschaftlichen Wert oder dem sonstigen '
   'Nutzen der Amtshandlung für Sie.'),
  (tenant, 'hinweisZahlungspflicht', 'Hinweis zur Zahlungspflicht',
   'Bitte zahlen Sie den Betrag von {{payment.total}} bis zum {{payment.dueDate}} unter Angabe des '
   'Kassenzeichens {{payment.reference}}. Widerspruch und Klage gegen die Anforderung von '
   'öffentlichen Abgaben und Kosten haben keine aufschiebende Wirkung (§ 80 Absatz 2 Satz 1 '
   'Nummer 1 der Verwaltungsgerichtsordnung). Der Betrag ist daher auch dann fristgerecht zu zahlen, '
   'wenn Sie einen Rechtsbehelf einlegen. Wird nicht rechtzeitig gezahlt, können Säumniszuschläge '
   'erhoben und der Betrag im Verwaltungsvollstreckungsverfahren beigetrieben werden.')
  on conflict (tenant_id, key) do nothing
$$;

-- Municipalities that exist already get the defaults too, each in its own tenant context
-- (row-level security is forced for the owner as well).
do $$
declare t uuid;
begin
  for t in select id from tenants loop
    perform set_config('app.tenant_id', t::text, true);
    perform seed_default_text_blocks(t);
  end loop;
  perform set_config('app.tenant_id', '', true);
end $$;
