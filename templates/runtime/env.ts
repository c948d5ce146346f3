// Credentials default to environment variables where there is an environment (Node, Deno, Bun); in a
// browser there is none and the option must be given.

export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
}

/** An auth entry when a credential is present; the request fails later only if an operation needs it. */
export function credential<T>(value: string | undefined, build: (value: string) => T): T | undefined {
  return value === undefined ? undefined : build(value);
}
