// The security schemes the client can fill: each becomes a constructor option and an environment variable.
import type { SecuritySchemeModel } from "./codegen-model.ts";
import { NameRegistry, safeIdentifier } from "./identifiers.ts";
import { derefObject, isObject } from "../../spec/pointer.ts";
import { CLIENT_OPTION_NAMES } from "../../../templates/runtime/client.ts";
import { UserError } from "../../lib/errors.ts";

type Json = Record<string, unknown>;

/**
 * Environment variable names set by hand (api.yaml `env:`, `--env-prefix`) instead of the ones derived
 * from the API's name; `source` names where they came from, for errors.
 */
export interface EnvOverrides {
  /** "OPENAI": OPENAI_API_KEY, OPENAI_BASE_URL... */
  prefix?: string;
  baseURL?: string;
  /** By the client's credential option ("apiKey"): the variable that gives it. */
  credentials?: Record<string, string>;
  source?: string;
}

export function buildSecuritySchemes(
  document: Json,
  envPrefix: string,
  overrides: EnvOverrides = {},
): SecuritySchemeModel[] {
  const schemes = isObject((document.components as Json | undefined)?.securitySchemes)
    ? ((document.components as Json).securitySchemes as Json)
    : {};
  // The constructor's options object: the runtime's own options and Object.prototype's names are taken.
  const options = NameRegistry.forMembers(CLIENT_OPTION_NAMES);
  const out: SecuritySchemeModel[] = [];
  for (const key of Object.keys(schemes).sort()) {
    const s = derefObject(document, schemes[key]);
    if (!s) continue;
    let kind: SecuritySchemeModel["kind"] | undefined;
    if (s.type === "http" && String(s.scheme).toLowerCase() === "basic") kind = "basic";
    else if (s.type === "http" && String(s.scheme).toLowerCase() === "bearer") kind = "bearer";
    else if (s.type === "oauth2" || s.type === "openIdConnect") kind = "bearer";
    else if (s.type === "apiKey" && ["header", "query", "cookie"].includes(String(s.in))) kind = "apiKey";
    if (!kind) continue;
    const first = out.length === 0;
    const option = options.claim(first ? "apiKey" : safeIdentifier(key, "camel"), [
      safeIdentifier(`${key} token`, "camel"),
    ]);
    const model: SecuritySchemeModel = {
      key,
      kind,
      option,
      envVar:
        ownString(overrides.credentials, option) ??
        `${envPrefix}_${option.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase()}`,
    };
    if (kind === "apiKey") {
      model.in = s.in as SecuritySchemeModel["in"];
      model.name = String(s.name);
    }
    if (typeof s.description === "string") model.description = s.description;
    out.push(model);
  }
  const unknown = Object.keys(overrides.credentials ?? {}).filter(
    (key) => !out.some((s) => s.option === key),
  );
  if (unknown.length > 0) {
    const known = ["prefix", "baseURL", ...out.map((s) => s.option)].join(", ");
    throw new UserError(
      `env.${unknown[0] ?? ""} names no option of the client (known: ${known})`,
      overrides.source ?? "api.yaml",
    );
  }
  return out;
}

function ownString(record: Record<string, string> | undefined, key: string): string | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
