export const warnings = {
  zh: {
    title: '预警',
    noRuleMatched: '没有匹配的规则，按蓝色预警处理',
    feedbackArticle: '{level}预警：发布后{hours}小时内反馈',
    levelChangedArticle: '调整为{level}预警：调整后{hours}小时内反馈',
    supervisionArticle: '督办：{due}前反馈',
  },
  en: {
    title: 'Warnings',
    noRuleMatched: 'No rule matched; treated as blue',
    feedbackArticle: '{level} warning: feedback within {hours} hours of issue',
    levelChangedArticle: 'Changed to {level}: feedback within {hours} hours of the change',
    supervisionArticle: 'Supervision: feedback before {due}',
  },
};
