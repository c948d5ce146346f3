// Shared by the security rules: requirements that let anyone in (none listed, or the empty `{}` among them).
export function open(alternatives: readonly string[]): boolean {
  return alternatives.length === 0 || alternatives.includes("none");
}
