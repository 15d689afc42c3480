import type Database from 'better-sqlite3';
import { up as initial } from './0001-initial';
import { up as users } from './0002-users';
import { up as workflow } from './0003-workflow';
import { up as statisticsSummary } from './0004-statistics-summary';
import { up as legacyImport } from './0005-import';
import { up as searchPrefixIndex } from './0006-search-prefix-index';
import { up as pauseRuleVersions } from './0007-pause-rule-versions';
import { up as attachments } from './0008-attachments';
import { up as officeSessions } from './0009-office-sessions';

export interface Migration {
  name: string;
  up(db: Database.Database): void;
}

/** Listed statically so that a bundle cannot miss one; position + 1 = the user_version it produces. */
export const migrations: readonly Migration[] = [
  { name: '0001-initial', up: initial },
  { name: '0002-users', up: users },
  { name: '0003-workflow', up: workflow },
  { name: '0004-statistics-summary', up: statisticsSummary },
  { name: '0005-import', up: legacyImport },
  { name: '0006-search-prefix-index', up: searchPrefixIndex },
  { name: '0007-pause-rule-versions', up: pauseRuleVersions },
  { name: '0008-attachments', up: attachments },
  { name: '0009-office-sessions', up: officeSessions },
];
