/** Array literals for statement parameters (`'{…}'::text[]`): each element quoted, so commas and quotes are safe. */
export const textArrayLiteral = (xs: readonly string[]) => `{${xs.map((x) => JSON.stringify(x)).join(',')}}`;
