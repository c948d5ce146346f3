// An error status no longer documented: callers' handling of it is merely unused.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "response-error-status-removed",
  level: "info",
  semver: "patch",
  appliesTo: ["response-removed"],
  check: (c) => (c.success ? undefined : { status: c.status }),
});
