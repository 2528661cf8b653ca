import { t } from '../../../../shared/i18n';

/** The zones offered at setup and in the office settings, named the way the office says them. */
export function timeZoneOptions(): { value: string; label: string }[] {
  return [
    { value: 'Asia/Shanghai', label: t('common.setup.zones.shanghai') },
    { value: 'Asia/Urumqi', label: t('common.setup.zones.urumqi') },
    { value: 'Asia/Hong_Kong', label: t('common.setup.zones.hongKong') },
    { value: 'Asia/Macau', label: t('common.setup.zones.macau') },
    { value: 'Asia/Taipei', label: t('common.setup.zones.taipei') },
  ];
}
