/**
 * Password hashes: scrypt at N=2^17, r=8, p=1 (OWASP's recommendation), stored as `scrypt$N$r$p$salt$key` so an
 * older hash (N=2^14 before issue 12) still verifies and is upgraded at its next successful login.
 *
 * One hash needs 128·N·r bytes = 128 MiB of memory while it runs; Node's scrypt refuses above `maxmem`, so the
 * limit is set just above what the stored parameters need, and never above {@link MAX_SCRYPT_MEMORY} (a forged
 * hash with a huge N cannot make the app allocate gigabytes). libuv runs at most four at once.
 *
 * @example
 * const stored = await hashPassword('Passw0rd1');
 * await verifyPassword('Passw0rd1', stored); // true
 * needsRehash(stored);                       // false
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;

/**
 * Test runs only (vitest.config.ts): a lower cost, 2^10 to 2^16, so hundreds of test accounts do not take
 * minutes on a two-core machine. Read at each hash, never set in an install; the default cost and the upgrade
 * are tested with it removed (tests/unit/accounts-lockout.test.ts).
 */
export const TEST_SCRYPT_LOG2N_ENV = 'PETITION_DESK_TEST_SCRYPT_LOG2N';

function currentParams(): { N: number; r: number; p: number } {
  const log2n = Number(process.env[TEST_SCRYPT_LOG2N_ENV]);
  return Number.isInteger(log2n) && log2n >= 10 && log2n < 17 ? { ...SCRYPT_PARAMS, N: 2 ** log2n } : SCRYPT_PARAMS;
}
const KEY_LENGTH = 32;
const MAX_SCRYPT_MEMORY = 512 * 1024 * 1024;

function derive(password: string, salt: Buffer, options: Required<Pick<ScryptOptions, 'N' | 'r' | 'p'>>): Promise<Buffer> {
  const needed = 128 * options.N * options.r * options.p;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...options, maxmem: Math.min(MAX_SCRYPT_MEMORY, needed + 32 * 1024 * 1024) }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$salt$key`, all in base64 where binary. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const params = currentParams();
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

function parse(stored: string) {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (scheme !== 'scrypt' || !salt || !key || !Object.values(params).every((v) => Number.isSafeInteger(v) && v > 0)) return null;
  return { params, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const actual = await derive(password, parsed.salt, parsed.params).catch(() => null);
  return actual !== null && actual.length === parsed.key.length && timingSafeEqual(actual, parsed.key);
}

/** Whether a stored hash is weaker than what {@link hashPassword} makes now. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  const params = currentParams();
  return !parsed || parsed.params.N < params.N || parsed.params.r < params.r || parsed.params.p < params.p;
}

/**
 * A well-formed hash of nothing anyone can type, at today's cost: verifying against it takes as long as a real
 * check, so an unknown user name answers as slowly as a known one.
 */
export function dummyHash(): string {
  const params = currentParams();
  return ['scrypt', params.N, params.r, params.p, Buffer.alloc(16).toString('base64'), Buffer.alloc(32).toString('base64')].join('$');
}

export function isStrongPassword(password: string): boolean {
  return password.length >= 8 && /[A-Za-z]/.test(password) && /\d/.test(password);
}

export function isValidUsername(username: string): boolean {
  return /^[A-Za-z0-9_]{3,32}$/.test(username);
}
