/** The error half of the API envelope. `message` is ready to show a person; `fields` maps form paths to messages. */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'forbidden',
  'unauthenticated',
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
