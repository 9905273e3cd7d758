/**
 * The settings of `options` that are set: spread over defaults, an undefined setting keeps the
 * default instead of overriding it with undefined.
 */
export function definedOnly<T extends object>(options: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(options ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
