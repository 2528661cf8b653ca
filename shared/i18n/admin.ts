export const admin = {
  zh: {
    title: '系统管理',
  },
  en: {
    title: 'Administration',
  },
};
