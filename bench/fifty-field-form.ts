/** A 50-field application form and valid data for it, for the validation benchmark. */

type Json = Record<string, unknown>;

const options = [
  { value: "a", label: "A" },
  { value: "b", label: "B" },
  { value: "c", label: "C" },
];

function fields(): Json[] {
  const list: Json[] = [
    { id: "person", type: "personName", label: "Name", required: true },
    { id: "dateOfBirth", type: "date", label: "Geburtsdatum", required: true, max: "today-18y" },
    { id: "address", type: "address", label: "Anschrift", required: true },
    { id: "email", type: "email", label: "E-Mail", required: true },
    { id: "phone", type: "phone", label: "Telefon" },
    { id: "iban", type: "iban", label: "IBAN", required: true },
    { id: "zip2", type: "postcode", label: "PLZ Objekt" },
    { id: "mobile", type: "phone", label: "Mobil" },
    { id: "email2", type: "email", label: "E-Mail 2", visibleIf: "hasSecondContact = true" },
    { id: "hasSecondContact", type: "boolean", label: "Zweiter Kontakt" },
    { id: "iban2", type: "iban", label: "IBAN 2", visibleIf: "hasSecondContact = true" },
    { id: "zip3", type: "postcode", label: "PLZ 3" },
    { id: "start", type: "date", label: "Beginn", required: true, min: "today" },
    {
      id: "end",
      type: "date",
      label: "Ende",
      required: true,
      constraints: [{ rule: "end >= start", message: "Ende vor Beginn" }],
    },
    { id: "persons", type: "integer", label: "Personen", min: 1, max: 20, required: true },
    {
      id: "helpers",
      type: "group",
      label: "Helfer",
      maxItems: 5,
      fields: [
        { id: "helperName", type: "text", label: "Name", required: true, maxLength: 80 },
        { id: "adult", type: "boolean", label: "Volljährig" },
        {
          id: "guardian",
          type: "text",
          label: "Sorgeberechtigte",
          visibleIf: "adult = false",
          required: true,
        },
      ],
    },
    { id: "helperCount", type: "integer", label: "Anzahl", computed: "count(helpers)" },
    { id: "consent", type: "boolean", label: "Einwilligung", required: true },
  ];
  for (let i = 1; i <= 12; i++) {
    list.push({
      id: `text${i}`,
      type: "text",
      label: `Text ${i}`,
      maxLength: 100,
      required: i <= 5,
    });
  }
  for (let i = 1; i <= 4; i++)
    list.push({ id: `note${i}`, type: "textarea", label: `Notiz ${i}`, maxLength: 2000 });
  for (let i = 1; i <= 4; i++) {
    list.push({
      id: `amount${i}`,
      type: "money",
      label: `Betrag ${i}`,
      min: 0,
      requiredIf: `persons > ${i * 3}`,
    });
  }
  for (let i = 1; i <= 4; i++) {
    list.push({
      id: `choice${i}`,
      type: i % 2 ? "select" : "radio",
      label: `Wahl ${i}`,
      options,
      required: true,
    });
  }
  list.push({ id: "topics", type: "multiselect", label: "Themen", options, maxItems: 2 });
  for (let i = 1; i <= 4; i++) {
    list.push({
      id: `flag${i}`,
      type: "boolean",
      label: `Option ${i}`,
      visibleIf: `choice${i} = "a"`,
    });
  }
  for (let i = 1; i <= 3; i++)
    list.push({ id: `size${i}`, type: "number", label: `Fläche ${i}`, min: 0, max: 1e6 });
  return list;
}

/** The definition: 50 top-level fields on two pages. */
export function fiftyFieldDefinition(): Json {
  const all = fields();
  if (all.length !== 50) throw new Error(`expected 50 fields, got ${all.length}`);
  return {
    schemaVersion: 1,
    id: "bench-fifty",
    version: "1.0.0",
    meta: {
      title: "Fünfzig Felder",
      description: "Benchmark form",
      leikaKey: "99000000000000",
      legalBasis: ["-"],
      orgUnit: "Bench",
      processingTime: { value: 1, unit: "days" },
      requiredDocuments: [],
    },
    form: {
      pages: [
        { id: "one", title: "Eins", fields: all.slice(0, 25) },
        { id: "two", title: "Zwei", fields: all.slice(25), visibleIf: "consent = true" },
      ],
    },
    process: {
      initialStatus: "open",
      statuses: [
        { id: "open", title: "Offen", kind: "open" },
        { id: "done", title: "Erledigt", kind: "final-positive" },
      ],
      actions: [
        { id: "close", title: "Schließen", from: ["open"], to: "done", roles: ["caseworker"] },
      ],
    },
  };
}

/** Valid data for the 50-field form (today = 2026-03-02). */
export function fiftyFieldData(): Json {
  const data: Json = {
    person: { givenName: "Erika", familyName: "Mustermann" },
    dateOfBirth: "1980-05-01",
    address: { street: "Marktplatz", houseNumber: "1", postcode: "06108", city: "Halle (Saale)" },
    email: "erika@example.de",
    phone: "0345 1234567",
    iban: "DE89 3704 0044 0532 0130 00",
    zip2: "10115",
    mobile: "+49 151 23456789",
    hasSecondContact: true,
    email2: "max@example.de",
    iban2: "DE89370400440532013000",
    zip3: "80331",
    start: "2026-04-01",
    end: "2026-04-03",
    persons: 7,
    helpers: [
      { helperName: "Max", adult: true },
      { helperName: "Lea", adult: false, guardian: "Eva" },
      { helperName: "Tom", adult: true },
    ],
    consent: true,
    topics: ["a", "c"],
  };
  for (let i = 1; i <= 12; i++) data[`text${i}`] = `Wert ${i}`;
  for (let i = 1; i <= 4; i++) data[`note${i}`] = "Ein längerer Text mit einigen Worten.";
  for (let i = 1; i <= 4; i++) data[`amount${i}`] = 12_345 * i;
  for (let i = 1; i <= 4; i++) data[`choice${i}`] = i % 2 ? "a" : "b";
  for (let i = 1; i <= 4; i++) data[`flag${i}`] = true;
  for (let i = 1; i <= 3; i++) data[`size${i}`] = 12.5 * i;
  return data;
}
