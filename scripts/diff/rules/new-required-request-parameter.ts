// Callers that do not send the new parameter are now rejected.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "new-required-request-parameter",
  level: "breaking",
  semver: "major",
  appliesTo: ["parameter-added"],
  check: (c) => (c.required ? { in: c.in, name: c.name } : undefined),
});
