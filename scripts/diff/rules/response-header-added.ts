// A new header breaks nobody.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "response-header-added",
  level: "info",
  semver: "minor",
  appliesTo: ["response-header-added"],
  check: (c) => ({ status: c.status, name: c.name }),
});
