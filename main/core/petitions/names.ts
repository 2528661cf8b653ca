import { t } from '../../../shared/i18n';

/**
 * How the register names the petitioners in one line: the lead (the first representative, else the first
 * petitioner), and for several people "等N人".
 *
 * @example
 * summaryName('张三', 6) // '张三等6人'
 */
export function summaryName(name: string, peopleCount: number): string {
  if (!name) return '';
  return peopleCount > 1 ? t('petitions.firstPetitionerMany', { name, count: peopleCount }) : name;
}
