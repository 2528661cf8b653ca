/**
 * The A4 preview: the notice's own HTML (the frozen one once signed) in a sandboxed frame — no scripts run in
 * it — drawn at A4 width (794 px at 96 dpi) and scaled to fit the column, so a page looks as it will print.
 * The parent may call print() on the frame: that is the browser-mode print.
 */
import { useEffect, useRef, useState, type Ref } from 'react';
import { Alert, Box, Center, Group, Loader, SegmentedControl, Stack, Text } from '@mantine/core';
import { t } from '../../../../shared/i18n';
import { useApiQuery } from '../../platform/query';

const A4_WIDTH_PX = 794;
const A4_HEIGHT_PX = 1123;

/** Typeset again whenever the notice changes (a 'notices.changed' push makes the cached HTML stale). */
export function NoticePreview({ id, frameRef, maxHeight }: { id: number; frameRef?: Ref<HTMLIFrameElement>; maxHeight: number }) {
  const query = useApiQuery('notices.html.get', { id });
  const box = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLIFrameElement | null>(null);
  const [width, setWidth] = useState(600);
  const [contentHeight, setContentHeight] = useState(A4_HEIGHT_PX);
  const [fit, setFit] = useState<'page' | 'width'>('page');
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(entry.contentRect.width));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // 整页: a whole A4 sheet in view, as it will look on paper; 适合宽度: the text at a size to read and check.
  const toolbarPx = 40;
  const byWidth = Math.min(1, width / A4_WIDTH_PX);
  const scale = fit === 'page' ? Math.min(byWidth, (maxHeight - toolbarPx - 24) / A4_HEIGHT_PX) : byWidth;
  const setFrame = (el: HTMLIFrameElement | null) => {
    frame.current = el;
    if (typeof frameRef === 'function') frameRef(el);
    else if (frameRef) (frameRef as { current: HTMLIFrameElement | null }).current = el;
  };

  return (
    <Stack gap={6}>
      <Group justify="space-between" h={toolbarPx - 6}>
        <Text size="sm" fw={500}>
          {t('notices.detail.preview')}
        </Text>
        <SegmentedControl
          size="xs"
          value={fit}
          onChange={(v) => setFit(v === 'width' ? 'width' : 'page')}
          data={[
            { value: 'page', label: t('notices.detail.fitPage') },
            { value: 'width', label: t('notices.detail.fitWidth') },
          ]}
        />
      </Group>
      <Box
        ref={box}
        style={{ background: 'var(--mantine-color-gray-2)', borderRadius: 6, padding: 12, overflow: 'auto', maxHeight: maxHeight - toolbarPx, minHeight: 240 }}
        aria-label={t('notices.detail.preview')}
      >
        {query.error && (
          <Alert color="red" variant="light">
            {t('notices.detail.previewFailed', { message: query.error.message })}
          </Alert>
        )}
        {!query.data && !query.error && (
          <Center h={200}>
            <Loader size="sm" />
            <Text size="sm" c="dimmed" ml="xs">
              {t('notices.detail.previewLoading')}
            </Text>
          </Center>
        )}
        {query.data && (
          <div style={{ width: A4_WIDTH_PX * scale, height: contentHeight * scale, margin: '0 auto', boxShadow: '0 1px 6px rgba(0,0,0,.25)', background: 'white' }}>
            <iframe
              ref={setFrame}
              title={t('notices.detail.preview')}
              data-testid="notice-preview"
              sandbox="allow-same-origin allow-modals"
              srcDoc={query.data.html}
              onLoad={(e) => {
                const doc = e.currentTarget.contentDocument;
                if (doc) setContentHeight(Math.max(A4_HEIGHT_PX, doc.documentElement.scrollHeight));
              }}
              style={{ width: A4_WIDTH_PX, height: contentHeight, border: 0, transform: `scale(${scale})`, transformOrigin: '0 0', display: 'block' }}
            />
          </div>
        )}
      </Box>
    </Stack>
  );
}
