// Callers that leave the parameter out are now rejected.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "request-parameter-became-required",
  level: "breaking",
  semver: "major",
  appliesTo: ["parameter-required"],
  check: (c) => (c.required ? { in: c.in, name: c.name } : undefined),
});
