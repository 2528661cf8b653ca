import { Button, Group, type MantineSpacing } from '@mantine/core';
import { t } from '../../../shared/i18n';

/** The 取消 / 保存 pair at the foot of a form, right-aligned; the save button submits the form. */
export function FormButtons({ onCancel, busy, mt }: { onCancel(): void; busy: boolean; mt?: MantineSpacing }) {
  return (
    <Group justify="flex-end" mt={mt}>
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={busy}>
        {t('common.save')}
      </Button>
    </Group>
  );
}
