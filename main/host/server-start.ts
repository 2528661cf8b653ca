/**
 * The command line's server mode (`--listen`, `--public-name`, `--tls-cert`, `--tls-key`): the flags checked and
 * turned into the host's {@link ServerMode}, with the lines to print (the address to open, and how to install the
 * office CA on each PC), or one refusal that names what to fix, in Chinese and English, before anything starts.
 *
 * @example
 * const setup = await serverModeFrom({ listen: '192.168.10.5:8443' }, dataDir);
 * if (setup && 'refusal' in setup) { console.error(setup.refusal); process.exit(2); }
 */
import fs from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import tls from 'node:tls';
import { translate, type MessageKey, type MessageParams } from '../../shared/i18n';
import { certificateNames, isWildcard, parseListen, parsePublicName } from './listen';
import { officeTls, type TlsMaterial } from './office-ca';
import type { ServerMode } from './server';

export interface ServerFlags {
  readonly listen?: string | undefined;
  readonly publicName?: string | undefined;
  readonly tlsCert?: string | undefined;
  readonly tlsKey?: string | undefined;
}

export type ServerSetup = { readonly mode: ServerMode; readonly notes: (url: string) => string[] } | { readonly refusal: string };

/** One line in both languages, as the other flags' refusals are. */
function refusal(key: MessageKey, params?: MessageParams): { refusal: string } {
  return { refusal: `${translate('zh-CN', key, params)} / ${translate('en', key, params)}` };
}

/** The admin's own certificate and key, checked to be a PEM pair that names every address the PCs use. */
function providedTls(certFile: string, keyFile: string, names: readonly string[]): TlsMaterial | { refusal: string } {
  let material: TlsMaterial;
  try {
    material = { cert: fs.readFileSync(certFile, 'utf8'), key: fs.readFileSync(keyFile, 'utf8') };
    // Throws when either is not PEM or the key is not the certificate's.
    tls.createSecureContext(material);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'ENOENT' : String((error as Error).message).split('\n')[0];
    return refusal('server.cli.badTlsFiles', { cert: certFile, key: keyFile, reason: reason ?? '' });
  }
  const cert = new X509Certificate(material.cert);
  for (const name of names) {
    const covered = isIP(name) ? cert.checkIP(name) !== undefined : cert.checkHost(name) !== undefined;
    if (!covered) return refusal('server.cli.certMissesName', { cert: certFile, name });
  }
  return material;
}

/** Null without `--listen` (the single-PC desk), when no server flag was given either. */
export async function serverModeFrom(flags: ServerFlags, dataDir: string, now: Date = new Date()): Promise<ServerSetup | null> {
  if (flags.listen === undefined) {
    const stray = flags.publicName !== undefined ? '--public-name' : flags.tlsCert !== undefined ? '--tls-cert' : flags.tlsKey !== undefined ? '--tls-key' : null;
    return stray ? refusal('server.cli.needsListen', { flag: stray }) : null;
  }
  const listen = parseListen(flags.listen);
  if (!listen) return refusal('server.cli.badListen', { value: flags.listen });
  const publicName = flags.publicName === undefined ? null : parsePublicName(flags.publicName);
  if (flags.publicName !== undefined && publicName === null) return refusal('server.cli.badPublicName', { value: flags.publicName });
  if (isWildcard(listen.address) && !publicName) return refusal('server.cli.wildcardNeedsName', { address: listen.address });
  if ((flags.tlsCert === undefined) !== (flags.tlsKey === undefined)) return refusal('server.cli.needsBoth');
  const names = certificateNames(listen, publicName);
  const zh = (key: MessageKey, params?: MessageParams) => translate('zh-CN', key, params);
  if (flags.tlsCert !== undefined && flags.tlsKey !== undefined) {
    const given = providedTls(flags.tlsCert, flags.tlsKey, names);
    if ('refusal' in given) return given;
    const certFile = flags.tlsCert;
    return { mode: { listen, publicName, tls: given }, notes: (url) => [zh('server.started.title', { url }), zh('server.started.ownCert', { cert: certFile })] };
  }
  const office = await officeTls(dataDir, names, now);
  return {
    mode: { listen, publicName, tls: office },
    notes: (url) => [
      zh('server.started.title', { url }),
      ...(office.serverIssued && !office.caCreated ? [zh('server.started.serverIssued', { names: names.join('、') })] : []),
      zh(office.caCreated ? 'server.started.caNew' : 'server.started.caKept'),
      zh('server.started.caFile', { file: office.caFile }),
      zh('server.started.caFingerprint', { fingerprint: office.caFingerprint }),
      zh('server.started.windows'),
      zh('server.started.linux'),
      zh('server.started.firefox'),
    ],
  };
}
