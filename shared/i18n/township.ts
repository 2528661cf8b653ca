/** Moving a township's file into the county database (`npm run import-township`): its refusals and its report. */
export const township = {
  zh: {
    /** A record imported from a township's file: its number is that township's, shown after its name. */
    number: '{township} {number}',
    errors: {
      name: '请用 --township 写明乡镇名称（如 东风镇），不超过20个字，不含空格和“·”',
      notPostgres: '乡镇文件只能导入县级 PostgreSQL 数据库：请用 --database postgres://… 指定县局的数据库',
      countyNotSetUp: '县局的数据库还没有完成初始设置：请先启动信访工作台建立县局和管理员，再导入乡镇文件',
      fileMissing: '找不到乡镇文件 {file}：请写明乡镇信访工作台数据文件夹里 petition-desk.sqlite 的完整路径',
      walPending: '乡镇文件 {file} 旁边还有未写入的 -wal 日志：请先在乡镇那台电脑上正常关闭信访工作台，再复制文件过来',
      damaged: '乡镇文件 {file} 已损坏或不是信访工作台的数据文件（{detail}），未导入任何内容：请从乡镇重新复制，或用乡镇的备份恢复后再导出',
      newerVersion: '乡镇文件来自更新版本的信访工作台（有本版本不认识的数据库变更 {migration}），未导入：请先把县局的信访工作台升级到同一版本',
      olderVersion: '乡镇文件来自较旧版本的信访工作台（缺少数据库变更 {migration}），未导入：请先在乡镇用本版本的信访工作台打开一次该文件，再复制过来',
      keyMissing: '在 {dir} 里找不到乡镇（{office}）的审计密钥 audit-{uid}.key，无法核验它的审计链，未导入：请用 --key-dir 指定从乡镇电脑复制来的密钥文件夹',
      auditBroken: '乡镇文件的审计链核验不通过（第{row}条，{reason}），文件可能被改动过，未导入任何内容：请从乡镇重新复制原文件，或联系乡镇核查',
      attachmentBroken: '乡镇附件“{name}”缺失或与记录的校验值不符（{path}），未导入任何内容：请把乡镇数据文件夹里的 attachments 文件夹一并复制过来（--data-dir 指向乡镇数据文件夹）',
      alreadyImported: '{township}的文件已于{at}导入过（文件校验值 {hash}），不能重复导入',
      sameFile: '这个文件已于{at}作为“{township}”导入过（文件校验值 {hash}），不能重复导入',
    },
    cli: {
      usage: '用法：npm run import-township -- --database postgres://… --file /路径/petition-desk.sqlite --township 东风镇 [--data-dir 县局数据文件夹] [--key-dir 乡镇密钥文件夹] [--township-data-dir 乡镇数据文件夹]',
      done: '已导入{township}：{summary}；审计链{auditRows}条已核验（末条 #{headId} {headHash}…）；文件校验值 {hash}',
      failed: '导入失败：{message}',
      summary: '信访事项{petitions}件、信息报告{reports}件、预警{warnings}件、文书{notices}份、附件{attachments}个、账号{users}个（均已停用）、新增单位{units}个，共{rows}行',
    },
  },
  en: {
    number: '{township} {number}',
    errors: {
      name: 'Name the township with --township (e.g. 东风镇): at most 20 characters, no spaces and no "·"',
      notPostgres: "A township's file can only be imported into the county's PostgreSQL database: name it with --database postgres://…",
      countyNotSetUp: "The county's database is not set up yet: start Petition Desk to create the bureau and its administrator first, then import",
      fileMissing: "The township file {file} was not found: give the full path of petition-desk.sqlite in the township's data folder",
      walPending: 'The township file {file} has an unwritten -wal log beside it: close Petition Desk normally on the township PC first, then copy the file',
      damaged: 'The township file {file} is damaged or not a Petition Desk data file ({detail}); nothing was imported: copy it again from the township, or restore their backup first',
      newerVersion: 'The township file comes from a newer Petition Desk (it has database change {migration}, unknown here); nothing was imported: upgrade the county first',
      olderVersion: 'The township file comes from an older Petition Desk (it lacks database change {migration}); nothing was imported: open it once with this version at the township, then copy it',
      keyMissing: "The township's ({office}) audit key audit-{uid}.key is not in {dir}, so its audit chain cannot be verified; nothing was imported: name the key folder copied from the township PC with --key-dir",
      auditBroken: "The township file's audit chain does not verify (row {row}, {reason}); the file may have been altered and nothing was imported: copy the original again, or ask the township to check",
      attachmentBroken: 'The township attachment "{name}" is missing or does not match its recorded checksum ({path}); nothing was imported: copy the attachments folder of the township data folder too (--township-data-dir)',
      alreadyImported: "{township}'s file was already imported at {at} (file checksum {hash}); it cannot be imported twice",
      sameFile: 'This file was already imported at {at} as "{township}" (file checksum {hash}); it cannot be imported twice',
    },
    cli: {
      usage: 'Usage: npm run import-township -- --database postgres://… --file /path/petition-desk.sqlite --township 东风镇 [--data-dir county data folder] [--key-dir township key folder] [--township-data-dir township data folder]',
      done: 'Imported {township}: {summary}; {auditRows} audit rows verified (last #{headId} {headHash}…); file checksum {hash}',
      failed: 'Import failed: {message}',
      summary: '{petitions} petitions, {reports} information reports, {warnings} warnings, {notices} notices, {attachments} attachments, {users} accounts (all disabled), {units} new units; {rows} rows in all',
    },
  },
};
