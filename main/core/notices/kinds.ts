/**
 * What each kind of notice is made from, whom it goes to and in which format. Letters to petitioners use the
 * letter format (信函格式); everything to a unit or the county uses the document format (公文格式).
 *
 * @example
 * KIND_INFO.handling_opinion // { subject: 'petition', format: 'letter', toUnit: false }
 */
import type { NoticeKind, NoticeSubject } from '../../../shared/enums';
import type { NoticeFormat } from './document';

export type { NoticeSubject };

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

