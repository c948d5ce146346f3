// Callers that send it still may.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "request-parameter-became-optional",
  level: "info",
  semver: "minor",
  appliesTo: ["parameter-required"],
  check: (c) => (c.required ? undefined : { in: c.in, name: c.name }),
});
