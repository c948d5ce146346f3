// The naming rules (scripts/generate/model/names.ts) on skeletons of Stripe's and GitHub's real specs
// (made by scripts/fixtures/skeleton-real-spec.ts): the names their own SDKs use, from rules alone.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildModel, envPrefixOf } from "../../scripts/generate/model/build-model.ts";
import type { CodegenModel } from "../../scripts/generate/model/codegen-model.ts";

function modelOf(fixture: string): CodegenModel {
  const path = join(import.meta.dirname, "..", "fixtures", "specs", fixture);
  const document = JSON.parse(gunzipSync(readFileSync(path)).toString("utf8")) as Record<string, unknown>;
  return buildModel({ document, packageName: "x", specName: fixture, specHash: "h" });
}

/** "GET /v1/balance" -> "balance.retrieve". */
function clientNames(model: CodegenModel): Map<string, string> {
  return new Map(
    model.operations.map((o) => [`${o.method.toUpperCase()} ${o.path}`, `${o.resource}.${o.methodName}`]),
  );
}

/** The names the rules choose; validators and types add a fixed affix to a function's name. */
function everyName(model: CodegenModel): string[] {
  return [
    ...model.resources.flatMap((r) => [r.property, r.className]),
    ...model.operations.flatMap((o) => [o.methodName, o.functionName]),
  ];
}

describe("names on Stripe's spec", () => {
  const model = modelOf("stripe-1.3.17-names.json.gz");
  const names = clientNames(model);

  it.each([
    ["GET /v1/checkout/sessions/{session}/line_items", "checkout.sessions.listLineItems"],
    ["POST /v1/checkout/sessions", "checkout.sessions.create"],
    ["POST /v1/billing_portal/sessions", "billingPortal.sessions.create"],
    [
      "POST /v1/test_helpers/terminal/readers/{reader}/present_payment_method",
      "testHelpers.terminal.readers.presentPaymentMethod",
    ],
    ["POST /v1/test_helpers/issuing/cards/{card}/shipping/ship", "testHelpers.issuing.cards.shipCard"],
    ["GET /v1/customers", "customers.list"],
    ["GET /v1/customers/{customer}", "customers.retrieve"],
    ["POST /v1/customers/{customer}", "customers.update"],
    ["DELETE /v1/customers/{customer}", "customers.del"],
    ["GET /v1/customers/search", "customers.search"],
    ["POST /v1/customers/{customer}/sources", "customers.createSource"],
    ["GET /v1/customers/{customer}/sources/{id}", "customers.retrieveSource"],
    ["POST /v1/customers/{customer}/sources/{id}/verify", "customers.verifySource"],
    ["DELETE /v1/customers/{customer}/discount", "customers.deleteDiscount"],
    ["POST /v1/customers/{customer}/cash_balance", "customers.updateCashBalance"],
    ["GET /v1/quotes/{quote}/pdf", "quotes.pdf"],
    ["POST /v1/invoices/{invoice}/void", "invoices.voidInvoice"],
    ["GET /v1/invoices/upcoming", "invoices.retrieveUpcoming"],
    ["POST /v1/tax/transactions/create_reversal", "tax.transactions.createReversal"],
    // Singletons: one object, no items under it.
    ["GET /v1/balance", "balance.retrieve"],
    ["GET /v1/account", "account.retrieve"],
    ["GET /v1/accounts/{account}", "accounts.retrieve"],
    ["POST /v1/accounts/{account}/persons", "accounts.createPerson"],
  ])("%s is %s", (endpoint, expected) => {
    expect(names.get(endpoint)).toBe(expected);
  });

  it("nests resources under namespace objects the client holds", () => {
    const roots = model.resources.filter((r) => !r.path.includes(".")).map((r) => r.property);
    expect(roots).toEqual(expect.arrayContaining(["checkout", "testHelpers", "balance", "account"]));
    expect(roots).not.toContain("checkoutSessions");
    const testHelpers = model.resources.find((r) => r.path === "testHelpers");
    expect(testHelpers?.children.map((c) => c.property)).toEqual(["issuing", "terminal"]);
  });

  it("gives standalone functions what they act on, and resource classes no numbers", () => {
    const functions = new Map(
      model.operations.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o.functionName]),
    );
    expect(functions.get("GET /v1/checkout/sessions/{session}/line_items")).toBe(
      "listCheckoutSessionLineItems",
    );
    expect(functions.get("GET /v1/balance")).toBe("retrieveBalance");
    expect(functions.get("DELETE /v1/customers/{customer}")).toBe("deleteCustomer");
    expect(functions.get("GET /v1/customers/search")).toBe("searchCustomers");
    expect(model.resources.map((r) => r.className).filter((n) => /\d$/.test(n))).toEqual([]);
  });

  it("makes no name over 40 characters", () => {
    expect(everyName(model).filter((n) => n.length > 40)).toEqual([]);
  });
});

describe("names on GitHub's spec", () => {
  const model = modelOf("github-23.0.2-names.json.gz");
  const names = clientNames(model);

  it.each([
    // "group/name" operationIds name their resource and method, as octokit's endpoint map does.
    ["GET /repos/{owner}/{repo}/issues", "issues.listForRepo"],
    ["GET /repos/{owner}/{repo}", "repos.get"],
    ["DELETE /gists/{gist_id}", "gists.delete"],
    ["GET /user", "users.getAuthenticated"],
    ["GET /orgs/{org}/actions/runners/{runner_id}/labels", "actions.listLabelsForSelfHostedRunnerForOrg"],
  ])("%s is %s", (endpoint, expected) => {
    expect(names.get(endpoint)).toBe(expected);
  });

  it("shortens names over 40 characters to their verb and last words, keeping pairs apart", () => {
    const org = names.get("DELETE /orgs/{org}/actions/runners/{runner_id}/labels") ?? "";
    const repo = names.get("DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}/labels") ?? "";
    // octokit: removeAllCustomLabelsFromSelfHostedRunnerForOrg / ...ForRepo (47, 48 characters).
    expect(org).toBe("actions.removeAllCustomLabelsFromSelfHostedOrg");
    expect(repo).toBe("actions.removeAllCustomLabelsFromSelfHostedRepo");
    expect(everyName(model).filter((n) => n.length > 40)).toEqual([]);
    expect(model.operations.map((o) => o.methodName).filter((n) => /\d$/.test(n))).toEqual([]);
  });
});

describe("names of scraped specs", () => {
  it("never make a summary sentence a name", () => {
    const sentence =
      "Retrieve the details of a verification session that was previously created by your integration";
    const model = buildModel({
      document: {
        openapi: "3.1.0",
        info: { title: "T", version: "1" },
        paths: {
          "/v1/sessions/{id}": {
            get: { operationId: sentence, responses: { "200": { description: "ok" } } },
          },
        },
      },
      packageName: "t",
      specName: "t",
      specHash: "h",
    });
    const [op] = model.operations;
    expect([op?.resource, op?.methodName, op?.functionName]).toEqual([
      "sessions",
      "retrieve",
      "retrieveSession",
    ]);
    expect(everyName(model).every((n) => n.length <= 40)).toBe(true);
  });
});

describe("environment variable names", () => {
  it.each([
    ["OpenAI", "https://api.openai.com/v1", "OPENAI"],
    ["Stripe", "https://api.stripe.com/", "STRIPE"],
    ["Stripe Identity", "https://api.stripe.com/", "STRIPE"],
    ["Verifa", "https://devapi.withverifa.com", "VERIFA"],
    ["Pet Store", undefined, "PET_STORE"],
    ["Pet Store", "/relative", "PET_STORE"],
  ])("%s at %s reads %s_API_KEY", (title, server, prefix) => {
    expect(envPrefixOf(title, server)).toBe(prefix);
  });
});
