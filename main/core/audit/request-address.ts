/**
 * The network address of the request being served, for the audit rows it writes (issue 16, server mode). The
 * transport runs each call inside {@link withRequestAddress}; {@link appendAudits} reads it, so every row a request
 * writes carries its address, the ones a domain writes for an unknown user name or with the system as actor
 * included, without passing an address through every function of the core. Outside a request (the scheduler,
 * start-up, the Electron window, which has no network peer) there is none and the row's address is null.
 *
 * @example
 * const result = await withRequestAddress(req.socket.remoteAddress ?? null, () => app.api.call(request));
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const current = new AsyncLocalStorage<string | null>();

/** Runs `work` with `address` as the address of the audit rows it appends. */
export function withRequestAddress<T>(address: string | null, work: () => T): T {
  return current.run(address, work);
}

/** The address of the request being served, or null outside one. */
export function requestAddress(): string | null {
  return current.getStore() ?? null;
}
