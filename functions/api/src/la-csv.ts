import { type CourseMonthRow, type LaAttendee, londonParts, MAX_SESSION_PARTS } from '@ey/domain'
import { londonPart, ROLE_LABELS, SETTING_TYPE_LABELS } from '@ey/presentation'
import type { CsvCell, CsvRow } from './csv.ts'

/** A column of a download: its header, what it holds (the data dictionary), and its cell. */
interface Column<Line> {
  name: string
  description: string
  cell(line: Line): CsvCell
}

/** An attendee with what the list adds to the booking: the course's title and the session's dates in words. */
export type AttendeeLine = LaAttendee & { courseTitle: string; dates: SessionDates }

/** When a session runs, as the list writes it. */
interface SessionDates {
  firstDay: string
  inWords: string
}

/**
 * Turns pages of attendees into lines, given the catalogue's course titles. A session's dates
 * are written once per page of its bookings (London times in words are the costliest cells), and
 * kept for the next page only, as a session's bookings come together.
 */
export function attendeeLines(titles: ReadonlyMap<string, string>): (page: LaAttendee[]) => AttendeeLine[] {
  let dates = new Map<string, SessionDates>()
  return (page) => {
    const previous = dates
    dates = new Map()
    return page.map((attendee) => {
      const { session, sessionId } = attendee.booking
      const known = dates.get(sessionId) ?? previous.get(sessionId) ?? sessionDates(session.parts)
      dates.set(sessionId, known)
      return { ...attendee, courseTitle: titles.get(session.courseId) ?? session.title, dates: known }
    })
  }
}

function sessionDates(parts: LaAttendee['booking']['session']['parts']): SessionDates {
  const start = parts[0]?.startsAt
  return {
    firstDay: start ? londonParts(new Date(start)).date : '',
    inWords: parts.map(londonPart).join('; '),
  }
}

/** A line of the summary: the LA, the counts of a course (or all) in a month (or all), the course's title. */
export type SummaryLine = CourseMonthRow & { laCode: string; laName: string; courseTitle: string }

const yesNo = (value: boolean) => (value ? 'yes' : 'no')

const partColumns: Column<AttendeeLine>[] = Array.from({ length: MAX_SESSION_PARTS }, (_, part) => ({
  name: `part ${part + 1} attendance`,
  description:
    part === 0
      ? 'From the trainer’s register of the session’s first part: `present` (present or late), `absent` ' +
        '(marked absent, apologies given or left early) or empty (not marked yet)'
      : `The same for part ${part + 1}; empty when the session has fewer parts`,
  cell: (line) => line.attendance[part]?.replace('unmarked', '') ?? '',
}))

/** The columns of the attendee list, in order. */
export const ATTENDEE_COLUMNS: Column<AttendeeLine>[] = [
  {
    name: 'name',
    description: 'The person’s full name, as they gave it',
    cell: (line) => line.booking.person.name,
  },
  { name: 'email', description: 'The person’s email address', cell: (line) => line.booking.person.email },
  {
    name: 'role',
    description: 'The person’s role, as the booking form names it',
    cell: (line) => ROLE_LABELS[line.booking.person.role],
  },
  {
    name: 'setting name',
    description: 'The setting the person works in, as they wrote it',
    cell: (line) => line.booking.person.settingName,
  },
  {
    name: 'setting type',
    description: 'The type of setting, as the booking form names it',
    cell: (line) => SETTING_TYPE_LABELS[line.booking.person.settingType],
  },
  {
    name: 'Ofsted URN',
    description: 'The setting’s Ofsted unique reference number (6 or 7 digits); empty when not given',
    cell: (line) => line.booking.person.ofstedUrn ?? '',
  },
  { name: 'course id', description: 'The course’s id', cell: (line) => line.booking.session.courseId },
  { name: 'course title', description: 'The course’s title', cell: (line) => line.courseTitle },
  {
    name: 'first day',
    description: 'The London date (YYYY-MM-DD) the session starts on; the period is chosen by this day',
    cell: (line) => line.dates.firstDay,
  },
  {
    name: 'dates and times',
    description:
      'Every part of the session, in London time, in words (`Monday 5 October 2026, 4pm to 5:30pm`), ' +
      'parts separated by `; `',
    cell: (line) => line.dates.inWords,
  },
  {
    name: 'status',
    description:
      'The booking as it is now: `confirmed`, `attended`, `no-show`, `late-cancelled` (cancelled after ' +
      'bookings closed), `cancelled`, `waiting`, `offered`, `declined` or `expired`',
    cell: (line) => line.booking.status,
  },
  ...partColumns,
  {
    name: 'pre answered',
    description: '`yes` when the person answered the questionnaire before the session, `no` otherwise',
    cell: (line) => yesNo(line.answered.pre),
  },
  {
    name: 'post answered',
    description: '`yes` when the person answered the questionnaire after the session, `no` otherwise',
    cell: (line) => yesNo(line.answered.post),
  },
]

/** The columns of the summary by course and month, in order. */
export const SUMMARY_COLUMNS: Column<SummaryLine>[] = [
  { name: 'la code', description: 'The LA’s ONS code', cell: (line) => line.laCode },
  { name: 'la name', description: 'The LA’s name', cell: (line) => line.laName },
  {
    name: 'month',
    description:
      'The month (YYYY-MM) of the London day the sessions start on; `all months` on the lines that ' +
      'add up a course (or everything) over the period',
    cell: (line) => line.month ?? 'all months',
  },
  {
    name: 'course id',
    description: 'The course’s id; empty on the lines that add up every course',
    cell: (line) => line.courseId ?? '',
  },
  {
    name: 'course title',
    description: 'The course’s title; `all courses` on the lines that add up every course',
    cell: (line) => line.courseTitle,
  },
  {
    name: 'bookings',
    description:
      'Places booked by people from the LA: confirmed, attended, no-show or cancelled after bookings ' +
      'closed (a place given back in time, and waiting lists, do not count)',
    cell: (line) => line.bookings,
  },
  { name: 'attended', description: 'Bookings attended, by the register', cell: (line) => line.attended },
]

/** The rows of a file's lines by its columns. */
export function rowsOf<Line>(columns: readonly Column<Line>[], lines: readonly Line[]): CsvRow[] {
  return lines.map((line) => columns.map((column) => column.cell(line)))
}

/** Who the attendee list holds. */
const LISTED =
  'A line per booking (any status) of a session starting in the period, of each person from the LA ' +
  'who agreed, when booking, to share their attendance with their LA; people who did not are counted ' +
  'in the summary but never listed'

/** What the small-number rule does to the summary's counts. */
const SUPPRESSION =
  'Every count of the summary follows the small-number rule: a count from 1 to 4 is shown as `c`, ' +
  'and further counts are shown as `c` where a hidden one could otherwise be worked out from the ' +
  'totals (each count, bookings, attended, no-shows and late cancellations, on its own)'

/** The data dictionary: a line per column of both files. */
export const DICTIONARY_HEADER = ['file', 'column', 'description'] as const

/** The dictionary's rows: every column of the attendee list, then of the summary. */
export function dictionaryRows(): CsvRow[] {
  return [
    ['attendees', '(every line)', LISTED],
    ...ATTENDEE_COLUMNS.map((column) => ['attendees', column.name, column.description]),
    ...SUMMARY_COLUMNS.map((column) => ['summary', column.name, column.description]),
    ['summary', '(every count)', SUPPRESSION],
  ]
}
