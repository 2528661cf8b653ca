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
  const key = await derive(password, salt, SCRYPT_PARAMS);
  return ['scrypt', SCRYPT_PARAMS.N, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
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
  return !parsed || parsed.params.N < SCRYPT_PARAMS.N || parsed.params.r < SCRYPT_PARAMS.r || parsed.params.p < SCRYPT_PARAMS.p;
}

/**
 * A well-formed hash of nothing anyone can type, at today's cost: verifying against it takes as long as a real
 * check, so an unknown user name answers as slowly as a known one.
 */
export const DUMMY_HASH = ['scrypt', SCRYPT_PARAMS.N, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p, Buffer.alloc(16).toString('base64'), Buffer.alloc(32).toString('base64')].join('$');

export function isStrongPassword(password: string): boolean {
  return password.length >= 8 && /[A-Za-z]/.test(password) && /\d/.test(password);
}

export function isValidUsername(username: string): boolean {
  return /^[A-Za-z0-9_]{3,32}$/.test(username);
}
