export const reports = {
  zh: {
    title: '信息报告',
    zeroReports: '零报告',
    zeroReportSubject: '{unit}{period}零报告',
    monthlyArticle: '零报告（月报）：次月{day}日24时前报送',
    dailyArticle: '零报告（敏感期日报）：当日{hour}时前报送',
    periodMonth: '{year}年{month}月',
    periodDay: '{year}年{month}月{day}日',
  },
  en: {
    title: 'Information reports',
    zeroReports: 'Zero reports',
    zeroReportSubject: 'Zero report of {unit} for {period}',
    monthlyArticle: 'Zero report (monthly): by 24:00 on day {day} of the next month',
    dailyArticle: 'Zero report (daily, sensitive period): by {hour}:00 the same day',
    periodMonth: '{year}-{month}',
    periodDay: '{year}-{month}-{day}',
  },
};
