import { DatePickerInput } from '@mantine/dates';

export type DateRange = [string | null, string | null];

/** A list filter over a range of days (YYYY-MM-DD); a single day counts as a range of one. */
export function DateRangeFilter({ label, placeholder, value, onChange }: { label: string; placeholder: string; value: DateRange; onChange(range: DateRange): void }) {
  return (
    <DatePickerInput
      type="range"
      w={240}
      aria-label={label}
      placeholder={placeholder}
      valueFormat="YYYY-MM-DD"
      value={value}
      onChange={(v) => onChange([v[0] ? String(v[0]) : null, v[1] ? String(v[1]) : null])}
      clearable
      allowSingleDateInRange
    />
  );
}
