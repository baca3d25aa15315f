// The labels of the domain's codes (`labels/`) are one file a family, so that a page's bundle
// carries only the labels it shows; each lists its codes in the domain's order, which the pages offer.
export * from './labels/bookings.ts'
export * from './labels/courses.ts'
export * from './labels/label-of.ts'
export * from './labels/mail.ts'
export * from './labels/people.ts'
export * from './labels/sessions.ts'
export * from './labels/staff.ts'
export * from './london.ts'
export * from './manage-url.ts'
export * from './status.ts'
export * from './venue.ts'
