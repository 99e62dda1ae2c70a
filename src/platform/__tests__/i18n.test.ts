import assert from "node:assert/strict";
import { it } from "node:test";
import "../../app.ts"; // the composition root imports every module and so its messages
import { missingTranslations, translate } from "../i18n/index.ts";

it("has every message in German and in English", () => {
  assert.deepEqual(missingTranslations(), []);
});

it("fills placeholders and falls back to German, then to the key", () => {
  assert.equal(
    translate("de", "error.tooManyRequests", { minutes: 5 }).includes("5 Minuten"),
    true,
  );
  assert.equal(translate("en", "no.such.key"), "no.such.key");
});
