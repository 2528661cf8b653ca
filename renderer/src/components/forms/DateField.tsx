/**
 * A date (年-月-日), or a date and time (年-月-日 时:分), typed in segments (24-hour, whatever the PC's
 * language) with a zh-CN calendar for the mouse: the one date input of every form. The calendar closes once a
 * whole date (and time) has been typed, and Esc inside the field closes only the calendar, never the dialog
 * the field sits in (Mantine's modal ignores an Escape whose target carries data-mantine-stop-propagation).
 *
 * @example
 * <DateField label="开始日期" value={values.startDate} onChange={(v) => setFieldValue('startDate', v)} />        // '2026-12-10'
 * <DateField withTime label="开始时间" value={values.startAt} onChange={(v) => setFieldValue('startAt', v)} />  // '2026-12-10 08:00:00'
 */
import { useState, type ReactNode } from 'react';
import { MaskedDateInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { t } from '../../../../shared/i18n';

const STOP = { 'data-mantine-stop-propagation': 'true' } as const;

export interface DateFieldProps {
  readonly label: string;
  readonly description?: string;
  /** 'YYYY-MM-DD', or 'YYYY-MM-DD HH:mm:ss' with withTime; '' while incomplete. */
  readonly value: string;
  onChange(value: string): void;
  readonly error?: ReactNode;
  readonly w?: number;
  readonly withTime?: boolean;
  readonly required?: boolean;
  readonly size?: 'xs' | 'sm';
  /** The name of the hidden input that holds the whole value (for reading it back, as a form post would). */
  readonly name?: string;
}

export function DateField({ label, description, value, onChange, error, w, withTime = false, required, size, name }: DateFieldProps) {
  const [opened, setOpened] = useState(false);
  return (
    // Enter moves past the whole field, not from the year to the month (see the intake form).
    <div
      data-field-group
      onKeyDown={(e) => {
        if (e.key === 'Escape') setOpened(false);
      }}
    >
      <MaskedDateInput
        label={label}
        description={description}
        error={error}
        w={w}
        size={size}
        name={name}
        required={required}
        withTime={withTime}
        format="24h"
        fieldsOrder={['year', 'month', 'day']}
        dateSeparator="-"
        value={value || null}
        onChange={(v) => {
          // A whole date typed in (or a day clicked): the calendar has done its job.
          if (v !== null) setOpened(false);
          onChange(v ?? '');
        }}
        onFocus={() => setOpened(true)}
        onBlur={() => setOpened(false)}
        leftSection={<IconCalendar size={16} />}
        yearInputLabel={t('petitions.dateTime.year', { label })}
        monthInputLabel={t('petitions.dateTime.month', { label })}
        dayInputLabel={t('petitions.dateTime.day', { label })}
        hoursInputLabel={t('petitions.dateTime.hours', { label })}
        minutesInputLabel={t('petitions.dateTime.minutes', { label })}
        yearInputProps={STOP}
        monthInputProps={STOP}
        dayInputProps={STOP}
        hoursInputProps={STOP}
        minutesInputProps={STOP}
        popoverProps={{ position: 'bottom-start', opened }}
      />
    </div>
  );
}
