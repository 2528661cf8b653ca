/**
 * How a test checks that the core refused an action: a refusal (never a thrown error), of the kind expected,
 * with a message that says what to fix, in the words a person reads.
 *
 * @example
 * const r = await t.call(clerk, 'reports.transition', { id, action: 'approve' });
 * expectRefused(r, 'forbidden', '须由领导审核');
 * expect(expectRefused(r, 'invalid_input', '请填写').fields?.note).toBe('请填写理由');
 */
import { expect } from 'vitest';
import type { ApiError, ApiResult, ErrorCode } from '../../../shared/api';

/** Fails unless `result` is a refusal with `code` whose message contains `messagePart`; returns the refusal. */
export function expectRefused(result: ApiResult<unknown>, code: ErrorCode, messagePart = ''): ApiError {
  if (result.ok) throw new Error(`expected a refusal (${code}${messagePart ? `: ${messagePart}` : ''}), but it was done`);
  expect(result.error.code).toBe(code);
  expect(result.error.message).toContain(messagePart);
  return result.error;
}
