// npm package names: the rule every name specsmith writes follows (api.yaml's `package`, --name), and the
// name `specsmith generate SPEC --out DIR` gives when --name is not passed: the spec's title in kebab case
// with "-client" ("Verifa API" -> "verifa-api-client").

/**
 * A valid npm package name, optionally scoped. The generated package.json and README (its heading, its
 * `npm install` line) take the name as it is; these characters cannot add markup there.
 */
export function isPackageName(name: string): boolean {
  return /^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/.test(name);
}

export function packageNameFromTitle(title: unknown): string {
  const base = String(title ?? "api")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|(?<!-)-+$/g, "");
  return base === "" ? "api-client" : `${base}-client`;
}
