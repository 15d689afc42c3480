import { ScrollArea, Table, Text } from '@mantine/core';
import type { ImportIssue } from '../../../shared/api/schemas/import';
import { formatCount } from '../../lib/format';

/** Rows drawn at most; the backend lists up to 10,000 and the counts stay exact. */
const SHOWN = 1000;

interface ImportIssuesProps {
  issues: ImportIssue[];
  count: number;
  kind: 'error' | 'warning';
}

/** Every bad row with its line (as the spreadsheet numbers it, header = line 1), column and reason. */
export function ImportIssues({ issues, count, kind }: ImportIssuesProps) {
  const shown = issues.slice(0, SHOWN);
  return (
    <>
      <ScrollArea.Autosize mah={360} type="auto">
        <Table
          fz="sm"
          verticalSpacing={3}
          striped="even"
          withTableBorder
          stickyHeader
          data-testid={kind === 'error' ? 'import-errors' : 'import-warnings'}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>Dòng</Table.Th>
              <Table.Th w={170}>Cột</Table.Th>
              <Table.Th>{kind === 'error' ? 'Lỗi' : 'Cảnh báo'}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((issue, index) => (
              <Table.Tr
                key={`${issue.line ?? 0}-${issue.column ?? ''}-${index}`}
                data-testid="import-issue-row"
              >
                <Table.Td data-testid="issue-line">{issue.line ?? 'Cả tệp'}</Table.Td>
                <Table.Td className="dossier-code">{issue.column ?? '—'}</Table.Td>
                <Table.Td c={kind === 'error' ? 'red.9' : undefined}>{issue.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {count > shown.length && (
        <Text size="xs" c="dimmed">
          Đang hiện {formatCount(shown.length)} / {formatCount(count)} {kind === 'error' ? 'lỗi' : 'cảnh báo'}{' '}
          đầu tiên; sửa tệp rồi kiểm tra lại để xem tiếp.
        </Text>
      )}
    </>
  );
}
