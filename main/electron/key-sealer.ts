/**
 * The audit key sealed with the OS's own protection (safeStorage: DPAPI on Windows, the keyring on Linux), so
 * the key file beside the data holds nothing usable on another account or PC. Null where safeStorage has only
 * its plain-text fallback (a Linux desktop without a keyring): then the core keeps the key file readable by the
 * user only, as in browser mode (main/core/audit/key-store.ts).
 *
 * @example
 * desk = await openApp({ dataDir, auditKey: { sealer: await safeStorageSealer() } });
 */
import { safeStorage } from 'electron';
import type { SecretSealer } from '../core/audit';

export async function safeStorageSealer(): Promise<SecretSealer | null> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return null;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    method: 'electron-safeStorage',
    // The key travels as base64 text: safeStorage seals strings.
    seal: (plain) => safeStorage.encryptStringAsync(plain.toString('base64')),
    open: async (sealed) => Buffer.from((await safeStorage.decryptStringAsync(sealed)).result, 'base64'),
  };
}
