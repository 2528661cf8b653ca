/**
 * The names of the fields the core's messages name ("请填写{field}", "{field}不能晚于现在", "“{field}”中有像身份证
 * 号码…"), per room. They say what the person must fill in, so some carry a hint in brackets.
 */
export const fields = {
  zh: {
    petitions: {
      correctionReason: '更正原因',
      voidReason: '作废原因（如重复登记、登错办公室、测试数据）',
      petitionerName: '第{index}位信访人的姓名',
      stepAt: '办理时间',
      mediationAt: '调解时间',
      targetBody: '转送机关',
      rejectReason: '不予受理的理由',
      extensionReason: '延期理由（须告知信访人）',
      replyDecision: '处理意见（支持、解释说明或不予支持）',
      basis: '依据',
      reviewDecision: '复查意见',
      rereviewDecision: '复核意见',
      withdrawReason: '撤回原因',
    },
    reports: {
      foundAt: '发现时间',
      reportedAt: '报告时间',
      summary: '标题',
      content: '事件情况',
      demands: '群众诉求',
      place: '地点',
      stepAt: '办理时间',
      note: '说明',
      nature: '性质',
      natureRequired: '事件性质',
      opinion: '初步处理意见',
      forwardTo: '报送单位（如县信访局）',
      flagNote: '情况说明',
      flagNoteRequired: '情况说明（从何处得知、为何认定）',
    },
    zeroReports: {
      submittedAt: '报送时间',
      note: '说明',
    },
    warnings: {
      title: '预警事项',
      grievance: '反映的问题和诉求',
      overrideReason: '调整等级的理由',
      resolutionStep: '化解措施',
      feedbackAt: '反馈时间',
      feedbackContent: '反馈内容',
      feedbackSource: '反馈人',
      supervisionNote: '督办意见',
      outcome: '化解结果',
    },
    duty: {
      reason: '原因',
      logAt: '记录时间',
      logContent: '记录内容',
    },
    alarms: {
      snoozeReason: '暂缓原因',
    },
    notices: {
      title: '标题',
      addressee: '主送',
    },
    office: {
      numberFormatSeq: '编号格式中的序号 {seq}',
    },
    approvals: {
      returnReason: '退回理由',
    },
    attachments: {
      removalReason: '移除原因',
    },
    alarmsAck: {
      otherReason: '代为确认的原因',
    },
  },
  en: {
    petitions: {
      correctionReason: 'Reason for the correction',
      voidReason: 'Reason for voiding (entered twice, wrong office, test entry)',
      petitionerName: 'The name of petitioner {index}',
      stepAt: 'The time of the step',
      mediationAt: 'The time of the mediation',
      targetBody: 'The body forwarded to',
      rejectReason: 'The reason for not accepting',
      extensionReason: 'The reason for the extension (told to the petitioner)',
      replyDecision: 'The decision (support, explain or not support)',
      basis: 'The basis',
      reviewDecision: 'The review decision',
      rereviewDecision: 'The re-review decision',
      withdrawReason: 'The reason for withdrawing',
    },
    reports: {
      foundAt: 'The time found',
      reportedAt: 'The time reported',
      summary: 'The title',
      content: 'What happened',
      demands: 'What people ask for',
      place: 'The place',
      stepAt: 'The time of the step',
      note: 'The note',
      nature: 'The nature',
      natureRequired: 'The nature of the event',
      opinion: 'The initial handling opinion',
      forwardTo: 'The body reported to (e.g. the county petition bureau)',
      flagNote: 'The explanation',
      flagNoteRequired: 'The explanation (where it was learnt, why it is judged so)',
    },
    zeroReports: {
      submittedAt: 'The time submitted',
      note: 'The note',
    },
    warnings: {
      title: 'The matter',
      grievance: 'The grievance and requests',
      overrideReason: 'The reason for another level',
      resolutionStep: 'A resolution step',
      feedbackAt: 'The time of the feedback',
      feedbackContent: 'The feedback',
      feedbackSource: 'Who gave the feedback',
      supervisionNote: 'The supervision instructions',
      outcome: 'The outcome',
    },
    duty: {
      reason: 'The reason',
      logAt: 'The time of the entry',
      logContent: 'The entry',
    },
    alarms: {
      snoozeReason: 'The reason for snoozing',
    },
    notices: {
      title: 'The title',
      addressee: 'The addressee',
    },
    office: {
      numberFormatSeq: 'The sequence number {seq} in the number format',
    },
    approvals: {
      returnReason: 'Reason for returning',
    },
    attachments: {
      removalReason: 'Reason for removal',
    },
    alarmsAck: {
      otherReason: 'Reason for acknowledging for others',
    },
  },
};
