/** A page's <title>: what the page is, then the service name (GOV.UK pattern). */
export function pageTitle(title: string) {
  return [{ title: `${title} - Potluck` }];
}
