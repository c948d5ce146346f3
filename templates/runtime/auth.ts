// Credentials: which configured schemes an operation uses, how each is put on the request, and which
// parts of a request carry a credential (so a redirect to another origin can leave them behind). The
// generated client builds the `auth` record from constructor options and environment variables; an entry
// is undefined when its credential was not given.
import { MissingCredentialError, type CredentialSource } from "./errors.js";
import { ownValue } from "./own.js";
import { containsSecret, secretSpellings } from "./redact.js";

export type AuthConfig =
  | { type: "basic"; username: string; password?: string }
  | { type: "bearer"; token: string }
  | { type: "apiKey"; in: "header" | "query" | "cookie"; name: string; value: string };

/**
 * The configs to apply: the first security requirement group whose schemes are all configured (OpenAPI
 * lets any one group satisfy the operation; an empty group means auth is optional). Throws a
 * MissingCredentialError when the operation needs credentials that were not given, naming the client
 * option and the environment variable of each (from `sources`), never a value.
 */
export function selectAuth(
  security: string[][] | undefined,
  auth: Record<string, AuthConfig | undefined>,
  sources: Record<string, CredentialSource> = {},
): AuthConfig[] {
  if (!security || security.length === 0) return [];
  for (const group of security) {
    const configs = group.map((key) => ownValue(auth, key) as AuthConfig | undefined);
    if (configs.every((c): c is AuthConfig => c !== undefined)) return configs;
  }
  throw new MissingCredentialError(
    security.map((group) =>
      group.map((scheme) => {
        const source = ownValue(sources, scheme) as CredentialSource | undefined;
        return source ? { scheme, ...source } : { scheme };
      }),
    ),
  );
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

/** The texts a credential shows on the wire: the values themselves and, for basic, the encoded pair. */
function credentialTexts(config: AuthConfig): string[] {
  switch (config.type) {
    case "basic":
      return [config.username, config.password ?? "", basicCredentials(config.username, config.password)];
    case "bearer":
      return [config.token];
    case "apiKey":
      return [config.value];
  }
}

/** Every spelling of the given credentials that could show up in a text, for masking. */
export function secretsOf(configs: Array<AuthConfig | undefined>): string[] {
  return secretSpellings(configs.flatMap((config) => (config ? credentialTexts(config) : [])));
}

/** An API-key parameter the spec declares (configured or not): a user may set it by hand too. */
export interface CredentialParameter {
  in: "header" | "query" | "cookie";
  name: string;
}

/** Headers that carry a credential in any API: HTTP authentication and cookies. */
const CREDENTIAL_HEADERS = ["authorization", "proxy-authorization", "cookie"];

/**
 * Header names that read as credentials, for headers set by hand (defaultHeaders, per-request headers)
 * that no scheme of the spec declares: `X-Auth-Token`, `X-Shopify-Access-Token`, `X-Api-Key`...
 */
const CREDENTIAL_NAME = /auth|token|secret|passw|session|cookie|api[-_]?key|access[-_]?key|signature/i;

/**
 * Values of credential headers set by hand are masked from this length on: a session id or a token is
 * longer, while masking a short value (`theme=dark`) would blank that word in every error message.
 */
const MIN_HAND_SET_SECRET = 8;

/** What in a request is a credential: which headers and query parameters, and the secrets to mask. */
export interface CredentialScope {
  /** Spellings of every credential value the request may carry (see secretSpellings). */
  secrets: readonly string[];
  isCredentialHeader(name: string, value: string): boolean;
  isCredentialQuery(name: string, value: string): boolean;
}

/**
 * The credential scope of one request: the configured credentials, the spec's API-key parameters, the
 * credential headers of every API, header names that read as credentials, and any header or query
 * parameter whose value contains a configured credential. Values of credential headers set by hand
 * (a Bearer token in `defaultHeaders`) join the secrets, so they are masked in errors as well.
 */
export function credentialScope(
  configured: Array<AuthConfig | undefined>,
  parameters: readonly CredentialParameter[],
  headers: Headers,
): CredentialScope {
  const headerNames = new Set(CREDENTIAL_HEADERS);
  const queryNames = new Set<string>();
  const declared = [
    ...parameters,
    ...configured.flatMap((c) => (c?.type === "apiKey" ? [{ in: c.in, name: c.name }] : [])),
  ];
  for (const parameter of declared) {
    if (parameter.in === "header") headerNames.add(parameter.name.toLowerCase());
    if (parameter.in === "query") queryNames.add(parameter.name);
  }
  const configuredSecrets = secretsOf(configured);
  const isCredentialHeader = (name: string, value: string): boolean =>
    headerNames.has(name.toLowerCase()) ||
    CREDENTIAL_NAME.test(name) ||
    containsSecret(value, configuredSecrets);
  const byHand: string[] = [];
  headers.forEach((value, name) => {
    if (!isCredentialHeader(name, value)) return;
    // `Bearer <token>`: the token alone may be echoed too. Cookies: each value.
    const parts = [value, /^\S+\s+(\S.*)$/.exec(value)?.[1] ?? ""];
    if (name.toLowerCase() === "cookie")
      for (const pair of value.split(";")) parts.push(pair.slice(pair.indexOf("=") + 1).trim());
    byHand.push(...parts.filter((part) => part.length >= MIN_HAND_SET_SECRET));
  });
  const secrets = secretSpellings([...configured.flatMap((c) => (c ? credentialTexts(c) : [])), ...byHand]);
  return {
    secrets,
    isCredentialHeader,
    isCredentialQuery: (name, value) => queryNames.has(name) || containsSecret(value, secrets),
  };
}
