import type { ReactNode } from 'react';
import { Tabs } from '@mantine/core';
import { IconArrowsExchange, IconCalendarMonth, IconNotebook, IconUsersGroup } from '@tabler/icons-react';
import { Outlet, linkOptions, useLocation } from '@tanstack/react-router';
import { t } from '../../../../shared/i18n';
import { useNavigate } from '../../platform/links';
import classes from './duty.module.css';

const TABS = [
  { value: 'roster', link: linkOptions({ to: '/duty' }), label: () => t('duty.tabs.roster'), icon: <IconCalendarMonth size={16} /> },
  { value: 'rotations', link: linkOptions({ to: '/duty/rotations' }), label: () => t('duty.tabs.rotations'), icon: <IconUsersGroup size={16} /> },
  { value: 'log', link: linkOptions({ to: '/duty/log' }), label: () => t('duty.tabs.log'), icon: <IconNotebook size={16} /> },
  { value: 'handover', link: linkOptions({ to: '/handover' }), label: () => t('duty.tabs.handover'), icon: <IconArrowsExchange size={16} /> },
] as const satisfies readonly { value: string; link: { to: string }; label: () => string; icon: ReactNode }[];

type DutyTab = (typeof TABS)[number]['value'];

function tabOf(path: string): DutyTab {
  return TABS.find((x) => x.link.to === path)?.value ?? 'roster';
}

/** The duty screens under one row of tabs: 值班表 / 轮值设置 / 值班记录 / 交接班. */
export function DutyTabs() {
  const navigate = useNavigate();
  const tab = tabOf(useLocation({ select: (l) => l.pathname }));
  return (
    <div className={tab === 'roster' ? `${classes.page} ${classes.fill}` : classes.page}>
      <Tabs
        value={tab}
        onChange={(v) => {
          const target = TABS.find((x) => x.value === v);
          if (target) void navigate(target.link);
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
      <Outlet />
    </div>
  );
}
