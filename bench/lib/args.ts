/** Command-line checks shared by the bench scripts. */

/** The flag's value as a positive number, or exit 2 saying which flag was wrong. */
export function positiveArg(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`--${name} must be a positive number (got ${value})`);
    process.exit(2);
  }
  return n;
}
