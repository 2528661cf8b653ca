/**
 * Readable names for the core's audit codes. Action codes contain dots ('user.create'), so they are looked
 * up in the catalog object directly rather than through `t`. An unknown code is shown as it is.
 *
 * @example
 * auditActionLabel('user.create')      // '新建用户'
 * auditActionLabel('petition.accept')  // '信访事项：受理'
 */
import { admin } from '../../../../shared/i18n/admin';
import { enumLabel, getLocale, t } from '../../../../shared/i18n';

function catalog() {
  return getLocale() === 'en' ? admin.en.audit : admin.zh.audit;
}

export function auditActionLabel(action: string): string {
  const known = (catalog().action as Readonly<Record<string, string>>)[action];
  if (known) return known;
  const [entity, verb] = action.split('.');
  if (entity === 'petition' && verb) return t('admin.audit.petitionAction', { action: enumLabel('action', verb) });
  if (entity === 'report' && verb) return t('admin.audit.reportAction', { action: enumLabel('reportAction', verb) });
  return action;
}

export function auditEntityLabel(entity: string): string {
  return (catalog().entity as Readonly<Record<string, string>>)[entity] ?? entity;
}

/** A stored JSON value, indented for reading; text that is not JSON is shown as it is. */
export function prettyJson(json: string | null): string | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    if (value === null) return null;
    return JSON.stringify(value, null, 2);
  } catch {
    return json;
  }
}
