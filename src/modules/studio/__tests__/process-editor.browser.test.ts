import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { browserSkip, useAppAndBrowser } from "../../../../test/helpers/browser.ts";
import { assertAccessible, createServiceInStudio, studioSession } from "./studio-browser.ts";

describe("the studio's process editor in a browser", { skip: browserSkip }, () => {
  const suite = useAppAndBrowser({ DEMO_MODE: "true" });

  it("adds a status and an approval action with second approval and a fee, draws them, marks an unreachable status, and saves", async () => {
    const { page, studio, pageErrors, context, tenant } = await studioSession(
      suite.app,
      suite.browser,
      "stpr",
    );
    await createServiceInStudio(page, studio, "Sondernutzung beantragen");
    const slug = /\/dienste\/([^/]+)/.exec(page.url())?.[1];
    assert.ok(slug);
    await page.click("#tab-ablauf");

    // a second status, final-positive
    await page.fill("#status-new-title", "Genehmigt");
    await page.selectOption("#status-new-kind", "final-positive");
    await page.click("form[aria-label='Neuer Status'] button[type=submit]");
    await page.waitForSelector("#status-title");
    assert.equal(await page.inputValue("#status-id"), "genehmigt");

    // the approval action: from "eingegangen" to "genehmigt", caseworker, second approval, fee
    await page.fill("#action-new-title", "Genehmigen");
    await page.click("form[aria-label='Neue Aktion'] button[type=submit]");
    await page.waitForSelector("#action-title");
    await page.check("#action-from-eingegangen");
    await page.selectOption("#action-to", "genehmigt");
    await page.check("#action-role-caseworker");
    await page.check("#action-second-approval");
    await page.waitForSelector("#action-approval-role-approver");
    assert.ok(await page.isChecked("#action-approval-role-approver"));
    await page.selectOption("#effect-new-type", "assessFee");
    await page.click("text=Wirkung hinzufügen");
    await page.waitForSelector("text=1. Gebühren festsetzen");

    // the diagram shows both statuses and the action's label
    await page.waitForSelector("#process-diagram [data-status=eingegangen]");
    await page.waitForSelector("#process-diagram [data-status=genehmigt]");
    assert.equal(
      await page.textContent("#process-diagram [data-action=genehmigen] text"),
      "Genehmigen",
    );
    assert.match(
      (await page.textContent("#process-diagram-text")) ?? "",
      /Eingegangen → Genehmigen → Genehmigt/,
    );
    assert.equal(await page.$("#process-diagram .studio-node--unreachable"), null);

    // a status no action leads to is marked unreachable, in the diagram and in the text
    await page.fill("#status-new-title", "Archiviert");
    await page.selectOption("#status-new-kind", "final-negative");
    await page.click("form[aria-label='Neuer Status'] button[type=submit]");
    await page.waitForSelector(
      "#process-diagram [data-status=archiviert].studio-node--unreachable",
    );
    assert.match((await page.textContent("#process-unreachable")) ?? "", /Archiviert/);
    assert.match(
      (await page.getAttribute("#process-diagram", "aria-label")) ?? "",
      /Nicht erreichbar: „Archiviert“/,
    );
    assert.match(
      (await page.textContent(".studio-process .studio-findings")) ?? "",
      /„archiviert“ ist von keinem anderen Status aus erreichbar/,
    );
    assert.equal(
      await page.$("#process-diagram [data-status=genehmigt].studio-node--unreachable"),
      null,
    );

    // clicking a box in the diagram opens that status
    await page.click("#process-diagram [data-status=genehmigt]");
    await page.waitForFunction(
      () => (document.querySelector("#status-title") as HTMLInputElement)?.value === "Genehmigt",
    );
    // removing a status an action uses asks first
    await page.click("button[aria-label='Genehmigt entfernen']");
    assert.match((await page.textContent("[role=alert]")) ?? "", /„Genehmigen“/);
    await page.click("text=Abbrechen");
    assert.equal((await page.$("[data-status=genehmigt]")) !== null, true);

    await assertAccessible(page, "process tab");

    await page.keyboard.press("Control+s");
    await page.waitForSelector("text=Gespeichert (Stand 2)");
    const response = await page.request.get(
      `${suite.app.url}/${tenant.slug}/studio/api/services/${slug}/draft`,
    );
    assert.equal(response.status(), 200);
    const { definition } = (await response.json()) as {
      definition: {
        process: {
          initialStatus: string;
          statuses: { id: string; kind: string }[];
          actions: unknown;
        };
      };
    };
    assert.equal(definition.process.initialStatus, "eingegangen");
    assert.deepEqual(
      definition.process.statuses.map((s) => [s.id, s.kind]),
      [
        ["eingegangen", "open"],
        ["genehmigt", "final-positive"],
        ["archiviert", "final-negative"],
      ],
    );
    assert.deepEqual(definition.process.actions, [
      {
        id: "genehmigen",
        title: "Genehmigen",
        from: ["eingegangen"],
        to: "genehmigt",
        roles: ["caseworker"],
        secondApproval: { roles: ["approver"] },
        effects: [{ type: "assessFee" }],
      },
    ]);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  it("draws a real service, selects by keyboard, and a linter finding jumps to the action's roles", async () => {
    const { page, studio, pageErrors, context } = await studioSession(
      suite.app,
      suite.browser,
      "stpt",
    );
    await createServiceInStudio(page, studio, "Aufgraben", "template:aufgrabegenehmigung");
    await page.click("#tab-ablauf");
    await page.waitForSelector("#process-diagram");
    assert.equal(await page.locator("#process-diagram [data-status]").count(), 10);
    assert.equal(await page.$("#process-diagram .studio-node--unreachable"), null);
    assert.equal(await page.$("#process-unreachable"), null);
    // every (from-status, action) pair is one arrow and one line of the text version
    assert.equal(await page.locator("#process-diagram [data-action]").count(), 17);
    assert.equal(await page.locator("#process-diagram-text button").count(), 17);

    // the text version selects an action by keyboard
    await page.focus("#process-diagram-text button >> nth=0");
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      () => (document.querySelector("#action-id") as HTMLInputElement)?.value === "startReview",
    );
    await page.click("button[aria-expanded=true][aria-controls=action-detail]");
    await page.waitForSelector("#action-detail", { state: "detached" });

    // an action nobody may perform: the linter's finding leads back to its roles
    await page.click("#action-row-approve th button");
    await page.uncheck("#action-role-caseworker");
    await page.click("button[aria-expanded=true][aria-controls=action-detail]");
    await page.click("#tab-pruefung");
    await page.click(".studio-finding--error button >> text=/niemand|keine Rolle|approve/");
    const focused = await page
      .waitForFunction(() => document.activeElement?.id === "action-role-caseworker")
      .then(() => page.evaluate(() => document.activeElement?.getAttribute("data-path")));
    assert.match(String(focused), /^process\.actions\[5\]\.roles$/);
    assert.equal(await page.inputValue("#action-id"), "approve");
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});
