// Features a valid spec may use that the generated client does not implement. They are reported, with
// where they are, rather than refused: the rest of the API is still worth a client.
import { child, isObject, type Obj } from "./pointer.ts";
import { walkDocument, type Visitor } from "./walk.ts";

export interface SpecWarning {
  pointer: string;
  message: string;
}

/** All warnings for a document (the loader shares the walk with the upgrade instead: see warningsPass). */
export function collectWarnings(doc: Obj): SpecWarning[] {
  const pass = warningsPass(doc);
  walkDocument(doc, pass.visitor);
  return pass.warnings;
}

/** A visitor that collects warnings into `warnings` as it walks `doc`. */
export function warningsPass(doc: Obj): { visitor: Visitor; warnings: SpecWarning[] } {
  const warnings: SpecWarning[] = [];
  const warn = (pointer: string, message: string) => warnings.push({ pointer, message });

  if (nonEmpty(doc.webhooks)) warn("/webhooks", "webhooks are not supported: the generator ignores them");
  const components = isObject(doc.components) ? doc.components : {};
  if (nonEmpty(components.callbacks)) {
    warn("/components/callbacks", "callbacks are not supported: the generator ignores them");
  }
  if (nonEmpty(components.links))
    warn("/components/links", "links are not supported: the generator ignores them");

  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const path of Object.keys(paths)) {
    const item = paths[path];
    if (isObject(item) && isObject(item.trace)) {
      // The Fetch standard forbids the TRACE method: a generated call could never be sent.
      warn(
        child(child("/paths", path), "trace"),
        "TRACE operations cannot be sent with fetch: the generator skips them",
      );
    }
  }

  const visitor: Visitor = {
    enter(node, kind, pointer) {
      switch (kind) {
        case "operation":
          if (nonEmpty(node.callbacks)) {
            warn(child(pointer, "callbacks"), "callbacks are not supported: the generator ignores them");
          }
          return;
        case "response":
          if (nonEmpty(node.links))
            warn(child(pointer, "links"), "links are not supported: the generator ignores them");
          return;
        case "parameter":
          if (node.in === "cookie") {
            warn(
              pointer,
              `cookie parameter "${String(node.name)}" is not supported: the generator ignores it`,
            );
          }
          return;
        case "schema":
          if (Object.hasOwn(node, "xml"))
            warn(child(pointer, "xml"), "xml is not supported: the generator ignores it");
          return;
        case "securityScheme":
          securityWarning(node, pointer, warn);
          return;
      }
    },
  };
  return { visitor, warnings };
}

function securityWarning(node: Obj, pointer: string, warn: (pointer: string, message: string) => void): void {
  if (node.type === "oauth2" || node.type === "openIdConnect") {
    warn(
      pointer,
      `${node.type} flows are not implemented: the client takes an access token that you obtain yourself`,
    );
  } else if (node.type === "mutualTLS") {
    warn(pointer, "mutualTLS is not supported: configure the client certificate in your own fetch");
  }
}

function nonEmpty(value: unknown): boolean {
  return isObject(value) && Object.keys(value).length > 0;
}
