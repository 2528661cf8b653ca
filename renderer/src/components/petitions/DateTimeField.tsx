/**
 * A date and time typed as 年-月-日 时:分 (see components/forms/DateField.tsx). The value is
 * 'YYYY-MM-DD HH:mm:ss' in the office's zone, or '' while incomplete.
 *
 * @example
 * <DateTimeField label="收到时间" value={values.receivedAt} onChange={(v) => setFieldValue('receivedAt', v)} />
 */
import type { ReactNode } from 'react';
import { DateField } from '../forms/DateField';

export function DateTimeField(props: { label: string; description?: string; value: string; onChange: (value: string) => void; error?: ReactNode; w?: number }) {
  return <DateField {...props} withTime />;
}
