/**
 * One handler per procedure in the contract. The mapped type makes the compiler fail when a procedure has
 * no handler or a handler returns the wrong shape.
 */
import type { ParsedInput, ProcedureName, ProcedureOutput, User } from '../../shared/api';
import type { Core, OffsetClock } from '../core/context';
import { UserError } from '../core/errors';
import { DEFAULT_TIME_ZONE } from '../../shared/time';
import { listAudit, verifyAudit } from '../core/audit';
import { createBackup } from '../core/backup';
import {
  addDutyLog,
  addOverride,
  cancelOverride,
  dutyRoles,
  dutySchedule,
  listDutyLog,
  listOverrides,
  listRotations,
  listSensitivePeriods,
  saveDutyRole,
  saveRotation,
  saveSensitivePeriod,
  swapShifts,
  whoIsOnDuty,
} from '../core/duty';
import { acknowledgeAlarm, getAlarmSettings, listAlarms, saveAlarmSettings, snoozeAlarm, type AlarmScheduler } from '../core/alarms';
import { confirmHandover, listHandovers, prepareHandover, startHandover } from '../core/handover';
import { actorOf, changePassword, createUser, findOffice, getOffice, listUsers, login, logout, setupOffice, updateOffice, updateUser } from '../core/users';
import { listTopics, listUnits, saveTopic, saveUnit } from '../core/units';
import { calendarDays, calendarYears } from '../core/calendar';
import { importHolidayFile, setCalendarDay } from '../core/deadlines';
import {
  addAttachment,
  addMediation,
  createPetition,
  findPossibleRepeats,
  getPetition,
  linkRepeat,
  listPetitions,
  revealPersonal,
  transitionPetition,
} from '../core/petitions';
import {
  createReport,
  flagReport,
  getReport,
  getReportSettings,
  linkReportPetition,
  listReports,
  saveReportSettings,
  transitionReport,
} from '../core/reports';
import {
  addWarningFeedback,
  changeWarningLevel,
  getWarning,
  getWarningSettings,
  issueWarning,
  liftWarning,
  linkWarning,
  listWarningRules,
  listWarnings,
  reorderWarningRules,
  saveWarningRule,
  saveWarningSettings,
  suggestWarningLevel,
  superviseWarning,
} from '../core/warnings';
import { getZeroReportSettings, saveZeroReportSettings, submitZeroReport, zeroReportGrid } from '../core/zero-reports';
import { dashboard, statistics } from '../core/stats';
import {
  createNotice,
  getNotice,
  getNoticeSettings,
  listNotices,
  noticeHtml,
  noticePdf,
  recordPrint,
  returnNotice,
  saveNoticeSettings,
  signNotice,
  submitNotice,
  supersedeNotice,
  updateNotice,
  type PdfMaker,
} from '../core/notices';

export interface CallContext {
  /** Null only for public procedures. */
  readonly user: User | null;
  readonly session: string | null;
}

export interface HandlerOptions {
  /** Present only when the app was started with the test clock (e2e tests); null in every real launch. */
  readonly testClock: OffsetClock | null;
  readonly scheduler?: AlarmScheduler;
  /** Makes a notice's PDF with the shell's Chromium; absent where none is available. */
  readonly makePdf?: PdfMaker | null;
}

/** Handlers may return the core's readonly data; the transports only serialise it. */
type DeepReadonly<T> = T extends (infer E)[] ? readonly DeepReadonly<E>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

export type Handlers = {
  readonly [N in ProcedureName]: (input: ParsedInput<N>, ctx: CallContext) => Promise<DeepReadonly<ProcedureOutput<N>>>;
};

function signedIn(ctx: CallContext) {
  if (!ctx.user) throw new UserError('unauthenticated', 'errors.generic.notLoggedIn');
  return actorOf(ctx.user);
}

export function handlers(core: Core, options: HandlerOptions): Handlers {
  const { db } = core;
  return {
    'setup.status': async () => {
      const office = await findOffice(db);
      return { needsSetup: office === null, officeName: office?.name ?? null, testClock: options.testClock !== null };
    },
    'setup.create': (input) => setupOffice(core, input),
    'auth.login': (input) => login(core, input.username, input.password),
    'auth.logout': async (_input, ctx) => {
      if (ctx.session) await logout(core, ctx.session);
      return { ok: true as const };
    },
    'auth.me': async (_input, ctx) => {
      if (!ctx.user) throw new UserError('unauthenticated', 'errors.generic.notLoggedIn');
      return { user: ctx.user, office: await getOffice(db) };
    },
    'auth.changePassword': async (input, ctx) => {
      await changePassword(core, signedIn(ctx), input.oldPassword, input.newPassword);
      return { ok: true as const };
    },

    'users.list': () => listUsers(db),
    'users.create': (input, ctx) => createUser(core, signedIn(ctx), input),
    'users.update': (input, ctx) => updateUser(core, signedIn(ctx), input),
    'office.update': (input, ctx) => updateOffice(core, signedIn(ctx), input),

    'units.list': (input) => listUnits(db, input.includeInactive),
    'units.save': (input, ctx) => saveUnit(core, signedIn(ctx), input),
    'topics.list': (input) => listTopics(db, input.includeInactive),
    'topics.save': (input, ctx) => saveTopic(core, signedIn(ctx), input),

    'calendar.years': () => calendarYears(db),
    'calendar.days': (input) => calendarDays(db, input.year),
    'calendar.import': (input, ctx) => importHolidayFile(core, signedIn(ctx), input.fileText),
    'calendar.setDay': (input, ctx) => setCalendarDay(core, signedIn(ctx), input.date, input.isOffDay, input.name),

    'petitions.checkDuplicates': (input) => findPossibleRepeats(db, input),
    'petitions.create': (input, ctx) => createPetition(core, signedIn(ctx), input),
    'petitions.list': (input) => listPetitions(db, input, core.clock.now()),
    'petitions.get': (input) => getPetition(db, input.id),
    'petitions.transition': async (input, ctx) => {
      await transitionPetition(core, signedIn(ctx), input);
      return getPetition(db, input.id);
    },
    'petitions.addMediation': async (input, ctx) => {
      await addMediation(core, signedIn(ctx), input);
      return getPetition(db, input.id);
    },
    'petitions.linkRepeat': async (input, ctx) => {
      await linkRepeat(core, signedIn(ctx), input.id, input.repeatOfId);
      return getPetition(db, input.id);
    },
    'petitions.revealPersonal': (input, ctx) => revealPersonal(core, signedIn(ctx), input.petitionerId),
    'petitions.addAttachment': (input, ctx) => addAttachment(core, signedIn(ctx), input),

    'duty.roles': () => dutyRoles(db),
    'duty.saveRole': (input, ctx) => saveDutyRole(core, signedIn(ctx), input),
    'duty.rotations': () => listRotations(db),
    'duty.saveRotation': (input, ctx) => saveRotation(core, signedIn(ctx), input),
    'duty.now': () => whoIsOnDuty(db, core.clock.now()),
    'duty.schedule': (input) => dutySchedule(db, input.from, input.to),
    'duty.overrides': (input) => listOverrides(db, input.from, input.to),
    'duty.addOverride': async (input, ctx) => ({ id: await addOverride(core, signedIn(ctx), input) }),
    'duty.swap': async (input, ctx) => ({ group: await swapShifts(core, signedIn(ctx), input) }),
    'duty.cancelOverride': async (input, ctx) => {
      await cancelOverride(core, signedIn(ctx), input.id);
      return { ok: true as const };
    },
    'duty.sensitivePeriods': () => listSensitivePeriods(db),
    'duty.saveSensitivePeriod': (input, ctx) => saveSensitivePeriod(core, signedIn(ctx), input),
    'dutyLog.add': async (input, ctx) => ({ id: await addDutyLog(core, signedIn(ctx), input) }),
    'dutyLog.list': (input) => listDutyLog(db, input.from, input.to),
    'handover.prepare': () => prepareHandover(db, core.clock.now()),
    'handover.start': async (input, ctx) => ({ id: await startHandover(core, signedIn(ctx), input) }),
    'handover.confirm': async (input, ctx) => {
      await confirmHandover(core, signedIn(ctx), input.id);
      return { ok: true as const };
    },
    'handover.list': (input) => listHandovers(db, input.limit),
    'alarms.list': (input) => listAlarms(db, input, input.withLog),
    'alarms.acknowledge': async (input, ctx) => {
      await acknowledgeAlarm(core, signedIn(ctx), input.id, input.note);
      return { ok: true as const };
    },
    'alarms.snooze': async (input, ctx) => {
      await snoozeAlarm(core, signedIn(ctx), input.id, input.minutes, input.reason);
      return { ok: true as const };
    },
    'alarms.settings': () => getAlarmSettings(db),
    'alarms.saveSettings': (input, ctx) => saveAlarmSettings(core, signedIn(ctx), input),

    'reports.settings': () => getReportSettings(db),
    'reports.saveSettings': (input, ctx) => saveReportSettings(core, signedIn(ctx), input),
    'reports.create': (input, ctx) => createReport(core, signedIn(ctx), input),
    'reports.list': (input) => listReports(db, input),
    'reports.get': (input) => getReport(db, input.id),
    'reports.transition': async (input, ctx) => {
      await transitionReport(core, signedIn(ctx), input);
      return getReport(db, input.id);
    },
    'reports.linkPetition': async (input, ctx) => {
      await linkReportPetition(core, signedIn(ctx), input.id, input.petitionId);
      return getReport(db, input.id);
    },
    'reports.flag': async (input, ctx) => {
      await flagReport(core, signedIn(ctx), input.id, input.flag, input.note);
      return getReport(db, input.id);
    },

    'warningRules.list': () => listWarningRules(db),
    'warningRules.save': (input, ctx) => saveWarningRule(core, signedIn(ctx), input),
    'warningRules.reorder': (input, ctx) => reorderWarningRules(core, signedIn(ctx), input.ids),
    'warnings.settings': () => getWarningSettings(db),
    'warnings.saveSettings': (input, ctx) => saveWarningSettings(core, signedIn(ctx), input),
    'warnings.suggest': (input) => suggestWarningLevel(db, input),
    'warnings.issue': async (input, ctx) => getWarning(db, await issueWarning(core, signedIn(ctx), input), core.clock.now()),
    'warnings.list': (input) => listWarnings(db, input, core.clock.now()),
    'warnings.get': (input) => getWarning(db, input.id, core.clock.now()),
    'warnings.feedback': async (input, ctx) => {
      await addWarningFeedback(core, signedIn(ctx), input);
      return getWarning(db, input.id, core.clock.now());
    },
    'warnings.supervise': async (input, ctx) => {
      await superviseWarning(core, signedIn(ctx), input);
      return getWarning(db, input.id, core.clock.now());
    },
    'warnings.changeLevel': async (input, ctx) => {
      await changeWarningLevel(core, signedIn(ctx), input);
      return getWarning(db, input.id, core.clock.now());
    },
    'warnings.lift': async (input, ctx) => {
      await liftWarning(core, signedIn(ctx), input);
      return getWarning(db, input.id, core.clock.now());
    },
    'warnings.link': async (input, ctx) => {
      await linkWarning(core, signedIn(ctx), input);
      return getWarning(db, input.id, core.clock.now());
    },

    'zeroReports.settings': () => getZeroReportSettings(db),
    'zeroReports.saveSettings': (input, ctx) => saveZeroReportSettings(core, signedIn(ctx), input),
    'zeroReports.grid': (input) => zeroReportGrid(db, input.month, core.clock.now()),
    'zeroReports.submit': (input, ctx) => submitZeroReport(core, signedIn(ctx), input),

    'stats.overview': (input) => statistics(db, input, core.clock.now()),
    'stats.dashboard': () => dashboard(db, core.clock.now()),

    'audit.list': (input) => listAudit(db, input.page, input.pageSize),
    'audit.verify': () => verifyAudit(db),

    'backup.create': (input, ctx) => createBackup(core, signedIn(ctx), input.targetDir || null),
    'notices.list': (input) => listNotices(db, input),
    'notices.get': (input, ctx) => getNotice(db, input.id, signedIn(ctx).role),
    'notices.create': async (input, ctx) => getNotice(db, await createNotice(core, signedIn(ctx), input), signedIn(ctx).role),
    'notices.update': async (input, ctx) => {
      await updateNotice(core, signedIn(ctx), input);
      return getNotice(db, input.id, signedIn(ctx).role);
    },
    'notices.submit': async (input, ctx) => {
      await submitNotice(core, signedIn(ctx), input.id);
      return getNotice(db, input.id, signedIn(ctx).role);
    },
    'notices.return': async (input, ctx) => {
      await returnNotice(core, signedIn(ctx), input.id, input.reason);
      return getNotice(db, input.id, signedIn(ctx).role);
    },
    'notices.sign': async (input, ctx) => {
      await signNotice(core, signedIn(ctx), input.id);
      return getNotice(db, input.id, signedIn(ctx).role);
    },
    'notices.supersede': async (input, ctx) => getNotice(db, await supersedeNotice(core, signedIn(ctx), input.id), signedIn(ctx).role),
    'notices.html': (input) => noticeHtml(db, input.id),
    'notices.pdf': (input, ctx) => noticePdf(core, signedIn(ctx), input.id, options.makePdf ?? null),
    'notices.recordPrint': async (input, ctx) => {
      await recordPrint(core, signedIn(ctx), input.id, input.copies, input.format);
      return getNotice(db, input.id, signedIn(ctx).role);
    },
    'notices.settings': () => getNoticeSettings(db),
    'notices.saveSettings': (input, ctx) => saveNoticeSettings(core, signedIn(ctx), input),

    'clock.now': async () => ({ now: core.clock.now(), timeZone: (await findOffice(db))?.timeZone ?? DEFAULT_TIME_ZONE }),
    'dev.clock': async (input) => {
      const clock = options.testClock;
      if (!clock) throw new UserError('forbidden', 'errors.generic.forbidden', { role: '—' });
      if (input.setNow !== undefined) clock.set(input.setNow);
      if (input.advanceMs !== undefined) clock.advance(input.advanceMs);
      const now = clock.now();
      core.emit({ type: 'clock.changed', now });
      // The test waits for what a person would see right after the jump, so alarms are processed first.
      await options.scheduler?.tick();
      return { now };
    },
  };
}
