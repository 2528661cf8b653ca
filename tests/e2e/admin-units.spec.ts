import { test, expect, ADMIN } from './support/fixtures';
import { AdminTopics, AdminUnits } from './pages/admin-units';
import { dismissToasts } from './pages/admin-common';

test('units: a liaison cadre is recorded, a bad phone and a duplicate name are refused', async ({ page, desk }) => {
  await desk.setupOffice();
  const admin = await desk.login(ADMIN.username, ADMIN.password);
  for (const unit of [
    { name: '红旗村', kind: 'village', liaisonName: '周建国', liaisonPhone: '13912345678' },
    { name: '青山社区', kind: 'community', liaisonName: '吴丽', liaisonPhone: '0571-88886666' },
    { name: '镇司法所', kind: 'department', liaisonName: '郑伟', liaisonPhone: '0571-88881234' },
    { name: '镇综治办', kind: 'department', liaisonName: '', liaisonPhone: '' },
  ]) {
    await desk.api('units.create', unit, admin);
  }

  const units = new AdminUnits(page);
  await units.open();

  const dialog = await units.fillNew({ name: '东风村', kind: '村', liaisonName: '李四', liaisonPhone: '1380000abcd' });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('联系电话格式不对，应为手机号或座机号（可带区号和短横线）')).toBeVisible();
  await desk.screenshot('admin-units-new');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(units.rows('东风村')).toHaveCount(0);

  const again = await units.fillNew({ name: '东风村', kind: '村', liaisonName: '李四', liaisonPhone: '13800000000' });
  await again.getByRole('button', { name: '保存' }).click();
  await expect(again).toBeHidden();
  await expect(units.rows('东风村')).toContainText('李四');
  await expect(units.rows('东风村')).toContainText('13800000000');

  const duplicate = await units.fillNew({ name: '东风村', kind: '村', liaisonName: '王五', liaisonPhone: '13900000000' });
  await duplicate.getByRole('button', { name: '保存' }).click();
  await expect(duplicate.getByText('已有名为“东风村”的单位')).toBeVisible();
  await duplicate.getByRole('button', { name: '取消' }).click();
  await expect(units.rows('东风村')).toHaveCount(1);
  await expect(page.getByText('村（2个）')).toBeVisible();
  await dismissToasts(page);
  await desk.screenshot('admin-units');

  await units.filter('部门');
  await expect(page.getByTestId('unit-row')).toHaveCount(2);
  await expect(units.rows('东风村')).toHaveCount(0);

  // Deactivating asks first, then hides the unit until "show inactive" is on.
  await units.filter('全部');
  await units.rows('镇综治办').getByRole('button', { name: '停用' }).click();
  await page.getByRole('dialog', { name: '停用单位' }).getByRole('button', { name: '停用' }).click();
  await expect(units.rows('镇综治办')).toHaveCount(0);
  await page.getByRole('switch', { name: '显示已停用' }).check();
  await expect(units.rows('镇综治办')).toContainText('已停用');
});

test('topics: a new topic is added at the end, moved up, and an old one deactivated', async ({ page, desk }) => {
  await desk.setupOffice();
  const topics = new AdminTopics(page);
  await topics.open();
  await expect(topics.names().first()).toHaveText('征地拆迁');

  await page.getByRole('button', { name: '新增分类' }).click();
  const dialog = page.getByRole('dialog', { name: '新增分类' });
  await dialog.getByLabel('分类名称').fill('移民安置');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(topics.names().last()).toHaveText('移民安置');

  await page.getByRole('button', { name: '上移：移民安置' }).click();
  await expect(topics.names().nth(-2)).toHaveText('移民安置');
  await expect(topics.names().last()).toHaveText('其他');

  await topics.row('教育').getByRole('button', { name: '停用' }).click();
  await expect(topics.row('教育')).toHaveCount(0);
  await dismissToasts(page);
  await desk.screenshot('admin-topics');
});
