/**
 * '#/notices/new': drafts a notice from a record and opens it. With the kind and its record in the address
 * (?kind=warning_notice&warning=4, &petition=, &report=, &month=2026-12) the draft is made at once; otherwise
 * the clerk picks the kind and the record here.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Center, Group, Loader, Select, Stack, Text, TextInput } from '@mantine/core';
import { type NoticeCreateInput, type NoticeSummary } from '../../../../shared/api';
import { NOTICE_KINDS } from '../../../../shared/enums';
import { t } from '../../../../shared/i18n';
import { localDateOf } from '../../../../shared/time';
import { officeNow, useOfficeTimeZone } from '../../platform/clock';
import { useNavigate } from '../../platform/links';
import { useApiMutation, useApiQuery } from '../../platform/query';
import { PageHeader } from '../../components/layout/PageHeader';
import { BackLink } from '../../components/layout/BackLink';

type Kind = NoticeSummary['kind'];
type SubjectKey = 'warning' | 'petition' | 'report' | 'month';

const SUBJECT_OF: Readonly<Record<Kind, SubjectKey>> = {
  warning_report: 'warning',
  warning_notice: 'warning',
  supervision_notice: 'warning',
  assignment_slip: 'petition',
  acceptance_notice: 'petition',
  non_acceptance_notice: 'petition',
  handling_opinion: 'petition',
  info_report: 'report',
  info_followup: 'report',
  duty_roster: 'month',
};

function isKind(v: string | null): v is Kind {
  return v !== null && (NOTICE_KINDS as readonly string[]).includes(v);
}

/** What the address asks for: a kind and the record to draft it from (?kind=warning_notice&warning=4). */
export interface NoticeRequest {
  readonly kind?: Kind;
  readonly warning?: number;
  readonly petition?: number;
  readonly report?: number;
  readonly month?: string;
}

function inputOf(kind: Kind, source: string): NoticeCreateInput {
  const key = SUBJECT_OF[kind];
  const n = Number(source);
  return {
    kind,
    warningId: key === 'warning' ? n : null,
    petitionId: key === 'petition' ? n : null,
    reportId: key === 'report' ? n : null,
    month: key === 'month' ? source : null,
  };
}

function SourcePicker({ kind, value, onChange }: { kind: Kind; value: string | null; onChange: (v: string | null) => void }) {
  const key = SUBJECT_OF[kind];
  const warnings = useApiQuery('warnings.list', key === 'warning' ? { pageSize: 200 } : null);
  const petitions = useApiQuery('petitions.list', key === 'petition' ? { pageSize: 200 } : null);
  const reports = useApiQuery('reports.list', key === 'report' ? { pageSize: 200 } : null);
  if (key === 'month') {
    return <TextInput label={t('notices.create.month')} description={t('notices.create.monthHint')} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value)} w={220} />;
  }
  const data =
    key === 'warning'
      ? (warnings.data?.rows ?? []).map((w) => ({ value: String(w.id), label: `${w.number} ${w.title}` }))
      : key === 'petition'
        ? (petitions.data?.rows ?? []).map((p) => ({ value: String(p.id), label: `${p.number} ${p.summary}` }))
        : (reports.data?.rows ?? [])
            .filter((r) => (kind === 'info_followup' ? r.followSeq > 0 : r.followSeq === 0))
            .map((r) => ({ value: String(r.id), label: `${r.number} ${r.summary}` }));
  return (
    <Select
      label={t(`notices.create.${key}`)}
      placeholder={t(`notices.create.${key}Placeholder`)}
      nothingFoundMessage={t('notices.create.noneAvailable')}
      searchable
      data={data}
      value={value}
      onChange={onChange}
      w={520}
    />
  );
}

export function NoticeCreatePage({ request }: { request: NoticeRequest }) {
  const tz = useOfficeTimeZone();
  const navigate = useNavigate();
  const urlKind = request.kind ?? null;
  const fromUrl = urlKind ? request[SUBJECT_OF[urlKind]] : undefined;
  const urlSource = fromUrl === undefined ? null : String(fromUrl);
  const [kind, setKind] = useState<Kind | null>(urlKind);
  const [source, setSource] = useState<string | null>(urlSource);
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  const draft = useApiMutation('notices.create', {
    // Replace, so "back" from the new notice does not make another one.
    onSuccess: (created) => void navigate({ to: '/notices/$id', params: { id: created.id }, replace: true }),
    onError: (e) => setError(e.message),
  });
  const busy = draft.isPending;

  const create = (k: Kind, s: string) => {
    setError(null);
    draft.mutate(inputOf(k, s));
  };

  useEffect(() => {
    if (started.current || !urlKind || !urlSource) return;
    started.current = true;
    create(urlKind, urlSource);
    // Once, for the record the address names.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [urlKind, urlSource]);

  const auto = urlKind !== null && urlSource !== null;
  return (
    <Stack gap="sm">
      <BackLink to={{ to: '/notices' }}>{t('notices.create.back')}</BackLink>
      <PageHeader title={t('notices.create.heading')} subtitle={t('notices.create.description')} />
      {error && (
        <Alert color="red" variant="light" data-testid="notice-create-error">
          {t('notices.create.failed', { message: error })}
        </Alert>
      )}
      {auto && busy && (
        <Center py="xl">
          <Loader size="sm" />
          <Text size="sm" c="dimmed" ml="xs">
            {t('notices.create.creating')}
          </Text>
        </Center>
      )}
      {(!auto || error) && (
        <Card withBorder radius="md" padding="md" maw={700}>
          <Stack gap="sm">
            <Select
              label={t('notices.create.kind')}
              placeholder={t('notices.create.kindPlaceholder')}
              data={NOTICE_KINDS.map((k) => ({ value: k, label: t(`notices.kinds.${k}`) }))}
              value={kind}
              onChange={(v) => {
                const k = isKind(v) ? v : null;
                setKind(k);
                setSource(k && SUBJECT_OF[k] === 'month' ? localDateOf(officeNow(), tz).slice(0, 7) : null);
              }}
              w={260}
            />
            {kind && <SourcePicker key={kind} kind={kind} value={source} onChange={setSource} />}
            <Group>
              <Button
                loading={busy}
                disabled={!kind}
                onClick={() => {
                  if (!kind || !source) {
                    setError(t('notices.create.missingSource'));
                    return;
                  }
                  create(kind, source);
                }}
              >
                {t('notices.create.submit')}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
