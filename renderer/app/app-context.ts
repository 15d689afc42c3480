import { createContext, useContext } from 'react';
import type { AppInfo } from '../../shared/api/schemas/app';
import type { Settings } from '../../shared/api/schemas/settings';
import type { UserView } from '../../shared/api/schemas/users';
import type { Role } from '../../shared/domain/workflow/roles';

export interface AppContextValue {
  info: AppInfo;
  settings: Settings;
  user: UserView;
  /** Replace the cached settings after a successful settings.update. */
  onSettingsSaved(settings: Settings): void;
  logout(): void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useAppContext(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useAppContext outside <AppContext.Provider>');
  return value;
}

/** Office time-zone offset in minutes (a setting; +07:00 by default). */
export function useOfficeOffset(): number {
  return useAppContext().settings.office.utcOffsetMinutes;
}

/**
 * Whether the signed-in user holds one of the roles. Only for showing or hiding controls: the backend checks
 * every call itself (contract `access`).
 */
export function useHasRole(...roles: Role[]): boolean {
  const { user } = useAppContext();
  return roles.some((role) => user.roles.includes(role));
}
