export const duty = {
  zh: {
    title: '值班',
  },
  en: {
    title: 'Duty',
  },
};
