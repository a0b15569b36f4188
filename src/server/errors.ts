import type { MessageCode, MessageParams } from './messages';

/**
 * An error a caller can act on. Services throw it with a stable code and the values the message
 * needs; the HTTP layer renders the message in the caller's language. Params that name a domain
 * value (a body kind, a level) are translated through `labels` before rendering.
 */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    readonly code: MessageCode,
    readonly params: MessageParams = {},
  ) {
    super(code);
  }
}

export const notFound = (code: MessageCode = 'not_found', params: MessageParams = {}) => new AppError(404, code, params);
export const conflict = (code: MessageCode, params: MessageParams = {}) => new AppError(409, code, params);
export const unprocessable = (code: MessageCode, params: MessageParams = {}) => new AppError(422, code, params);
