/**
 * A large office for the benchmarks: petitions written straight into SQLite in batches of 1,000 (seconds, not the
 * minutes the API would take), varied in topic, place, channel, category and status like a real register.
 *
 * @example
 * await seedPetitions(app.core.db, 100_000, unitId);
 */
import type { Insertable } from 'kysely';
import type { Db, PetitionTable } from '../../../main/db';

const START = Date.UTC(2024, 0, 2, 1, 0);
const TOPICS = ['征地补偿款', '拖欠工资', '宅基地纠纷', '低保申请', '环境污染', '医疗纠纷', '学校收费', '道路修建', '土地承包', '拆迁安置'];
const CHANNELS = ['letter', 'visit', 'call', 'online'] as const;
const CATEGORIES = ['suggestion', 'accusation', 'claim'] as const;
const STATUSES = ['registered', 'accepted', 'in_handling', 'replied', 'closed'] as const;
const PLACES = ['东风村', '红旗村', '青山社区', '河西村', '新民村', '太平社区', '光明村', '石桥村'];

export async function seedPetitions(db: Db, count: number, unitId: number): Promise<void> {
  const batch = 1000;
  for (let i = 0; i < count; i += batch) {
    const rows: Insertable<PetitionTable>[] = [];
    for (let j = i; j < Math.min(count, i + batch); j++) {
      const topic = TOPICS[j % TOPICS.length] ?? '';
      const place = PLACES[j % PLACES.length] ?? '';
      const received = START + j * 8 * 60_000;
      rows.push({
        number: `信〔B〕${String(j + 1).padStart(6, '0')}号`,
        year: 2024 + Math.floor(j / 40000),
        seq: (j % 40000) + 1,
        channel: CHANNELS[j % CHANNELS.length] ?? 'letter',
        received_at: received,
        people_count: 1 + (j % 7),
        category: CATEGORIES[j % CATEGORIES.length] ?? 'claim',
        claim_item: j % 3 === 2 ? 6 : null,
        topic_id: (j % 10) + 1,
        unit_id: unitId,
        summary: `${place}村民反映${topic}问题（第${j}件）`,
        request: `要求尽快解决${topic}，${place}${j % 13}组`,
        facts_reasons: `${place}第${j % 13}组村民于2024年反映${topic}，多次协商未果。`,
        status: STATUSES[j % STATUSES.length] ?? 'registered',
        repeat_of_id: null,
        responsible_unit_id: null,
        lead_leader_id: null,
        decision: null,
        extended_days: 0,
        anonymous: 0,
        first_petitioner: `村民${j}`,
        first_id_number: '',
        next_due_at: j % 5 === 4 ? null : received + 15 * 86_400_000,
        next_due_kind: j % 5 === 4 ? null : 'forward',
        created_by: 1,
        created_at: received,
        updated_at: received,
      });
    }
    await db.transaction().execute((trx) => trx.insertInto('petitions').values(rows).execute());
  }
}
