/**
 * '#/notices/:id': one notice. The A4 preview fills the right; the left holds what the notice is, the buttons its
 * state and the reader's role allow (edit and submit a draft; a leader signs or sends back; print, download
 * the PDF, draft a correction once signed) and the print history. A clerk looking at a notice that waits for
 * sign-off is told that only a leader signs.
 */
import { useRef, useState } from 'react';
import { Alert, Button, Card, Code, Grid, Group, List, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconDownload, IconEdit, IconFilePencil, IconInfoCircle, IconPrinter, IconSend, IconSignature, IconArrowBackUp, IconLock } from '@tabler/icons-react';
import type { NoticeDetail } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { formatDateTime } from '../../../../shared/time';
import { useOfficeTimeZone } from '../../platform/clock';
import { AnchorLink, useNavigate } from '../../platform/links';
import { notifySaved } from '../../platform/notify';
import { useApiMutation, useApiQuery } from '../../platform/query';
import { useSession } from '../../platform/session';
import { ConfirmModal } from '../../components/layout/ConfirmModal';
import { Fact } from '../../components/DetailParts';
import { NoticeEditor } from '../../components/notices/NoticeEditor';
import { NoticePreview } from '../../components/notices/NoticePreview';
import { NoticeStatusBadge } from '../../components/notices/NoticeStatusBadge';
import { PrintModal } from '../../components/notices/PrintModal';
import { downloadBase64 } from '../../components/notices/download';
import { QueryPending } from '../../components/QueryPending';
import { BackLink } from '../../components/layout/BackLink';

type Dialog = 'edit' | 'sign' | 'return' | 'print' | 'supersede' | null;

/** The facts column is narrow: short labels, and long values (numbers, addressees) wrap anywhere. */
const NARROW = { labelWidth: 64, breakAnywhere: true } as const;

function ReturnModal({ notice, onClose, onDone }: { notice: NoticeDetail; onClose: () => void; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const sendBack = useApiMutation('notices.return', {
    onSuccess: () => {
      notifySaved(t('notices.detail.returned'));
      onDone();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('notices.detail.returnTitle')} size={460} centered>
      <Stack gap="sm">
        <Textarea label={t('notices.detail.returnReason')} autosize minRows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('notices.detail.cancel')}
          </Button>
          <Button loading={sendBack.isPending} onClick={() => sendBack.mutate({ id: notice.id, reason })}>
            {t('notices.detail.returnConfirmButton')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function NoticeDetailPage({ id }: { id: number }) {
  const tz = useOfficeTimeZone();
  const session = useSession();
  const navigate = useNavigate();
  const query = useApiQuery('notices.get', { id });
  const [dialog, setDialog] = useState<Dialog>(null);
  const frame = useRef<HTMLIFrameElement | null>(null);
  const close = () => setDialog(null);
  const submit = useApiMutation('notices.submit', { onSuccess: () => notifySaved(t('notices.detail.submitted')) });
  const pdf = useApiMutation('notices.pdf.get', {
    onSuccess: (file) => {
      downloadBase64(file.base64, file.fileName, 'application/pdf');
      notifySaved(t('notices.detail.pdfReady', { name: file.fileName }));
    },
  });
  const sign = useApiMutation('notices.sign', {
    onSuccess: (signed) => {
      notifySaved(t('notices.detail.signed', { number: signed.docNumber ?? '' }));
      close();
    },
  });
  const supersede = useApiMutation('notices.supersede', {
    onSuccess: (correction) => {
      close();
      void navigate({ to: '/notices/$id', params: { id: correction.id } });
    },
  });
  const notice = query.data;

  if (!notice) return <QueryPending error={query.error} message={(message) => t('notices.detail.loadFailed', { message })} />;

  const can = (a: NoticeDetail['allowedActions'][number]) => notice.allowedActions.includes(a);
  const by = (name: string | null, at: number | null) => (name && at !== null ? t('notices.detail.by', { name, at: formatDateTime(at, tz) }) : '—');
  const signed = notice.status === 'signed' || notice.status === 'printed';
  // Only a leader signs, though drafters may call the procedure: the core refuses anyone else.
  const clerkWaiting = notice.status === 'submitted' && !session.holds('leader');

  return (
    <Stack gap="sm">
      <BackLink to={{ to: '/notices' }}>{t('notices.detail.back')}</BackLink>
      <Group gap="sm" wrap="nowrap" align="center">
        <Title order={3} data-testid="notice-number" style={{ whiteSpace: 'nowrap' }}>
          {notice.docNumber ?? t(`notices.kinds.${notice.kind}`)}
        </Title>
        <NoticeStatusBadge status={notice.status} superseded={notice.supersededById !== null} size="lg" />
        <Text size="lg" fw={500} truncate data-testid="notice-title">
          {notice.title}
        </Text>
      </Group>
      <Grid gap="sm" align="flex-start">
        <Grid.Col span={4.2}>
          <Stack gap="sm">
            <Card withBorder padding="sm" radius="md">
              <Group gap="xs" role="toolbar" aria-label={t('notices.detail.actionsLabel')}>
                {can('edit') && (
                  <Button size="sm" variant="light" leftSection={<IconEdit size={16} />} onClick={() => setDialog('edit')}>
                    {t('notices.detail.edit')}
                  </Button>
                )}
                {can('submit') && (
                  <Button size="sm" leftSection={<IconSend size={16} />} loading={submit.isPending} onClick={() => submit.mutate({ id: notice.id })}>
                    {t('notices.detail.submit')}
                  </Button>
                )}
                {can('sign') && (
                  <Button size="sm" color="red" leftSection={<IconSignature size={16} />} onClick={() => setDialog('sign')}>
                    {t('notices.detail.sign')}
                  </Button>
                )}
                {can('return') && (
                  <Button size="sm" variant="default" leftSection={<IconArrowBackUp size={16} />} onClick={() => setDialog('return')}>
                    {t('notices.detail.return')}
                  </Button>
                )}
                {can('print') && (
                  <Button size="sm" leftSection={<IconPrinter size={16} />} onClick={() => setDialog('print')}>
                    {t('notices.detail.print')}
                  </Button>
                )}
                {can('print') && (
                  <Button size="sm" variant="light" loading={pdf.isPending} leftSection={<IconDownload size={16} />} onClick={() => pdf.mutate({ id: notice.id })}>
                    {t('notices.detail.downloadPdf')}
                  </Button>
                )}
                {can('supersede') && (
                  <Button size="sm" variant="subtle" color="gray" leftSection={<IconFilePencil size={16} />} onClick={() => setDialog('supersede')}>
                    {t('notices.detail.supersede')}
                  </Button>
                )}
              </Group>
              {clerkWaiting && (
                <Text size="sm" c="orange.8" mt={6} data-testid="sign-refused">
                  {t('notices.detail.clerkCannotSign')}
                </Text>
              )}
              {notice.status === 'submitted' && !clerkWaiting && (
                <Text size="xs" c="dimmed" mt={6}>
                  {t('notices.detail.submittedHint')}
                </Text>
              )}
              {signed && (
                <Group gap={6} mt={6} wrap="nowrap" align="flex-start">
                  <IconLock size={14} style={{ flexShrink: 0, marginTop: 3 }} />
                  <Text size="xs" c="dimmed">
                    {t('notices.detail.frozen')}
                  </Text>
                </Group>
              )}
            </Card>
            {notice.supersededById !== null && (
              <Alert color="red" variant="light" py="xs">
                <AnchorLink to="/notices/$id" params={{ id: notice.supersededById }} size="sm">
                  {t('notices.detail.supersededBy', { number: notice.supersededByNumber ?? '' })}
                </AnchorLink>
              </Alert>
            )}
            {notice.supersedesId !== null && (
              <Alert color="blue" variant="light" py="xs">
                <AnchorLink to="/notices/$id" params={{ id: notice.supersedesId }} size="sm">
                  {t('notices.detail.supersedes', { number: notice.supersedesNumber ?? '' })}
                </AnchorLink>
              </Alert>
            )}
            {notice.withheld.length > 0 && (
              <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />} title={t('notices.detail.withheldTitle')} data-testid="notice-withheld">
                {notice.withheld.map((w) => (
                  <Text key={w} size="sm">
                    {w}
                  </Text>
                ))}
              </Alert>
            )}
            <Card withBorder padding="sm" radius="md" component="section" aria-label={t('notices.detail.facts')}>
              <Title order={5} mb={6}>
                {t('notices.detail.facts')}
              </Title>
              <Stack gap={4}>
                <Fact {...NARROW} label={t('notices.detail.kind')}>{t(`notices.kinds.${notice.kind}`)}</Fact>
                <Fact {...NARROW} label={t('notices.detail.subject')}>{`${notice.subjectLabel}（${t(`notices.subject.${notice.subjectType}`)}）`}</Fact>
                <Fact {...NARROW} label={t('notices.detail.addressee')}>{notice.addressee}</Fact>
                <Fact {...NARROW} label={t('notices.detail.createdBy')}>{by(notice.createdByName, notice.createdAt)}</Fact>
                <Fact {...NARROW} label={t('notices.detail.submittedBy')}>{by(notice.submittedByName, notice.submittedAt)}</Fact>
                <Fact {...NARROW} label={t('notices.detail.signedBy')}>
                  <span data-testid="notice-signed-by">{by(notice.signedByName, notice.signedAt)}</span>
                </Fact>
              </Stack>
              {notice.sha256 && (
                <Stack gap={2} mt={8}>
                  <Text size="xs" c="dimmed">
                    {t('notices.detail.sha256')}
                  </Text>
                  <Code style={{ fontSize: 10, wordBreak: 'break-all' }} data-testid="notice-sha256">
                    {notice.sha256}
                  </Code>
                </Stack>
              )}
            </Card>
            <Card withBorder padding="sm" radius="md" component="section" aria-label={t('notices.history.title')} data-testid="print-history">
              <Title order={5} mb={6}>
                {t('notices.history.title')}
              </Title>
              {notice.prints.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('notices.history.empty')}
                </Text>
              ) : (
                <List size="sm" spacing={2}>
                  {notice.prints.map((p) => (
                    <List.Item key={p.id}>
                      {t('notices.history.row', { at: formatDateTime(p.at, tz), name: p.userName, format: t(`notices.printFormat.${p.format}`), copies: p.copies })}
                    </List.Item>
                  ))}
                </List>
              )}
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={7.8}>
          <NoticePreview id={notice.id} frameRef={frame} maxHeight={window.innerHeight - 150} />
        </Grid.Col>
      </Grid>
      {dialog === 'edit' && <NoticeEditor notice={notice} onClose={close} onSaved={close} />}
      {dialog === 'return' && <ReturnModal notice={notice} onClose={close} onDone={close} />}
      {dialog === 'print' && <PrintModal notice={notice} printFrame={() => frame.current?.contentWindow?.print()} onClose={close} onDone={close} />}
      {dialog === 'sign' && (
        <ConfirmModal
          title={t('notices.detail.signConfirmTitle')}
          body={t('notices.detail.signConfirm', { title: notice.title })}
          confirm={t('notices.detail.signConfirmButton')}
          pending={sign.isPending}
          onCancel={close}
          onConfirm={() => sign.mutate({ id: notice.id })}
        />
      )}
      {dialog === 'supersede' && (
        <ConfirmModal
          title={t('notices.detail.supersedeConfirmTitle')}
          body={t('notices.detail.supersedeConfirm')}
          confirm={t('notices.detail.supersedeConfirmButton')}
          pending={supersede.isPending}
          onCancel={close}
          onConfirm={() => supersede.mutate({ id: notice.id })}
        />
      )}
    </Stack>
  );
}
