/**
 * Server mode's address: `--listen ADDRESS:PORT` is an IP literal and an explicit port, so the server binds exactly
 * that address (a host name may resolve to several, or to another PC), and `--public-name` is the host name or
 * address the PCs type. The Host header of every request must name one of them with the port: a page elsewhere that
 * points its own name at this server (DNS rebinding) is refused.
 *
 * @example
 * parseListen('192.168.10.5:8443'); // { address: '192.168.10.5', port: 8443 }
 * parseListen('[::1]:8443');        // { address: '::1', port: 8443 }
 * parseListen('desk:8443');         // null (a name, not an address)
 * allowedHosts({ address: '192.168.10.5', port: 8443 }, 'xfj.county.local'); // Set { '192.168.10.5:8443', 'xfj.county.local:8443' }
 */
import { isIP } from 'node:net';

export interface ListenAddress {
  readonly address: string;
  readonly port: number;
}

/** An address that accepts connections on every interface: allowed only when given, and then with a public name. */
export function isWildcard(address: string): boolean {
  return address === '0.0.0.0' || address === '::';
}

/** `ADDRESS:PORT` (IPv6 in brackets) as an address and port, or null when it is anything else. */
export function parseListen(value: string): ListenAddress | null {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|(\d{1,3}(?:\.\d{1,3}){3})):(\d{1,5})$/.exec(value.trim());
  if (!match) return null;
  const address = match[1] ?? match[2] ?? '';
  const port = Number(match[3]);
  if (match[1] !== undefined ? isIP(address) !== 6 : isIP(address) !== 4) return null;
  if (!Number.isInteger(port) || port < 1 || port > 65535) return null;
  return { address: address.toLowerCase(), port };
}

/** A host name of letters, digits and hyphens in dot-separated labels (what a certificate can name), or an IP literal. */
export function parsePublicName(value: string): string | null {
  const name = value.trim().toLowerCase();
  if (isIP(name)) return name;
  if (name.length > 253) return null;
  const labels = name.split('.');
  return labels.every((l) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(l)) && !/^\d+$/.test(labels.at(-1) ?? '') ? name : null;
}

/** How a name appears in a URL and a Host header (IPv6 in brackets). */
export function hostPart(name: string): string {
  return isIP(name) === 6 ? `[${name}]` : name;
}

/** The names the server certificate must carry: the listen address unless it is a wildcard, and the public name. */
export function certificateNames(listen: ListenAddress, publicName: string | null): string[] {
  const names = isWildcard(listen.address) ? [] : [listen.address];
  if (publicName && !names.includes(publicName)) names.push(publicName);
  return names;
}

/** Every Host header value a request may carry (lower case): each name with the port, and bare on 443. */
export function allowedHosts(listen: ListenAddress, publicName: string | null): ReadonlySet<string> {
  const hosts = new Set<string>();
  for (const name of certificateNames(listen, publicName)) {
    hosts.add(`${hostPart(name)}:${listen.port}`);
    if (listen.port === 443) hosts.add(hostPart(name));
  }
  return hosts;
}
