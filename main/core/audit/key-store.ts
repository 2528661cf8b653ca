/**
 * Where the audit key lives: never in the data folder, so a copy of the folder (a stolen backup, an edited file)
 * does not carry the means to re-chain it.
 *
 * - One file per office, `audit-<office uid>.key`, in the key folder: `PETITION_DESK_KEY_DIR` when set (tests,
 *   portable installs), else the user's config folder: `%LOCALAPPDATA%\petition-desk\keys` on Windows (the data
 *   is in Roaming), `$XDG_CONFIG_HOME/petition-desk/keys` or `~/.config/petition-desk/keys` on Linux,
 *   `~/Library/Preferences/petition-desk/keys` on macOS. The office uid is in the database (meta.office_uid),
 *   so a copy or a restored backup of the data folder finds the same key on the same PC.
 * - In Electron the key is sealed with the OS's protection (safeStorage: DPAPI on Windows, the keyring on Linux)
 *   through the {@link SecretSealer} main/electron passes in; elsewhere the file holds the key itself, readable
 *   by the user only (mode 0600).
 *
 * @example
 * const { key, created } = await loadOrCreateAuditKey({ dir: auditKeyDir() }, officeUid);
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export const KEY_DIR_ENV = 'PETITION_DESK_KEY_DIR';

/** Seals a secret with something outside the file system (Electron's safeStorage); injected by the shell. */
export interface SecretSealer {
  /** Written into the key file, so a file sealed by one method is never opened as another. */
  readonly method: string;
  seal(plain: Buffer): Promise<Buffer>;
  open(sealed: Buffer): Promise<Buffer>;
}

export interface AuditKeyOptions {
  readonly dir: string;
  readonly sealer?: SecretSealer | null;
}

interface KeyFile {
  readonly v: 1;
  readonly sealed: string;
  readonly key: string;
}

/** The key folder in effect: the environment variable, else the per-user config folder named above. */
export function auditKeyDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env[KEY_DIR_ENV];
  if (override) return path.resolve(override);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'petition-desk', 'keys');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Preferences', 'petition-desk', 'keys');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'petition-desk', 'keys');
}

export function auditKeyFile(dir: string, officeUid: string): string {
  if (!/^[A-Za-z0-9-]{8,64}$/.test(officeUid)) throw new Error(`bad office uid ${officeUid}`);
  return path.join(dir, `audit-${officeUid}.key`);
}

/** The office's key, or null when this PC has none for it. Throws when the file is there but cannot be opened. */
export async function readAuditKey(options: AuditKeyOptions, officeUid: string): Promise<Buffer | null> {
  const file = auditKeyFile(options.dir, officeUid);
  if (!fs.existsSync(file)) return null;
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
  const raw = Buffer.from(parsed.key, 'base64');
  if (parsed.sealed === 'none') return raw;
  if (!options.sealer || options.sealer.method !== parsed.sealed) {
    throw new Error(`the audit key ${file} is sealed with ${parsed.sealed}, which is not available here`);
  }
  return options.sealer.open(raw);
}

/** The office's key, made (32 random bytes) and written the first time. `created` says it was made now. */
export async function loadOrCreateAuditKey(options: AuditKeyOptions, officeUid: string): Promise<{ key: Buffer; created: boolean; file: string }> {
  const file = auditKeyFile(options.dir, officeUid);
  const existing = await readAuditKey(options, officeUid);
  if (existing) return { key: existing, created: false, file };
  const key = randomBytes(32);
  const sealer = options.sealer ?? null;
  const content: KeyFile = { v: 1, sealed: sealer ? sealer.method : 'none', key: (sealer ? await sealer.seal(key) : key).toString('base64') };
  fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  // 'wx': two processes starting at once must not each write a different key; the loser reads the winner's.
  try {
    fs.writeFileSync(file, JSON.stringify(content), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { key: (await readAuditKey(options, officeUid)) ?? key, created: false, file };
    throw error;
  }
  return { key, created: true, file };
}
