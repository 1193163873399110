/** The largest file the server accepts (the API answers 413 above it). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** A byte count for people: `512 B`, `1.5 KiB`, `20 MiB`. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} ${units[unit]}`;
}
