// A text/event-stream reply as an AsyncIterable of events, parsed as the WHATWG HTML spec says
// (§9.2.6 "Interpreting an event stream"): lines end in CRLF, LF or CR; `:` starts a comment; the fields
// are event, data (lines joined with LF), id and retry; a blank line dispatches. One pass over the text,
// so linear time. The size limit is per event: a stream may run for hours, one event may not grow forever.
import { APIError, APIUserAbortError, ResponseTooLargeError } from "./errors.js";

export interface ServerSentEvent<T> {
  /** The event type: "message" unless the event names one. */
  event: string;
  /** The event's data, parsed as the spec's schema under text/event-stream says (JSON unless a string). */
  data: T;
  /** The last event id seen on the stream ("" before any). */
  id: string;
  /** The reconnection time the server asked for, in ms, where this event set one. */
  retry?: number;
}

/** How an event's data is read: JSON, text as is, or JSON where it parses (the spec gives no schema). */
export type EventDataKind = "json" | "text" | "auto";

/** The data that ends a stream (OpenAI's convention) rather than being an event. */
const DONE = "[DONE]";

interface RawEvent {
  event: string;
  data: string;
  id: string;
  retry?: number;
}

/** Reads the events of `stream`; an event (with its pending line) of more than `maxChars` characters throws. */
export async function* parseEventStream(
  stream: ReadableStream<Uint8Array>,
  maxChars: number,
  tooLarge: () => Error,
): AsyncGenerator<RawEvent> {
  // Decodes UTF-8 across chunk boundaries and drops a leading byte order mark, as the spec says.
  const decoder = new TextDecoder();
  let pending = "";
  let skipLineFeed = false;
  let data = "";
  let hasData = false;
  let type = "";
  let lastId = "";
  let retry: number | undefined;

  const line = (text: string): RawEvent | undefined => {
    if (text === "") {
      const event: RawEvent | undefined = hasData
        ? { event: type || "message", data, id: lastId, ...(retry !== undefined ? { retry } : {}) }
        : undefined;
      data = "";
      hasData = false;
      type = "";
      retry = undefined;
      return event;
    }
    if (text.charCodeAt(0) === 0x3a) return undefined;
    const colon = text.indexOf(":");
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? "" : text.slice(colon + 1);
    if (value.charCodeAt(0) === 0x20) value = value.slice(1);
    if (field === "data") {
      data = hasData ? `${data}\n${value}` : value;
      hasData = true;
      // Checked here too, not only after a read: a whole event that came in one chunk is held to it too.
      if (data.length > maxChars) throw tooLarge();
    } else if (field === "event") type = value;
    else if (field === "id") {
      if (!value.includes("\0")) lastId = value;
    } else if (field === "retry" && /^\d+$/.test(value)) retry = Number(value);
    return undefined;
  };

  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      let start = 0;
      if (skipLineFeed && text.charCodeAt(0) === 0x0a) start = 1;
      if (text.length > 0) skipLineFeed = false;
      for (let i = start; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c !== 0x0a && c !== 0x0d) continue;
        const event = line(pending + text.slice(start, i));
        pending = "";
        if (c === 0x0d) {
          if (i + 1 === text.length) skipLineFeed = true;
          else if (text.charCodeAt(i + 1) === 0x0a) i++;
        }
        start = i + 1;
        if (event) yield event;
      }
      pending += text.slice(start);
      if (pending.length + data.length > maxChars) throw tooLarge();
      // At the end, an event without its blank line is dropped, as the spec says.
      if (done) return;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** A streamed reply: `for await (const event of stream)`; `response` is the Response it came in. */
export class Stream<T> implements AsyncIterable<ServerSentEvent<T>> {
  readonly response: Response;
  readonly #events: () => AsyncGenerator<ServerSentEvent<T>>;

  constructor(
    response: Response,
    options: {
      dataKind: EventDataKind;
      maxBytes: number;
      signal?: AbortSignal;
      onEnd?: () => void;
      /**
       * Told, once, why the stream failed (the connection broke, an event passed the limit, event data
       * that is not JSON), and returns what the iteration throws; not told when the caller's signal
       * stopped it. The stream is read after its call returned, so the call's own failure handling never
       * sees this.
       */
      onFailure?: (error: unknown) => unknown;
    },
  ) {
    this.response = response;
    let used = false;
    this.#events = async function* events() {
      if (used) throw new Error("A Stream can be iterated once");
      used = true;
      const tooLarge = () => new ResponseTooLargeError(options.maxBytes, response.status, response.headers);
      try {
        const source = response.body ?? new Blob([]).stream();
        for await (const raw of parseEventStream(source, options.maxBytes, tooLarge)) {
          if (raw.data === DONE) return;
          yield { ...raw, data: eventData(raw.data, options.dataKind, response) as T };
        }
      } catch (error) {
        if (options.signal?.aborted) throw new APIUserAbortError();
        throw options.onFailure ? options.onFailure(error) : error;
      } finally {
        options.onEnd?.();
      }
    };
  }

  [Symbol.asyncIterator](): AsyncIterator<ServerSentEvent<T>> {
    return this.#events();
  }
}

function eventData(data: string, kind: EventDataKind, response: Response): unknown {
  if (kind === "text") return data;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    if (kind === "auto") return data;
    throw new APIError(
      response.status,
      data,
      response.headers,
      `${response.status} invalid JSON in event data`,
    );
  }
}
