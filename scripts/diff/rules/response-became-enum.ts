// Callers get a subset of what they got before.
import { defineRule, isResponse } from "./rule.ts";

export const rule = defineRule({
  id: "response-became-enum",
  level: "info",
  semver: "patch",
  appliesTo: ["enum-presence"],
  check: (c) => (isResponse(c) && c.enum ? { values: c.values.join(", ") } : undefined),
});
