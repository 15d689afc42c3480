import { useMemo, useSyncExternalStore } from 'react';

// Hash routing: the bundle is served from app://bundle/index.html and from the web edition's `/`, and only
// the fragment is the same under both. Slugs are Vietnamese without diacritics, as the clerks read them.
export type Route =
  | { page: 'intake' }
  | { page: 'dossiers'; dossierId: number | null }
  | { page: 'statistics' }
  | { page: 'report' }
  | { page: 'procedures' }
  | { page: 'calendar'; year: number | null }
  | { page: 'users' }
  | { page: 'import' }
  | { page: 'backup' }
  | { page: 'settings' };

export type PageName = Route['page'];

const slugs: Record<PageName, string> = {
  intake: 'tiep-nhan',
  dossiers: 'ho-so',
  statistics: 'thong-ke',
  report: 'bao-cao',
  procedures: 'thu-tuc',
  calendar: 'lich-lam-viec',
  users: 'nguoi-dung',
  import: 'nhap-du-lieu',
  backup: 'sao-luu',
  settings: 'cai-dat',
};

export function parseRoute(hash: string): Route {
  const [slug = '', param] = hash.replace(/^#\/?/, '').split('/');
  switch (slug) {
    case slugs.dossiers: {
      const id = Number(param);
      return { page: 'dossiers', dossierId: Number.isSafeInteger(id) && id > 0 ? id : null };
    }
    case slugs.statistics:
      return { page: 'statistics' };
    case slugs.report:
      return { page: 'report' };
    case slugs.procedures:
      return { page: 'procedures' };
    case slugs.calendar: {
      const year = Number(param);
      return { page: 'calendar', year: Number.isInteger(year) && year >= 2000 && year < 2200 ? year : null };
    }
    case slugs.users:
      return { page: 'users' };
    case slugs.import:
      return { page: 'import' };
    case slugs.backup:
      return { page: 'backup' };
    case slugs.settings:
      return { page: 'settings' };
    default:
      return { page: 'intake' };
  }
}

export function routeHref(route: Route): string {
  if (route.page === 'dossiers' && route.dossierId !== null) return `#/${slugs.dossiers}/${route.dossierId}`;
  if (route.page === 'calendar' && route.year !== null) return `#/${slugs.calendar}/${route.year}`;
  return `#/${slugs[route.page]}`;
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function getHash(): string {
  return window.location.hash;
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash);
  return useMemo(() => parseRoute(hash), [hash]);
}
