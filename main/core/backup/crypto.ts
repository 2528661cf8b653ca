/**
 * Backup encryption: AES-256-GCM with a key derived from the office's backup password by scrypt (node:crypto).
 * Each file is encrypted on its own, streamed (a large database never sits in memory), with a fresh 96-bit IV
 * and its place in the backup as additional data, so a file moved from one backup or name to another fails
 * its check. GCM's tag proves the password was right and nothing was changed.
 *
 * @example
 * const key = await newBackupKey('山高水长2026');                 // stored: salt, params, derived key
 * const sealed = await encryptFile(src, dst, key.key, 'b1:petition-desk.sqlite');
 * await decryptFile(dst, out, key.key, 'b1:petition-desk.sqlite', sealed); // throws on a wrong key or a change
 */
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform, Writable } from 'node:stream';
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt, type Hash } from 'node:crypto';

export const CIPHER = 'aes-256-gcm';

export interface KdfParams {
  readonly name: 'scrypt';
  /** Cost: 2^17 as OWASP suggests for scrypt; about 128 MB and a fraction of a second, once per password entry. */
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly salt: string;
}

export const DEFAULT_KDF: Omit<KdfParams, 'salt'> = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 };

export function deriveKey(password: string, kdf: KdfParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const maxmem = 128 * kdf.N * kdf.r * 2;
    scrypt(password.normalize('NFKC'), Buffer.from(kdf.salt, 'base64'), 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function newBackupKey(password: string, cost: Omit<KdfParams, 'salt'> = DEFAULT_KDF): Promise<{ kdf: KdfParams; key: Buffer }> {
  const kdf: KdfParams = { ...cost, salt: randomBytes(16).toString('base64') };
  return { kdf, key: await deriveKey(password, kdf) };
}

/** Where a ciphertext's IV and tag are kept (in the manifest, beside the file's hash). */
export interface Sealing {
  readonly iv: string;
  readonly tag: string;
}

export interface FileFacts {
  /** Of the plain content. */
  readonly sha256: string;
  readonly bytes: number;
}

/** Thrown when a tag does not match: a wrong password, or a file that was changed or damaged. */
export class SealBroken extends Error {
  constructor() {
    super('The backup password is wrong, or the file was changed or damaged.');
    this.name = 'SealBroken';
  }
}

function counting(hash: Hash, facts: { bytes: number }): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      facts.bytes += chunk.length;
      done(null, chunk);
    },
  });
}

/** Copies `src` to `dst` (or only reads it, when `dst` is null), with the SHA-256 and size of what was read. */
export async function copyWithHash(src: string, dst: string | null): Promise<FileFacts> {
  const hash = createHash('sha256');
  const facts = { bytes: 0 };
  const sink = dst ? fs.createWriteStream(dst, { flush: true }) : discard();
  await pipeline(fs.createReadStream(src), counting(hash, facts), sink);
  return { sha256: hash.digest('hex'), bytes: facts.bytes };
}

function discard(): Writable {
  return new Writable({ write: (_chunk, _enc, done) => done() });
}

export async function encryptFile(src: string, dst: string, key: Buffer, aad: string): Promise<FileFacts & Sealing> {
  const iv = randomBytes(12);
  const cipher = createCipheriv(CIPHER, key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const hash = createHash('sha256');
  const facts = { bytes: 0 };
  await pipeline(fs.createReadStream(src), counting(hash, facts), cipher, fs.createWriteStream(dst, { flush: true }));
  return { sha256: hash.digest('hex'), bytes: facts.bytes, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/**
 * Decrypts `src` into `dst` (or only checks it, when `dst` is null). The plain text is written before the tag is
 * checked at the end, so a caller uses `dst` only when this resolved.
 */
export async function decryptFile(src: string, dst: string | null, key: Buffer, aad: string, sealing: Sealing): Promise<FileFacts> {
  const decipher = createDecipheriv(CIPHER, key, Buffer.from(sealing.iv, 'base64'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(sealing.tag, 'base64'));
  const hash = createHash('sha256');
  const facts = { bytes: 0 };
  try {
    await pipeline(fs.createReadStream(src), decipher, counting(hash, facts), dst ? fs.createWriteStream(dst, { flush: true }) : discard());
  } catch (err) {
    if (err instanceof Error && /unable to authenticate|auth/i.test(err.message)) throw new SealBroken();
    throw err;
  }
  return { sha256: hash.digest('hex'), bytes: facts.bytes };
}

export function sealJson(value: unknown, key: Buffer, aad: string): Sealing & { readonly data: string } {
  const iv = randomBytes(12);
  const cipher = createCipheriv(CIPHER, key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

export function openSealedJson(sealed: Sealing & { readonly data: string }, key: Buffer, aad: string): unknown {
  try {
    const decipher = createDecipheriv(CIPHER, key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as unknown;
  } catch {
    throw new SealBroken();
  }
}
