// A `fetch` to hand a generated client (its `fetch` option): it records each request exactly as the client
// built it (method, URL, headers, body text), sends it on with the real global fetch, and notes Prism's
// verdict. Prism does not echo requests, so this is how a test sees what went on the wire.
export interface WireExchange {
  method: string;
  url: URL;
  headers: Headers;
  /** The request body as text ("" when there is none). */
  body: string;
  /** The response status. */
  status: number;
  /** Prism's `sl-violations` response header: the spec rules the request broke, or null when none. */
  violations: string | null;
}

export interface RecordingFetch {
  fetch: typeof fetch;
  exchanges: WireExchange[];
  /** The only exchange so far; fails when there were none or several (a retry the test did not expect). */
  only(): WireExchange;
}

export function recordingFetch(): RecordingFetch {
  const exchanges: WireExchange[] = [];
  const record: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const body = await request.clone().text();
    const response = await globalThis.fetch(request);
    exchanges.push({
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body,
      status: response.status,
      violations: response.headers.get("sl-violations"),
    });
    return response;
  };
  return {
    fetch: record,
    exchanges,
    only: () => {
      if (exchanges.length !== 1)
        throw new Error(`expected one request on the wire, saw ${exchanges.length}`);
      return exchanges[0] as WireExchange;
    },
  };
}
