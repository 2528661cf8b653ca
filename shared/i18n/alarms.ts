export const alarms = {
  zh: {
    title: '期限提醒',
  },
  en: {
    title: 'Alarms',
  },
};
