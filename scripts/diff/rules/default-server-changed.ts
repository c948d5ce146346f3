// The generated client's DEFAULT_BASE_URL is the first server: callers relying on it now reach another host.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "default-server-changed",
  level: "warning",
  semver: "minor",
  appliesTo: ["default-server-changed"],
  check: (c) => ({ before: c.before, after: c.after }),
});
