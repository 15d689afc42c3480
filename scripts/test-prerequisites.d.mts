// Types for scripts/test-prerequisites.mjs, so TypeScript tests and configs can import its finders.

/** Environment variable naming the Chromium binary the browser tests launch. */
export declare const CHROMIUM_ENV: 'LICENCE_DESK_CHROMIUM';
/** Environment variable naming the folder that holds initdb, pg_ctl and postgres. */
export declare const PG_BIN_ENV: 'LICENCE_DESK_PG_BIN';
/** $LICENCE_DESK_CHROMIUM, else the first non-snap Chromium found (Debian: /usr/bin/chromium), else null. */
export declare function findChromium(): string | null;
/** $LICENCE_DESK_PG_BIN, else the PostgreSQL server's bin folder (e.g. /usr/lib/postgresql/15/bin), else null. */
export declare function findPostgresBinDir(): string | null;

/** What the install advice depends on. */
export interface Host {
  platform: NodeJS.Platform;
  /** Ubuntu or a derivative: Chromium only as a snap. */
  ubuntu: boolean;
  packageManager: 'apt-get' | 'dnf' | 'pacman' | null;
}
export declare function detectHost(): Host;
/** The one line saying what to install and how; pkgs are Debian package names (chromium, poppler-utils, postgresql). */
export declare function guidance(pkgs: readonly string[], host?: Host): string;
