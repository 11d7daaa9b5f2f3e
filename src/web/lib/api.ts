/**
 * The one HTTP client of the web app. It sends the session cookie, adds the CSRF token on writes, and turns
 * every failure into an `ApiError` carrying the server's stable code and Vietnamese message (and field
 * errors, which forms map onto their fields). Features build their calls on `api.get/post/…`.
 */
import type { ErrorBody } from '../../shared/errors';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  readonly requestId: string | undefined;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = body.fields ?? {};
    this.requestId = body.requestId;
  }
}

/** Codes the client raises itself when the server could not answer with an error body. */
export const NETWORK_ERROR = 'CLIENT.NETWORK';
export const BAD_RESPONSE = 'CLIENT.BAD_RESPONSE';

/** Messages for failures that never reached the server; set by the i18n layer (defaults: Vietnamese). */
const clientMessages = {
  network: 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.',
  badResponse: (status: number) => `Máy chủ trả về phản hồi không hợp lệ (mã ${status}).`,
};
export function setClientMessages(messages: typeof clientMessages) {
  Object.assign(clientMessages, messages);
}

let csrfToken: string | null = null;
/** The CSRF token of the current session, from /api/auth/login or /api/auth/me. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

type Listener = (error: ApiError) => void;
const listeners = new Set<Listener>();
/** Called for every ApiError (the session layer listens for lost sessions and forced password changes). */
export function onApiError(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type Query = Record<string, string | number | boolean | null | undefined>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isErrorBody(body: unknown): body is ErrorBody {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as ErrorBody).code === 'string' &&
    typeof (body as ErrorBody).message === 'string'
  );
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`/api${withQuery(path, query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw notify(new ApiError(0, { code: NETWORK_ERROR, message: clientMessages.network }));
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!response.ok) {
    const error = isErrorBody(parsed)
      ? new ApiError(response.status, parsed)
      : new ApiError(response.status, {
          code: BAD_RESPONSE,
          message: clientMessages.badResponse(response.status),
        });
    throw notify(error);
  }
  if (text && parsed === undefined) {
    throw notify(
      new ApiError(response.status, {
        code: BAD_RESPONSE,
        message: clientMessages.badResponse(response.status),
      }),
    );
  }
  return parsed as T;
}

function notify(error: ApiError): ApiError {
  for (const listener of listeners) listener(error);
  return error;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** The message to show for any thrown value. */
/** One multipart upload (the JSON client does not send files); errors come back as ApiError like the rest. */
export async function upload<T>(url: string, file: File, csrfToken: string): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await fetch(url, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: { 'x-csrf-token': csrfToken, accept: 'application/json' },
  });
  const body = (await res.json().catch(() => undefined)) as unknown;
  if (res.ok) return body as T;
  const e = body as Partial<ErrorBody> | undefined;
  throw typeof e?.code === 'string' && typeof e.message === 'string'
    ? new ApiError(res.status, e as ErrorBody)
    : new ApiError(res.status, { code: BAD_RESPONSE, message: `HTTP ${res.status}` });
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
