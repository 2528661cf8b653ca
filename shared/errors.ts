/**
 * The error half of the API envelope. `message` is ready to show a person; `fields` maps form paths to messages.
 * `not_found` is a record that is not there (deleted, or a stale link); `unknown_procedure` is a call to a
 * procedure the contract does not have (a renderer and core out of step); `password_change_required` is any call
 * but changing the password, reading one's own session or logging out while the account must first choose its own
 * password (a new or admin-reset account); `internal` is anything else that went
 * wrong, including a transport that failed to deliver the call or its answer.
 */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'unknown_procedure',
  'forbidden',
  'unauthenticated',
  'password_change_required',
  'conflict',
  'illegal_transition',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly fields?: Readonly<Record<string, string>>;
}

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };
