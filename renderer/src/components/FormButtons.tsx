import { Button, Group, type MantineSpacing } from '@mantine/core';
import { t } from '../../../shared/i18n';

/** The 取消 / 保存 pair at the foot of a form, right-aligned; the save button submits the form. */
export function FormButtons({ onCancel, pending, mt }: { onCancel(): void; pending: boolean; mt?: MantineSpacing }) {
  return (
    <Group justify="flex-end" mt={mt}>
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={pending}>
        {t('common.save')}
      </Button>
    </Group>
  );
}
