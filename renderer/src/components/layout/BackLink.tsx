import type { ReactNode } from 'react';
import { IconArrowLeft } from '@tabler/icons-react';
import type { RegisteredRouter, ValidateLinkOptions } from '@tanstack/react-router';
import { AnchorLink } from '../../platform/links';

interface BackLinkProps<TOptions> {
  readonly to: ValidateLinkOptions<RegisteredRouter, TOptions>;
  readonly children: ReactNode;
}

/** "← 返回列表" above a record's title: a small dimmed link back to where the record is listed. */
export function BackLink<TOptions>(props: BackLinkProps<TOptions>): ReactNode;
export function BackLink({ to, children }: BackLinkProps<unknown>): ReactNode {
  return (
    <AnchorLink {...to} size="sm" c="dimmed" style={{ display: 'inline-flex', alignItems: 'center', gap: 4, alignSelf: 'flex-start' }}>
      <IconArrowLeft size={14} />
      {children}
    </AnchorLink>
  );
}
