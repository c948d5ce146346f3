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

/** A spec of the given operations ("group/name" operationIds name their resource and method). */
function modelOfOperations(
  ops: { method: string; path: string; id: string; summary?: string }[],
): CodegenModel {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { method, path, id, summary } of ops)
    (paths[path] ??= {})[method] = {
      operationId: id,
      ...(summary === undefined ? {} : { summary }),
      responses: { "204": { description: "done" } },
    };
  return buildModel({
    document: { openapi: "3.1.0", info: { title: "T", version: "1" }, paths },
    packageName: "t",
    specName: "t",
    specHash: "h",
  });
}

/** "PUT /user/x" -> "widgets.addX". */
function methodsOf(model: CodegenModel): Record<string, string> {
  return Object.fromEntries(
    model.operations.map((o) => [`${o.method.toUpperCase()} ${o.path}`, `${o.resource}.${o.methodName}`]),
  );
}

describe("names over 40 characters", () => {
  it("lose a trailing qualifier that names the path's owner, when no other method would then read the same", () => {
    const model = modelOfOperations([
      // 42 characters with "for authenticated user"; /user/... is the authenticated user's.
      {
        method: "put",
        path: "/user/installations/{installation_id}/gadgets/{gadget_id}",
        id: "widgets/add-gadget-to-installation-for-authenticated-user",
      },
      // The other ends in a qualifier that is not the owner ("for enterprise configuration"): cut instead.
      {
        method: "get",
        path: "/enterprises/{enterprise}/configurations/{configuration_id}/gadgets",
        id: "widgets/list-gadgets-for-enterprise-security-configuration",
      },
    ]);
    expect(methodsOf(model)).toEqual({
      "PUT /user/installations/{installation_id}/gadgets/{gadget_id}": "widgets.addGadgetToInstallation",
      "GET /enterprises/{enterprise}/configurations/{configuration_id}/gadgets":
        "widgets.listGadgetsForEnterpriseConfiguration",
    });
  });

  it("keep the qualifier where it tells operations apart, and never take another operation's name as is", () => {
    const model = modelOfOperations([
      {
        method: "post",
        path: "/orgs/{org}/gadgets/{gadget_id}/versions/{version_id}/restore",
        id: "widgets/restore-gadget-version-for-org",
      },
      // 43 characters: cut to restoreGadgetWidgetVersionForUser, the next operation's own name.
      {
        method: "post",
        path: "/user/gadgets/{gadget_id}/versions/{version_id}/restore",
        id: "widgets/restore-gadget-widget-version-for-authenticated-user",
      },
      {
        method: "post",
        path: "/users/{username}/gadgets/{gadget_id}/versions/{version_id}/restore",
        id: "widgets/restore-gadget-widget-version-for-user",
      },
    ]);
    const names = methodsOf(model);
    // Sorted, /user/... is named before /users/...: it still does not take that one's name.
    expect(names["POST /users/{username}/gadgets/{gadget_id}/versions/{version_id}/restore"]).toBe(
      "widgets.restoreGadgetWidgetVersionForUser",
    );
    // Not restoreGadgetWidgetVersion (which of the three?): the next cut that still says which.
    expect(names["POST /user/gadgets/{gadget_id}/versions/{version_id}/restore"]).toBe(
      "widgets.restoreGadgetWidgetForAuthenticatedUser",
    );
  });

  it("come from the summary when it is a short command in the package's verbs", () => {
    const model = modelOfOperations([
      // The package's verbs: words its method names start with.
      { method: "get", path: "/orgs/{org}/gadgets", id: "widgets/get-gadgets" },
      { method: "delete", path: "/orgs/{org}/gadgets", id: "widgets/remove-gadgets" },
      {
        method: "get",
        path: "/orgs/{org}/settings/schema",
        id: "widgets/gadget-settings-for-repos-get-organization-definitions",
        summary: "Get all gadget settings for an organization",
      },
      // Summaries that start with no verb of the package, or with another verb than the id's, are no
      // names: the id is cut.
      {
        method: "delete",
        path: "/orgs/{org}/settings/schema",
        id: "widgets/gadget-settings-for-repos-delete-organization-definitions",
        summary: "Remove all gadget settings for an organization",
      },
      {
        method: "put",
        path: "/orgs/{org}/settings/schema",
        id: "widgets/gadget-settings-for-repos-replace-organization-definitions",
        summary: "Gadget settings replacement for an organization",
      },
    ]);
    expect(methodsOf(model)).toMatchObject({
      "GET /orgs/{org}/settings/schema": "widgets.getAllGadgetSettings",
      "DELETE /orgs/{org}/settings/schema": "widgets.gadgetSettingsForReposDeleteDefinitions",
      "PUT /orgs/{org}/settings/schema": "widgets.gadgetSettingsForReposReplaceDefinitions",
    });
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
