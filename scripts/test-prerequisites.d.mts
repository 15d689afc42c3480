// Types for scripts/test-prerequisites.mjs, so TypeScript tests and configs can import its finders.

/** Environment variable naming the Chromium binary the browser tests launch. */
export declare const CHROMIUM_ENV: 'LICENCE_DESK_CHROMIUM';
/** Environment variable naming the folder that holds initdb, pg_ctl and postgres. */
export declare const PG_BIN_ENV: 'LICENCE_DESK_PG_BIN';
/** $LICENCE_DESK_CHROMIUM, else the first non-snap Chromium found (Debian: /usr/bin/chromium), else null. */
export declare function findChromium(): string | null;
/** $LICENCE_DESK_PG_BIN, else the PostgreSQL server's bin folder (e.g. /usr/lib/postgresql/15/bin), else null. */
export declare function findPostgresBinDir(): string | null;
