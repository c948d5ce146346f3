// Callers that set that base URL themselves reach a host the spec no longer lists.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "server-removed",
  level: "warning",
  semver: "minor",
  appliesTo: ["server-removed"],
  check: (c) => ({ url: c.url }),
});
