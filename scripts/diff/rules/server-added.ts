// Another place the API answers: nothing changes for callers.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "server-added",
  level: "info",
  semver: "patch",
  appliesTo: ["server-added"],
  check: (c) => ({ url: c.url }),
});
