import fs from 'node:fs';
import path from 'node:path';
import type { Sql } from '../store/sql';

interface SeedProcedure {
  id: string;
  code: string | null;
  name: string;
  deadline: number | null;
  unit: 'wd' | 'd' | 'h' | null;
  result: string | null;
  fee: string | null;
  forms?: Record<string, string>;
  validityMaxMonths?: number | null;
}

interface ProcedureDetails {
  sector: 'bao_chi' | 'xuat_ban';
  pauseMode: 'pause' | 'restart';
  issuer: 'so' | 'ubnd';
  confidence: string;
  legalBasis: string[];
  components: Array<{ name: string; copies: number; required: boolean; original: boolean }>;
  licenceFields: Array<{ key: string; label: string; required: boolean }>;
  resultKind: string;
  silentApproval: boolean;
  eventRelative: boolean;
  validityMaxMonths: number | null;
  notes?: string;
}

/** The seed's first version applies to every dossier on record unless an administrator adds a newer one. */
export const SEED_EFFECTIVE_FROM = '2000-01-01';

/**
 * Seeds the catalogue once, as versioned rows. The seed says 'd' where the law says "ngày"; as the national
 * and provincial portals do, LicenceDesk counts those in working days (seed description), and an
 * administrator can switch a version to calendar days.
 */
export async function seedCatalogue(db: Sql, seedDir: string, nowIso: string): Promise<number> {
  const seed = JSON.parse(fs.readFileSync(path.join(seedDir, 'procedures.seed.json'), 'utf8')) as {
    procedures: SeedProcedure[];
  };
  const details = JSON.parse(fs.readFileSync(path.join(seedDir, 'procedure-details.json'), 'utf8')) as {
    procedures: Record<string, ProcedureDetails>;
  };
  const insertVersionSql = `
    INSERT INTO procedure_versions (procedure_id, effective_from, effective_to, deadline, deadline_unit, pause_mode,
      issuer, result_document, result_kind, legal_basis, components, licence_fields, forms, fee, confidence, notes,
      is_silent_approval, is_event_relative, validity_max_months, source, created_at)
    VALUES (@procedureId, @effectiveFrom, NULL, @deadline, @unit, @pauseMode, @issuer, @result, @resultKind,
      @legalBasis, @components, @licenceFields, @forms, @fee, @confidence, @notes, @silent, @eventRelative,
      @validity, 'seed', @now)`;
  return db.transaction(async () => {
    // Checked under the write lock: two servers starting on one PostgreSQL database seed it once.
    const existing = await db.get<{ n: number }>('SELECT count(*) AS n FROM procedures');
    if ((existing?.n ?? 0) > 0) return 0;
    for (const p of seed.procedures) {
      const d = details.procedures[p.id];
      if (!d) throw new Error(`procedure-details.json has no entry for ${p.id}`);
      await db.run('INSERT INTO procedures (id, code, name, sector, created_at) VALUES (?, ?, ?, ?, ?)', [
        p.id,
        p.code,
        p.name.normalize('NFC'),
        d.sector,
        nowIso,
      ]);
      await db.run(insertVersionSql, {
        procedureId: p.id,
        effectiveFrom: SEED_EFFECTIVE_FROM,
        deadline: p.deadline,
        unit: p.deadline === null ? null : seedUnit(p.unit),
        pauseMode: d.pauseMode,
        issuer: d.issuer,
        result: p.result,
        resultKind: d.resultKind,
        legalBasis: JSON.stringify(d.legalBasis),
        components: JSON.stringify(d.components),
        licenceFields: JSON.stringify(d.licenceFields),
        forms: p.forms ? JSON.stringify(p.forms) : null,
        fee: p.fee,
        confidence: d.confidence,
        notes: d.notes ?? null,
        silent: d.silentApproval ? 1 : 0,
        eventRelative: d.eventRelative ? 1 : 0,
        validity: d.validityMaxMonths ?? p.validityMaxMonths ?? null,
        now: nowIso,
      });
    }
    return seed.procedures.length;
  });
}

function seedUnit(unit: SeedProcedure['unit']): 'wd' | 'h' {
  return unit === 'h' ? 'h' : 'wd';
}
