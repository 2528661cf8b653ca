import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { t } from '../../../../shared/i18n';

/** A yes/no question before a change that takes something out of use. */
export function ConfirmModal(props: { title: string; body: string; confirm: string; onConfirm: () => Promise<void>; onCancel: () => void }) {
  const [busy, setBusy] = useState(false);
  return (
    <Modal opened onClose={props.onCancel} title={props.title} size={440} centered>
      <Stack gap="md">
        <Text size="sm">{props.body}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={busy}
            onClick={() => {
              setBusy(true);
              void props.onConfirm().finally(() => setBusy(false));
            }}
          >
            {props.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
