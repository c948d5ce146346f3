// What a generated method returns: awaiting it gives the response body, as users of Stainless-built SDKs
// expect, and `.withResponse()` gives the status, headers and request id beside it, typed per status code:
// a union the caller narrows with `switch (r.status)`; `.asResponse()` gives the fetch Response itself,
// its body unread.
import { rawResponseOf, type ApiResponse, type ResponseWish } from "./client.js";

/** One documented response: its status (a number literal where the spec names one) and its body. */
export interface StatusResponse<TStatus extends number, TData> {
  status: TStatus;
  data: TData;
  headers: Headers;
  requestId?: string;
}

/**
 * The responses of `TMap` (status -> body, as the generated `...Responses` types list them) whose
 * statuses are in `TStatus`. Range and default statuses ("2XX", "default") are `number`.
 */
export type ResponseOf<TMap, TStatus extends keyof TMap> = TStatus extends keyof TMap
  ? StatusResponse<TStatus extends number ? TStatus : number, TMap[TStatus]>
  : never;

export class APIPromise<TData, TResponse = ApiResponse<TData>> implements PromiseLike<TData> {
  private readonly response: Promise<ApiResponse<unknown>>;
  /**
   * Read by the client when the headers arrive: whether to read the body, hand it over, or both. Not
   * readonly: a deferred call (below) takes over the wish of the call it waits for.
   */
  private wish: ResponseWish = { raw: false, parsed: false };

  /** `send` starts the call at once; the wish it gets may still change until the response's headers arrive. */
  constructor(send: (wish: ResponseWish) => Promise<ApiResponse<unknown>>) {
    this.response = send(this.wish);
  }

  /**
   * A call whose code is still loading (the client's resources load an operation's module on first use):
   * `loaded` resolves to the function that starts it (a function: a promise would take the call's body,
   * an APIPromise being thenable). What was asked of this one so far (awaiting, `.asResponse()`) passes to
   * the call as soon as it exists, before its response can arrive, and later asks go to it directly.
   */
  static deferred<TData, TResponse>(
    loaded: Promise<() => APIPromise<TData, TResponse>>,
  ): APIPromise<TData, TResponse> {
    const deferred: APIPromise<TData, TResponse> = new APIPromise<TData, TResponse>((wish) =>
      loaded.then((start) => {
        const call = start();
        call.wish.raw ||= wish.raw;
        call.wish.parsed ||= wish.parsed;
        deferred.wish = call.wish;
        return call.response;
      }),
    );
    return deferred;
  }

  /** The body with its status, headers and request id; throws the same errors as awaiting the body. */
  withResponse(): Promise<TResponse> {
    this.wish.parsed = true;
    return this.response as Promise<TResponse>;
  }

  /**
   * The fetch Response of a success, its body unread (errors throw as when awaiting the body). Call it
   * before the response arrives (right after the call), as in `await client.x.y().asResponse()`.
   */
  asResponse(): Promise<Response> {
    this.wish.raw = true;
    return this.response.then((result) => {
      const raw = rawResponseOf(result);
      if (raw === undefined)
        throw new Error("asResponse() came after the body was read: call it right after the call");
      return raw;
    });
  }

  then<R1 = TData, R2 = never>(
    onfulfilled?: ((value: TData) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    this.wish.parsed = true;
    return this.response.then((r) => r.data as TData).then(onfulfilled, onrejected);
  }

  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<TData | R> {
    return this.then(undefined, onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<TData> {
    return this.then().finally(onfinally);
  }

  get [Symbol.toStringTag](): string {
    return "APIPromise";
  }
}
