export { startHost, staticFileFor, type Host, type HostOptions } from './server';
