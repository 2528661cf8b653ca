/**
 * What each kind of notice is made from, whom it goes to and in which format. Letters to petitioners use the
 * letter format (信函格式); everything to a unit or the county uses the document format (公文格式).
 *
 * @example
 * KIND_INFO.handling_opinion // { subject: 'petition', format: 'letter', toUnit: false }
 */
import { type NOTICE_KIND_VALUES } from '../../../shared/api';
import { type NOTICE_KINDS, type NoticeFormat, type NoticeKind } from './document';

export type NoticeSubject = 'warning' | 'petition' | 'report' | 'duty_month';

export interface KindInfo {
  readonly subject: NoticeSubject;
  readonly format: NoticeFormat;
  /** Addressed to a unit (the responsible unit): the accuser-confidentiality rule applies. */
  readonly toUnit: boolean;
}

export const KIND_INFO: Readonly<Record<NoticeKind, KindInfo>> = {
  warning_report: { subject: 'warning', format: 'document', toUnit: false },
  warning_notice: { subject: 'warning', format: 'document', toUnit: true },
  supervision_notice: { subject: 'warning', format: 'document', toUnit: true },
  assignment_slip: { subject: 'petition', format: 'document', toUnit: true },
  acceptance_notice: { subject: 'petition', format: 'letter', toUnit: false },
  non_acceptance_notice: { subject: 'petition', format: 'letter', toUnit: false },
  handling_opinion: { subject: 'petition', format: 'letter', toUnit: false },
  info_report: { subject: 'report', format: 'document', toUnit: false },
  info_followup: { subject: 'report', format: 'document', toUnit: false },
  duty_roster: { subject: 'duty_month', format: 'document', toUnit: false },
};

/** The contract's list and the seam's list are the same list: the compiler fails when one gains a kind. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameKinds: Same<(typeof NOTICE_KIND_VALUES)[number], (typeof NOTICE_KINDS)[number]> = true;
void sameKinds;
