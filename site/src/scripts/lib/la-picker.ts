import 'accessible-autocomplete/dist/accessible-autocomplete.min.css'

/**
 * Turns each `select[data-la-picker]` into an accessible autocomplete. The select stays the
 * source of truth (and what the form submits), so the page works before and without this.
 */
export async function enhanceLaPickers(): Promise<void> {
  const selects = [...document.querySelectorAll<HTMLSelectElement>('select[data-la-picker]')]
  if (selects.length === 0) return
  const { default: accessibleAutocomplete } = await import('accessible-autocomplete')
  for (const select of selects) {
    const describedBy = select.getAttribute('aria-describedby')
    const invalid = select.classList.contains('govuk-select--error')
    accessibleAutocomplete.enhanceSelectElement({
      selectElement: select,
      defaultValue: '',
      showAllValues: false,
      confirmOnBlur: true,
      tNoResults: () => 'No local authority found with that name',
    })
    const input = document.getElementById(select.id)
    if (!(input instanceof HTMLInputElement)) continue
    if (describedBy) input.setAttribute('aria-describedby', describedBy)
    if (invalid) input.classList.add('autocomplete__input--error')
    // Clearing the text must clear the choice too, or a stale LA would be sent.
    input.addEventListener('input', () => {
      if (input.value.trim() === '') select.value = ''
    })
  }
}

/** The element a label or error link should focus for a picker: the autocomplete input once enhanced. */
export function laPickerInput(id: string): HTMLElement | null {
  return document.getElementById(id)
}
