/**
 * Every session is shown and reasoned about in London time. Its own module, so that code needing
 * only the zone's name (the presentation module, in the browser) does not load the time arithmetic.
 */
export const LONDON = 'Europe/London'
