// The security schemes the client can fill: each becomes a constructor option and an environment variable.
import type { SecuritySchemeModel } from "./codegen-model.ts";
import { NameRegistry, safeIdentifier } from "./identifiers.ts";
import { derefObject, isObject } from "../../spec/pointer.ts";
import { CLIENT_OPTION_NAMES } from "../../../templates/runtime/client.ts";

type Json = Record<string, unknown>;

export function buildSecuritySchemes(document: Json, envPrefix: string): SecuritySchemeModel[] {
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
      envVar: `${envPrefix}_${option.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase()}`,
    };
    if (kind === "apiKey") {
      model.in = s.in as SecuritySchemeModel["in"];
      model.name = String(s.name);
    }
    if (typeof s.description === "string") model.description = s.description;
    out.push(model);
  }
  return out;
}
