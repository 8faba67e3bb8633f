/**
 * What the composition root may use of the province view besides its routes: the demo seed
 * (Kalimantan Timur's MPPs and the `pemprov` login), imported on demand so a normal start never
 * loads the demo data.
 */
export async function seedEstablishmentDemo(...args: Parameters<typeof import('./demo-seed').seedEstablishmentDemo>) {
  return (await import('./demo-seed')).seedEstablishmentDemo(...args);
}
