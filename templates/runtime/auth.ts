// Credentials: which configured schemes an operation uses, and how each is put on the request. The
// generated client builds the `auth` record from constructor options and environment variables; an entry
// is undefined when its credential was not given.

export type AuthConfig =
  | { type: "basic"; username: string; password?: string }
  | { type: "bearer"; token: string }
  | { type: "apiKey"; in: "header" | "query" | "cookie"; name: string; value: string };

/**
 * The configs to apply: the first security requirement group whose schemes are all configured (OpenAPI
 * lets any one group satisfy the operation; an empty group means auth is optional). Throws, naming the
 * scheme keys and never their values, when the operation needs credentials that were not given.
 */
export function selectAuth(
  security: string[][] | undefined,
  auth: Record<string, AuthConfig | undefined>,
): AuthConfig[] {
  if (!security || security.length === 0) return [];
  for (const group of security) {
    const configs = group.map((key) => auth[key]);
    if (configs.every((c): c is AuthConfig => c !== undefined)) return configs;
  }
  const options = security.map((group) => group.join(" + ")).join(" or ");
  throw new Error(`Missing credentials: this operation needs ${options}. Pass it to the client constructor.`);
}

/** UTF-8 safe base64 (btoa alone rejects characters above U+00FF). */
function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function basicCredentials(username: string, password = ""): string {
  return base64(`${username}:${password}`);
}

/** A credential with a line break or NUL would be refused by Headers with an error quoting it. */
function checked(value: string, what: string): string {
  if (/[\r\n\0]/.test(value)) throw new TypeError(`The ${what} credential contains a line break or NUL`);
  return value;
}

/** Sets the selected credentials on the request headers, and returns query pairs for query API keys. */
export function applyAuth(configs: AuthConfig[], headers: Headers): [string, string][] {
  const query: [string, string][] = [];
  for (const config of configs) {
    switch (config.type) {
      case "basic":
        headers.set(
          "authorization",
          `Basic ${basicCredentials(checked(config.username, "basic"), checked(config.password ?? "", "basic"))}`,
        );
        break;
      case "bearer":
        headers.set("authorization", `Bearer ${checked(config.token, "bearer")}`);
        break;
      case "apiKey": {
        const value = checked(config.value, config.name);
        if (config.in === "query") query.push([config.name, value]);
        else if (config.in === "cookie") {
          const cookie = `${config.name}=${value}`;
          const existing = headers.get("cookie");
          headers.set("cookie", existing ? `${existing}; ${cookie}` : cookie);
        } else headers.set(config.name, value);
        break;
      }
    }
  }
  return query;
}

/** Every spelling of the given credentials that could show up in an error text, for redaction. */
export function secretsOf(configs: Array<AuthConfig | undefined>): string[] {
  const secrets: string[] = [];
  for (const config of configs) {
    if (!config) continue;
    if (config.type === "basic") {
      secrets.push(config.username, config.password ?? "");
      secrets.push(basicCredentials(config.username, config.password));
    } else if (config.type === "bearer") secrets.push(config.token);
    else secrets.push(config.value);
  }
  const spellings = secrets.flatMap((s) => [s, encodeURIComponent(s)]);
  return [...new Set(spellings.filter((s) => s !== ""))];
}
