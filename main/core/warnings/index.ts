export {
  issueWarning,
  addWarningFeedback,
  superviseWarning,
  changeWarningLevel,
  liftWarning,
  applyApprovedLift,
  linkWarning,
  openFeedbackDeadlines,
  WARNING_NUMBER_FORMAT,
} from './lifecycle';
export { listWarnings, getWarning, allowedWarningActions } from './queries';
export {
  listWarningRules,
  saveWarningRule,
  reorderWarningRules,
  suggestLevel,
  suggestWarningLevel,
  ruleMatches,
  type WarningFactsValue,
  type RuleInput,
} from './rules';
export { getWarningSettings, saveWarningSettings, DEFAULT_WARNING_SETTINGS, MAX_DEADLINE_HOURS } from './settings';
export { refusePersonalNumbers, type CheckedText } from './privacy';

