/**
 * The portal's API client: the magic link travels in `Authorization: Portal …` (no
 * cookie, so nothing for a cross-site request to ride on).
 */
import type { TPortalMe, TPortalMessage } from '../../src/contracts/portal.js';
import type { Lang } from './i18n.js';

export type { TPortalMe, TPortalMessage };

const STORAGE_KEY = 'pb_portal_link';

export class PortalError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) { super(message); }
}

/**
 * Takes the credential from the URL fragment (`#t=…`) into sessionStorage and removes it
 * from the address bar, so it is not left in history or in a screenshot.
 */
export function readCredential(): string | null {
  const match = /(?:^#|&)t=([^&]+)/.exec(location.hash);
  if (match) {
    const credential = decodeURIComponent(match[1]!);
    try { sessionStorage.setItem(STORAGE_KEY, credential); } catch { /* private mode: keep it in memory only */ }
    history.replaceState(null, '', location.pathname + location.search);
    return credential;
  }
  try { return sessionStorage.getItem(STORAGE_KEY); } catch { return null; }
}

/** A refused link is dropped, so the tab does not keep retrying it. */
export function forgetCredential(): void {
  try { sessionStorage.removeItem(STORAGE_KEY); } catch { /* nothing stored */ }
}

export function createPortalApi(credential: string) {
  async function call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`/api/v1/portal${path}`, {
        method, credentials: 'omit',
        headers: { authorization: `Portal ${credential}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new PortalError(0, 'network', 'network');
    }
    const data = await res.json().catch(() => ({}));
    if (!res.ok) throw new PortalError(res.status, data?.error?.code ?? 'error', data?.error?.message ?? res.statusText);
    return data as T;
  }
  return {
    me: () => call<TPortalMe>('GET', '/me'),
    messages: () => call<{ items: TPortalMessage[] }>('GET', '/messages'),
    ask: (text: string) => call<{ id: string }>('POST', '/questions', { text }),
    pulse: (score: number, comment: string) => call<{ id: string }>('POST', '/pulse', { score, comment }),
    setLanguage: (language: Lang) => call<{ language: Lang }>('POST', '/language', { language }),
    /** For sections that bring their own calls: a JSON request under /api/v1/portal. */
    request: <T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) => call<T>(method, path, body),
    /** The link credential, for uploads sent with XMLHttpRequest (fetch reports no upload progress). */
    credential,
  };
}
export type PortalApi = ReturnType<typeof createPortalApi>;
