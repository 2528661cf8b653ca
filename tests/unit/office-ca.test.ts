/**
 * Server mode's office CA (issue 16): the server certificate chains to the CA a PC installs and names the address
 * the PCs use, as a real TLS client checks it; it is kept across starts and renewed when the names change or it
 * nears its end; the keys are readable by the owner only.
 */
import fs from 'node:fs';
import path from 'node:path';
import https from 'node:https';
import { X509Certificate } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { RENEW_BEFORE_DAYS, SERVER_LIFETIME_DAYS, officeTls, type TlsMaterial } from '../../main/host/office-ca';
import { tempDir } from './support/temp-dir';

const DAY = 24 * 60 * 60 * 1000;
/** A data folder of its own; the run's temp root (support/temp-dir.ts) is removed when the run ends. */
const dataDir = () => tempDir('office-ca');

/** A TLS handshake and a GET as a PC that installed only the CA would make; the error text when the check fails. */
async function fetchOver(material: TlsMaterial, ca: string, servername?: string): Promise<string> {
  const server = https.createServer({ cert: material.cert, key: material.key }, (_req, res) => res.end('信访工作台'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<string>((resolve) => {
      const req = https.get({ host: '127.0.0.1', port, ca, ...(servername ? { servername, headers: { Host: servername } } : {}) }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve(body));
      });
      req.on('error', (error: NodeJS.ErrnoException) => resolve(`error: ${error.code ?? error.message}`));
    });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('the office CA', () => {
  it('makes a server certificate that a PC trusting only the CA accepts for the listen address and the public name', async () => {
    const dir = dataDir();
    const tls = await officeTls(dir, ['127.0.0.1', 'xfj.county.local']);
    expect(tls.caCreated).toBe(true);
    const ca = fs.readFileSync(tls.caFile, 'utf8');
    const caCert = new X509Certificate(ca);
    expect(caCert.ca).toBe(true);
    const server = new X509Certificate(fs.readFileSync(path.join(dir, 'tls', 'server.crt')));
    expect(server.checkIssued(caCert)).toBe(true);
    expect(server.verify(caCert.publicKey)).toBe(true);
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.checkHost('xfj.county.local')).toBe('xfj.county.local');
    expect(tls.caFingerprint).toBe(caCert.fingerprint256);
    expect(await fetchOver(tls, ca)).toBe('信访工作台');
    // The same handshake without the CA installed fails: the certificate is not self-evidently trusted.
    expect(await fetchOver(tls, new X509Certificate(await selfSignedElsewhere()).toString())).toMatch(/^error: /);
  });

  it('is refused by a client for a name it does not carry', async () => {
    const tls = await officeTls(dataDir(), ['127.0.0.1']);
    expect(await fetchOver(tls, fs.readFileSync(tls.caFile, 'utf8'), 'other.county.local')).toBe('error: ERR_TLS_CERT_ALTNAME_INVALID');
  });

  it('keeps the CA and the server certificate across starts, and writes the keys for the owner only', async () => {
    const dir = dataDir();
    const first = await officeTls(dir, ['127.0.0.1']);
    const again = await officeTls(dir, ['127.0.0.1']);
    expect(again).toMatchObject({ caCreated: false, serverIssued: false, cert: first.cert, key: first.key, caFingerprint: first.caFingerprint });
    for (const file of ['office-ca.key', 'server.key']) expect(fs.statSync(path.join(dir, 'tls', file)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(dir, 'tls')).mode & 0o777).toBe(0o700);
  });

  it('issues a new server certificate under the same CA when the name changes or the old one nears its end', async () => {
    const dir = dataDir();
    const now = new Date('2026-12-07T08:00:00Z');
    const first = await officeTls(dir, ['127.0.0.1'], now);
    const renamed = await officeTls(dir, ['127.0.0.1', 'xfj.county.local'], now);
    expect(renamed).toMatchObject({ caCreated: false, serverIssued: true, caFingerprint: first.caFingerprint });
    expect(await fetchOver(renamed, fs.readFileSync(renamed.caFile, 'utf8'), 'xfj.county.local')).toBe('信访工作台');
    const nearEnd = new Date(now.getTime() + (SERVER_LIFETIME_DAYS - RENEW_BEFORE_DAYS + 1) * DAY);
    expect(await officeTls(dir, ['127.0.0.1', 'xfj.county.local'], new Date(nearEnd.getTime() - 2 * DAY))).toMatchObject({ serverIssued: false });
    const renewed = await officeTls(dir, ['127.0.0.1', 'xfj.county.local'], nearEnd);
    expect(renewed).toMatchObject({ caCreated: false, serverIssued: true, caFingerprint: first.caFingerprint });
    expect(new Date(new X509Certificate(renewed.cert).validTo).getTime()).toBeGreaterThan(nearEnd.getTime() + 300 * DAY);
  });
});

/** Another office's CA: what a PC that never installed this office's CA trusts. */
async function selfSignedElsewhere(): Promise<string> {
  const other = await officeTls(dataDir(), ['127.0.0.1']);
  return fs.readFileSync(other.caFile, 'utf8');
}
