// biome-ignore-all lint/suspicious/noExplicitAny: tests change fixtures in place
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { dateInWords } from "../calendar/dates.ts";
import { loadDefinition } from "../definition/load.ts";
import { ComposeError, composeDocument, fillPlaceholders } from "../documents/compose.ts";
import { documentGaps } from "../documents/gaps.ts";
import { prefillForm } from "../forms/prefill.ts";
import { validateSubmission } from "../forms/validate.ts";
import { performAction, startCase } from "../process/machine.ts";
import { clone, loadFixtureDefinition, readFixture } from "./helpers.ts";

const def = loadFixtureDefinition();

describe("prefillForm", () => {
  it("fills fields marked for prefill from the citizen account", () => {
    const data = prefillForm(def, {
      givenName: "Erika",
      familyName: "Mustermann",
      birthDate: "1980-05-01",
      email: "erika@example.de",
    });
    assert.deepEqual(data, {
      holderName: { givenName: "Erika", familyName: "Mustermann" },
      birthDate: "1980-05-01",
      email: "erika@example.de",
    });
  });
});

describe("composeDocument", () => {
  it("leaves out conditional blocks and fills placeholders, fees in euros", () => {
    const validated = validateSubmission(def, readFixture("hundesteuer.application.json"), {
      today: "2025-10-17",
    });
    assert.ok(validated.ok);
    const options = { land: "ST" as const };
    const now = new Date("2025-10-17T08:00:00Z");
    const started = startCase(def, validated.data, { id: "c", roles: ["applicant"] }, now, options);
    assert.ok(started.ok);
    const rejected = performAction(
      def,
      started.state,
      "reject",
      { id: "cw", roles: ["caseworker"] },
      { rejectionReason: "Kein Nachweis." },
      now,
      options,
    );
    assert.ok(rejected.ok);
    const notice = composeDocument(
      def,
      "notice",
      { ...rejected.state, data: { ...rejected.state.data, taxMarkNumber: "A-17" } },
      { today: "2025-10-17" },
    );
    assert.deepEqual(
      notice?.paragraphs.map((p) => p.text),
      [
        "Sehr geehrte Damen und Herren,",
        "für Ihre Hunde (2) wird die Hundesteuer auf 197,00 € festgesetzt. Steuermarke: A-17.",
        "Hund Bello: keine gelistete Rasse",
        "Hund Rex: keine gelistete Rasse",
        "Die Ermäßigung wurde berücksichtigt.",
        "Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden.",
      ],
    );
    assert.equal(notice?.paragraphs[5].title, "Rechtsbehelfsbelehrung");
  });

  it("formats data for reading: German dates, ja/nein, option labels, euros", () => {
    const raw = clone(readFixture<Record<string, any>>("hundesteuer.json"));
    raw.documents[1].blocks[1].text = "{{keptSince}} {{reduction}} {{dogs}} {{today}}";
    raw.form.pages[1].fields.push({
      id: "breedNow",
      type: "select",
      label: "Rasse",
      codeList: "listedBreeds",
    });
    const loaded = loadDefinition(raw);
    assert.ok(loaded.ok);
    const state = {
      status: "rejected",
      version: 3,
      statusEnteredAt: "",
      data: { keptSince: "2025-01-01", reduction: true, dogs: [] },
    };
    const doc = composeDocument(loaded.definition, "rejection", state, { today: "2025-10-17" });
    // a list is not printed (a repeated block prints its items)
    assert.equal(doc?.paragraphs[1].text, "01.01.2025 ja 17.10.2025");
  });

  it("prints nothing, and not the space before it, for a value the case does not have", () => {
    assert.equal(fillPlaceholders("{{a.b}} {{x}} {{ a.c }}", { a: { b: 1, c: null } }), "1");
    assert.equal(
      fillPlaceholders("in der Straße {{street}} {{streetOther}}, {{no}}.", {
        street: "Hauptstraße",
        no: "12",
      }),
      "in der Straße Hauptstraße, 12.",
    );
    assert.equal(fillPlaceholders("({{x}}) {{y}}", { y: "" }), "()");
  });
});

describe("dateInWords", () => {
  for (const [iso, words] of [
    ["2026-12-22", "22. Dezember 2026"],
    ["2025-03-09", "9. März 2025"],
    ["2024-02-29", "29. Februar 2024"],
    ["2027-01-01", "1. Januar 2027"],
  ]) {
    it(`${iso} -> ${words}`, () => assert.equal(dateInWords(iso), words));
  }
});

describe("composeDocument: named dates, payment, applicant and the library", () => {
  /** The dog-tax definition with its rejection notice's blocks replaced. */
  function withRejection(
    blocks: object[],
    extra: { dates?: object; payment?: object; textBlocks?: object } = {},
  ) {
    const raw = clone(readFixture<Record<string, any>>("hundesteuer.json"));
    Object.assign(raw.documents[1], { blocks }, extra.dates ? { dates: extra.dates } : {});
    if (extra.payment) raw.documents[1].payment = extra.payment;
    if (extra.textBlocks) Object.assign(raw.textBlocks, extra.textBlocks);
    const loaded = loadDefinition(raw);
    assert.ok(loaded.ok, JSON.stringify(!loaded.ok && loaded.problems));
    return loaded.definition;
  }
  const state = {
    status: "rejected",
    version: 3,
    statusEnteredAt: "",
    data: { dogCount: 2, keptSince: "2025-01-01" },
    fees: { currency: "EUR" as const, lines: [], totalCents: 19700 },
  };
  const today = "2026-11-22";
  const texts = (doc: ReturnType<typeof composeDocument>) => doc?.paragraphs.map((p) => p.text);
  const thrown = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      assert.ok(error instanceof ComposeError, String(error));
      return error.problem;
    }
    assert.fail("expected a ComposeError");
  };

  it("prints a named date in words, computed with the case context", () => {
    const def = withRejection([{ text: "Die Widerspruchsfrist endet am {{dates.remedyEnd}}." }], {
      dates: { remedyEnd: 'today + duration("P1M")', kept: 'keptSince + duration("P1Y")' },
    });
    assert.deepEqual(texts(composeDocument(def, "rejection", state, { today })), [
      "Die Widerspruchsfrist endet am 22. Dezember 2026.",
    ]);
    const kept = withRejection([{ text: "{{dates.kept}}" }], {
      dates: { kept: 'keptSince + duration("P1Y")' },
    });
    assert.deepEqual(texts(composeDocument(kept, "rejection", state, { today })), [
      "1. Januar 2026",
    ]);
  });

  it("refuses a named date that yields no date instead of printing it", () => {
    const def = withRejection([{ text: "Frist: {{dates.end}}" }], {
      dates: { end: "dogCount + 1" },
    });
    const problem = thrown(() => composeDocument(def, "rejection", state, { today }));
    assert.deepEqual(problem, {
      path: "documents[1].dates.end",
      key: "compose.notADate",
      params: { name: "end", value: "3" },
    });
    const unset = withRejection([{ text: "Frist: {{dates.end}}" }], {
      dates: { end: "keptSince" },
    });
    const noDate = { ...state, data: { dogCount: 2 } };
    const missing = thrown(() => composeDocument(unset, "rejection", noDate, { today }));
    assert.deepEqual(missing?.params, { name: "end", value: "null" });
  });

  it("does not compute a date that only a left-out block uses", () => {
    const def = withRejection([{ text: "Immer." }, { if: "dogCount > 5", text: "{{dates.end}}" }], {
      dates: { end: "dogCount" },
    });
    assert.deepEqual(texts(composeDocument(def, "rejection", state, { today })), ["Immer."]);
  });

  it("takes a block from the library when the service has none of that name", () => {
    const def = withRejection([{ textBlock: "greeting" }, { textBlock: "remedyKlage" }]);
    const library = {
      greeting: { text: "Hallo aus der Bibliothek" },
      remedyKlage: {
        title: "Rechtsbehelfsbelehrung",
        text: "Klage beim Verwaltungsgericht, {{tenant.name}}.",
      },
    };
    const doc = composeDocument(def, "rejection", state, {
      today,
      library,
      tenant: { name: "Gemeinde Musterstadt" },
    });
    assert.deepEqual(doc?.paragraphs, [
      { text: "Sehr geehrte Damen und Herren," },
      {
        title: "Rechtsbehelfsbelehrung",
        text: "Klage beim Verwaltungsgericht, Gemeinde Musterstadt.",
      },
    ]);
  });

  it("throws for a block found neither in the service nor in the library, even a left-out one", () => {
    const def = withRejection([{ text: "Text." }, { if: "false", textBlock: "remedyKlage" }]);
    const problem = thrown(() => composeDocument(def, "rejection", state, { today, library: {} }));
    assert.deepEqual(problem, {
      path: "documents[1].blocks[1].textBlock",
      key: "compose.unknownTextBlock",
      params: { id: "remedyKlage" },
    });
    assert.equal(
      thrown(() => composeDocument(def, "rejection", state, { today }))?.key,
      "compose.unknownTextBlock",
    );
  });

  it("fills a fee notice's payment, the due date in words, the total from the fees", () => {
    const def = withRejection(
      [
        {
          text: "Bitte zahlen Sie {{payment.total}} bis zum {{payment.dueDate}} unter dem Kassenzeichen {{payment.reference}}.",
        },
      ],
      { payment: { due: { days: 14 } } },
    );
    const payment = { reference: "KZ-2026-0042", dueDate: "2026-12-06" };
    assert.deepEqual(texts(composeDocument(def, "rejection", state, { today, payment })), [
      "Bitte zahlen Sie 197,00 € bis zum 6. Dezember 2026 unter dem Kassenzeichen KZ-2026-0042.",
    ]);
    assert.equal(
      thrown(() => composeDocument(def, "rejection", state, { today }))?.key,
      "compose.paymentMissing",
    );
    assert.equal(
      thrown(() =>
        composeDocument(def, "rejection", state, {
          today,
          payment: { ...payment, dueDate: "6.12.2026" },
        }),
      )?.key,
      "compose.badDueDate",
    );
  });

  it("fills the applicant, the case's status and service titles and the submission date", () => {
    const def = withRejection([
      {
        text: "{{applicant.name}}, {{applicant.address}}: {{case.service}} {{case.reference}} vom {{case.submittedAt}} – {{case.status}}",
      },
    ]);
    const doc = composeDocument(def, "rejection", state, {
      today,
      applicant: { name: "Erika Mustermann", address: "Hauptstraße 1, 39999 Musterstadt" },
      case: { reference: "HS-2026-17", submittedAt: "2026-10-01" },
    });
    const title = def.process.statuses.find((s) => s.id === "rejected")?.title;
    assert.deepEqual(texts(doc), [
      `Erika Mustermann, Hauptstraße 1, 39999 Musterstadt: ${def.meta.title} HS-2026-17 vom 01.10.2026 – ${title}`,
    ]);
  });

  it("never prints an inherited property", () => {
    assert.equal(fillPlaceholders("x {{case.constructor}}", { case: {} }), "x");
  });
});

describe("documentGaps", () => {
  it("finds gaps in the texts a document takes, the service's block before the library's, never in the data", () => {
    const def = clone(readFixture<Record<string, any>>("hundesteuer.json"));
    def.documents[0].blocks = [
      { text: "Ansprechperson: [Name eintragen]. {{holderName}}" },
      { textBlock: "remedy" },
      { textBlock: "court" },
      { textBlock: "missing" },
    ];
    const library = {
      remedy: { text: "[wird von der Dienst-Fassung verdeckt eintragen]" },
      court: { text: "Klage beim Verwaltungsgericht [Anschrift eintragen]." },
    };
    const loaded = loadDefinition(def);
    assert.ok(loaded.ok);
    assert.deepEqual(documentGaps(loaded.definition, "notice", library), [
      "[Name eintragen]",
      "[Anschrift eintragen]",
    ]);
    assert.deepEqual(documentGaps(loaded.definition, "rejection", library), []);
  });
});
