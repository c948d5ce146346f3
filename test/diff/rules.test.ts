// One fixture pair per rule (test/diff/fixtures/<case>_base.yaml and <case>_revision.yaml), each loaded
// by the real loader and diffed: the table says exactly which {id, level} findings each pair must give.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../scripts/spec/index.ts";
import { compareDocuments } from "../../scripts/diff/compare.ts";
import { CHANGE_KINDS } from "../../scripts/diff/model.ts";
import { RULES } from "../../scripts/diff/rules/index.ts";
import { MESSAGES } from "../../scripts/diff/rules/messages.ts";

const FIXTURES = join(import.meta.dirname, "fixtures");

type Expected = [id: string, level: "breaking" | "warning" | "info"][];

const CASES: Record<string, Expected> = {
  path_removed: [["path-removed", "breaking"]],
  operation_removed: [["operation-removed", "breaking"]],
  deprecated_operation_removed: [["deprecated-operation-removed", "info"]],
  operation_added: [["operation-added", "info"]],
  operation_deprecated: [["operation-deprecated", "info"]],
  servers_changed: [
    ["server-removed", "warning"],
    ["default-server-changed", "warning"],
    ["server-added", "info"],
  ],
  // A webhook's payload is what the receiver reads: compared as a response.
  webhooks_changed: [
    ["response-required-property-removed", "breaking"],
    ["webhook-removed", "warning"],
    ["deprecated-webhook-removed", "info"],
    ["webhook-added", "info"],
  ],
  // One shared schema in a request body and a response: the same mapping change reads both ways.
  discriminator_changed: [
    ["request-discriminator-value-removed", "breaking"],
    ["response-discriminator-value-added", "warning"],
    ["request-discriminator-value-added", "info"],
    ["response-discriminator-value-removed", "info"],
  ],
  discriminator_property_changed: [["discriminator-property-changed", "breaking"]],
  new_required_request_parameter: [["new-required-request-parameter", "breaking"]],
  new_required_request_header: [["new-required-request-parameter", "breaking"]],
  new_optional_request_parameter: [["new-optional-request-parameter", "info"]],
  request_parameter_removed: [["request-parameter-removed", "warning"]],
  deprecated_request_parameter_removed: [["deprecated-request-parameter-removed", "info"]],
  request_parameter_renamed: [["request-parameter-renamed", "breaking"]],
  request_parameter_moved: [["request-parameter-moved", "breaking"]],
  request_parameter_became_required: [["request-parameter-became-required", "breaking"]],
  request_parameter_became_optional: [["request-parameter-became-optional", "info"]],
  request_parameter_deprecated: [["request-parameter-deprecated", "info"]],
  request_parameter_serialization_changed: [["request-parameter-serialization-changed", "breaking"]],
  scalar_parameter_serialization_changed: [],
  request_body_became_required: [["request-body-became-required", "breaking"]],
  request_body_became_optional: [["request-body-became-optional", "info"]],
  request_body_added: [["request-body-added", "info"]],
  request_body_removed: [["request-body-removed", "warning"]],
  request_media_type_removed: [["request-media-type-removed", "breaking"]],
  request_media_type_added: [["request-media-type-added", "info"]],
  response_success_status_removed: [["response-success-status-removed", "breaking"]],
  response_error_status_removed: [["response-error-status-removed", "info"]],
  response_success_status_added: [["response-success-status-added", "warning"]],
  response_error_status_added: [["response-error-status-added", "info"]],
  response_media_type_removed: [["response-media-type-removed", "breaking"]],
  response_error_media_type_removed: [["response-error-media-type-removed", "info"]],
  response_media_type_added: [["response-media-type-added", "info"]],
  response_required_header_removed: [["response-required-header-removed", "breaking"]],
  response_optional_header_removed: [["response-optional-header-removed", "warning"]],
  response_header_added: [["response-header-added", "info"]],
  new_required_request_property: [["new-required-request-property", "breaking"]],
  new_optional_request_property: [["new-optional-request-property", "info"]],
  request_property_became_required: [["request-property-became-required", "breaking"]],
  request_property_became_optional: [["request-property-became-optional", "info"]],
  request_property_removed: [["request-property-removed", "warning"]],
  request_property_removed_closed: [["request-property-removed-rejected", "breaking"]],
  request_property_renamed: [["request-property-renamed", "breaking"]],
  response_required_property_removed: [["response-required-property-removed", "breaking"]],
  response_optional_property_removed: [["response-optional-property-removed", "warning"]],
  response_property_became_optional: [["response-property-became-optional", "breaking"]],
  response_property_became_required: [["response-property-became-required", "info"]],
  response_property_added: [["response-property-added", "info"]],
  response_property_renamed: [["response-property-renamed", "breaking"]],
  deprecated_property_removed: [["deprecated-property-removed", "info"]],
  property_deprecated: [["property-deprecated", "info"]],
  request_type_narrowed: [["request-type-narrowed", "breaking"]],
  request_format_narrowed: [["request-type-narrowed", "breaking"]],
  request_type_widened: [["request-type-widened", "info"]],
  response_type_widened: [["response-type-widened", "breaking"]],
  response_format_widened: [["response-type-widened", "breaking"]],
  response_type_narrowed: [["response-type-narrowed", "info"]],
  type_changed: [["type-changed", "breaking"]],
  request_enum_value_removed: [["request-enum-value-removed", "breaking"]],
  request_enum_value_added: [["request-enum-value-added", "info"]],
  response_enum_value_added: [["response-enum-value-added", "warning"]],
  response_enum_value_removed: [["response-enum-value-removed", "info"]],
  request_became_enum: [["request-became-enum", "breaking"]],
  response_became_enum: [["response-became-enum", "info"]],
  request_enum_removed: [["request-enum-removed", "info"]],
  response_enum_removed: [["response-enum-removed", "warning"]],
  request_nullable_removed: [["request-nullable-removed", "breaking"]],
  request_nullable_added: [["request-nullable-added", "info"]],
  response_nullable_added: [["response-nullable-added", "breaking"]],
  response_nullable_removed: [["response-nullable-removed", "info"]],
  request_variant_removed: [["request-variant-removed", "breaking"]],
  request_variant_added: [["request-variant-added", "info"]],
  response_variant_added: [["response-variant-added", "breaking"]],
  response_variant_removed: [["response-variant-removed", "info"]],
  request_limit_tightened: [["request-limit-tightened", "breaking"]],
  request_pattern_added: [["request-limit-tightened", "breaking"]],
  request_limit_loosened: [["request-limit-loosened", "info"]],
  response_limit_loosened: [["response-limit-loosened", "warning"]],
  response_limit_tightened: [["response-limit-tightened", "info"]],
  request_default_changed: [["request-default-changed", "warning"]],
  response_default_changed: [["response-default-changed", "info"]],
  security_added: [["security-added", "breaking"]],
  security_removed: [["security-removed", "info"]],
  security_alternative_added: [["security-alternative-added", "info"]],
  security_changed: [["security-changed", "breaking"]],
  security_scheme_changed: [["security-scheme-changed", "breaking"]],
  generated_export_renamed: [["generated-export-renamed", "breaking"]],
  generated_export_removed: [["generated-export-removed", "breaking"]],
  generated_signature_changed: [
    ["generated-signature-changed", "breaking"],
    ["request-parameter-removed", "warning"],
  ],
  identical: [],
  inline_to_equivalent_ref: [],
  descriptions_only: [],
  response_nullable_ref_30: [["response-nullable-added", "breaking"]],
  nullable_30_and_31_spellings: [],
};

async function findings(name: string): Promise<string[]> {
  const base = await loadSpec(join(FIXTURES, `${name}_base.yaml`));
  const revision = await loadSpec(join(FIXTURES, `${name}_revision.yaml`));
  const report = compareDocuments(base.document, revision.document, { base: "base", revision: "revision" });
  return [...new Set(report.findings.map((f) => `${f.id} ${f.level}`))].sort();
}

describe("rules, one fixture pair per case", () => {
  for (const [name, expected] of Object.entries(CASES)) {
    it(name, async () => {
      expect(await findings(name)).toEqual(
        [...new Set(expected.map(([id, level]) => `${id} ${level}`))].sort(),
      );
    });
  }
});

describe("the rule set", () => {
  it("has a fixture for every rule, at the rule's own level", () => {
    const covered = new Map(Object.values(CASES).flat());
    for (const rule of RULES) expect(covered.get(rule.id), rule.id).toBe(rule.level);
  });

  it("has a fixture pair for every case in the table, and no pair without a case", () => {
    const pairs = readdirSync(FIXTURES)
      .filter((f) => f.endsWith("_base.yaml"))
      .map((f) => f.slice(0, -"_base.yaml".length))
      .sort();
    expect(pairs).toEqual(Object.keys(CASES).sort());
  });

  it("gives every rule a unique id and a message, and keeps no message without a rule", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(MESSAGES).sort()).toEqual([...ids].sort());
  });

  it("reads every kind of structural change with some rule (nothing found is dropped silently)", () => {
    const read = new Set(RULES.flatMap((r) => r.appliesTo));
    expect(CHANGE_KINDS.filter((k) => !read.has(k))).toEqual([]);
  });
});
