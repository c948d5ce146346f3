// The scorer itself: a scraped spec missing one parameter lowers recall by exactly that parameter's facts;
// an invented parameter lowers precision by exactly its facts; a cut page expects only what it shows.
import { describe, expect, it } from "vitest";
import { apiFacts, factKey } from "../../scripts/roundtrip/facts.ts";
import { loadRenderApi } from "../../scripts/roundtrip/load-api.ts";
import { precision, recall, scoreFacts, totalOf } from "../../scripts/roundtrip/score.ts";

function spec(parameters: object[]): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: { title: "Widgets", version: "1" },
    paths: {
      "/widgets/{widget}": {
        parameters: [{ $ref: "#/components/parameters/Widget" }],
        post: {
          parameters,
          requestBody: {
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["color"],
                  properties: {
                    color: { type: "string", enum: ["red", "blue"] },
                    frame: {
                      type: "object",
                      properties: { depth: { type: ["integer", "null"], minimum: 1 } },
                    },
                  },
                },
              },
            },
          },
          responses: { "200": { description: "OK" }, default: { description: "Error" } },
        },
      },
    },
    components: {
      parameters: { Widget: { name: "widget", in: "path", required: true, schema: { type: "string" } } },
    },
  };
}

const LIMIT = { name: "limit", in: "query", schema: { type: "integer" } };
const EXPAND = {
  name: "expand",
  in: "query",
  required: true,
  schema: { type: "array", items: { type: "string" } },
};

describe("round-trip scorer", () => {
  const source = loadRenderApi(spec([LIMIT, EXPAND]), "widgets");
  const truth = apiFacts(source);

  it("reads the spec into the expected facts", () => {
    expect(truth.map(factKey)).toEqual([
      "POST /widgets/{}\toperation\t\texists=true",
      "POST /widgets/{}\tparameter\tpath.widget\texists=true",
      "POST /widgets/{}\tparameter\tpath.widget\trequired=true",
      "POST /widgets/{}\tparameter\tpath.widget\ttype=string",
      "POST /widgets/{}\tparameter\tquery.limit\texists=true",
      "POST /widgets/{}\tparameter\tquery.limit\trequired=false",
      "POST /widgets/{}\tparameter\tquery.limit\ttype=integer",
      "POST /widgets/{}\tparameter\tquery.expand\texists=true",
      "POST /widgets/{}\tparameter\tquery.expand\trequired=true",
      "POST /widgets/{}\tparameter\tquery.expand\ttype=array",
      "POST /widgets/{}\tproperty\tbody.color\texists=true",
      "POST /widgets/{}\tproperty\tbody.color\trequired=true",
      "POST /widgets/{}\tproperty\tbody.color\ttype=string",
      'POST /widgets/{}\tproperty\tbody.color\tenum=["blue","red"]',
      "POST /widgets/{}\tproperty\tbody.frame\texists=true",
      "POST /widgets/{}\tproperty\tbody.frame\trequired=false",
      "POST /widgets/{}\tproperty\tbody.frame\ttype=object",
      "POST /widgets/{}\tproperty\tbody.frame.depth\texists=true",
      "POST /widgets/{}\tproperty\tbody.frame.depth\trequired=false",
      "POST /widgets/{}\tproperty\tbody.frame.depth\ttype=integer",
      "POST /widgets/{}\tproperty\tbody.frame.depth\tnullable=true",
      "POST /widgets/{}\tproperty\tbody.frame.depth\tminimum=1",
      "POST /widgets/{}\tstatus\t200\texists=true",
      "POST /widgets/{}\tstatus\tDEFAULT\texists=true",
    ]);
  });

  it("counts a scraped spec that lost one parameter as missing exactly that parameter's facts", () => {
    const scraped = apiFacts(loadRenderApi(spec([EXPAND]), "widgets"));
    const score = scoreFacts(truth, truth, scraped);
    expect(score.missed.map(factKey)).toEqual([
      "POST /widgets/{}\tparameter\tquery.limit\texists=true",
      "POST /widgets/{}\tparameter\tquery.limit\trequired=false",
      "POST /widgets/{}\tparameter\tquery.limit\ttype=integer",
    ]);
    expect(recall(totalOf(score.tallies))).toBe((truth.length - 3) / truth.length);
    expect(score.tallies.parameter).toEqual({ shown: 9, found: 6, scraped: 6, correct: 6 });
    expect(precision(totalOf(score.tallies))).toBe(1);
  });

  it("counts an invented parameter against precision, not recall", () => {
    const invented = { name: "color", in: "header", schema: { type: "string" } };
    const scraped = apiFacts(loadRenderApi(spec([LIMIT, EXPAND, invented]), "widgets"));
    const score = scoreFacts(truth, truth, scraped);
    expect(recall(totalOf(score.tallies))).toBe(1);
    expect(score.invented.map(factKey)).toEqual([
      "POST /widgets/{}\tparameter\theader.color\texists=true",
      "POST /widgets/{}\tparameter\theader.color\trequired=false",
      "POST /widgets/{}\tparameter\theader.color\ttype=string",
    ]);
    expect(precision(totalOf(score.tallies))).toBe(truth.length / (truth.length + 3));
  });

  it("gives the headers OpenAPI ignores (Accept, Content-Type, Authorization) no facts", () => {
    const ignored = ["Accept", "content-type", "AUTHORIZATION"].map((name) => ({
      name,
      in: "header",
      required: true,
      schema: { type: "string" },
    }));
    const facts = apiFacts(loadRenderApi(spec([LIMIT, EXPAND, ...ignored]), "widgets"));
    expect(facts.map(factKey)).toEqual(truth.map(factKey));
  });

  it("expects only the facts shown, and a renamed path template still matches", () => {
    const shown = truth.slice(0, 4);
    const renamed = spec([LIMIT, EXPAND]) as { paths: Record<string, unknown> };
    renamed.paths = { "/widgets/{id}": renamed.paths["/widgets/{widget}"] };
    const score = scoreFacts(shown, truth, apiFacts(loadRenderApi(renamed, "widgets")));
    expect(score.tallies.operation).toEqual({ shown: 1, found: 1, scraped: 1, correct: 1 });
    expect(recall(totalOf(score.tallies))).toBe(1);
  });
});
