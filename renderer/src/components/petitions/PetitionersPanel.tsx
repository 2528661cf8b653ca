/**
 * The petitioners of a petition with ID numbers and phones masked. "显示完整信息" fetches one person's full
 * numbers through the core, which records every look in the audit log.
 */
import { useState } from 'react';
import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { IconEye, IconEyeOff } from '@tabler/icons-react';
import type { PetitionDetail } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { notifySaved } from '../../platform/notify';
import { useApiMutation } from '../../platform/query';

type Petitioner = PetitionDetail['petitioners'][number];

const NUMBER_STYLE = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

export function PetitionersPanel({ petitioners, canReveal }: { petitioners: readonly Petitioner[]; canReveal: boolean }) {
  const [revealed, setRevealed] = useState<ReadonlyMap<number, { idNumber: string; phone: string }>>(new Map());
  const reveal = useApiMutation('petitions.reveal', {
    onSuccess: (full, { petitionerId }) => {
      setRevealed((prev) => new Map(prev).set(petitionerId, full));
      notifySaved(t('petitions.detail.revealed', { name: petitioners.find((p) => p.id === petitionerId)?.name ?? '' }));
    },
  });
  const hide = (id: number) =>
    setRevealed((prev) => {
      const next = new Map(prev);
      next.delete(id);
      return next;
    });

  return (
    <>
      <Table verticalSpacing={6} horizontalSpacing="sm" striped layout="fixed" data-testid="petitioners-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={124}>{t('petitions.detail.columns.name')}</Table.Th>
            <Table.Th w={164}>{t('petitions.detail.columns.idNumber')}</Table.Th>
            <Table.Th w={108}>{t('petitions.detail.columns.phone')}</Table.Th>
            <Table.Th>{t('petitions.detail.columns.address')}</Table.Th>
            {canReveal && <Table.Th w={112} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {petitioners.map((p) => {
            const full = revealed.get(p.id);
            return (
              <Table.Tr key={p.id} data-testid="petitioner">
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" truncate>
                      {p.name}
                    </Text>
                    {p.isRepresentative && (
                      <Badge size="xs" variant="light" radius="sm" style={{ flexShrink: 0 }}>
                        {t('petitions.representative')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td style={NUMBER_STYLE}>{full ? full.idNumber : p.idNumberMasked}</Table.Td>
                <Table.Td style={NUMBER_STYLE}>{full ? full.phone : p.phoneMasked}</Table.Td>
                <Table.Td>
                  <Text size="sm" truncate title={p.address}>
                    {p.address}
                  </Text>
                </Table.Td>
                {canReveal && (
                  <Table.Td>
                    {full ? (
                      <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconEyeOff size={12} />} onClick={() => hide(p.id)}>
                        {t('petitions.detail.hide')}
                      </Button>
                    ) : (
                      (p.idNumberMasked || p.phoneMasked) && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          leftSection={<IconEye size={12} />}
                          loading={reveal.isPending && reveal.variables.petitionerId === p.id}
                          onClick={() => reveal.mutate({ petitionerId: p.id })}
                          aria-label={`${t('petitions.detail.reveal')}：${p.name}`}
                        >
                          {t('petitions.detail.reveal')}
                        </Button>
                      )
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {canReveal && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('petitions.detail.revealNote')}
        </Text>
      )}
    </>
  );
}
