export { LoginPage } from './LoginPage';
export { SetupPage } from './SetupPage';
export { StartupScreen } from './StartupScreen';
