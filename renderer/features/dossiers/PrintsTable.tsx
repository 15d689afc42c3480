import { Badge, Table, Text } from '@mantine/core';
import { printKindLabel } from '../../api/documents';
import { useOfficeOffset } from '../../app/app-context';
import { formatInstant } from '../../lib/format';
import type { WorkflowView } from '../workflow/action-form';

/** Giấy tờ đã in: every logged print; a licence printed again is a copy ("BẢN SAO") by law of the register. */
export function PrintsTable({ prints }: { prints: WorkflowView['prints'] }) {
  const offset = useOfficeOffset();
  if (prints.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Chưa in giấy tờ nào từ hồ sơ này.
      </Text>
    );
  }
  return (
    <Table fz="sm" verticalSpacing={3} striped="even" data-testid="prints">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Giấy tờ</Table.Th>
          <Table.Th w={140}>Thời điểm in</Table.Th>
          <Table.Th w={180}>Người in</Table.Th>
          <Table.Th w={90}>Bản</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {prints.map((p, index) => (
          <Table.Tr key={`${p.printedAt}-${index}`}>
            <Table.Td>{printKindLabel(p.kind)}</Table.Td>
            <Table.Td>{formatInstant(p.printedAt, offset)}</Table.Td>
            <Table.Td>{p.printedBy}</Table.Td>
            <Table.Td>
              <Badge size="xs" color={p.isCopy ? 'gray' : 'indigo'}>
                {p.isCopy ? 'Bản sao' : 'Bản gốc'}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
