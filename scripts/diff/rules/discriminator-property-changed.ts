// Objects are told apart by another property: senders and readers of the old tag both break.
import { defineRule } from "./rule.ts";

export const rule = defineRule({
  id: "discriminator-property-changed",
  level: "breaking",
  semver: "major",
  appliesTo: ["discriminator-property"],
  check: (c) => ({ before: c.before, after: c.after }),
});
