// Builds a page in the seed's OpenAPI-to-HTML renderer layout (the format of
// specs/stripe-identity/pages/update-verification-session.openapi-renderer.html) from a method, a path and a
// JSON Schema, so scrape tests can state a request body schema block exactly.
import type { Page } from "../../scripts/scrape/fragment.ts";

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function rendererPage(
  file: string,
  parts: {
    summary: string;
    method: string;
    path: string;
    parameters?: { name: string; in: string; type: string }[];
    schema?: unknown;
    contentType?: string;
  },
): Page {
  const params = (parts.parameters ?? [])
    .map(
      (p) =>
        `<dt class="parameter"><span class="parameterName">${escapeHtml(p.name)}</span> [ in: ` +
        `<span class="parameterLocation">${p.in}</span> type: <span class="parameterType">${p.type}</span> ]</dt>` +
        `<dd class="parameter"><span class="parameterDescription"></span> <span class="parameterRequired">required</span></dd>`,
    )
    .join("");
  const body =
    parts.schema === undefined
      ? ""
      : `<section class="requestContent"><h3>Request Body Schema</h3><pre class="schema">` +
        `${escapeHtml(JSON.stringify(parts.schema, null, 2))}</pre></section>`;
  const text =
    `<!DOCTYPE html><html><head><title></title></head><body><article><section class="requestOverview">` +
    `<h1 class="requestSummary">${escapeHtml(parts.summary)}</h1></section>` +
    `<section class="http"><h3>HTTP Request</h3><pre class="httpExample"><span class="requestLine">` +
    `${parts.method.toUpperCase()}</span> <span class="httpTarget">${escapeHtml(parts.path.replace(/\//g, "\\"))}</span> ` +
    `<span class="httpVersion">HTTP/1.1</span>\n<span class="headerLine">host</span>: ` +
    `<span class="headerValue">api.example.com:443</span>\n<span class="headerLine">content-type</span>: ` +
    `<span class="headerValue">${parts.contentType ?? "application/json"}</span>\n</pre></section>` +
    (params ? `<dl class="parameters"><h3>Parameters</h3>${params}</dl>` : "") +
    body +
    `<section class="responses"><h2>Responses</h2><ul class="responses"><li class="response">` +
    `<span class="statusLine">200</span> <span class="statusDescription">OK.</span></li></ul></section>` +
    `</article></body></html>`;
  return { file, text };
}
