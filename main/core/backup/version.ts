/** The app's version as package.json states it: every manifest records the version that wrote it. */
import { version } from '../../../package.json';

export const APP_VERSION: string = version;
