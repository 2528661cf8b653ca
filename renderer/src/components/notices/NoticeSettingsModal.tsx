/**
 * The administrator's notice settings: the issuing-body mark and signature, the county bureau reports go to,
 * and the number prefix of each kind (信预 → 信预〔2026〕3号). A change applies to notices signed from now on;
 * signed notices keep their frozen text.
 */
import { useState } from 'react';
import { Alert, Button, FileButton, Group, Image, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type NoticeSettings } from '../../../../shared/api';
import { NOTICE_KINDS } from '../../../../shared/enums';
import { t } from '../../../../shared/i18n';
import { notifySaved } from '../../platform/notify';
import { useApiMutation, useApiQuery } from '../../platform/query';

const MAX_SEAL_BYTES = 300 * 1024;

function readDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Numbers typed one after another, separated by 、，, or spaces. */
function splitPhones(text: string): string[] {
  return text
    .split(/[、，,;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function NoticeSettingsModal({ onClose }: { onClose: () => void }) {
  const query = useApiQuery('notices.settings.get', {});
  return (
    <Modal opened onClose={onClose} title={t('notices.settings.title')} size={680} centered>
      {query.error && (
        <Alert color="red" variant="light">
          {query.error.message}
        </Alert>
      )}
      {query.data && <SettingsForm initial={query.data} onClose={onClose} />}
    </Modal>
  );
}

function SettingsForm({ initial, onClose }: { initial: NoticeSettings; onClose: () => void }) {
  const [settings, setSettings] = useState<NoticeSettings>(initial);
  const [phonesText, setPhonesText] = useState(initial.officePhones.join('、'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const update = useApiMutation('notices.settings.update', {
    onSuccess: () => {
      notifySaved(t('notices.settings.saved'));
      onClose();
    },
    onError: (error) => {
      setErrors({ ...(error.fields ?? {}) });
      // A field's own message shows under it; the banner is for everything else.
      setMessage(error.fields ? null : error.message);
    },
  });

  const set = (patch: Partial<NoticeSettings>) => {
    setErrors({});
    setMessage(null);
    setSettings((s) => ({ ...s, ...patch }));
  };
  return (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('notices.settings.description')}
          </Text>
          <SimpleGrid cols={3} spacing="sm">
            <TextInput label={t('notices.settings.issuerMark')} value={settings.issuerMark} onChange={(e) => set({ issuerMark: e.currentTarget.value })} error={errors.issuerMark} />
            <TextInput label={t('notices.settings.issuerName')} value={settings.issuerName} onChange={(e) => set({ issuerName: e.currentTarget.value })} error={errors.issuerName} />
            <TextInput label={t('notices.settings.countyAddressee')} value={settings.countyAddressee} onChange={(e) => set({ countyAddressee: e.currentTarget.value })} error={errors.countyAddressee} />
          </SimpleGrid>
          <TextInput
            label={t('notices.settings.officePhones')}
            description={t('notices.settings.officePhonesHint')}
            value={phonesText}
            onChange={(e) => {
              setPhonesText(e.currentTarget.value);
              set({ officePhones: splitPhones(e.currentTarget.value) });
            }}
            error={Object.entries(errors).find(([k]) => k.startsWith('officePhones'))?.[1]}
          />
          <Text size="sm" fw={500}>
            {t('notices.settings.prefixes')}
          </Text>
          <SimpleGrid cols={5} spacing="xs">
            {NOTICE_KINDS.map((k) => (
              <TextInput
                key={k}
                size="xs"
                label={t(`notices.kinds.${k}`)}
                value={settings.prefixes[k]}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  set({ prefixes: { ...settings.prefixes, [k]: value } });
                }}
                error={errors[`prefixes.${k}`]}
              />
            ))}
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('notices.settings.example', { number: `${settings.prefixes.warning_notice}〔2026〕3号` })}
          </Text>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('notices.settings.seal')}
            </Text>
            <Group gap="sm" align="center">
              {settings.sealDataUrl ? (
                <Image src={settings.sealDataUrl} alt={t('notices.settings.seal')} w={64} h={64} fit="contain" data-testid="seal-preview" />
              ) : (
                <Text size="sm" c="dimmed">
                  {t('notices.settings.sealNone')}
                </Text>
              )}
              <FileButton
                accept="image/png"
                onChange={(file) => {
                  if (!file) return;
                  if (file.size > MAX_SEAL_BYTES) {
                    setErrors({ sealDataUrl: t('notices.settings.sealTooLarge') });
                    return;
                  }
                  void readDataUrl(file).then((url) => set({ sealDataUrl: url }));
                }}
              >
                {(props) => (
                  <Button size="xs" variant="default" {...props}>
                    {t('notices.settings.sealChoose')}
                  </Button>
                )}
              </FileButton>
              {settings.sealDataUrl && (
                <Button size="xs" variant="subtle" color="red" onClick={() => set({ sealDataUrl: null })}>
                  {t('notices.settings.sealRemove')}
                </Button>
              )}
            </Group>
            <Text size="xs" c={errors.sealDataUrl ? 'red' : 'dimmed'}>
              {errors.sealDataUrl ?? t('notices.settings.sealHint')}
            </Text>
          </Stack>
          {message && (
            <Alert color="red" variant="light">
              {message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('notices.detail.cancel')}
            </Button>
            <Button loading={update.isPending} onClick={() => update.mutate(settings)}>
              {t('notices.editor.save')}
            </Button>
          </Group>
        </Stack>
  );
}
