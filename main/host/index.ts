export { startHost, type Host, type HostOptions } from './server';
