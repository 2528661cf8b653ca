/**
 * '#/notices/:id': one notice. The A4 preview fills the right; the left holds what the notice is, the buttons its
 * state and the reader's role allow (edit and submit a draft; a leader signs or sends back; print, download
 * the PDF, draft a correction once signed) and the print history. A clerk looking at a notice that waits for
 * sign-off is told that only a leader signs.
 */
import { useRef, useState, type ReactNode } from 'react';
import { Alert, Anchor, Button, Card, Code, Grid, Group, List, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconArrowLeft, IconDownload, IconEdit, IconFilePencil, IconInfoCircle, IconPrinter, IconSend, IconSignature, IconArrowBackUp, IconLock } from '@tabler/icons-react';
import type { NoticeDetail } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { formatDateTime } from '../../../../shared/time';
import { api } from '../../api/client';
import { useOfficeTimeZone } from '../../app/clock';
import { href, navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { notifyError, notifySaved, useApiQuery } from '../../app/use-api';
import { ConfirmModal } from '../admin/ConfirmModal';
import { NoticeEditor } from '../../components/notices/NoticeEditor';
import { NoticePreview } from '../../components/notices/NoticePreview';
import { NoticeStatusBadge } from '../../components/notices/NoticeStatusBadge';
import { PrintModal } from '../../components/notices/PrintModal';
import { downloadBase64 } from '../../components/notices/download';
import { QueryPending } from '../../components/QueryPending';

type Dialog = 'edit' | 'sign' | 'return' | 'print' | 'supersede' | null;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={64} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ minWidth: 0, wordBreak: 'break-all' }}>
        {children}
      </Text>
    </Group>
  );
}

function ReturnModal({ notice, onClose, onDone }: { notice: NoticeDetail; onClose: () => void; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Modal opened onClose={onClose} title={t('notices.detail.returnTitle')} size={460} centered>
      <Stack gap="sm">
        <Textarea label={t('notices.detail.returnReason')} autosize minRows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('notices.detail.cancel')}
          </Button>
          <Button
            loading={busy}
            onClick={() => {
              setBusy(true);
              void api.call('notices.return', { id: notice.id, reason }).then((r) => {
                setBusy(false);
                if (!r.ok) return notifyError(r.error);
                notifySaved(t('notices.detail.returned'));
                onDone();
              });
            }}
          >
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
  const query = useApiQuery('notices.get', { id }, { reloadOn: (e) => e.type === 'notices.changed' && (e.id === id || e.id === null) });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [pdfBusy, setPdfBusy] = useState(false);
  const frame = useRef<HTMLIFrameElement | null>(null);
  const notice = query.data;

  if (!notice) return <QueryPending error={query.error} message={(message) => t('notices.detail.loadFailed', { message })} />;

  const can = (a: NoticeDetail['allowedActions'][number]) => notice.allowedActions.includes(a);
  const done = () => {
    setDialog(null);
    query.reload();
  };
  const simple = async (name: 'notices.submit', message: string) => {
    const r = await api.call(name, { id: notice.id });
    if (!r.ok) return notifyError(r.error);
    notifySaved(message);
    query.reload();
  };
  const downloadPdf = async () => {
    setPdfBusy(true);
    const r = await api.call('notices.pdf.get', { id: notice.id });
    setPdfBusy(false);
    if (!r.ok) return notifyError(r.error);
    downloadBase64(r.value.base64, r.value.fileName, 'application/pdf');
    notifySaved(t('notices.detail.pdfReady', { name: r.value.fileName }));
    query.reload();
  };
  const by = (name: string | null, at: number | null) => (name && at !== null ? t('notices.detail.by', { name, at: formatDateTime(at, tz) }) : '—');
  const signed = notice.status === 'signed' || notice.status === 'printed';
  const clerkWaiting = notice.status === 'submitted' && !session.can('leader');

  return (
    <Stack gap="sm">
      <Anchor href={href('/notices')} size="sm" c="dimmed" style={{ display: 'inline-flex', alignItems: 'center', gap: 4, alignSelf: 'flex-start' }}>
        <IconArrowLeft size={14} />
        {t('notices.detail.back')}
      </Anchor>
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
                  <Button size="sm" leftSection={<IconSend size={16} />} onClick={() => void simple('notices.submit', t('notices.detail.submitted'))}>
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
                  <Button size="sm" variant="light" loading={pdfBusy} leftSection={<IconDownload size={16} />} onClick={() => void downloadPdf()}>
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
                <Anchor href={href(`/notices/${notice.supersededById}`)} size="sm">
                  {t('notices.detail.supersededBy', { number: notice.supersededByNumber ?? '' })}
                </Anchor>
              </Alert>
            )}
            {notice.supersedesId !== null && (
              <Alert color="blue" variant="light" py="xs">
                <Anchor href={href(`/notices/${notice.supersedesId}`)} size="sm">
                  {t('notices.detail.supersedes', { number: notice.supersedesNumber ?? '' })}
                </Anchor>
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
                <Fact label={t('notices.detail.kind')}>{t(`notices.kinds.${notice.kind}`)}</Fact>
                <Fact label={t('notices.detail.subject')}>{`${notice.subjectLabel}（${t(`notices.subject.${notice.subjectType}`)}）`}</Fact>
                <Fact label={t('notices.detail.addressee')}>{notice.addressee}</Fact>
                <Fact label={t('notices.detail.createdBy')}>{by(notice.createdByName, notice.createdAt)}</Fact>
                <Fact label={t('notices.detail.submittedBy')}>{by(notice.submittedByName, notice.submittedAt)}</Fact>
                <Fact label={t('notices.detail.signedBy')}>
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
          <NoticePreview id={notice.id} version={`${notice.status}:${notice.title}:${JSON.stringify(notice.body).length}:${notice.docNumber ?? ''}`} frameRef={frame} maxHeight={window.innerHeight - 150} />
        </Grid.Col>
      </Grid>
      {dialog === 'edit' && <NoticeEditor notice={notice} onClose={() => setDialog(null)} onSaved={done} />}
      {dialog === 'return' && <ReturnModal notice={notice} onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'print' && <PrintModal notice={notice} printFrame={() => frame.current?.contentWindow?.print()} onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'sign' && (
        <ConfirmModal
          title={t('notices.detail.signConfirmTitle')}
          body={t('notices.detail.signConfirm', { title: notice.title })}
          confirm={t('notices.detail.signConfirmButton')}
          onCancel={() => setDialog(null)}
          onConfirm={async () => {
            const r = await api.call('notices.sign', { id: notice.id });
            if (!r.ok) {
              notifyError(r.error);
              return;
            }
            notifySaved(t('notices.detail.signed', { number: r.value.docNumber ?? '' }));
            done();
          }}
        />
      )}
      {dialog === 'supersede' && (
        <ConfirmModal
          title={t('notices.detail.supersedeConfirmTitle')}
          body={t('notices.detail.supersedeConfirm')}
          confirm={t('notices.detail.supersedeConfirmButton')}
          onCancel={() => setDialog(null)}
          onConfirm={async () => {
            const r = await api.call('notices.supersede', { id: notice.id });
            if (!r.ok) {
              notifyError(r.error);
              return;
            }
            setDialog(null);
            navigate(`/notices/${r.value.id}`);
          }}
        />
      )}
    </Stack>
  );
}
