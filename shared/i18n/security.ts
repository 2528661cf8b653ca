/**
 * Words for accounts, sessions and the audit chain's standing (issue 12): the refusals the core gives, the forced
 * password change, the red banner admins see when the chain is broken, and the short audit head printed on the
 * duty sheets.
 */
export const security = {
  zh: {
    errors: {
      unstorableText: '“{field}”中有无法保存的字符（不成对的代理字符或空字符），请删去后重新输入',
      notAnObject: '请求的内容应为一个对象（{…}），请检查后重试',
      badJson: '请求的内容不是有效的 JSON，请检查后重试',
      tooBusy: '本机正在接收的数据过多，请稍候再试',
      tooLarge: '请求的内容过大（上限{mb}MB），请减小附件后重试',
      sourceLimited: '登录尝试过于频繁，请在{minutes}分钟后再试',
      samePassword: '新密码不能与原密码相同，请另设一个',
      wrongOldPassword: '原密码不正确（还可再试{left}次）',
      nothingToUpdate: '没有要修改的内容：请至少修改一项',
      numberFormatYear: '编号格式中须包含年份 {year}，否则明年的编号会与今年重复',
      sessionMaxDays: '登录有效期应为1到90天之间的整数',
      duplicateNumber: '新编号与已有的编号重复，没有登记：请管理员在“办公室设置”中检查编号格式（应包含 {year} 和 {seq}）',
      duplicate: '与已有的记录重复，没有保存；请修改后重试',
      passwordChangeRequired: '这个账号须先设置自己的密码，才能进行其他操作：请在“请设置您自己的密码”窗口中修改密码',
    },
    password: {
      forcedTitle: '请设置您自己的密码',
      forcedBody: '这个账号的密码是管理员设置的。为了只有您本人知道密码，请先设置一个新密码，再开始工作。',
      forcedDone: '新密码已设置，欢迎使用',
    },
    office: {
      sessionMaxDays: '登录有效期（天）',
      sessionMaxDaysHint: '无论是否在用，登录满此天数后须重新登录；闲置12小时也会退出。默认7天',
      sessionSuffix: ' 天',
    },
    audit: {
      bannerTitle: '审计链校验失败',
      banner: '审计记录第{id}条起对不上（{reason}），可能有人绕过本程序改动了数据。请保持现状，报告领导，并用最近的备份和纸质交接班记录上的审计链标记核对。',
      bannerOpen: '查看审计日志',
      reason: {
        row: '记录内容被改动',
        link: '记录的前后衔接被改动',
        gap: '有记录被删除',
        truncated: '最新的记录被删除',
        head: '链尾标记与记录不符',
        key: '本机的审计密钥丢失或被更换',
      },
      head: '审计链标记',
      headValue: '第{id}条 · {hash}',
      headNone: '（尚无审计记录）',
      headHint: '把此标记抄在纸质记录上，日后可与审计日志核对',
    },
  },
  en: {
    errors: {
      unstorableText: '“{field}” contains characters that cannot be saved (a lone surrogate or a NUL); remove them and try again',
      notAnObject: 'The request must be an object ({…}); check it and try again',
      badJson: 'The request is not valid JSON; check it and try again',
      tooBusy: 'This PC is receiving too much data right now; try again in a moment',
      tooLarge: 'The request is too large (at most {mb} MB); make the attachment smaller and try again',
      sourceLimited: 'Too many login attempts; try again in {minutes} minutes',
      samePassword: 'The new password must differ from the current one',
      wrongOldPassword: 'The current password is wrong ({left} tries left)',
      nothingToUpdate: 'Nothing to change: change at least one item',
      numberFormatYear: 'The number format must contain the year {year}, or next year’s numbers repeat this year’s',
      sessionMaxDays: 'The login lifetime must be a whole number of days from 1 to 90',
      duplicateNumber: 'The new number repeats an existing one and nothing was registered: ask the administrator to check the number format in Office settings (it needs {year} and {seq})',
      duplicate: 'This duplicates an existing record and was not saved; change it and try again',
      passwordChangeRequired: 'This account must choose its own password before anything else: change it in the “Choose your own password” window',
    },
    password: {
      forcedTitle: 'Choose your own password',
      forcedBody: 'An administrator set this account’s password. Choose a new one, known only to you, before you start.',
      forcedDone: 'Your new password is set. Welcome',
    },
    office: {
      sessionMaxDays: 'Login lifetime (days)',
      sessionMaxDaysHint: 'After this many days a login ends however busy; 12 idle hours end it too. Default 7 days',
      sessionSuffix: ' days',
    },
    audit: {
      bannerTitle: 'Audit chain check failed',
      banner: 'The audit records stop matching at record {id} ({reason}): the data may have been changed outside this program. Leave everything as it is, tell your leader, and compare with the latest backup and the audit marks on the printed handover sheets.',
      bannerOpen: 'Open the audit log',
      reason: {
        row: 'a record was changed',
        link: 'the order of records was changed',
        gap: 'a record was deleted',
        truncated: 'the newest records were deleted',
        head: 'the chain’s end mark does not match',
        key: 'this PC’s audit key is missing or was replaced',
      },
      head: 'Audit mark',
      headValue: 'No. {id} · {hash}',
      headNone: '(no audit records yet)',
      headHint: 'Copy this mark onto paper records to compare with the audit log later',
    },
  },
};
