/**
 * Server mode's TLS when the admin gives no certificate: an office certificate authority made once in the data
 * folder's tls/, and a server certificate for the names the PCs use, signed by it. Each PC installs the CA's
 * certificate once; the server certificate is then renewed here, without touching the PCs, whenever the names
 * change, it nears its end, or the CA it was signed by is no longer the one in the folder.
 *
 * ECDSA P-256 with SHA-256 (every browser the offices run accepts it); made with @peculiar/x509 over Node's
 * WebCrypto, no openssl program. Keys are written 0600 in a 0700 folder; the CA key never leaves it.
 *
 * @example
 * const tls = await officeTls(dataDir, ['192.168.10.5', 'xfj.county.local']);
 * https.createServer({ cert: tls.cert, key: tls.key }, handler);
 * console.log(tls.caFile); // …/tls/office-ca.crt, to install on each PC
 */
import fs from 'node:fs';
import path from 'node:path';
import { isIP } from 'node:net';
import { X509Certificate as NodeCertificate, createPrivateKey, webcrypto } from 'node:crypto';
// tsyringe, which @peculiar/x509 resolves its helpers through, needs the Reflect metadata polyfill loaded first.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

// The library signs with this provider; Node's WebCrypto is a full implementation.
x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING_ALGORITHM = { name: 'ECDSA', hash: 'SHA-256' } as const;
const DAY_MS = 24 * 60 * 60 * 1000;
/** The CA is installed by hand on every PC, so it lasts long; a new one means installing it again everywhere. */
export const CA_LIFETIME_DAYS = 3650;
/** Browsers refuse server certificates valid for more than 398 days (Apple and Chrome, for local roots too). */
export const SERVER_LIFETIME_DAYS = 397;
/** A server certificate this close to its end is replaced at the next start. */
export const RENEW_BEFORE_DAYS = 30;

export const TLS_FOLDER = 'tls';
const CA_CERT = 'office-ca.crt';
const CA_KEY = 'office-ca.key';
const SERVER_CERT = 'server.crt';
const SERVER_KEY = 'server.key';

export interface TlsMaterial {
  /** PEM. */
  readonly cert: string;
  /** PEM, PKCS#8. */
  readonly key: string;
}

export interface OfficeTls extends TlsMaterial {
  /** The CA certificate each PC installs. */
  readonly caFile: string;
  /** Its SHA-256 fingerprint (AB:CD:…), to compare on each PC. */
  readonly caFingerprint: string;
  /** Whether the CA was made at this start (the PCs must install it). */
  readonly caCreated: boolean;
  /** Whether a server certificate was issued at this start. */
  readonly serverIssued: boolean;
}

interface Pair {
  readonly cert: x509.X509Certificate;
  readonly keys: CryptoKeyPair;
}

/** A PEM private key (PKCS#8) as a WebCrypto key pair's private half, its public half taken from the certificate. */
async function importPair(certPem: string, keyPem: string): Promise<Pair> {
  const cert = new x509.X509Certificate(certPem);
  const der = createPrivateKey(keyPem).export({ type: 'pkcs8', format: 'der' });
  const privateKey = await webcrypto.subtle.importKey('pkcs8', der, KEY_ALGORITHM, true, ['sign']);
  const publicKey = await cert.publicKey.export(KEY_ALGORITHM, ['verify'], webcrypto as unknown as Crypto);
  return { cert, keys: { privateKey, publicKey } as CryptoKeyPair };
}

async function keyPem(key: CryptoKey): Promise<string> {
  return x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
}

/** Written whole or not at all (a power cut while writing must not leave half a key), readable by the owner only. */
function writePrivate(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text, { mode: 0o600 });
  fs.chmodSync(temp, 0o600);
  fs.renameSync(temp, file);
}

function newKeys(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}

function generalName(name: string): x509.JsonGeneralName {
  return { type: isIP(name) ? 'ip' : 'dns', value: name };
}

/** The CA, made on first use; a CA past its end is made anew (the PCs must then install the new one). */
async function loadOrCreateCa(dir: string, now: Date): Promise<Pair & { readonly created: boolean }> {
  const certFile = path.join(dir, CA_CERT);
  const keyFile = path.join(dir, CA_KEY);
  if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    const pair = await importPair(fs.readFileSync(certFile, 'utf8'), fs.readFileSync(keyFile, 'utf8'));
    if (pair.cert.notAfter.getTime() > now.getTime() + SERVER_LIFETIME_DAYS * DAY_MS) return { ...pair, created: false };
  }
  const keys = await newKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    // The date in the name tells two CAs of one office apart in a PC's certificate store.
    name: `CN=Petition Desk Office CA ${now.toISOString().slice(0, 10)}, O=petition-desk`,
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: new Date(now.getTime() + CA_LIFETIME_DAYS * DAY_MS),
    signingAlgorithm: SIGNING_ALGORITHM,
    keys,
    extensions: [
      // pathLength 0: it signs server certificates only, never another CA.
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  writePrivate(keyFile, await keyPem(keys.privateKey));
  fs.writeFileSync(certFile, cert.toString('pem'));
  return { cert, keys, created: true };
}

/** Whether the server certificate in the folder still serves: signed by this CA, for exactly these names, not near its end. */
async function serverStillGood(certPem: string, ca: Pair, names: readonly string[], now: Date): Promise<boolean> {
  const cert = new NodeCertificate(certPem);
  if (!cert.verify(new NodeCertificate(ca.cert.toString('pem')).publicKey)) return false;
  if (new Date(cert.validTo).getTime() - now.getTime() < RENEW_BEFORE_DAYS * DAY_MS) return false;
  const listed = (cert.subjectAltName ?? '').split(', ').filter(Boolean);
  if (listed.length !== names.length) return false;
  return names.every((name) => (isIP(name) ? cert.checkIP(name) !== undefined : cert.checkHost(name, { wildcards: false }) !== undefined));
}

async function issueServer(ca: Pair, names: readonly string[], now: Date): Promise<TlsMaterial> {
  const keys = await newKeys();
  const notAfter = Math.min(now.getTime() + SERVER_LIFETIME_DAYS * DAY_MS, ca.cert.notAfter.getTime());
  const cert = await x509.X509CertificateGenerator.create({
    subject: `CN=${names[0] ?? 'petition-desk'}, O=petition-desk`,
    issuer: ca.cert.subject,
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: new Date(notAfter),
    signingAlgorithm: SIGNING_ALGORITHM,
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth], false),
      // Browsers look at these names only (never the CN).
      new x509.SubjectAlternativeNameExtension(names.map(generalName), false),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(ca.keys.publicKey),
    ],
  });
  return { cert: cert.toString('pem'), key: await keyPem(keys.privateKey) };
}

/**
 * The office CA and a server certificate for `names` (IP addresses and host names the PCs use), from the data
 * folder's tls/ or made there now. The server presents its certificate followed by the CA's.
 */
export async function officeTls(dataDir: string, names: readonly string[], now: Date = new Date()): Promise<OfficeTls> {
  if (names.length === 0) throw new Error('officeTls needs at least one name for the server certificate');
  const dir = path.join(dataDir, TLS_FOLDER);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  const ca = await loadOrCreateCa(dir, now);
  const certFile = path.join(dir, SERVER_CERT);
  const keyFile = path.join(dir, SERVER_KEY);
  let server: TlsMaterial | null = null;
  if (!ca.created && fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    const cert = fs.readFileSync(certFile, 'utf8');
    if (await serverStillGood(cert, ca, names, now)) server = { cert, key: fs.readFileSync(keyFile, 'utf8') };
  }
  const serverIssued = server === null;
  if (!server) {
    server = await issueServer(ca, names, now);
    writePrivate(keyFile, server.key);
    fs.writeFileSync(certFile, server.cert);
  }
  const caPem = ca.cert.toString('pem');
  return {
    cert: `${server.cert.trim()}\n${caPem.trim()}\n`,
    key: server.key,
    caFile: path.join(dir, CA_CERT),
    caFingerprint: new NodeCertificate(caPem).fingerprint256,
    caCreated: ca.created,
    serverIssued,
  };
}
