export const petitions = {
  zh: {
    title: '信访事项',
  },
  en: {
    title: 'Petitions',
  },
};
