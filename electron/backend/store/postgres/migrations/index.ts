import { statements as initial } from './0001-initial';
import { statements as attachments } from './0002-attachments';
import { statements as officeSessions } from './0003-office-sessions';

export interface PostgresMigration {
  name: string;
  statements: readonly string[];
}

/**
 * The PostgreSQL store's own history (one history per engine): position + 1 = the schema version it produces.
 * Listed statically so a bundle cannot miss one.
 */
export const postgresMigrations: readonly PostgresMigration[] = [
  { name: '0001-initial', statements: initial },
  { name: '0002-attachments', statements: attachments },
  { name: '0003-office-sessions', statements: officeSessions },
];

export const POSTGRES_SCHEMA_VERSION = postgresMigrations.length;
