/**
 * @peculiar/x509 resolves its ASN.1 and signature helpers through tsyringe, which refuses to load unless the
 * reflect-metadata polyfill is present, and then reads "design:paramtypes" (which @peculiar/x509's published build
 * never emits) and the injection tokens its own `@inject` decorator stores (which @peculiar/x509 does not use). The
 * three functions tsyringe calls are given here over a WeakMap, enough for that use and no more, until the
 * reflect-metadata package is a dependency; a polyfill loaded first (the real one) is left as it is.
 * Import this module before '@peculiar/x509'.
 */
const store = new WeakMap<object, Map<unknown, unknown>>();
const reflect = Reflect as unknown as Record<string, unknown>;
reflect.defineMetadata ??= (key: unknown, value: unknown, target: object): void => {
  const own = store.get(target) ?? new Map<unknown, unknown>();
  own.set(key, value);
  store.set(target, own);
};
reflect.getOwnMetadata ??= (key: unknown, target: object): unknown => store.get(target)?.get(key);
reflect.getMetadata ??= (key: unknown, target: object): unknown => store.get(target)?.get(key);
