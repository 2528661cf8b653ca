/**
 * Who may call what, named for what each group guards. A procedure's `access` is one of these (or 'any',
 * 'public', ['admin']); the renderer asks the contract whether a button's procedure is open to the user
 * rather than listing roles itself. Admins may always call.
 */
import type { Role } from '../enums';

/** Register petitions and carry them through the workflow. */
export const PETITION_WRITERS: readonly Role[] = ['clerk', 'leader'];
/** Reports come in at any hour: the duty officer on the night shift takes them too. */
export const REPORT_INTAKE: readonly Role[] = ['clerk', 'leader', 'duty_officer'];
/** Verify, analyse, approve, link and flag information reports. */
export const REPORT_HANDLERS: readonly Role[] = ['clerk', 'leader'];
/** Issue warnings and record feedback, supervision, level changes and lifting. */
export const WARNING_WRITERS: readonly Role[] = ['clerk', 'leader'];
/** Draft, submit and print notices (signing is the leader's alone; the core says so). */
export const NOTICE_DRAFTERS: readonly Role[] = ['clerk', 'leader'];
/** Plan the roster: rotations, overrides, swaps. */
export const DUTY_PLANNERS: readonly Role[] = ['leader'];
/** People who stand a shift: the duty log and handovers. */
export const DUTY_STAFF: readonly Role[] = ['duty_officer', 'leader', 'clerk'];
/** Record a unit's zero report (taken by whoever is on duty). */
export const ZERO_REPORT_INTAKE: readonly Role[] = ['duty_officer', 'leader', 'clerk'];
/** Office settings, users, units, calendar, rules, backups. */
export const ADMINS: readonly Role[] = ['admin'];
