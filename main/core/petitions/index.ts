export { createPetition, validatePetition, type ParsedPetitionInput } from './intake';
export { lastPetitionSeq } from './numbering';
export { listPetitions, listPetitionIds, searchesPerson, getPetition, findPossibleRepeats, SIMILAR_TEXT_THRESHOLD } from './queries';
export { transitionPetition, MAX_EXTENSION_DAYS } from './transitions';
export { addMediation, linkRepeat, revealPersonal, addAttachment, auditPersonSearch, MAX_ATTACHMENT_MB } from './records';
export { TRANSITIONS, allowedActions, nextStatus, hasHandlingPeriod, isTerminal } from './workflow';
export { formatPetitionNumber } from './numbering';
