export * from './deadline-rows';
export * from './calendar-changes';
