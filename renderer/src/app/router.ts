/**
 * A small hash router: the desktop app has no server routes, and hash URLs work the same under app:// and
 * http://127.0.0.1.
 *
 * @example
 * const route = useRoute();          // { path: '/petitions/12', parts: ['petitions', '12'], query }
 * navigate('/petitions/new');
 */
import { useSyncExternalStore } from 'react';

export interface Route {
  readonly path: string;
  readonly parts: readonly string[];
  readonly query: URLSearchParams;
}

function current(): string {
  return window.location.hash.replace(/^#/, '') || '/';
}

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, current);
  const [path = '/', search = ''] = hash.split('?');
  return { path, parts: path.split('/').filter(Boolean), query: new URLSearchParams(search) };
}

export function navigate(path: string): void {
  window.location.hash = path;
}

export function href(path: string): string {
  return `#${path}`;
}
