import type { Problem } from "./types";

/** An RFC 7807 problem (or a network failure, status 0) from the API. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = "ApiError";
  }
}

export type HeaderSource = () => Promise<Record<string, string>>;

export interface ApiResponse<T> {
  body: T;
  etag: string | null;
  status: number;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  body?: unknown;
  ifMatch?: string | null;
  idempotencyKey?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Typed access to the SmartPost API. baseUrl is absolute in the send handler (no page origin there). */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly headers: HeaderSource,
  ) {}

  async request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { Accept: "application/json", ...(await this.headers()) };
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    if (options.ifMatch) headers["If-Match"] = options.ifMatch;
    if (options.idempotencyKey) headers["Idempotency-Key"] = options.idempotencyKey;

    const timeout = options.timeoutMs ? new AbortController() : null;
    const timer = timeout ? setTimeout(() => timeout.abort(), options.timeoutMs) : null;
    let response: Response;
    try {
      response = await fetch(this.baseUrl.replace(/\/$/, "") + path, {
        method: options.method ?? (options.body === undefined ? "GET" : "POST"),
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: timeout?.signal ?? options.signal,
      });
    } catch (error) {
      const aborted = timeout?.signal.aborted ?? false;
      throw new ApiError(0, { title: aborted ? "timeout" : "network", detail: String(error) });
    } finally {
      if (timer) clearTimeout(timer);
    }

    const text = await response.text();
    const parsed: unknown = text.length > 0 ? safeJson(text) : null;
    if (!response.ok) {
      const problem: Problem = isObject(parsed) ? (parsed as Problem) : { title: response.statusText, detail: text };
      throw new ApiError(response.status, { status: response.status, ...problem });
    }
    return { body: parsed as T, etag: response.headers.get("ETag"), status: response.status };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { detail: text };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
