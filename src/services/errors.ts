/** Typed application errors; the HTTP layer maps them to the one error shape in one place. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Structured facts the client shows beside the message (e.g. the lint findings that refused a save). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} not found`);
export const forbidden = (message = 'not allowed for your role') => new AppError(403, 'forbidden', message);
export const unauthorized = (message = 'sign in first') => new AppError(401, 'unauthorized', message);
export const conflict = (message: string, field?: string) => new AppError(409, 'conflict', message, field);
export const invalid = (field: string, message: string) => new AppError(400, 'invalid_input', message, field);
