import { UnstyledButton, type MantineColor, type MantineSize } from '@mantine/core';
import { formatCount } from '../../lib/format';
import type { DrilldownSpec, OpenDrilldown } from './drilldown';
import classes from './Statistics.module.css';

interface StatNumberProps {
  spec: DrilldownSpec;
  onOpen: OpenDrilldown;
  size?: MantineSize | 'xxl';
  color?: MantineColor;
  /** Text shown instead of the count (a rate, a mean), still opening the same list. */
  display?: string;
}

/** A figure that opens the list of dossiers behind it. */
export function StatNumber({ spec, onOpen, size = 'sm', color, display }: StatNumberProps) {
  const scope = spec.scopeLabel ? ` (${spec.scopeLabel})` : '';
  return (
    <UnstyledButton
      className={classes.number}
      data-size={size}
      data-zero={spec.expected === 0 || undefined}
      data-cell={spec.cell}
      style={color ? { color: `var(--mantine-color-${color.replace('.', '-')})` } : undefined}
      aria-label={`${spec.title}${scope}: ${display ?? formatCount(spec.expected)} — xem danh sách hồ sơ`}
      onClick={() => onOpen(spec)}
    >
      {display ?? formatCount(spec.expected)}
    </UnstyledButton>
  );
}
