import type Database from 'better-sqlite3';

// Name search uses prefix terms ("nguy*", "hoa*"). Without a prefix index FTS5 expands a short prefix into
// every matching term and merges their doclists at query time; prefix indexes of 2–4 characters make that a
// single doclist read (measured on 1,000,000 names: see bench/README.md).
export function up(db: Database.Database): void {
  db.exec(`
    DROP TRIGGER dossiers_fts_insert;
    DROP TRIGGER dossiers_fts_update;
    DROP TABLE dossiers_fts;
    CREATE VIRTUAL TABLE dossiers_fts USING fts5 (
      applicant_folded,
      content = 'dossiers',
      content_rowid = 'id',
      tokenize = 'unicode61',
      prefix = '2 3 4'
    );
    INSERT INTO dossiers_fts (dossiers_fts) VALUES ('rebuild');
    CREATE TRIGGER dossiers_fts_insert AFTER INSERT ON dossiers BEGIN
      INSERT INTO dossiers_fts (rowid, applicant_folded) VALUES (new.id, new.applicant_folded);
    END;
    CREATE TRIGGER dossiers_fts_update AFTER UPDATE OF applicant_folded ON dossiers BEGIN
      INSERT INTO dossiers_fts (dossiers_fts, rowid, applicant_folded) VALUES ('delete', old.id, old.applicant_folded);
      INSERT INTO dossiers_fts (rowid, applicant_folded) VALUES (new.id, new.applicant_folded);
    END;
  `);
}
