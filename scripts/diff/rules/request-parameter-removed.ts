// Callers that still send it are ignored at best, rejected at worst; the generated params type loses it.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "request-parameter-removed",
  level: "warning",
  semver: "major",
  appliesTo: ["parameter-removed"],
  check: (c) => (c.deprecated ? undefined : { in: c.in, name: c.name }),
});
