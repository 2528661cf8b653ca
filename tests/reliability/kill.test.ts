/**
 * kill -9 of the real browser-mode process at a random moment while it takes petition writes, notice sign-offs
 * and attachment uploads, then a restart. After each: every write the host acknowledged is there, the file passes
 * integrity_check, the audit chain verifies, numbers have no gaps, and the attachments folder holds no file that
 * no row references (what a crash left half-written went to quarantine). The full form runs 20 rounds of each;
 * `--mode short` (in `npm test`) runs 3.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ok, startHostProcess, type HostProcess } from './host-process';
import { commonChecks, gapsIn, logIn, petitionInput, readDb, setUpOffice, sha256, type Sessions } from './office';
import { seeded } from './seeded';

const ROUNDS = inject('reliabilityForm') === 'full' ? 20 : 3;
const WRITERS = 2;
/** Notices waiting for sign-off at the start of a round (more than a round signs before its kill). */
const SIGN_QUEUE = 40;

interface Round {
  readonly host: HostProcess;
  readonly sessions: Sessions;
}

/** One office for the file; each round starts the host over it, writes until the kill, and restarts it. */
function office() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'petition-desk-kill-'));
  let host: HostProcess | null = null;
  return {
    dataDir,
    async open(): Promise<Round> {
      host = await startHostProcess(dataDir);
      if (readDb<{ n: number }>(dataDir, 'SELECT count(*) AS n FROM users')[0]?.n === 0) await setUpOffice(host);
      return { host, sessions: await logIn(host) };
    },
    async close() {
      await host?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `write` in WRITERS loops until the host dies, killing it after a random delay; returns what it acknowledged.
 * A write that was in flight at the kill is unknown: it may or may not be there, and either is right.
 */
async function writeUntilKilled<T>(round: Round, random: () => number, write: (i: number) => Promise<T | null>): Promise<T[]> {
  const acked: T[] = [];
  let dead = false;
  let i = 0;
  const loops = Array.from({ length: WRITERS }, async () => {
    while (!dead) {
      try {
        const value = await write(i++);
        if (value !== null && !dead) acked.push(value);
        // A refusal, or nothing left to do: let the timer that kills the host run.
        if (value === null) await new Promise((r) => setTimeout(r, 5));
      } catch {
        // The connection dropped with the process: the write is unknown.
        if (!dead) await new Promise((r) => setTimeout(r, 5));
      }
    }
  });
  await new Promise((r) => setTimeout(r, 200 + Math.floor(random() * 1800)));
  await round.host.kill();
  dead = true;
  await Promise.all(loops);
  return acked;
}

function expectSound(findings: Awaited<ReturnType<typeof commonChecks>>, gaps: string[], lost: string[]) {
  expect({ ...findings, gaps, lost }).toEqual({ integrity: [], auditBroken: false, orphans: [], gaps: [], lost: [] });
}

describe('kill -9 during petition writes', { timeout: 0 }, () => {
  const o = office();
  afterAll(() => o.close());
  it(`loses no acknowledged petition in ${ROUNDS} rounds`, async () => {
    const random = seeded(1201);
    let total = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const r = await o.open();
      const acked = await writeUntilKilled(r, random, async (i) => {
        const res = await r.host.call<{ number: string }>('petitions.create', petitionInput(`第${round}轮第${i}件`, Date.now()), r.sessions.clerk);
        return res.result?.ok ? res.result.value.number : null;
      });
      total += acked.length;
      const after = await o.open();
      const present = new Set(readDb<{ number: string }>(o.dataDir, 'SELECT number FROM petitions').map((p) => p.number));
      const gaps = gapsIn(readDb<{ year: number; seq: number }>(o.dataDir, 'SELECT year, seq FROM petitions'), 'petitions');
      expectSound(await commonChecks(after.host, o.dataDir, after.sessions.admin), gaps, acked.filter((n) => !present.has(n)));
      await after.host.stop();
    }
    console.log(`[reliability] petitions: ${ROUNDS} kills, ${total} acknowledged writes, none lost`);
  });
});

describe('kill -9 during notice sign-offs', { timeout: 0 }, () => {
  const o = office();
  afterAll(() => o.close());
  it(`loses no acknowledged sign-off and leaves no gap in document numbers in ${ROUNDS} rounds`, async () => {
    const random = seeded(1202);
    let total = 0;
    const refusals: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const r = await o.open();
      // Drafted and submitted first, so the moments before the kill are sign-offs (each takes the next number).
      const waiting: number[] = [];
      for (let k = 0; k < SIGN_QUEUE; k++) {
        const petition = await ok<{ id: number }>(r.host, 'petitions.create', petitionInput('待签发文书的事项', Date.now()), r.sessions.clerk);
        const draft = await ok<{ id: number }>(r.host, 'notices.create', { kind: 'acceptance_notice', petitionId: petition.id }, r.sessions.clerk);
        await ok(r.host, 'notices.submit', { id: draft.id }, r.sessions.clerk);
        waiting.push(draft.id);
      }
      const acked = await writeUntilKilled(r, random, async () => {
        const id = waiting.shift();
        if (id === undefined) return null;
        const signed = await r.host.call<{ id: number; docNumber: string }>('notices.sign', { id }, r.sessions.leader);
        if (signed.result && !signed.result.ok) refusals.push(signed.result.error.message);
        return signed.result?.ok ? signed.result.value : null;
      });
      total += acked.length;
      const after = await o.open();
      const rows = readDb<{ id: number; status: string; doc_number: string | null; kind: string; year: number | null; seq: number | null }>(o.dataDir, 'SELECT id, status, doc_number, kind, year, seq FROM notices');
      const byId = new Map(rows.map((n) => [n.id, n]));
      const lost = acked.filter((a) => byId.get(a.id)?.doc_number !== a.docNumber || byId.get(a.id)?.status === 'draft').map((a) => a.docNumber);
      const numbered = rows.filter((n) => n.seq !== null).map((n) => ({ year: n.year ?? 0, seq: n.seq ?? 0 }));
      const gaps = gapsIn(numbered, 'acceptance notices');
      expectSound(await commonChecks(after.host, o.dataDir, after.sessions.admin), gaps, lost);
      await after.host.stop();
    }
    console.log(`[reliability] sign-offs: ${ROUNDS} kills, ${total} acknowledged sign-offs, none lost; ${refusals.length} refused (${[...new Set(refusals)].join('; ')})`);
  });
});

describe('kill -9 during attachment uploads', { timeout: 0 }, () => {
  const o = office();
  let petitionId = 0;
  beforeAll(async () => {
    const r = await o.open();
    const made = await r.host.call<{ id: number }>('petitions.create', petitionInput('上传材料的事项', Date.now()), r.sessions.clerk);
    if (!made.result?.ok) throw new Error(made.text);
    petitionId = made.result.value.id;
    await r.host.stop();
  });
  afterAll(() => o.close());
  it(`keeps every acknowledged file whole and leaves no orphan in ${ROUNDS} rounds`, async () => {
    const random = seeded(1203);
    let total = 0;
    // Every upload is either acknowledged or cut off by the kill; a refusal means the round tested nothing.
    const refused: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const r = await o.open();
      const acked = await writeUntilKilled(r, random, async (i) => {
        // A PDF by its content (attachments are checked by their bytes, not their name), the rest random.
        const data = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(64 * 1024 + Math.floor(random() * 512 * 1024))]);
        const res = await r.host.call<{ id: number }>('petitions.attachments.create', { id: petitionId, fileName: `材料${round}-${i}.pdf`, dataBase64: data.toString('base64') }, r.sessions.clerk);
        if (res.result && !res.result.ok) refused.push(res.text.slice(0, 200));
        return res.result?.ok ? { id: res.result.value.id, sha256: sha256(data) } : null;
      });
      total += acked.length;
      const after = await o.open();
      const rows = new Map(readDb<{ id: number; stored_name: string; sha256: string }>(o.dataDir, 'SELECT id, stored_name, sha256 FROM attachments').map((a) => [a.id, a]));
      const lost = acked
        .filter((a) => {
          const row = rows.get(a.id);
          if (!row || row.sha256 !== a.sha256) return true;
          const file = path.join(o.dataDir, 'attachments', ...row.stored_name.split('/'));
          return !fs.existsSync(file) || sha256(fs.readFileSync(file)) !== a.sha256;
        })
        .map((a) => String(a.id));
      expectSound(await commonChecks(after.host, o.dataDir, after.sessions.admin), [], lost);
      await after.host.stop();
    }
    expect(refused).toEqual([]);
    if (ROUNDS >= 20) expect(total, 'no upload was acknowledged in any round').toBeGreaterThan(0);
    const quarantined = fs.existsSync(path.join(o.dataDir, 'quarantine')) ? fs.readdirSync(path.join(o.dataDir, 'quarantine'), { recursive: true }).length : 0;
    console.log(`[reliability] uploads: ${ROUNDS} kills, ${total} acknowledged uploads, none lost; ${quarantined} entries moved to quarantine`);
  });
});
