import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { t } from '../../../../shared/i18n';

/** A yes/no question before a change that takes something out of use or cannot be taken back. */
export function ConfirmModal(props: { title: string; body: string; confirm: string; pending: boolean; onConfirm: () => void; onCancel: () => void }) {
  return (
    <Modal opened onClose={props.onCancel} title={props.title} size={440} centered>
      <Stack gap="md">
        <Text size="sm">{props.body}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={props.pending} onClick={props.onConfirm}>
            {props.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
