/**
 * The in-app viewer: a JPG or PNG as an image, a TIFF scan converted in JavaScript, a PDF page by page with
 * pdf.js; any other type says it downloads. Opening asks the core for a ticket (the look goes into the audit),
 * then reads the file from the ticket's address on the app's own origin.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Center, Group, Loader, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { Attachment } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { callApi } from '../../platform/query';
import { drawTiff, openPdf, type OpenedPdf } from './attachment-render';

const PAGE_WIDTH = 860;

async function bytesOf(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.arrayBuffer();
}

/** Asks the core for a download ticket and lets the browser save the file under its original name. */
export async function downloadAttachment(attachment: Attachment): Promise<void> {
  const { url, fileName } = await callApi('petitions.attachments.open', { id: attachment.id, purpose: 'download' });
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

export function AttachmentViewer({ attachment, onClose }: { attachment: Attachment; onClose: () => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [image, setImage] = useState<string | null>(null);
  const [pdf, setPdf] = useState<OpenedPdf | null>(null);
  const [page, setPage] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(attachment.view !== 'download');

  useEffect(() => {
    if (attachment.view === 'download') return undefined;
    let cancelled = false;
    let opened: OpenedPdf | null = null;
    void (async () => {
      try {
        const { url, view } = await callApi('petitions.attachments.open', { id: attachment.id, purpose: 'view' });
        if (view === 'image') {
          if (!cancelled) setImage(url);
          return;
        }
        const bytes = await bytesOf(url);
        if (cancelled) return;
        if (view === 'tiff' && canvas.current) await drawTiff(bytes, canvas.current);
        if (view === 'pdf') {
          opened = await openPdf(bytes);
          if (!cancelled) setPdf(opened);
        }
        if (!cancelled) setLoading(false);
      } catch (e) {
        if (!cancelled) {
          setError(e instanceof Error ? e.message : String(e));
          setLoading(false);
        }
      }
    })();
    return () => {
      cancelled = true;
      void opened?.close();
    };
  }, [attachment.id, attachment.view]);

  useEffect(() => {
    if (!pdf || !canvas.current) return;
    setLoading(true);
    pdf
      .draw(page, canvas.current, PAGE_WIDTH)
      .then(() => setLoading(false))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [pdf, page]);

  const download = (
    <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} onClick={() => void downloadAttachment(attachment)}>
      {t('attachments.download')}
    </Button>
  );

  return (
    <Modal opened onClose={onClose} size={PAGE_WIDTH + 60} title={t('attachments.viewerTitle', { name: attachment.fileName })} styles={{ title: { fontWeight: 700 } }}>
      <Stack gap="xs" data-testid="attachment-viewer">
        <Group justify="space-between">
          {pdf ? (
            <Group gap="xs">
              <Button size="xs" variant="default" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
                {t('attachments.previous')}
              </Button>
              <Text size="sm" data-testid="viewer-page">
                {t('attachments.page', { page, pages: pdf.pages })}
              </Text>
              <Button size="xs" variant="default" disabled={page >= pdf.pages} onClick={() => setPage((p) => p + 1)}>
                {t('attachments.next')}
              </Button>
            </Group>
          ) : (
            <span />
          )}
          {download}
        </Group>
        {error && (
          <Alert color="red" variant="light" role="alert">
            {t('attachments.failed', { message: error })}
          </Alert>
        )}
        {attachment.view === 'download' && (
          <Text size="sm" c="dimmed" py="lg" ta="center">
            {t('attachments.downloadOnly')}
          </Text>
        )}
        {loading && !error && (
          <Center py="md">
            <Loader size="sm" />
            <Text size="sm" c="dimmed" ml="xs">
              {t('attachments.loading')}
            </Text>
          </Center>
        )}
        <ScrollArea.Autosize mah="70vh">
          <Center style={{ background: 'var(--mantine-color-gray-1)' }}>
            {image && <img src={image} alt={attachment.fileName} style={{ maxWidth: '100%' }} data-testid="viewer-image" onLoad={() => setLoading(false)} onError={() => setError(attachment.fileName)} />}
            {(attachment.view === 'tiff' || attachment.view === 'pdf') && <canvas ref={canvas} data-testid="viewer-canvas" style={{ maxWidth: '100%', display: 'block' }} />}
          </Center>
        </ScrollArea.Autosize>
      </Stack>
    </Modal>
  );
}
