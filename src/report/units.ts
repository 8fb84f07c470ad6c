// How minutes read in reports and command output.

/** 95 → "1 h 35 min", 40 → "40 min", 0 → "0 min". */
export function formatMinutes(minutes: number): string {
  const whole = Math.round(minutes)
  if (whole < 60) return `${whole} min`
  const rest = whole % 60
  return `${Math.floor(whole / 60)} h${rest ? ` ${rest} min` : ''}`
}

/** Decimal hours with two places, as timesheets and spreadsheets want them: 95 → "1.58". */
export function hours(minutes: number): string {
  return (minutes / 60).toFixed(2)
}

/** Measured milliseconds as whole minutes, to the nearest. */
export function msToMinutes(ms: number): number {
  return Math.round(ms / 60_000)
}
