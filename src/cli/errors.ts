import { z } from 'zod';
import { ConfigError } from '../config.js';
import { AppError } from '../services/errors.js';

/** Bad input exits 2 with the field named; anything else exits 1. */
export function reportCliError(err: unknown): never {
  if (err instanceof z.ZodError) {
    const issue = err.issues[0]!;
    process.stderr.write(`error: ${issue.path.join('.') || 'input'}: ${issue.message}\n`);
    process.exit(2);
  }
  if (err instanceof ConfigError) {
    process.stderr.write(`error: ${err.message}\n`);
    process.exit(2);
  }
  if (err instanceof AppError && err.status < 500) {
    process.stderr.write(`error: ${err.field ? `${err.field}: ` : ''}${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`error: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
}
