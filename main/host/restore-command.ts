/**
 * The words around a restore from the command line: asks for the backup password (without echoing it) unless
 * PETITION_DESK_BACKUP_PASSWORD gives it, restores, and says what was restored and where the data before it is.
 * Returns the exit code.
 */
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { restoreFromCommandLine, type CommandLineRestore } from '../app';
import { translate, type MessageKey, type MessageParams } from '../../shared/i18n';
import { UserError } from '../core/errors';
import { formatDateTime, DEFAULT_TIME_ZONE } from '../../shared/time';

export const PASSWORD_ENV = 'PETITION_DESK_BACKUP_PASSWORD';

async function askPassword(): Promise<string | null> {
  if (!process.stdin.isTTY) return null;
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  const answer = new Promise<string>((resolve) => rl.question('备份密码（未加密的备份直接回车）/ backup password: ', resolve));
  muted = true;
  const password = await answer;
  rl.close();
  process.stdout.write('\n');
  return password === '' ? null : password;
}

/** One line, Chinese then English: how the backup's audit chain was checked. */
export function auditCheckLine(audit: CommandLineRestore['audit']): string {
  const [key, params]: [MessageKey, MessageParams] = !audit.checked
    ? ['backups.commandLine.auditHeadOnly', {}]
    : audit.ok
      ? ['backups.commandLine.auditKeyed', { rows: audit.rows }]
      : ['backups.commandLine.auditKeyedBroken', { at: audit.brokenAt ?? '' }];
  return `${translate('zh-CN', key, params)} / ${translate('en', key, params)}`;
}

export async function runRestoreCommand(dataDir: string, folder: string, databaseUrl: string | null = null): Promise<number> {
  const password = process.env[PASSWORD_ENV] ?? (await askPassword());
  console.log(`数据文件夹 / data folder: ${dataDir}`);
  console.log(`正在核验并恢复 / verifying and restoring: ${folder}`);
  try {
    const done = await restoreFromCommandLine({ dataDir, folder, password, databaseUrl });
    const s = done.summary;
    console.log(`已恢复 ${formatDateTime(s.createdAt, DEFAULT_TIME_ZONE)} 的备份（${s.officeName}）：信访事项 ${s.counts.petitions ?? 0} 件，附件 ${s.attachments} 个，审计记录 ${s.auditRows} 条。`);
    console.log(auditCheckLine(done.audit));
    if (done.problems.length) console.log(`注意 / note: ${done.problems.join(', ')}`);
    console.log(`恢复前的数据已另存于 / the data before the restore is in: ${done.safetyCopy ?? '—'}`);
    return 0;
  } catch (err) {
    console.error(err instanceof UserError ? err.message : err);
    return 1;
  }
}
