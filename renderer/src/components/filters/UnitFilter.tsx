import { Select } from '@mantine/core';
import { usePetitionDirectory } from '../petitions/use-directory';

/** A list filter over the active units, grouped by kind (村 / 社区 / 部门); the value is the unit's id as text. */
export function UnitFilter({ label, placeholder, value, onChange, w }: { label: string; placeholder: string; value: string | null; onChange(value: string | null): void; w: number }) {
  const { units } = usePetitionDirectory();
  return <Select w={w} aria-label={label} placeholder={placeholder} data={units} value={value} onChange={onChange} searchable clearable />;
}
