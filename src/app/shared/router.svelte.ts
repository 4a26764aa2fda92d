/**
 * A small history-API router. Paths are real URLs so that deep links work, online and offline
 * (the service worker answers every navigation with the app shell). No citizen data ever goes
 * into a URL or into history state.
 */
export class Router {
  path = $state(location.pathname);

  constructor() {
    addEventListener('popstate', () => (this.path = location.pathname));
  }

  go(path: string, { replace = false } = {}): void {
    if (path === this.path && !replace) return;
    if (replace) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
    this.path = path;
  }

  /** Follows same-origin links without a reload; other clicks pass through. */
  interceptLinks(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (!(link instanceof HTMLAnchorElement) || link.origin !== location.origin || link.target) return;
    if (link.hasAttribute('download') || link.pathname.startsWith('/api/') || link.hash) return;
    event.preventDefault();
    this.go(link.pathname);
  }
}

export type Route =
  | { name: 'start' }
  | { name: 'service'; id: string }
  | { name: 'setup' }
  | { name: 'accessibility' }
  | { name: 'not-found' };

export function matchRoute(path: string): Route {
  if (path === '/' || path === '/index.html') return { name: 'start' };
  if (path === '/setup') return { name: 'setup' };
  if (path === '/tilgaengelighed') return { name: 'accessibility' };
  const service = /^\/service\/([a-z][a-z0-9-]*)$/.exec(path);
  if (service) return { name: 'service', id: service[1] };
  return { name: 'not-found' };
}
