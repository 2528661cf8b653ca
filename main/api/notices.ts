/** Handlers for the notices procedures of the contract (shared/api/notices.ts). */
import type { Core } from '../core/context';
import type { noticesContract } from '../../shared/api';
import { createNotice, getNotice, getNoticeSettings, listNotices, noticeHtml, noticePdf, recordPrint, returnNotice, saveNoticeSettings, signNotice, submitNotice, supersedeNotice, updateNotice } from '../core/notices';
import { type DomainHandlers, type HandlerOptions, signedIn } from './context';

export function noticesHandlers(core: Core, options: HandlerOptions): DomainHandlers<typeof noticesContract> {
  const { db } = core;
  return {
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
    'notices.html.get': (input) => noticeHtml(db, input.id),
    'notices.pdf.get': (input, ctx) => noticePdf(core, signedIn(ctx), input.id, options.makePdf ?? null),
    'notices.prints.create': async (input, ctx) => {
      await recordPrint(core, signedIn(ctx), input.id, input.copies, input.format);
      return getNotice(db, input.id, signedIn(ctx).role);
    },
    'notices.settings.get': () => getNoticeSettings(db),
    'notices.settings.update': (input, ctx) => saveNoticeSettings(core, signedIn(ctx), input),
  };
}
