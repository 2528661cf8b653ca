/** First-run setup, sign-in, accounts and the office's own settings. */
import { z } from 'zod';
import { ROLES } from '../enums';
import { id, text, instant, procedure, empty, idResult } from './common';
import { ADMINS } from './access';

export const userSchema = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
  lockedUntil: instant.nullable(),
  /**
   * Created or reset by an admin: the person chooses a new password before anything else (the renderer asks; the
   * API refuses every other procedure than {@link BEFORE_OWN_PASSWORD} with `password_change_required`).
   */
  mustChangePassword: z.boolean(),
});
export type User = z.infer<typeof userSchema>;

export const officeSchema = z.object({
  name: z.string(),
  township: z.string(),
  timeZone: z.string(),
  numberFormat: z.string(),
  collectiveThreshold: z.number().int(),
  prealarmDays: z.array(z.number().int()),
  /** A session ends this many days after login however busy (and after 12 idle hours). */
  sessionMaxDays: z.number().int(),
});
export type Office = z.infer<typeof officeSchema>;

/**
 * What an account that must first choose its own password may call: read its own session, change the password,
 * log out. Everything else is refused until then, whatever the renderer shows.
 */
export const BEFORE_OWN_PASSWORD: ReadonlySet<string> = new Set(['auth.get', 'auth.changePassword', 'auth.logout']);

export const usersContract = {
  'setup.get': procedure(
    'public',
    empty,
    z.object({ needsSetup: z.boolean(), officeName: z.string().nullable(), testClock: z.boolean() }),
  ),
  'setup.create': procedure(
    'public',
    z.object({
      officeName: text(60).min(1),
      township: text(60).min(1),
      timeZone: text(60).default('Asia/Shanghai'),
      admin: z.object({ username: text(32), displayName: text(30).min(1), password: z.string().max(128) }),
    }),
    z.object({ token: z.string(), user: userSchema }),
  ),
  'auth.login': procedure(
    'public',
    z.object({ username: text(32).min(1), password: z.string().min(1).max(128) }),
    z.object({ token: z.string(), user: userSchema }),
  ),
  /** The id is the user whose session ended. */
  'auth.logout': procedure('any', empty, idResult),
  'auth.get': procedure('any', empty, z.object({ user: userSchema, office: officeSchema })),
  'auth.changePassword': procedure(
    'any',
    z.object({ oldPassword: z.string().max(128), newPassword: z.string().max(128) }),
    userSchema,
  ),
  'users.list': procedure('any', empty, z.array(userSchema)),
  'users.create': procedure(
    ADMINS,
    z.object({ username: text(32), displayName: text(30).min(1), role: z.enum(ROLES), password: z.string().max(128) }),
    userSchema,
  ),
  'users.update': procedure(
    ADMINS,
    z.object({
      id,
      displayName: text(30).min(1).optional(),
      role: z.enum(ROLES).optional(),
      active: z.boolean().optional(),
      password: z.string().max(128).optional(),
      unlock: z.boolean().optional(),
    }),
    userSchema,
  ),
  'office.update': procedure(
    ADMINS,
    z.object({
      name: text(60).min(1).optional(),
      township: text(60).min(1).optional(),
      timeZone: text(60).optional(),
      numberFormat: text(40).optional(),
      collectiveThreshold: z.number().int().min(2).max(1000).optional(),
      sessionMaxDays: z.number().int().min(1).max(90).optional(),
    }),
    officeSchema,
  ),
} as const;
