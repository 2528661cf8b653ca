import { Badge, type BadgeProps } from '@mantine/core';
import type { WarningLevel } from '../../../../shared/enums';
import { t, enumLabel } from '../../../../shared/i18n';
import { LEVEL_COLOR, LEVEL_TEXT_COLOR } from './warning-format';

/** "红色预警" on the level's own colour. */
export function LevelBadge({ level, ...props }: { level: WarningLevel } & Omit<BadgeProps, 'color' | 'children'>) {
  return (
    <Badge color={LEVEL_COLOR[level]} c={LEVEL_TEXT_COLOR[level]} variant="filled" radius="sm" data-testid="level-badge" data-level={level} {...props}>
      {t('warnings.levelName', { level: enumLabel('warningLevel', level) })}
    </Badge>
  );
}
