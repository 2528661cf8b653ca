export { scheduleAlarmsFor, scheduleAlarmsForDeadlines, rescheduleAlarmsFor, closeAlarmsFor, OPEN_ALARM_STATUSES, type DeadlineFacts } from './alarm-rows';
export { processDueAlarms, nextAlarmWakeAt, LATE_GRACE_MS, type FiredAlarm, type AlarmPolicy } from './engine';
export { AlarmScheduler, MAX_SLEEP_MS, type SchedulerOptions } from './scheduler';
export { listAlarms, getAlarm, acknowledgeAlarm, acknowledgeAlarms, snoozeAlarm, saveAlarmSettings, SNOOZE_MINUTES, type AlarmView } from './actions';
export { getAlarmSettings, DEFAULT_ALARM_SETTINGS, type AlarmSettings } from './settings';
export { subjectLabels, subjectKey, type SubjectRef, type SubjectLabel } from './subjects';
