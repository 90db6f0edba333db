/**
 * Whether `value` carries `brand` (a `Symbol.for` key set to true): `instanceof` across Next.js bundles,
 * each of which may hold its own copy of a class.
 */
export function hasBrand(value: unknown, brand: symbol): boolean {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}
