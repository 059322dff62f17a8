import { isDomainError } from '../../core/errors.js';
import { AppError } from '../errors.js';

/** Runs engine work, answering a refused lifecycle move as 409 and bad input as 400 naming the field. */
export async function withEngineErrors<T>(fn: () => Promise<T>, field = 'type'): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isDomainError(err)) {
      const status = err.code === 'illegal_transition' || err.code === 'plan_stopped' ? 409 : 400;
      throw new AppError(status, err.code, err.message, err.field === 'step' ? field : err.field ?? field);
    }
    throw err;
  }
}
