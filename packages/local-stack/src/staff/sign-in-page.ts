import type { StaffIdentity } from './claims.ts'

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char)
}

/**
 * The local issuer's sign-in page: where Cognito's hosted UI asks for a password, the local stack
 * lets you choose who to be. The form sends the same authorization request again with `login_hint`.
 */
export function signInPage(request: URLSearchParams, users: readonly StaffIdentity[]): string {
  const hidden = [...request]
    .filter(([name]) => name !== 'login_hint')
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n')
  const choices = users
    .map(
      (user, index) => `<div class="choice">
  <input type="radio" id="user-${index}" name="login_hint" value="${escapeHtml(user.username)}"${index === 0 ? ' checked' : ''}>
  <label for="user-${index}">${escapeHtml(user.name)} <span>${escapeHtml(user.username)} · ${escapeHtml(user.roles.join(', '))}${
    user.laCodes.length > 0 ? ` · ${escapeHtml(user.laCodes.join(', '))}` : ''
  }</span></label>
</div>`,
    )
    .join('\n')
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in as a staff member – local issuer</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #0b0c0c; }
fieldset { border: 0; padding: 0; }
legend { font-size: 1.25rem; font-weight: 700; margin-bottom: 1rem; }
.choice { margin-bottom: 0.75rem; }
.choice span { display: block; color: #484949; margin-left: 1.6rem; }
button { font-size: 1.1rem; padding: 0.5rem 1rem; background: #00703c; color: #fff; border: 0; }
button:focus, input:focus { outline: 3px solid #fd0; }
</style>
</head>
<body>
<main>
<h1>Sign in to staff pages</h1>
<p>This is the local stack's sign-in. In AWS, staff sign in with their Cognito account and password.</p>
<form method="get" action="">
${hidden}
<fieldset>
<legend>Who are you?</legend>
${choices}
</fieldset>
<button type="submit">Sign in</button>
</form>
</main>
</body>
</html>`
}
