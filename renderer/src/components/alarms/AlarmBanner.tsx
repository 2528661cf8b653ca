/** Open alarms across the top of every page, with sound (being built). */
export function AlarmBanner() {
  return null;
}
