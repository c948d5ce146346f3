// Callers that send a body still may.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "request-body-became-optional",
  level: "info",
  semver: "minor",
  appliesTo: ["request-body-required"],
  check: (c) => (c.required ? undefined : {}),
});
