// The npm package name `specsmith generate SPEC --out DIR` gives when --name is not passed: the spec's
// title in kebab case with "-client" ("Verifa API" -> "verifa-api-client").

export function packageNameFromTitle(title: unknown): string {
  const base = String(title ?? "api")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|(?<!-)-+$/g, "");
  return base === "" ? "api-client" : `${base}-client`;
}
