import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { findUnstorableText, hasUnstorableText } from "../text.ts";

describe("text a database cannot store", () => {
  it("is a NUL or a lone surrogate; a surrogate pair is a character", () => {
    assert.equal(hasUnstorableText("Erika Müller 🐕"), false);
    assert.equal(hasUnstorableText("a\u0000b"), true);
    assert.equal(hasUnstorableText("a\ud83db"), true, "a high surrogate alone");
    assert.equal(hasUnstorableText("a\udc15"), true, "a low surrogate alone");
    assert.equal(hasUnstorableText("\udc15\ud83d"), true, "a pair the wrong way round");
    assert.equal(hasUnstorableText(""), false);
  });

  it("names the path of the first such string, keys included", () => {
    const dogs = [{ name: "Bello" }, { name: "Rex\u0000" }];
    assert.equal(findUnstorableText({ owner: "Erika", dogs }), "dogs[1].name");
    assert.equal(findUnstorableText({ address: { street: "\ud800" } }), "address.street");
    assert.equal(findUnstorableText({ "ke\u0000y": 1 }), "ke\u0000y");
    assert.equal(findUnstorableText([["ok", "\udfff"]]), "[0][1]");
    assert.equal(findUnstorableText([{ a: ["\u0000"] }]), "[0].a[0]");
    assert.equal(findUnstorableText("\u0000"), "");
    assert.equal(findUnstorableText({ n: 1, b: true, d: null, list: [1, "x"] }), undefined);
  });

  it("finds what a plain walk that spells every path finds, on generated values", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "ß", "\u0000", "\ud83d", "\udc15", "😀") });
    const values = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        text,
        fc.integer(),
        fc.constant(null),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(text, tie("value"), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(values, (value) => {
        assert.equal(findUnstorableText(value), plainWalk(value));
      }),
      { numRuns: 2000, seed: 20261207 },
    );
  });
});

/** The straightforward reading: every path spelled out on the way down. */
function plainWalk(value: unknown, path = ""): string | undefined {
  const bad = (s: string) => s.includes("\u0000") || /\p{Cs}/u.test(s);
  if (typeof value === "string") return bad(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = plainWalk(value[i], `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const here = path === "" ? k : `${path}.${k}`;
      if (bad(k)) return here;
      const found = plainWalk(v, here);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
