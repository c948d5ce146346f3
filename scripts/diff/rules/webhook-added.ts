// A new event: receivers that do not subscribe to it never see it.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "webhook-added",
  level: "info",
  semver: "patch",
  appliesTo: ["webhook-added"],
  check: (c) => ({ name: c.name }),
});
