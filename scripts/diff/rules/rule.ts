// What a rule is: a stable id, a level, the version bump it implies for the generated package, the kinds
// of structural change it reads, and a check that says whether it fires on one change (and with which
// fill-ins for its message). The words live in messages.ts, keyed by id, apart from the logic.
import type { Change, ChangeKind, ChangeOf, Level, MessageParams } from "../model.ts";

export interface Rule<K extends ChangeKind = ChangeKind> {
  readonly id: string;
  readonly level: Level;
  /** The semver bump for the generated package when the rule fires. */
  readonly semver: "major" | "minor" | "patch";
  readonly appliesTo: readonly K[];
  /** The message's fill-ins when the rule fires on `change`, else undefined. */
  check(change: ChangeOf<K>): MessageParams | undefined;
}

/** A rule with its kinds erased, as the rule list holds it. */
export interface AnyRule extends Omit<Rule, "check"> {
  check(change: Change): MessageParams | undefined;
}

/** Types a rule's check by the kinds it applies to; the engine only calls it with changes of those kinds. */
export function defineRule<K extends ChangeKind>(rule: Rule<K>): AnyRule {
  return rule as unknown as AnyRule;
}

export const isRequest = (c: { direction?: string }): boolean => c.direction === "request";
export const isResponse = (c: { direction?: string }): boolean => c.direction === "response";
