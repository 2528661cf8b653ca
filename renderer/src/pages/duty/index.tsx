import type { ReactNode } from 'react';
import { Tabs } from '@mantine/core';
import { IconArrowsExchange, IconCalendarMonth, IconNotebook, IconUsersGroup } from '@tabler/icons-react';
import { t } from '../../../../shared/i18n';
import { navigate, type Route } from '../../app/router';
import { DutyLogPage } from './DutyLogPage';
import { HandoverPage } from './HandoverPage';
import { MonthPage } from './MonthPage';
import { RotationsPage } from './RotationsPage';
import { isMonth } from './month-model';
import classes from './duty.module.css';

type DutyTab = 'roster' | 'rotations' | 'log' | 'handover';

const TABS: readonly { value: DutyTab; path: string; label: () => string; icon: ReactNode }[] = [
  { value: 'roster', path: '/duty', label: () => t('duty.tabs.roster'), icon: <IconCalendarMonth size={16} /> },
  { value: 'rotations', path: '/duty/rotations', label: () => t('duty.tabs.rotations'), icon: <IconUsersGroup size={16} /> },
  { value: 'log', path: '/duty/log', label: () => t('duty.tabs.log'), icon: <IconNotebook size={16} /> },
  { value: 'handover', path: '/handover', label: () => t('duty.tabs.handover'), icon: <IconArrowsExchange size={16} /> },
];

function tabOf(route: Route): DutyTab {
  const [first, second] = route.parts;
  if (first === 'handover') return 'handover';
  if (second === 'rotations') return 'rotations';
  if (second === 'log') return 'log';
  return 'roster';
}

/** Routes under /duty and /handover, under one row of tabs: 值班表 / 轮值设置 / 值班记录 / 交接班. */
export function DutyRoutes({ route }: { route: Route }) {
  const tab = tabOf(route);
  const month = route.query.get('month');
  let page: ReactNode;
  if (tab === 'rotations') page = <RotationsPage />;
  else if (tab === 'log') page = <DutyLogPage />;
  else if (tab === 'handover') page = <HandoverPage />;
  else page = <MonthPage month={isMonth(month) ? month : null} />;

  return (
    <div className={tab === 'roster' ? `${classes.page} ${classes.fill}` : classes.page}>
      <Tabs
        value={tab}
        onChange={(v) => {
          const target = TABS.find((x) => x.value === v);
          if (target) navigate(target.path);
        }}
      >
        <Tabs.List>
          {TABS.map((x) => (
            <Tabs.Tab key={x.value} value={x.value} leftSection={x.icon}>
              {x.label()}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {page}
    </div>
  );
}
