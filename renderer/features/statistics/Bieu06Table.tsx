import { Table, Text } from '@mantine/core';
import type { ReportOutput } from '../../../shared/api/schemas/statistics';
import {
  BIEU06_HEADER,
  bieu06Keys,
  CELL_COLUMN,
  CELL_LABELS,
  columnNumbers,
  type Bieu06Key,
  type StatCell,
} from '../../../shared/domain/statistics';
import type { OpenDrilldown } from './drilldown';
import { StatNumber } from './StatNumber';
import classes from './Report.module.css';

type ReportRow = ReportOutput['rows'][number];

const COLUMN_CELL = Object.fromEntries(
  Object.entries(CELL_COLUMN).map(([cell, column]) => [column, cell as StatCell]),
) as Record<Bieu06Key, StatCell>;

const headerRows = Array.from({ length: BIEU06_HEADER.rows }, (_, r) =>
  BIEU06_HEADER.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col),
);

function scopeOf(row: ReportRow) {
  if (row.kind === 'procedure' && row.procedureId) {
    return { scopeLabel: row.label, procedureId: row.procedureId };
  }
  if (row.kind === 'sector' && row.sector) return { scopeLabel: `Lĩnh vực ${row.label}`, sector: row.sector };
  return { scopeLabel: null };
}

/** Biểu số 06/VPCP/KSTT on screen, with the form's merged header and columns (1)–(13). */
export function Bieu06Table({ rows, onOpen }: { rows: ReportRow[]; onOpen: OpenDrilldown }) {
  return (
    <Table.ScrollContainer minWidth={1000}>
      <table className={classes.form} data-testid="bieu06">
        <thead>
          {headerRows.map((cells, r) => (
            <tr key={r}>
              {cells.map((cell) => (
                <th
                  key={`${cell.row}-${cell.col}`}
                  rowSpan={cell.rowSpan}
                  colSpan={cell.colSpan}
                  style={cell.col === 1 ? { minWidth: 280 } : undefined}
                >
                  {cell.text}
                </th>
              ))}
            </tr>
          ))}
          <tr className={classes.numbers}>
            {columnNumbers(BIEU06_HEADER.columns).map((n) => (
              <th key={n}>{n}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const scope = scopeOf(row);
            return (
              <tr
                key={`${row.kind}-${row.sector ?? ''}-${row.procedureId ?? ''}-${index}`}
                className={classes[row.kind]}
                data-testid={row.kind === 'total' ? 'report-total' : 'report-row'}
                data-kind={row.kind}
              >
                <td className={classes.stt}>{row.stt}</td>
                <td>
                  {row.kind === 'procedure' && row.procedureCode && (
                    <Text span size="xs" c="dimmed" className="dossier-code">
                      {row.procedureCode}{' '}
                    </Text>
                  )}
                  {row.label}
                </td>
                {bieu06Keys.map((key) => {
                  const cell = COLUMN_CELL[key];
                  return (
                    <td key={key} className={classes.num} data-col={key}>
                      <StatNumber
                        spec={{
                          cell,
                          title: `Cột (${key.slice(1)}) ${CELL_LABELS[cell]}`,
                          expected: row[key],
                          ...scope,
                        }}
                        onOpen={onOpen}
                      />
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </Table.ScrollContainer>
  );
}
