/**
 * The link to the page where a person manages a booking: `https://…/manage#id=…&token=…`. The id
 * and token ride in the fragment, which no server, log or Referer sees. Every link emailed so far has
 * this form, so it stays; the site serves `/manage` and `/manage/` alike. With an empty `siteUrl`
 * it is the path alone, for links within the site.
 */
export function manageUrl(siteUrl: string, bookingId: string, token: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/manage#${new URLSearchParams({ id: bookingId, token })}`
}

/**
 * The booking's page without its key, `https://…/manage#id=…`, for files people share (calendar
 * files): opened alone it asks for the emailed link or offers a new one, so whoever holds the file
 * cannot change the booking.
 */
export function bookingPageUrl(siteUrl: string, bookingId: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/manage#${new URLSearchParams({ id: bookingId })}`
}

/**
 * The link to answer one questionnaire of a booking: `https://…/questionnaire/#id=…&token=…&kind=…`,
 * the token in the fragment as in `manageUrl`.
 */
export function questionnaireUrl(siteUrl: string, bookingId: string, token: string, kind: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/questionnaire/#${new URLSearchParams({ id: bookingId, token, kind })}`
}

/**
 * The public page that checks a certificate's verification code, with the code filled in:
 * `https://…/verify/?code=…`, as the certificate prints it. The code is no secret (it shows only a
 * name, course and date), so it may travel in the query.
 */
export function verifyUrl(siteUrl: string, code: string): string {
  return `${siteUrl.replace(/\/+$/, '')}/verify/?${new URLSearchParams({ code })}`
}
