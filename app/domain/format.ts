// Display formats. Money arrives as bigint minor units (pence) and is never a float.

/** 1234567n -> "£12,345.67"; whole pounds drop the pence: 1500000n -> "£15,000". */
export function formatPounds(amountMinor: bigint): string {
  const negative = amountMinor < 0n;
  const abs = negative ? -amountMinor : amountMinor;
  const pounds = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const pence = abs % 100n;
  const text = pence === 0n ? `£${pounds}` : `£${pounds}.${pence.toString().padStart(2, "0")}`;
  return negative ? `-${text}` : text;
}
