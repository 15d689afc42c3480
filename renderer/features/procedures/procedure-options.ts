import type { ComboboxItem, ComboboxParsedItem, ComboboxParsedItemGroup, OptionsFilter } from '@mantine/core';
import type { ProcedureView } from '../../../shared/api/schemas/procedures';
import { foldVietnamese, foldedSearchTerms } from '../../../shared/domain/text-fold';

export const sectorLabels: Record<ProcedureView['sector'], string> = {
  bao_chi: 'Báo chí',
  xuat_ban: 'Xuất bản, in và phát hành',
};

export const UNCONFIGURED_SUFFIX = ' (cần cấu hình)';

export function procedureLabel(procedure: Pick<ProcedureView, 'code' | 'name'>): string {
  return procedure.code ? `${procedure.code} · ${procedure.name}` : procedure.name;
}

/** Select data grouped by sector; unconfigured procedures are listed (so the clerk knows why) but disabled. */
export function procedureOptions(procedures: readonly ProcedureView[]) {
  const groups = new Map<string, ComboboxItem[]>();
  for (const procedure of procedures) {
    const group = sectorLabels[procedure.sector];
    const items = groups.get(group) ?? [];
    items.push({
      value: procedure.id,
      label: procedureLabel(procedure) + (procedure.isConfigured ? '' : UNCONFIGURED_SUFFIX),
      disabled: !procedure.isConfigured,
    });
    groups.set(group, items);
  }
  return Array.from(groups, ([group, items]) => ({ group, items }));
}

function isGroup(item: ComboboxParsedItem): item is ComboboxParsedItemGroup {
  return 'group' in item;
}

/**
 * Matches every typed word against the folded label (code + name), so "xuat ban tai lieu", "Xuất bản tài liệu"
 * and "1.003868" all find 1.003868. Folding is the same as the backend's search key (shared/domain/text-fold).
 */
export const procedureFilter: OptionsFilter = ({ options, search, limit }) => {
  const terms = foldedSearchTerms(search);
  if (terms.length === 0) return options;
  const matches = (item: ComboboxItem) => {
    const haystack = ` ${foldVietnamese(`${item.label} ${item.value}`)}`;
    return terms.every((term) => haystack.includes(term));
  };
  const result: ComboboxParsedItem[] = [];
  let count = 0;
  for (const option of options) {
    if (count >= limit) break;
    if (isGroup(option)) {
      const items = option.items.filter(matches).slice(0, limit - count);
      if (items.length > 0) {
        result.push({ group: option.group, items });
        count += items.length;
      }
    } else if (matches(option)) {
      result.push(option);
      count += 1;
    }
  }
  return result;
};
